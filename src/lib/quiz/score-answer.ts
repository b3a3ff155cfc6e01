// Scores an answer against a question from the content. Runs only on the server: this is the
// one place answer keys are read.
import type { BranchingQuestion, MultipleChoiceQuestion, OrderQuestion, Quality, Question, SingleChoiceQuestion } from '../content/schemas.ts';
import { t } from '../i18n/nl.ts';
import type { Answer } from './answer-schemas.ts';

export interface OptionFeedback {
  id: string;
  text: string;
  chosen: boolean;
  correct: boolean;
  feedback: string;
}

export interface BranchStep {
  nodeId: string;
  situation: string;
  choiceId: string;
  choiceText: string;
  consequence: string;
  quality: Quality;
  redLine: boolean;
  /** The strong choice at this step ('goed'), shown in the feedback as "Juist antwoord" when another was made. Null if the step has none. */
  bestChoiceText: string | null;
}

export type Feedback =
  | { type: 'single' | 'multiple'; options: OptionFeedback[] }
  | { type: 'order'; yourOrder: { id: string; text: string; correctPosition: number }[]; correctOrder: string[]; explanation: string }
  | { type: 'branching'; steps: BranchStep[]; endedOnRedLine: boolean; debrief: string };

export interface ScoredAnswer {
  correct: boolean;
  /** 0..1 */
  score: number;
  /** The misunderstandings this answer shows, for trainers' analysis. */
  misconceptions: string[];
  feedback: Feedback;
}

export type ScoreResult = { ok: true; result: ScoredAnswer } | { ok: false; message: string };

export function scoreAnswer(question: Question, answer: Answer): ScoreResult {
  if (question.type !== answer.type) return { ok: false, message: t.answer.wrongType };
  switch (question.type) {
    case 'single':
      return scoreSingle(question, answer.type === 'single' ? answer.choice : '');
    case 'multiple':
      return scoreMultiple(question, answer.type === 'multiple' ? answer.choices : []);
    case 'order':
      return scoreOrder(question, answer.type === 'order' ? answer.order : []);
    case 'branching': {
      const walked = walkBranching(question, answer.type === 'branching' ? answer.path : []);
      if (!walked.ok) return walked;
      if (!walked.finished) return { ok: false, message: t.answer.caseNotFinished };
      return { ok: true, result: walked.result };
    }
  }
}

function optionFeedback(question: SingleChoiceQuestion | MultipleChoiceQuestion, chosen: Set<string>): OptionFeedback[] {
  return question.options.map((o) => ({ id: o.id, text: o.text, chosen: chosen.has(o.id), correct: o.correct, feedback: o.feedback }));
}

function scoreSingle(question: SingleChoiceQuestion, choice: string): ScoreResult {
  const option = question.options.find((o) => o.id === choice);
  if (!option) return { ok: false, message: t.answer.chooseOne };
  return {
    ok: true,
    result: {
      correct: option.correct,
      score: option.correct ? 1 : 0,
      misconceptions: option.misconception ? [option.misconception] : [],
      feedback: { type: 'single', options: optionFeedback(question, new Set([choice])) },
    },
  };
}

/** Partial credit: right choices found minus wrong choices made, over the number of right ones. */
function scoreMultiple(question: MultipleChoiceQuestion, choices: string[]): ScoreResult {
  if (choices.length === 0) return { ok: false, message: t.answer.chooseAtLeastOne };
  const known = new Set(question.options.map((o) => o.id));
  if (choices.some((c) => !known.has(c))) return { ok: false, message: t.answer.unknownChoice };
  const chosen = new Set(choices);
  const rightOnes = question.options.filter((o) => o.correct);
  const hits = rightOnes.filter((o) => chosen.has(o.id)).length;
  const wrongChosen = question.options.filter((o) => !o.correct && chosen.has(o.id));
  const correct = hits === rightOnes.length && wrongChosen.length === 0;
  const score = Math.max(0, (hits - wrongChosen.length) / rightOnes.length);
  const missedRight = rightOnes.filter((o) => !chosen.has(o.id) && o.misconception).map((o) => o.misconception!);
  return {
    ok: true,
    result: {
      correct,
      score: round(score),
      misconceptions: [...wrongChosen.map((o) => o.misconception!).filter(Boolean), ...missedRight],
      feedback: { type: 'multiple', options: optionFeedback(question, chosen) },
    },
  };
}

