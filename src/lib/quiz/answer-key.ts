// The authored right answer of a question: what a professional who knows the material answers.
// The best path of a branching case follows the "goed" choice at every step. Used by tests, the
// benchmark and scripts that play a diligent learner; pages never need it.
import type { Question } from '../content/schemas.ts';
import type { Answer } from './answer-schemas.ts';

export function answerKey(question: Question): Answer {
  switch (question.type) {
    case 'single':
      return { type: 'single', choice: question.options.find((o) => o.correct)!.id };
    case 'multiple':
      return { type: 'multiple', choices: question.options.filter((o) => o.correct).map((o) => o.id) };
    case 'order':
      return { type: 'order', order: question.items.map((i) => i.id) };
    case 'branching': {
      const path: string[] = [];
      let node = question.nodes.find((n) => n.id === question.start);
      while (node) {
        const best = node.choices.find((c) => c.quality === 'goed') ?? node.choices[0];
        path.push(best.id);
        node = best.next ? question.nodes.find((n) => n.id === best.next) : undefined;
      }
      return { type: 'branching', path };
    }
  }
}
