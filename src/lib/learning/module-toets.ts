// The afsluitende toets of a module as the pages use it: starting one (lessons first, one at a
// time, a waiting time after a failed attempt) and handing it in, which is where a module gets
// completed. The rules themselves live in toets/ (policy, draw, store); this file ties them to
// the course content and to module completion.
import type { Db } from '../../../db/client.ts';
import type { CourseModule } from '../content/course.ts';
import { getModuleProgress } from '../progress/module-progress.ts';
import { handInToets, startToets, type HandInResult, type StartResult, type ToetsModule } from '../toets/toets-store.ts';
import { completeModuleIfDone } from './complete-module.ts';

/** What the toets needs of a module (a CourseModule, or a loaded ModuleSource with its outline). */
export type ModuleWithToets = Pick<CourseModule, 'meta' | 'lessons' | 'questions' | 'outline'>;

export function toetsModuleOf(mod: ModuleWithToets): ToetsModule {
  return {
    id: mod.meta.id,
    version: mod.meta.version,
    passMark: mod.meta.passMark,
    lessonIds: mod.lessons.map((l) => l.id),
    questions: mod.questions.map((q) => ({ id: q.id, lesson: q.lesson })),
    settings: mod.meta.toets,
  };
}

export async function lessonsDone(db: Db, userId: string, mod: ModuleWithToets): Promise<boolean> {
  const progress = await getModuleProgress(db, userId, mod.outline, { studyTime: false });
  return mod.lessons.every((l) => progress.lessonsCompleted.has(l.id));
}

export async function startModuleToets(db: Db, userId: string, mod: ModuleWithToets, now = Date.now(), random?: () => number): Promise<StartResult> {
  return startToets(db, userId, toetsModuleOf(mod), await lessonsDone(db, userId, mod), now, random);
}

/** Hands the toets in and completes the module when it was passed and the lessons are done. */
export async function handInModuleToets(
  db: Db,
  userId: string,
  mod: ModuleWithToets,
  toetsId: number,
  now = Date.now(),
): Promise<HandInResult & { moduleCompleted?: boolean }> {
  const result = await handInToets(db, userId, mod.outline.id, toetsId, now);
  if (!result.ok) return result;
  const moduleCompleted = result.attempt.passed ? await completeModuleIfDone(db, userId, mod.outline, now) : false;
  return { ...result, moduleCompleted };
}
