// Turns the fields of a posted question form (or a JSON body) into a submission. Answers arrive as
// the per-person option tokens the page showed (option-tokens.ts); the use case maps them back.
// The shape is checked here; this only maps field names.
import { z } from 'astro/zod';
import { t } from '../i18n/nl.ts';
import { IDEMPOTENCY_KEY_PATTERN, SENT_TOKEN_PATTERN, SLUG_PATTERN } from '../ids.ts';

const token = z.string().regex(SENT_TOKEN_PATTERN, { error: t.answer.reason.unknownChoice });

export const wireAnswerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('single'), choice: token }),
  z.object({
    type: z.literal('multiple'),
    choices: z
      .array(token)
      .max(30)
      .refine((c) => new Set(c).size === c.length, { error: t.answer.reason.duplicateChoice }),
  }),
  /** `order` lists the step tokens in the order the learner put them. */
  z.object({ type: z.literal('order'), order: z.array(token).min(1).max(30) }),
  /** A branching case is answered one decision at a time: the choice at the current step. */
  z.object({ type: z.literal('branching'), choice: token }),
]);

export const submissionSchema = z.object({
  moduleId: z.string().regex(SLUG_PATTERN, { error: t.answer.reason.unknownModule }),
  questionId: z.string().regex(SLUG_PATTERN, { error: t.answer.reason.unknownQuestion }),
  idempotencyKey: z.string().regex(IDEMPOTENCY_KEY_PATTERN, { error: t.answer.reason.formExpired }),
  context: z.enum(['oefen', 'toets'], { error: t.answer.reason.unknownContext }).default('oefen'),
  answer: wireAnswerSchema,
});

export type Submission = z.infer<typeof submissionSchema>;

/** Form field names: `choice` (single, branching), `choices` (multiple), `pos-<token>` (order). */
export function submissionFromForm(fields: Record<string, string | string[]>): unknown {
  const type = first(fields.type);
  let answer: unknown = { type };
  if (type === 'single' || type === 'branching') answer = { type, choice: first(fields.choice) };
  if (type === 'multiple') answer = { type, choices: list(fields.choices) };
  if (type === 'order') answer = { type, order: orderFromPositions(fields) };
  return {
    moduleId: first(fields.moduleId),
    questionId: first(fields.questionId),
    idempotencyKey: first(fields.key),
    context: first(fields.context),
    answer,
  };
}

const list = (v: unknown): string[] => (v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);
const first = (v: unknown): string | undefined => (Array.isArray(v) ? v[0] : typeof v === 'string' ? v : undefined);

/** Items sorted by the position the learner gave them; a missing or repeated position is left for scoring to refuse. */
function orderFromPositions(fields: Record<string, string | string[]>): string[] {
  const positions = Object.entries(fields)
    .filter(([name]) => name.startsWith('pos-'))
    .map(([name, value]) => ({ id: name.slice(4), position: Number(first(value)) }));
  if (positions.some((p) => !Number.isInteger(p.position) || p.position < 1)) return [];
  if (new Set(positions.map((p) => p.position)).size !== positions.length) return [];
  return positions.sort((a, b) => a.position - b.position).map((p) => p.id);
}
