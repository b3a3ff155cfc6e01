// The view of a question that may be sent to the browser before the learner answers: the case
// and the choices, never which choice is right or what the feedback says.
import type { Question } from '../content/schemas.ts';

export type PublicQuestion =
  | { id: string; type: 'single' | 'multiple'; title: string; stem: string; options: { id: string; text: string }[] }
  | { id: string; type: 'order'; title: string; stem: string; items: { id: string; text: string }[] }
  | { id: string; type: 'branching'; title: string; stem: string };

export function toPublicQuestion(question: Question): PublicQuestion {
  const base = { id: question.id, title: question.title, stem: question.stem };
  switch (question.type) {
    case 'single':
    case 'multiple':
      return { ...base, type: question.type, options: question.options.map((o) => ({ id: o.id, text: o.text })) };
    case 'order':
      return { ...base, type: 'order', items: shuffleAwayFromKey(question.id, question.items.map((i) => ({ id: i.id, text: i.text }))) };
    case 'branching':
      return { ...base, type: 'branching' };
  }
}

/**
 * Items are shown in a fixed order that differs from the answer, so that the page neither gives
 * the key away nor changes between reloads. Seeded by the question id.
 */
export function shuffleAwayFromKey<T>(seed: string, items: T[]): T[] {
  let state = [...seed].reduce((h, ch) => (Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0), 2166136261);
  const random = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const shuffled = [...items];
  for (let attempt = 0; attempt < 10; attempt++) {
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
    }
    if (shuffled.some((item, index) => item !== items[index])) return shuffled;
  }
  return [...items.slice(1), items[0]];
}
