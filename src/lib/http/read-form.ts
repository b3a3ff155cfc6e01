// Reads a posted form into a plain object for a zod schema. Anything that is not a form of a
// sane size comes back as an error the page can answer with a 400 or 413.
import { t } from '../i18n/nl.ts';

export const MAX_FORM_BYTES = 64 * 1024;

export type FormRead = { ok: true; data: Record<string, string | string[]> } | { ok: false; status: 400 | 413 | 415 };

export async function readForm(request: Request): Promise<FormRead> {
  const type = request.headers.get('content-type') ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data')) {
    return { ok: false, status: 415 };
  }
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_FORM_BYTES) return { ok: false, status: 413 };
  let form: FormData;
  try {
    const body = await request.arrayBuffer();
    if (body.byteLength > MAX_FORM_BYTES) return { ok: false, status: 413 };
    form = await new Response(body, { headers: { 'content-type': type } }).formData();
  } catch {
    return { ok: false, status: 400 };
  }
  const data: Record<string, string | string[]> = {};
  for (const [key, entry] of form.entries()) {
    // An uploaded file (e.g. a CSV) arrives as its text; the size limit above already applies.
    const value = typeof entry === 'string' ? entry : await entry.text();
    const existing = data[key];
    data[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return { ok: true, data };
}

/** The Dutch message for a form that could not be read. */
export function formProblem(status: 400 | 413 | 415): string {
  return status === 413 ? t.errors.tooLarge : t.errors.badForm;
}
