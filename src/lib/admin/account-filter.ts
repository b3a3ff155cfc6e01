// The account list's search and filters as they arrive in the address (a GET form, so a search can
// be bookmarked and paged without JavaScript). A value that is not one of the choices is dropped
// rather than refused: the list then shows more, never an error page.
import { z } from 'astro/zod';
import { ROLES } from '../../../db/schema.ts';
import { ACCOUNT_STATUSES, type AccountFilter } from './account-list.ts';

const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

const filterSchema = z.object({
  zoek: optional(
    z
      .string()
      .trim()
      .max(100)
      .transform((value) => value || undefined),
  ),
  rol: optional(z.enum(ROLES)),
  team: optional(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/)),
  status: optional(z.enum(ACCOUNT_STATUSES)),
  pagina: optional(z.coerce.number().int().min(1).max(100_000)),
});

export function parseAccountFilter(params: URLSearchParams): AccountFilter {
  const parsed = filterSchema.parse(Object.fromEntries(params));
  return { query: parsed.zoek, role: parsed.rol, teamId: parsed.team, status: parsed.status, page: parsed.pagina };
}

/** The address of another page of the same search. */
export function accountListHref(filter: AccountFilter, page: number): string {
  const params = new URLSearchParams();
  if (filter.query) params.set('zoek', filter.query);
  if (filter.role) params.set('rol', filter.role);
  if (filter.teamId) params.set('team', filter.teamId);
  if (filter.status) params.set('status', filter.status);
  if (page > 1) params.set('pagina', String(page));
  const query = params.toString();
  return query ? `/team/beheer?${query}` : '/team/beheer';
}
