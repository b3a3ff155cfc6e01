// The forms on the paths page, parsed by zod: a new path, assigning one, and changing one (move a
// module up or down, name and modules, delete; an assignment's date, or withdraw it).
import { z } from 'astro/zod';
import { t } from '../i18n/nl.ts';
import type { FormSchema, FormValues } from '../http/post-form.ts';
import { ID_PATTERN, SLUG_PATTERN } from '../ids.ts';

const pathName = z
  .string()
  .trim()
  .min(2, { error: t.validation.tooShort(2) })
  .max(100, { error: t.validation.tooLong(100) });
const pathId = z.string().regex(ID_PATTERN, { error: t.paths.choosePath });
const assignmentId = z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
const dueDate = z.iso.date({ error: t.paths.badDate });

export const assignFormSchema = z.object({
  pathId,
  // The whole team, or one person by id.
  to: z.string().refine((to) => to === 'team' || ID_PATTERN.test(to), { error: t.paths.chooseTo }),
  dueDate,
});

/** The ticked modules (checkboxes named `module`), in the course's order; only known ones. */
export function chosenModules(values: FormValues, known: readonly string[]): { ok: true; moduleIds: string[] } | { ok: false; message: string } {
  const raw = values.module;
  const ticked = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  if (ticked.some((id) => !known.includes(id))) return { ok: false, message: t.errors.badForm };
  const moduleIds = known.filter((id) => ticked.includes(id));
  if (moduleIds.length === 0) return { ok: false, message: t.paths.noModules };
  return { ok: true, moduleIds };
}

function withModules<A extends string, T extends Record<string, unknown>>(
  action: A,
  base: z.ZodType<T>,
  known: readonly string[],
): FormSchema<{ action: A; moduleIds: string[] } & T> {
  return {
    safeParse(values) {
      const parsed = base.safeParse(values);
      if (!parsed.success) return { success: false, error: { issues: parsed.error.issues } };
      const modules = chosenModules(values as FormValues, known);
      if (!modules.ok) return { success: false, error: { issues: [{ path: ['module'], message: modules.message }] } };
      return { success: true, data: { ...parsed.data, action, moduleIds: modules.moduleIds } };
    },
  };
}

/** A new path (`action=pad`): a name and the modules, in the course's order (then reorder). */
export function newPathForm(known: readonly string[]) {
  return withModules('pad', z.object({ name: pathName }), known);
}

/** A path's new name and modules (`action=wijzigen`). */
export function editPathForm(known: readonly string[]) {
  return withModules('wijzigen', z.object({ pad: pathId, name: pathName }), known);
}

/** The assign form (`action=toewijzen`). */
export const assignForm = assignFormSchema.extend({ action: z.literal('toewijzen') });

/** One module a place up or down (`action=omhoog|omlaag`). */
export const moveForm = z.object({ action: z.enum(['omhoog', 'omlaag']), pad: pathId, module: z.string().regex(SLUG_PATTERN) });

/** Delete a path, after the confirmation step (`action=verwijderen`). */
export const deletePathForm = z.object({ action: z.literal('verwijderen'), pad: pathId });

/** A new due date for one assignment (`action=datum`). */
export const dueDateForm = z.object({ action: z.literal('datum'), toewijzing: assignmentId, dueDate });

/** Withdraw one assignment (`action=intrekken`). */
export const withdrawForm = z.object({ action: z.literal('intrekken'), toewijzing: assignmentId });
