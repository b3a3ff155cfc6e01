// What a trainer sees of one professional's learning (src/pages/team/[team]/professional/[user].astro):
// their modules as they see them on "Mijn voortgang" (same rows, same status) and their learning
// paths with the module titles. Never reflections.
import type { Db } from '../../../db/client.ts';
import type { CourseModule } from '../content/course.ts';
import { getProgressRows } from '../progress/progress-rows.ts';
import { getPathsForUser } from '../teams/paths.ts';

export async function getProfessionalProgress(db: Db, personId: string, course: CourseModule[], now = Date.now()) {
  const [rows, paths] = await Promise.all([getProgressRows(db, personId, course, { now }), getPathsForUser(db, personId, now)]);
  const titleOf = (id: string) => course.find((m) => m.meta.id === id)?.meta.title ?? id;
  return {
    rows,
    paths: paths.map((path) => ({ ...path, modules: path.modules.map((m) => ({ ...m, title: titleOf(m.moduleId) })) })),
  };
}
