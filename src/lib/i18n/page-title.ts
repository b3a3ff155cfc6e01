// The document <title> of a page: what a browser tab, a bookmark, a search result and a screen
// reader announce first. Issue 18 found lesson and question titles of 107 characters; this keeps
// every title within MAX_TITLE_LENGTH, dropping the site name before it cuts any words.

/** Longest <title>: about what a tab or a search result shows. */
export const MAX_TITLE_LENGTH = 65;
const SEPARATOR = ' · ';
const ELLIPSIS = '…';

/**
 * A module's short name for titles: the part before a colon ("GIZ-methodiek: Gezamenlijk …" is
 * "GIZ-methodiek"), otherwise the whole title.
 */
export function moduleShortName(title: string): string {
  const head = title.split(':')[0].trim();
  return head.length > 0 ? head : title.trim();
}

/** Cuts text at a word boundary so that it, with an ellipsis, is at most `max` characters. */
export function truncateAtWord(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const room = clean.slice(0, max - ELLIPSIS.length + 1);
  const lastSpace = room.lastIndexOf(' ');
  // One very long word: cut inside it rather than show nothing.
  const cut = lastSpace > 0 ? room.slice(0, lastSpace) : room.slice(0, max - ELLIPSIS.length);
  return `${cut.replace(/[\s,.;:·–-]+$/, '')}${ELLIPSIS}`;
}

/**
 * "Lesson · Module · Site" when it fits; otherwise without the site name; and only when the
 * page's own parts are still too long, cut at a word boundary with an ellipsis.
 */
export function documentTitle(parts: string | readonly string[], siteName: string, max = MAX_TITLE_LENGTH): string {
  const own = (typeof parts === 'string' ? [parts] : parts)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p.length > 0)
    .join(SEPARATOR);
  if (own.length === 0) return siteName;
  const full = `${own}${SEPARATOR}${siteName}`;
  if (full.length <= max) return full;
  return truncateAtWord(own, max);
}