/** Credit per item in its right place. */
function scoreOrder(question: OrderQuestion, order: string[]): ScoreResult {
  const ids = question.items.map((i) => i.id);
  if (order.length !== ids.length || new Set(order).size !== ids.length || order.some((id) => !ids.includes(id))) {
    return { ok: false, message: t.answer.eachStepOnce };
  }
  const inPlace = order.filter((id, index) => ids[index] === id).length;
  const correct = inPlace === ids.length;
  return {
    ok: true,
    result: {
      correct,
      score: round(inPlace / ids.length),
      misconceptions: !correct && question.misconception ? [question.misconception] : [],
      feedback: {
        type: 'order',
        yourOrder: order.map((id) => ({ id, text: question.items.find((i) => i.id === id)!.text, correctPosition: ids.indexOf(id) + 1 })),
        correctOrder: question.items.map((i) => i.text),
        explanation: question.explanation,
      },
    },
  };
}

const QUALITY_POINTS: Record<Quality, number> = { goed: 1, matig: 0.5, onjuist: 0 };

export type BranchingWalk =
  | { ok: false; message: string }
  | { ok: true; finished: false; steps: BranchStep[]; nextNode: { id: string; situation: string; choices: { id: string; text: string }[] } }
  | { ok: true; finished: true; steps: BranchStep[]; result: ScoredAnswer };

/**
 * Follows the learner's choices through the case. While it is unfinished, it returns the next
 * decision without anything that gives away which choice is good. A red-line choice ends the
 * case at once with score 0, whatever came before: leaving a child in acute danger cannot be
 * averaged away.
 */
export function walkBranching(question: BranchingQuestion, path: string[]): BranchingWalk {
  const nodes = new Map(question.nodes.map((n) => [n.id, n]));
  const steps: BranchStep[] = [];
  let node = nodes.get(question.start)!;
  for (let i = 0; i < path.length; i++) {
    const choice = node.choices.find((c) => c.id === path[i]);
    if (!choice) return { ok: false, message: t.answer.choiceNotInStep };
    steps.push({
      nodeId: node.id,
      situation: node.situation,
      choiceId: choice.id,
      choiceText: choice.text,
      consequence: choice.consequence,
      quality: choice.quality,
      redLine: choice.redLine,
      bestChoiceText: node.choices.find((c) => c.quality === 'goed')?.text ?? null,
    });
    const ends = choice.redLine || !choice.next;
    if (ends) {
      if (i !== path.length - 1) return { ok: false, message: t.answer.caseAlreadyEnded };
      return { ok: true, finished: true, steps, result: branchingResult(question, steps) };
    }
    node = nodes.get(choice.next!)!;
  }
  return {
    ok: true,
    finished: false,
    steps,
    nextNode: { id: node.id, situation: node.situation, choices: node.choices.map((c) => ({ id: c.id, text: c.text })) },
  };
}

function branchingResult(question: BranchingQuestion, steps: BranchStep[]): ScoredAnswer {
  const endedOnRedLine = steps.some((s) => s.redLine);
  const score = endedOnRedLine ? 0 : steps.reduce((sum, s) => sum + QUALITY_POINTS[s.quality], 0) / steps.length;
  const misconceptions = steps
    .map((s) => question.nodes.find((n) => n.id === s.nodeId)!.choices.find((c) => c.id === s.choiceId)!.misconception)
    .filter((m): m is string => Boolean(m));
  return {
    correct: !endedOnRedLine && steps.every((s) => s.quality === 'goed'),
    score: round(score),
    misconceptions,
    feedback: { type: 'branching', steps, endedOnRedLine, debrief: question.debrief },
  };
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
