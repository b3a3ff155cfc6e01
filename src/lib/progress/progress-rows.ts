// One person's progress per module, next to the module it belongs to: what "Mijn voortgang",
// the catalogue and a trainer's page for one professional show, read the same way for all three
// so the learner and the trainer see the same status.
import type { Db } from '../../../db/client.ts';
import type { CourseModule } from '../content/course.ts';
import { getCourseProgress, type ModuleProgress, type ProgressOptions } from './module-progress.ts';

export interface ProgressRow {
  mod: CourseModule;
  progress: ModuleProgress;
}

export async function getProgressRows(db: Db, userId: string, course: CourseModule[], options: ProgressOptions = {}): Promise<ProgressRow[]> {
  const progress = await getCourseProgress(
    db,
    userId,
    course.map((m) => m.outline),
    options,
  );
  return course.map((mod) => ({ mod, progress: progress.get(mod.meta.id)! }));
}
