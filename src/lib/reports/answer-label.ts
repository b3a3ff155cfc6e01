// What a trainer reads for a chosen answer in the question analysis: the text of the option, or
// for a branching case the decision and the text of the choice. The counts are keyed by ids
// (option id, "<decision>/<choice id>"); those are internal and never shown, not even when the
// content changed and an id no longer exists.
import type { Question } from '../content/schemas.ts';
import { t } from '../i18n/nl.ts';

export function answerLabel(question: Question, key: string): string {
  if (question.type === 'single' || question.type === 'multiple') return question.options.find((o) => o.id === key)?.text ?? t.analysis.removedAnswer;
  if (question.type === 'branching') {
    const slash = key.indexOf('/');
    const step = Number(key.slice(0, slash));
    const choiceId = key.slice(slash + 1);
    const choice = choiceAtStep(question, step, choiceId);
    return t.analysis.decision(step, choice?.text ?? t.analysis.removedAnswer);
  }
  return t.analysis.removedAnswer;
}

/** The choice with this id among the decision points that can come at this step (ids may repeat across decision points). */
function choiceAtStep(question: Extract<Question, { type: 'branching' }>, step: number, choiceId: string) {
  const byId = new Map(question.nodes.map((n) => [n.id, n]));
  let level = new Set([question.start]);
  for (let i = 1; i < step && level.size > 0; i++) {
    level = new Set([...level].flatMap((id) => (byId.get(id)?.choices ?? []).flatMap((c) => (c.next ? [c.next] : []))));
  }
  const atStep = [...level].flatMap((id) => byId.get(id)?.choices ?? []).find((c) => c.id === choiceId);
  return atStep ?? question.nodes.flatMap((n) => n.choices).find((c) => c.id === choiceId);
}
