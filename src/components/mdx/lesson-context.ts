import type { Question } from '../../lib/content/schemas.ts';
import type { Answer } from '../../lib/quiz/answer-schemas.ts';

export interface LessonContext {
  moduleId: string;
  questions: Question[];
  latestAnswers: Map<string, Answer>;
  reflections: Map<string, string>;
  /** The questions of the person's open toets in this module (empty when none is open). */
  openToetsQuestionIds: readonly string[];
  /** Path and query of the lesson page, for forms to return to. */
  returnTo: string;
}
