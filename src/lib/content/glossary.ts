// The begrippenlijst (content/begrippen.yaml): abbreviations and terms of the trade, each with a
// short explanation, its source and, where a lesson teaches it, that lesson. It is content like the
// modules: validated by loadCourse (so content:check, astro check and the build refuse a broken
// list, naming the file and the entry) and searched together with the lessons. Optional: a course
// without the file has no begrippenlijst.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'astro/zod';

export const GLOSSARY_FILE = 'begrippen.yaml';

export const glossaryTermSchema = z.strictObject({
  term: z.string({ error: 'moet een tekst zijn: het begrip of de afkorting' }).trim().min(2, { error: 'is te kort' }).max(80, { error: 'is te lang (hoogstens 80 tekens)' }),
  uitleg: z.string({ error: 'moet een tekst zijn: wat het begrip betekent' }).trim().min(5, { error: 'is te kort' }).max(600, { error: 'is te lang (hoogstens 600 tekens)' }),
  bron: z.string({ error: 'moet een tekst zijn: waar het begrip vandaan komt' }).trim().min(3, { error: 'is te kort' }),
  /** `<module-id>/<les-id>` of the lesson that explains the term. */
  les: z
    .string()
    .regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, { error: 'schrijf de les als <module-id>/<les-id>, bijvoorbeeld veiligheid/veiligheid-afwegingskader' })
    .optional(),
}, { error: (issue) => (issue.code === 'unrecognized_keys' ? `onbekend veld ${issue.keys.join(', ')}: een begrip heeft term, uitleg, bron en eventueel les` : undefined) });

export type GlossaryTerm = z.infer<typeof glossaryTermSchema>;

export interface GlossaryProblem {
  field: string;
  message: string;
}

/**
 * Reads and checks the list. `lessonPaths` holds every `<module-id>/<les-id>` of the course, so a
 * term cannot point at a lesson that does not exist (loadCourse passes it; the content collection,
 * which only stores the terms after loadCourse has checked everything, does not). Returns the valid terms, sorted, and every
 * problem with its place (e.g. `begrip 3 (GIZ) › les`).
 */
export function loadGlossary(contentDir: string, lessonPaths?: ReadonlySet<string>): { terms: GlossaryTerm[]; problems: GlossaryProblem[]; file: string } {
  const file = join(contentDir, GLOSSARY_FILE);
  if (!existsSync(file)) return { terms: [], problems: [], file };
  let data: unknown;
  try {
    data = parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    return { terms: [], problems: [{ field: '', message: `geen geldige YAML: ${(error as Error).message.split('\n')[0]}` }], file };
  }
  if (!Array.isArray(data)) return { terms: [], problems: [{ field: '', message: 'moet een lijst van begrippen zijn (elk begrip begint met "- term:")' }], file };
  const terms: GlossaryTerm[] = [];
  const problems: GlossaryProblem[] = [];
  const seen = new Map<string, number>();
  data.forEach((entry, index) => {
    // "begrip 10 (GIZ) › les": the place in the file and the name a trainer looks for.
    const termText = typeof entry?.term === 'string' ? ` (${entry.term})` : '';
    const at = (field: PropertyKey[]) => [`begrip ${index + 1}${termText}`, ...field.map(String)].join(' › ');
    const parsed = glossaryTermSchema.safeParse(entry);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push({ field: at(issue.path), message: issue.message });
      return;
    }
    const key = parsed.data.term.toLocaleLowerCase('nl');
    const earlier = seen.get(key);
    if (earlier !== undefined) problems.push({ field: at(['term']), message: `staat ook als begrip ${earlier + 1} in de lijst: elk begrip één keer` });
    seen.set(key, index);
    if (parsed.data.les && lessonPaths && !lessonPaths.has(parsed.data.les)) {
      problems.push({ field: at(['les']), message: `les "${parsed.data.les}" bestaat niet: gebruik <module-id>/<les-id> van een bestaande les` });
    }
    terms.push(parsed.data);
  });
  terms.sort((a, b) => a.term.localeCompare(b.term, 'nl'));
  return { terms, problems, file };
}
