// The small valid fixture course, loaded through the real validator.
import { fileURLToPath } from 'node:url';
import { loadCourse, type ModuleSource } from '../../src/lib/content/load-course.ts';

export const FIXTURE_COURSE_DIR = fileURLToPath(new URL('../fixtures/course', import.meta.url));

export function loadFixtureModule(): ModuleSource {
  const { modules, errors } = loadCourse(FIXTURE_COURSE_DIR);
  if (errors.length > 0) throw new Error(JSON.stringify(errors));
  return modules[0];
}

/** The outline as the app builds it from the content (the same function). */
export { outlineOf } from '../../src/lib/content/outline.ts';
