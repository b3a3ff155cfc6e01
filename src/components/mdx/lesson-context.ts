import type { Question } from '../../lib/content/schemas.ts';
import type { BranchState } from '../../lib/learning/branch-progress.ts';
import type { Answer } from '../../lib/quiz/answer-schemas.ts';

export interface LessonContext {
  moduleId: string;
  questions: Question[];
  latestAnswers: Map<string, Answer>;
  reflections: Map<string, string>;
  /** The questions of the person's open toets in this module (empty when none is open). */
  openToetsQuestionIds: readonly string[];
  /** The person's stored decisions in the module's practice cases (branching questions). */
  branchStates: ReadonlyMap<string, BranchState>;
  /** Path and query of the lesson page, for forms to return to. */
  returnTo: string;
}
