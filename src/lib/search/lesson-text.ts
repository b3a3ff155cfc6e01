// A lesson's MDX as plain text in sections, for search: one section per heading (## or ###), with
// the anchor the rendered page gives that heading, so a hit can link straight to its place. The
// source blocks (<Bron/>) and embedded questions (<Vraag/>) are left out: a search hit should be
// about what the lesson explains, and a question's options are not something to look up.
import GithubSlugger from 'github-slugger';

export interface LessonSection {
  /** The heading's text; null for the part before the first heading. */
  heading: string | null;
  /** The id Astro gives the heading in the rendered lesson (github-slugger, as Astro uses). */
  anchor: string | null;
  text: string;
}

const SELF_CLOSING_DROPPED = /<(Bron|Vraag)\b[^>]*\/>/g;
const CASUS_OPEN = /<Casus\b[^>]*?titel=["']([^"']*)["'][^>]*>/g;
const ANY_TAG = /<\/?[A-Z][A-Za-z]*\b[^>]*>/g;
const HEADING = /^(#{2,3})\s+(.+?)\s*#*\s*$/;

/** Markdown inline syntax to its words: links to their text, emphasis and code marks removed. */
export function inlineText(markdown: string): string {
  return markdown
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|\*|_|`)/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function lessonSections(mdxBody: string): LessonSection[] {
  const slugger = new GithubSlugger();
  const body = mdxBody
    .replace(/^(import|export)\s.*$/gm, '')
    .replace(SELF_CLOSING_DROPPED, '')
    .replace(CASUS_OPEN, '\nCasus: $1\n')
    .replace(ANY_TAG, '\n');
  const sections: LessonSection[] = [];
  let current: LessonSection = { heading: null, anchor: null, text: '' };
  const lines: string[] = [];
  const close = () => {
    current.text = inlineText(lines.join(' '));
    if (current.heading !== null || current.text !== '') sections.push(current);
    lines.length = 0;
  };
  for (const rawLine of body.split('\n')) {
    const heading = HEADING.exec(rawLine);
    if (heading) {
      close();
      const text = inlineText(heading[2]);
      current = { heading: text, anchor: slugger.slug(text), text: '' };
      continue;
    }
    // List markers, quote marks and numbering carry no words.
    lines.push(rawLine.replace(/^\s*(>\s*)*([-*+]|\d+\.)?\s*/, ''));
  }
  close();
  return sections;
}
