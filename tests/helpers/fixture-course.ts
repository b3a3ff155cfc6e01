// The small valid fixture course, loaded through the real validator.
import { fileURLToPath } from 'node:url';
import { loadCourse, type ModuleSource } from '../../src/lib/content/load-course.ts';
import type { ModuleOutline } from '../../src/lib/progress/outline.ts';

export const FIXTURE_COURSE_DIR = fileURLToPath(new URL('../fixtures/course', import.meta.url));

export function loadFixtureModule(): ModuleSource {
  const { modules, errors } = loadCourse(FIXTURE_COURSE_DIR);
  if (errors.length > 0) throw new Error(JSON.stringify(errors));
  return modules[0];
}

export function outlineOf(mod: ModuleSource): ModuleOutline {
  return {
    id: mod.meta.id,
    version: mod.meta.version,
    passMark: mod.meta.passMark,
    lessons: mod.lessons.map((l) => ({ id: l.id, title: l.title, minutes: l.minutes })),
    questionIds: mod.questions.map((q) => q.id),
  };
}
