// What the browser sees of a question's options, per professional: an opaque token instead of the
// authored id, and an order shuffled per person and question. Authored ids are short and often
// alphabetical with the key first ("a"), so ids or authored order in the page would give the
// answer away. A token is an HMAC of person, question and option under a server secret
// (learning/answer-secret.ts): stable for that person (reload, form post, resume and feedback agree),
// different for the next person, and only the server can map it back.
//
// The order is the tokens sorted: a uniform shuffle that needs no state and no extra secret.
import { createHmac } from 'node:crypto';
import type { BranchingQuestion, Question } from '../content/schemas.ts';
import { t } from '../i18n/nl.ts';
import type { Answer } from './answer-schemas.ts';

/** Token of one option of one question, for the person the tokenizer was made for. */
export type Tokenizer = (questionId: string, optionKey: string) => string;

export function tokenizerFor(secret: string, userId: string): Tokenizer {
  const memo = new Map<string, string>();
  return (questionId, optionKey) => {
    const input = `${userId}\u0000${questionId}\u0000${optionKey}`;
    let token = memo.get(input);
    if (token === undefined) {
      token = createHmac('sha256', secret).update(input).digest('base64url').slice(0, 16);
      memo.set(input, token);
    }
    return token;
  };
}

/** A branching choice is keyed by its decision point too: choice ids repeat across nodes. */
export const branchKey = (nodeId: string, choiceId: string) => `${nodeId}/${choiceId}`;

export interface TokenOption {
  token: string;
  text: string;
}

/** Options in this person's order: sorted by token. */
export function shuffledOptions(questionId: string, options: { id: string; text: string }[], tokens: Tokenizer, key = (id: string) => id): TokenOption[] {
  return options.map((o) => ({ token: tokens(questionId, key(o.id)), text: o.text })).sort((a, b) => (a.token < b.token ? -1 : a.token > b.token ? 1 : 0));
}

/**
 * Steps of an order question in this person's start order, which is never the answer: when the
 * shuffle happens to give the right order, the first step moves to the end.
 */
export function shuffledOrderItems(question: Extract<Question, { type: 'order' }>, tokens: Tokenizer): TokenOption[] {
  const shuffled = shuffledOptions(question.id, question.items, tokens);
  const answer = question.items.map((i) => tokens(question.id, i.id));
  const isAnswer = shuffled.every((item, index) => item.token === answer[index]);
  return isAnswer ? [...shuffled.slice(1), shuffled[0]] : shuffled;
}

/** What the browser sends: tokens, never ids. A branching case is sent one decision at a time. */
export type WireAnswer =
  { type: 'single'; choice: string } | { type: 'multiple'; choices: string[] } | { type: 'order'; order: string[] } | { type: 'branching'; choice: string };

export type Decoded = { ok: true; answer: Answer } | { ok: false; message: string };

/** Maps the tokens of a single, multiple or order answer back to authored ids. Unknown token: refused. */
export function decodeAnswer(question: Question, wire: WireAnswer, tokens: Tokenizer): Decoded {
  if (question.type !== wire.type) return { ok: false, message: t.answer.wrongType };
  const lookup = (ids: string[]) => {
    const byToken = new Map(ids.map((id) => [tokens(question.id, id), id]));
    return (token: string) => byToken.get(token);
  };
  if ((question.type === 'single' || question.type === 'multiple') && (wire.type === 'single' || wire.type === 'multiple')) {
    const idOf = lookup(question.options.map((o) => o.id));
    const sent = wire.type === 'single' ? [wire.choice] : wire.choices;
    const ids = sent.map(idOf);
    if (ids.some((id) => id === undefined)) return { ok: false, message: t.answer.unknownChoiceReload };
    return { ok: true, answer: wire.type === 'single' ? { type: 'single', choice: ids[0]! } : { type: 'multiple', choices: ids as string[] } };
  }
  if (question.type === 'order' && wire.type === 'order') {
    const idOf = lookup(question.items.map((i) => i.id));
    const ids = wire.order.map(idOf);
    if (ids.some((id) => id === undefined)) return { ok: false, message: t.answer.unknownStepReload };
    return { ok: true, answer: { type: 'order', order: ids as string[] } };
  }
  return { ok: false, message: t.answer.oneDecisionAtATime };
}

/** The choice id at a decision point for a token, if the token belongs there. */
export function decodeBranchChoice(question: BranchingQuestion, nodeId: string, token: string, tokens: Tokenizer): string | undefined {
  const node = question.nodes.find((n) => n.id === nodeId);
  return node?.choices.find((c) => tokens(question.id, branchKey(nodeId, c.id)) === token)?.id;
}

/**
 * The wire form of an authored answer: what a browser would send. For tests, the benchmark and
 * scripts that answer through HTTP as a person would. A branching path becomes its decisions.
 */
export function encodeAnswer(question: Question, answer: Answer, tokens: Tokenizer): WireAnswer[] {
  switch (answer.type) {
    case 'single':
      return [{ type: 'single', choice: tokens(question.id, answer.choice) }];
    case 'multiple':
      return [{ type: 'multiple', choices: answer.choices.map((c) => tokens(question.id, c)) }];
    case 'order':
      return [{ type: 'order', order: answer.order.map((c) => tokens(question.id, c)) }];
    case 'branching': {
      if (question.type !== 'branching') return [];
      const wire: WireAnswer[] = [];
      let node = question.nodes.find((n) => n.id === question.start);
      for (const choiceId of answer.path) {
        if (!node) break;
        wire.push({ type: 'branching', choice: tokens(question.id, branchKey(node.id, choiceId)) });
        const next = node.choices.find((c) => c.id === choiceId)?.next;
        node = next ? question.nodes.find((n) => n.id === next) : undefined;
      }
      return wire;
    }
  }
}
