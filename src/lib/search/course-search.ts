// Search over the lessons and the begrippenlijst, so a professional who wants to refresh one
// thing ("afwegingskader") finds it without clicking through modules. The content is the same for
// everyone and small (tens of lessons), so the index lives in memory, built once per process from
// the course; no table, no sync, the same on every database. MiniSearch (well kept, no
// dependencies) does the ranking (BM25), prefix and typo-tolerant matching. Pure: no Astro, no HTTP.
import MiniSearch, { type SearchResult } from 'minisearch';
import type { GlossaryTerm } from '../content/glossary.ts';
import { lessonSections } from './lesson-text.ts';
import { snippetAround, type SnippetPart } from './snippet.ts';

export interface SearchableLesson {
  moduleId: string;
  moduleTitle: string;
  lessonId: string;
  lessonTitle: string;
  /** The lesson's MDX source. */
  body: string;
}

export type SearchHit =
  | { kind: 'les'; moduleId: string; moduleTitle: string; lessonTitle: string; heading: string | null; href: string; snippet: SnippetPart[] }
  | { kind: 'begrip'; term: string; explanation: string; source: string; href: string | null; snippet: SnippetPart[] };

interface IndexedDoc {
  id: string;
  kind: 'les' | 'begrip';
  /** Lesson title, or the term. */
  title: string;
  heading: string;
  text: string;
  moduleId: string;
}

/** Longest query taken; longer is refused by the page with a message. */
export const MAX_QUERY_LENGTH = 100;

/** Lowercase without accents, so "clientondersteuner" finds "cliëntondersteuner". */
export function normalizeTerm(term: string): string {
  return term.toLocaleLowerCase('nl').normalize('NFD').replace(/\p{M}/gu, '');
}

// Words that say nothing about what a lesson is about; leaving them out keeps "wat is triage" on triage.
const STOP_WORDS = new Set(
  'de het een en of in op aan van voor met bij als dat die dit wat wie hoe is zijn je jij ik we wij ze zij er te om tot naar uit ook niet wel nog maar dan door over'.split(
    ' ',
  ),
);

const TOKENIZE = /[\p{L}\p{N}]+/gu;

function processTerm(term: string): string | null {
  const normal = normalizeTerm(term);
  return STOP_WORDS.has(normal) ? null : normal;
}

export interface CourseSearch {
  search(query: string, visibleModuleIds: ReadonlySet<string>, limit?: number): SearchHit[];
}

export function buildCourseSearch(lessons: SearchableLesson[], glossary: GlossaryTerm[]): CourseSearch {
  const docs = new Map<string, { doc: IndexedDoc; hit: (snippet: SnippetPart[]) => SearchHit }>();
  for (const lesson of lessons) {
    lessonSections(lesson.body).forEach((section, index) => {
      const id = `les:${lesson.moduleId}/${lesson.lessonId}#${index}`;
      const href = `/modules/${lesson.moduleId}/${lesson.lessonId}${section.anchor ? `#${section.anchor}` : ''}`;
      docs.set(id, {
        doc: { id, kind: 'les', title: lesson.lessonTitle, heading: section.heading ?? '', text: section.text, moduleId: lesson.moduleId },
        hit: (snippet) => ({
          kind: 'les',
          moduleId: lesson.moduleId,
          moduleTitle: lesson.moduleTitle,
          lessonTitle: lesson.lessonTitle,
          heading: section.heading,
          href,
          snippet,
        }),
      });
    });
  }
  for (const term of glossary) {
    const id = `begrip:${normalizeTerm(term.term)}`;
    const moduleId = term.les?.split('/')[0] ?? '';
    docs.set(id, {
      doc: { id, kind: 'begrip', title: term.term, heading: '', text: term.uitleg, moduleId },
      hit: (snippet) => ({
        kind: 'begrip',
        term: term.term,
        explanation: term.uitleg,
        source: term.bron,
        href: term.les ? `/modules/${term.les}` : null,
        snippet,
      }),
    });
  }

  const index = new MiniSearch<IndexedDoc>({
    fields: ['title', 'heading', 'text'],
    storeFields: ['kind', 'moduleId'],
    tokenize: (text) => text.match(TOKENIZE) ?? [],
    processTerm,
    searchOptions: {
      boost: { title: 3, heading: 2 },
      prefix: true,
      fuzzy: (term) => (term.length > 5 ? 0.2 : false),
      combineWith: 'AND',
    },
  });
  index.addAll([...docs.values()].map((d) => d.doc));

  return {
    search(query, visibleModuleIds, limit = 20) {
      const trimmed = query.trim().slice(0, MAX_QUERY_LENGTH);
      if (trimmed === '') return [];
      // A term of the begrippenlijst may point to a lesson of a module this person cannot see (a
      // draft): then the term is shown without the link; a lesson hit of such a module not at all.
      const results: SearchResult[] = index.search(trimmed, {
        filter: (result) => result.kind === 'begrip' || visibleModuleIds.has(result.moduleId as string),
      });
      return results.slice(0, limit).map((result) => {
        const entry = docs.get(String(result.id))!;
        const matched = new Set(result.terms);
        const hit = entry.hit(snippetAround(entry.doc.text, matched, normalizeTerm));
        if (hit.kind === 'begrip' && hit.href && !visibleModuleIds.has(entry.doc.moduleId)) return { ...hit, href: null };
        return hit;
      });
    },
  };
}
