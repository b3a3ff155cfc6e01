// The piece of text shown under a search hit: a window of about 200 characters where the most
// different matching words are, with every matching word marked. Returned as parts, not HTML, so the page prints
// them as text (and <mark>) and nothing in the content can become markup.
export interface SnippetPart {
  text: string;
  mark: boolean;
}

const WORD = /[\p{L}\p{N}]+/gu;
const WINDOW = 200;

/**
 * `matched` holds the index terms that matched (normalized); `normalize` is the index's own
 * normalization, so a word in the text is marked when it normalizes to one of them.
 */
export function snippetAround(text: string, matched: ReadonlySet<string>, normalize: (word: string) => string): SnippetPart[] {
  const words = [...text.matchAll(WORD)].map((m) => {
    const normal = normalize(m[0]);
    return { start: m.index, end: m.index + m[0].length, normal, hit: matched.has(normal) };
  });
  // The window that shows the most different matching words; of equals, the earliest.
  const hits = words.filter((w) => w.hit);
  const windowAt = (w: { start: number }) => Math.max(0, w.start - WINDOW / 3);
  const reach = (from: number) => new Set(hits.filter((h) => h.start >= from && h.end <= from + WINDOW).map((h) => h.normal)).size;
  const best = hits.reduce<{ from: number; count: number } | undefined>((found, hit) => {
    const from = windowAt(hit);
    const count = reach(from);
    return !found || count > found.count ? { from, count } : found;
  }, undefined);
  let start = best?.from ?? 0;
  let end = Math.min(text.length, start + WINDOW);
  // Whole words at both ends.
  if (start > 0) start = words.find((w) => w.start >= start)?.start ?? start;
  if (end < text.length) end = [...words].reverse().find((w) => w.end <= end)?.end ?? end;
  const parts: SnippetPart[] = [];
  if (start > 0) parts.push({ text: '… ', mark: false });
  let at = start;
  for (const word of words) {
    if (!word.hit || word.start < start || word.end > end) continue;
    if (word.start > at) parts.push({ text: text.slice(at, word.start), mark: false });
    parts.push({ text: text.slice(word.start, word.end), mark: true });
    at = word.end;
  }
  if (at < end) parts.push({ text: text.slice(at, end), mark: false });
  if (end < text.length) parts.push({ text: ' …', mark: false });
  return parts;
}
