// In the dev server the content loader and the pages run in one process but in different module
// graphs, so the loader's latest validation errors are handed over on globalThis. Only used
// when the dev server is running; a production build stops on the first error instead.
import type { CourseError } from './load-course.ts';

const KEY = '__leergangDevContentErrors';

export function setDevContentErrors(errors: CourseError[]): void {
  (globalThis as Record<string, unknown>)[KEY] = errors;
}

export function getDevContentErrors(): CourseError[] {
  return ((globalThis as Record<string, unknown>)[KEY] as CourseError[] | undefined) ?? [];
}
