// `npm run content:check [-- --module <folder>]`: validates content/ without building the site;
// handy while writing. With --module only that module's errors are shown.
import { parseArgs } from 'node:util';
import { formatCourseErrors, loadCourse } from '../src/lib/content/load-course.ts';

const { values } = parseArgs({ options: { module: { type: 'string' } } });
const { modules, errors: all } = loadCourse('content');
const errors = values.module ? all.filter((e) => e.file.includes(`modules/${values.module}/`)) : all;
if (errors.length > 0) {
  console.error(formatCourseErrors(errors));
  process.exit(1);
}
const shown = values.module ? modules.filter((m) => m.folder === values.module) : modules;
const questions = shown.reduce((n, m) => n + m.questions.length, 0);
console.log(`Leerinhoud in orde: ${shown.length} module(s), ${questions} vragen.`);
