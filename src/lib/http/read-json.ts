// Reads a JSON body of a sane size. Wrong type, broken JSON or too big: a 4xx with a Dutch message.
export const MAX_JSON_BYTES = 64 * 1024;

export type JsonRead = { ok: true; data: unknown } | { ok: false; status: 400 | 413 | 415; message: string };

export async function readJson(request: Request): Promise<JsonRead> {
  if (!(request.headers.get('content-type') ?? '').startsWith('application/json')) {
    return { ok: false, status: 415, message: 'Stuur de gegevens als JSON (Content-Type: application/json).' };
  }
  if (Number(request.headers.get('content-length') ?? '0') > MAX_JSON_BYTES) {
    return { ok: false, status: 413, message: 'Het verzoek is te groot.' };
  }
  try {
    const text = await request.text();
    if (text.length > MAX_JSON_BYTES) return { ok: false, status: 413, message: 'Het verzoek is te groot.' };
    return { ok: true, data: JSON.parse(text) };
  } catch {
    return { ok: false, status: 400, message: 'Dit is geen geldige JSON.' };
  }
}
