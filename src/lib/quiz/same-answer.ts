// Whether a repeated request with an idempotency key is the very answer stored under that key.
// Only then may it get the stored result back: anything else would score an answer that is never
// stored, and a key could be replayed to read the feedback (and so the key) of any question.
import { answerSchema, type Answer } from './answer-schemas.ts';

export interface KeyedAnswer {
  moduleId: string;
  questionId: string;
  /** As stored (with the misconceptions found) or as sent. */
  answer: unknown;
}

export function isSameAnswer(stored: KeyedAnswer, sent: { moduleId: string; questionId: string; answer: Answer }): boolean {
  if (stored.moduleId !== sent.moduleId || stored.questionId !== sent.questionId) return false;
  // The stored JSON also holds the misconceptions found; parsing keeps only what was answered.
  const parsed = answerSchema.safeParse(stored.answer);
  if (!parsed.success) return false;
  return canonical(parsed.data) === canonical(sent.answer);
}

/** Choices of a multiple-choice answer are a set: the same boxes ticked in another order are the same answer. */
function canonical(answer: Answer): string {
  switch (answer.type) {
    case 'single':
      return JSON.stringify(['single', answer.choice]);
    case 'multiple':
      return JSON.stringify(['multiple', [...answer.choices].sort()]);
    case 'order':
      return JSON.stringify(['order', answer.order]);
    case 'branching':
      return JSON.stringify(['branching', answer.path]);
  }
}
