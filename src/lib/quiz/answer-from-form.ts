// Turns the fields of a posted question form (or a JSON body) into a submission. Answers arrive as
// the per-person option tokens the page showed (option-tokens.ts); the use case maps them back.
// The shape is checked here; this only maps field names.
import { z } from 'astro/zod';

const token = z.string().regex(/^[A-Za-z0-9_-]{1,80}$/, { error: 'onbekende keuze' });

export const wireAnswerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('single'), choice: token }),
  z.object({
    type: z.literal('multiple'),
    choices: z
      .array(token)
      .max(30)
      .refine((c) => new Set(c).size === c.length, { error: 'een keuze staat er dubbel in' }),
  }),
  /** `order` lists the step tokens in the order the learner put them. */
  z.object({ type: z.literal('order'), order: z.array(token).min(1).max(30) }),
  /** A branching case is answered one decision at a time: the choice at the current step. */
  z.object({ type: z.literal('branching'), choice: token }),
]);

export const submissionSchema = z.object({
  moduleId: z.string().regex(/^[a-z0-9-]{1,80}$/, { error: 'onbekende module' }),
  questionId: z.string().regex(/^[a-z0-9-]{1,80}$/, { error: 'onbekende vraag' }),
  idempotencyKey: z.string().regex(/^[A-Za-z0-9-]{16,64}$/, { error: 'formulier is verlopen: laad de pagina opnieuw' }),
  context: z.enum(['oefen', 'toets'], { error: 'onbekende plek van de vraag' }).default('oefen'),
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
