// Adapts the course for the answer use cases (learning/submit-answer.ts, answer-question.ts),
// which take a lookup so they stay free of astro:content.
import { getModule } from './course.ts';
import type { ModuleForScoring } from './outline.ts';

export async function findModuleForScoring(moduleId: string): Promise<ModuleForScoring | undefined> {
  const mod = await getModule(moduleId);
  return mod && { outline: mod.outline, questions: mod.questions };
}
