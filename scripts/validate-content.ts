// `npm run content:check [-- --module <folder>]`: validates content/ without building the site;
// handy while writing. With --module only that module's errors and warnings are shown.
// Warnings are printed but do not fail the check; errors do.
import { parseArgs } from 'node:util';
import { formatCourseErrors, formatCourseWarnings, loadCourse, type CourseError } from '../src/lib/content/load-course.ts';

const { values } = parseArgs({ options: { module: { type: 'string' } } });
const course = loadCourse('content');
const only = (list: CourseError[]) => (values.module ? list.filter((e) => e.file.includes(`modules/${values.module}/`)) : list);
const errors = only(course.errors);
const warnings = only(course.warnings);
const { modules } = course;
if (warnings.length > 0) console.warn(formatCourseWarnings(warnings));
if (errors.length > 0) {
  console.error(formatCourseErrors(errors));
  process.exit(1);
}
const shown = values.module ? modules.filter((m) => m.folder === values.module) : modules;
const questions = shown.reduce((n, m) => n + m.questions.length, 0);
const note = warnings.length > 0 ? `, ${warnings.length} waarschuwing${warnings.length === 1 ? '' : 'en'} (zie hierboven)` : '';
console.log(`Leerinhoud in orde: ${shown.length} module(s), ${questions} vragen${note}.`);
