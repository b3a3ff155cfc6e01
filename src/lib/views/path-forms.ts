// The forms on the paths page, parsed by zod.
import { z } from 'astro/zod';
import { t } from '../i18n/nl.ts';
import type { FormSchema, FormValues } from '../http/post-form.ts';
import { ID_PATTERN } from '../ids.ts';

export const pathFormSchema = z.object({
  name: z
    .string()
    .trim()
    .min(2, { error: t.validation.tooShort(2) })
    .max(100, { error: t.validation.tooLong(100) }),
  /** `plek-<moduleId>` → position (1..n) or empty when the module is not in the path. */
  positions: z.record(z.string(), z.coerce.number().int().min(1).max(50)),
});

export const assignFormSchema = z.object({
  pathId: z.string().regex(ID_PATTERN, { error: t.paths.choosePath }),
  // The whole team, or one person by id.
  to: z.string().refine((to) => to === 'team' || ID_PATTERN.test(to), { error: t.paths.chooseTo }),
  dueDate: z.iso.date({ error: t.paths.badDate }),
});

/** The module ids of a path in the order the trainer gave them. */
export function modulesInOrder(
  fields: Record<string, string | string[]>,
  known: string[],
): { ok: true; name: string; moduleIds: string[] } | { ok: false; message: string } {
  const positions: Record<string, string> = {};
  for (const id of known) {
    const value = fields[`plek-${id}`];
    if (typeof value === 'string' && value !== '') positions[id] = value;
  }
  const parsed = pathFormSchema.safeParse({ name: fields.name, positions });
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0].message };
  const moduleIds = Object.entries(parsed.data.positions)
    .sort(([a, pa], [b, pb]) => pa - pb || known.indexOf(a) - known.indexOf(b))
    .map(([id]) => id);
  if (moduleIds.length === 0) return { ok: false, message: t.paths.noModules };
  return { ok: true, name: parsed.data.name, moduleIds };
}

/** The new-path form (`action=pad`) for the form helper: the path's name and modules in order. */
export function newPathForm(known: string[]): FormSchema<{ action: 'pad'; name: string; moduleIds: string[] }> {
  return {
    safeParse(values) {
      const parsed = modulesInOrder(values as FormValues, known);
      if (!parsed.ok) return { success: false, error: { issues: [{ path: [], message: parsed.message }] } };
      return { success: true, data: { action: 'pad', name: parsed.name, moduleIds: parsed.moduleIds } };
    },
  };
}

/** The assign form (`action=toewijzen`). */
export const assignForm = assignFormSchema.extend({ action: z.literal('toewijzen') });
