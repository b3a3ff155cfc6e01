// Turns the fields of a posted question form (or a JSON body) into an answer candidate. The
// shape is then checked by the answer schema; this only maps field names.
import { z } from 'astro/zod';
import { answerSchema } from './answer-schemas.ts';

const list = (v: unknown): string[] => (v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);
const first = (v: unknown): string | undefined => (Array.isArray(v) ? v[0] : typeof v === 'string' ? v : undefined);

export const submissionSchema = z.object({
  moduleId: z.string().regex(/^[a-z0-9-]{1,80}$/, { error: 'onbekende module' }),
  questionId: z.string().regex(/^[a-z0-9-]{1,80}$/, { error: 'onbekende vraag' }),
  idempotencyKey: z.string().regex(/^[A-Za-z0-9-]{16,64}$/, { error: 'formulier is verlopen: laad de pagina opnieuw' }),
  answer: answerSchema,
});

export type Submission = z.infer<typeof submissionSchema>;

/** Form field names: `choice` (single, branching), `choices` (multiple), `pos-<item>` (order), `path` (branching). */
export function submissionFromForm(fields: Record<string, string | string[]>): unknown {
  const type = first(fields.type);
  let answer: unknown = { type };
  if (type === 'single') answer = { type, choice: first(fields.choice) };
  if (type === 'multiple') answer = { type, choices: list(fields.choices) };
  if (type === 'order') answer = { type, order: orderFromPositions(fields) };
  if (type === 'branching') {
    const choice = first(fields.choice);
    answer = { type, path: [...list(fields.path), ...(choice ? [choice] : [])] };
  }
  return {
    moduleId: first(fields.moduleId),
    questionId: first(fields.questionId),
    idempotencyKey: first(fields.key),
    answer,
  };
}

/** Items sorted by the position the learner gave them; a missing or repeated position is left for scoring to refuse. */
function orderFromPositions(fields: Record<string, string | string[]>): string[] {
  const positions = Object.entries(fields)
    .filter(([name]) => name.startsWith('pos-'))
    .map(([name, value]) => ({ id: name.slice(4), position: Number(first(value)) }));
  if (positions.some((p) => !Number.isInteger(p.position) || p.position < 1)) return [];
  if (new Set(positions.map((p) => p.position)).size !== positions.length) return [];
  return positions.sort((a, b) => a.position - b.position).map((p) => p.id);
}
