// Feedback as the JSON endpoint returns it: texts and verdicts, without authored ids. Ids are
// what the option tokens hide (option-tokens.ts); feedback must not hand them back.
import type { Feedback } from './score-answer.ts';

export function feedbackForClient(feedback: Feedback): unknown {
  switch (feedback.type) {
    case 'single':
    case 'multiple':
      return { type: feedback.type, options: feedback.options.map(({ text, chosen, correct, feedback: why }) => ({ text, chosen, correct, feedback: why })) };
    case 'order':
      return {
        type: 'order',
        yourOrder: feedback.yourOrder.map(({ text, correctPosition }) => ({ text, correctPosition })),
        correctOrder: feedback.correctOrder,
        explanation: feedback.explanation,
      };
    case 'branching':
      return {
        type: 'branching',
        steps: feedback.steps.map(({ situation, choiceText, consequence, quality, redLine }) => ({ situation, choiceText, consequence, quality, redLine })),
        endedOnRedLine: feedback.endedOnRedLine,
        debrief: feedback.debrief,
      };
  }
}
