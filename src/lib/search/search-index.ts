// The one search index of this process: built on first use from the course and the begrippenlijst
// (the same for everyone, fixed for the life of a build), then kept. In the dev server it is built
// again on every search, so a trainer's edit shows at once.
import { getGlossary, getLessonSources } from '../content/course.ts';
import { buildCourseSearch, type CourseSearch } from './course-search.ts';

let built: Promise<CourseSearch> | undefined;

export function getCourseSearch(): Promise<CourseSearch> {
  const build = async () => buildCourseSearch(await getLessonSources(), await getGlossary());
  if (import.meta.env.DEV) return build();
  built ??= build();
  built.catch(() => (built = undefined));
  return built;
}
