// Reads a JSON body of a sane size. Wrong type, broken JSON or too big: a 4xx with a Dutch message.
import { t } from '../i18n/nl.ts';

export const MAX_JSON_BYTES = 64 * 1024;

export type JsonRead = { ok: true; data: unknown } | { ok: false; status: 400 | 413 | 415; message: string };

export async function readJson(request: Request): Promise<JsonRead> {
  if (!(request.headers.get('content-type') ?? '').startsWith('application/json')) {
    return { ok: false, status: 415, message: t.errors.notJson };
  }
  if (Number(request.headers.get('content-length') ?? '0') > MAX_JSON_BYTES) {
    return { ok: false, status: 413, message: t.errors.requestTooLarge };
  }
  try {
    const text = await request.text();
    if (text.length > MAX_JSON_BYTES) return { ok: false, status: 413, message: t.errors.requestTooLarge };
    return { ok: true, data: JSON.parse(text) };
  } catch {
    return { ok: false, status: 400, message: t.errors.badJson };
  }
}
