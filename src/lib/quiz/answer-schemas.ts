// What a learner may send for each question type. Parsed before scoring; anything else is a 400.
import { z } from 'astro/zod';
import { t } from '../i18n/nl.ts';
import { SLUG_PATTERN } from '../ids.ts';

const choiceId = z.string().regex(SLUG_PATTERN, { error: t.answer.reason.unknownChoice });

export const singleAnswerSchema = z.object({ type: z.literal('single'), choice: choiceId });
export const multipleAnswerSchema = z.object({
  type: z.literal('multiple'),
  choices: z
    .array(choiceId)
    .max(30)
    .refine((c) => new Set(c).size === c.length, { error: t.answer.reason.duplicateChoice }),
});
/** `order` lists item ids in the order the learner put them. */
export const orderAnswerSchema = z.object({ type: z.literal('order'), order: z.array(choiceId).min(1).max(30) });
/** `path` lists the choice ids made so far, one per decision, from the start. */
export const branchingAnswerSchema = z.object({ type: z.literal('branching'), path: z.array(choiceId).min(1).max(30) });

export const answerSchema = z.discriminatedUnion('type', [singleAnswerSchema, multipleAnswerSchema, orderAnswerSchema, branchingAnswerSchema]);

export type Answer = z.infer<typeof answerSchema>;
export type BranchingAnswer = z.infer<typeof branchingAnswerSchema>;
