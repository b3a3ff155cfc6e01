// Adapts the course for submitAnswer, which takes a lookup so it stays free of astro:content.
import type { ModuleForScoring } from '../quiz/submit-answer.ts';
import { getModule } from './course.ts';

export async function findModuleForScoring(moduleId: string): Promise<ModuleForScoring | undefined> {
  const mod = await getModule(moduleId);
  return mod && { outline: mod.outline, questions: mod.questions };
}
