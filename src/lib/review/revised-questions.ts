// When a module's content changes in substance (a new Meldcode, say), the questions marked
// `revisedIn` come back into the review of everyone who completed an older version, until they
// answer the new version.
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { attempts, moduleCompletions } from '../../../db/schema.ts';

export function compareVersions(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

export interface VersionedModule {
  id: string;
  version: string;
  questions: { id: string; revisedIn?: string }[];
}

export async function getRevisedQuestionsDue(db: Db, userId: string, modules: VersionedModule[]): Promise<{ moduleId: string; questionId: string }[]> {
  const completions = await db
    .select({ moduleId: moduleCompletions.moduleId, contentVersion: moduleCompletions.contentVersion })
    .from(moduleCompletions)
    .where(eq(moduleCompletions.userId, userId));
  const due: { moduleId: string; questionId: string }[] = [];
  for (const completion of completions) {
    const mod = modules.find((m) => m.id === completion.moduleId);
    if (!mod || compareVersions(completion.contentVersion, mod.version) >= 0) continue;
    const revised = mod.questions.filter(
      (q) => q.revisedIn && compareVersions(q.revisedIn, completion.contentVersion) > 0 && compareVersions(q.revisedIn, mod.version) <= 0,
    );
    if (revised.length === 0) continue;
    const answered = await db
      .select({ questionId: attempts.questionId, contentVersion: attempts.contentVersion })
      .from(attempts)
      .where(
        and(
          eq(attempts.userId, userId),
          eq(attempts.moduleId, mod.id),
          inArray(
            attempts.questionId,
            revised.map((q) => q.id),
          ),
        ),
      );
    for (const q of revised) {
      const seenNew = answered.some((a) => a.questionId === q.id && compareVersions(a.contentVersion, q.revisedIn!) >= 0);
      if (!seenNew) due.push({ moduleId: mod.id, questionId: q.id });
    }
  }
  return due;
}
