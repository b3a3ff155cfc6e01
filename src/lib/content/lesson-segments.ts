// A lesson's text is the same for everyone at a given content version, apart from its questions
// (each person's own answer and feedback) and reflections (each person's own text). So the page
// renders the MDX once with markers in place of those two (components/mdx/markers.ts), keeps that
// HTML, and per request fills in only the personal parts (components/LessonBody.astro). This file
// splits the marked HTML into the shared pieces and the places of the personal ones. No HTTP, no
// Astro: a pure function over a string.

export type LessonSegment =
  | { kind: 'html'; html: string }
  | { kind: 'vraag'; id: string }
  | { kind: 'reflectie'; id: string; promptHtml: string };

/** HTML comments cannot come from a trainer's MDX (MDX has no HTML comments), so these are ours. */
export const vraagMarker = (id: string) => `<!--lt:vraag:${id}-->`;
export const reflectieStart = (id: string) => `<!--lt:reflectie:${id}-->`;
export const REFLECTIE_END = '<!--/lt:reflectie-->';

const MARKERS = /<!--lt:vraag:([a-z0-9-]+)-->|<!--lt:reflectie:([a-z0-9-]+)-->([\s\S]*?)<!--\/lt:reflectie-->/g;

export function lessonSegments(html: string): LessonSegment[] {
  const segments: LessonSegment[] = [];
  let at = 0;
  for (const match of html.matchAll(MARKERS)) {
    if (match.index > at) segments.push({ kind: 'html', html: html.slice(at, match.index) });
    if (match[1] !== undefined) segments.push({ kind: 'vraag', id: match[1] });
    else segments.push({ kind: 'reflectie', id: match[2], promptHtml: match[3] });
    at = match.index + match[0].length;
  }
  if (at < html.length) segments.push({ kind: 'html', html: html.slice(at) });
  return segments;
}
