// The view of a question that may be sent to the browser before the learner answers, for one
// person: the case and the choices in that person's order, each under its opaque token
// (option-tokens.ts); never which choice is right, what the feedback says, or an authored id.
import type { Question } from '../content/schemas.ts';
import { shuffledOptions, shuffledOrderItems, type TokenOption, type Tokenizer } from './option-tokens.ts';

export type PublicQuestion =
  | { id: string; type: 'single' | 'multiple'; title: string; stem: string; options: TokenOption[] }
  | { id: string; type: 'order'; title: string; stem: string; items: TokenOption[] }
  | { id: string; type: 'branching'; title: string; stem: string };

export function toPublicQuestion(question: Question, tokens: Tokenizer): PublicQuestion {
  const base = { id: question.id, title: question.title, stem: question.stem };
  switch (question.type) {
    case 'single':
    case 'multiple':
      return { ...base, type: question.type, options: shuffledOptions(question.id, question.options, tokens) };
    case 'order':
      return { ...base, type: 'order', items: shuffledOrderItems(question, tokens) };
    case 'branching':
      return { ...base, type: 'branching' };
  }
}
