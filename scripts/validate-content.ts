// `npm run content:check`: validates content/ without building the site; handy while writing.
import { formatCourseErrors, loadCourse } from '../src/lib/content/load-course.ts';

const { modules, errors } = loadCourse('content');
if (errors.length > 0) {
  console.error(formatCourseErrors(errors));
  process.exit(1);
}
const questions = modules.reduce((n, m) => n + m.questions.length, 0);
console.log(`Leerinhoud in orde: ${modules.length} module(s), ${questions} vragen.`);
