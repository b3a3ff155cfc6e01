// Reads the whole course from content/modules/ and checks it as one piece: every file against its
// schema, and everything that crosses files (duplicate ids, a lesson that places an unknown
// question, a broken internal link), and per module whether the options give the answer away
// (answer-cues.ts: errors, plus warnings that do not stop anything). Used by the content loader
// (astro check, build, dev server), content:check and the tests. Pure file reading: no Astro, no HTTP.
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { loadGlossary, type GlossaryTerm } from './glossary.ts';
import type { z } from 'astro/zod';
import { checkAnswerCues } from './answer-cues.ts';
import { checkMisconceptionLabels } from './misconceptions.ts';
import {
  lessonMetaSchema,
  moduleMetaSchema,
  questionBankSchema,
  type LessonMeta,
  type ModuleMeta,
  type Question,
} from './schemas.ts';

export interface CourseError {
  file: string;
  field: string;
  message: string;
}

export interface LessonSource extends LessonMeta {
  file: string;
  body: string;
  questionIds: string[];
  reflectionIds: string[];
}

export interface ModuleSource {
  folder: string;
  meta: ModuleMeta;
  lessons: LessonSource[];
  questions: Question[];
}

export interface CourseLoadResult {
  modules: ModuleSource[];
  /** The begrippenlijst (content/begrippen.yaml), sorted; empty when the course has none. */
  glossary: GlossaryTerm[];
  errors: CourseError[];
  /** Worth a look but not wrong: reported, but the course still loads and builds. */
  warnings: CourseError[];
}

/** Lesson ids that would collide with a module's own pages. */
const RESERVED_LESSON_IDS = new Set(['vragen']);

const QUESTION_TAG = /<Vraag\s+[^>]*?id=["']([^"']+)["']/g;
const REFLECTION_TAG = /<Reflectievraag\s+[^>]*?id=["']([^"']+)["']/g;
const INTERNAL_LINK = /\]\((\/modules\/[^)\s#?]*)/g;

export function loadCourse(contentDir: string): CourseLoadResult {
  const modulesDir = join(contentDir, 'modules');
  const errors: CourseError[] = [];
  const rel = (file: string) => relative(process.cwd(), file) || file;
  if (!existsSync(modulesDir)) {
    return { modules: [], glossary: [], errors: [{ file: rel(modulesDir), field: '', message: 'map ontbreekt: maak content/modules/ aan' }], warnings: [] };
  }

  const modules: ModuleSource[] = [];
  for (const folder of readdirSync(modulesDir).sort()) {
    const dir = join(modulesDir, folder);
    if (!statSync(dir).isDirectory() || folder.startsWith('_') || folder.startsWith('.')) continue;

    const metaFile = join(dir, 'module.yaml');
    const meta = parseFile(metaFile, moduleMetaSchema, errors, rel);
    const bankFile = join(dir, 'questions.yaml');
    const bank = parseFile(bankFile, questionBankSchema, errors, rel);

    const lessons: LessonSource[] = [];
    const lessonsDir = join(dir, 'lessons');
    const lessonFiles = existsSync(lessonsDir) ? readdirSync(lessonsDir).filter((f) => f.endsWith('.mdx')).sort() : [];
    if (lessonFiles.length === 0) {
      errors.push({ file: rel(lessonsDir), field: '', message: 'een module heeft minstens één les (lessons/*.mdx)' });
    }
    for (const name of lessonFiles) {
      const file = join(lessonsDir, name);
      const source = readFileSync(file, 'utf8');
      const { frontmatter, body } = splitFrontmatter(source);
      if (frontmatter === undefined) {
        errors.push({ file: rel(file), field: '', message: 'mist frontmatter: begin de les met --- id, title, order, minutes ---' });
        continue;
      }
      const parsed = parseWith(lessonMetaSchema, frontmatter, rel(file), errors);
      if (!parsed) continue;
      lessons.push({
        ...parsed,
        file: rel(file),
        body,
        questionIds: [...body.matchAll(QUESTION_TAG)].map((m) => m[1]),
        reflectionIds: [...body.matchAll(REFLECTION_TAG)].map((m) => m[1]),
      });
    }
    if (meta && bank) {
      lessons.sort((a, b) => a.order - b.order);
      modules.push({ folder, meta, lessons, questions: bank.questions });
    }
  }

  checkAcrossFiles(modules, errors, rel(modulesDir));
  const glossary = loadGlossary(contentDir, new Set(modules.flatMap((m) => m.lessons.map((l) => `${m.meta.id}/${l.id}`))));
  for (const { field, message } of glossary.problems) errors.push({ file: rel(glossary.file), field, message });
  const warnings: CourseError[] = [];
  for (const mod of modules) {
    const file = `${rel(modulesDir)}/${mod.folder}/questions.yaml`;
    for (const { severity, field, message } of checkAnswerCues(mod.questions)) {
      (severity === 'error' ? errors : warnings).push({ file, field, message });
    }
    const metaFile = `${rel(modulesDir)}/${mod.folder}/module.yaml`;
    const labels = checkMisconceptionLabels(mod.meta, mod.questions);
    for (const use of labels.errors) {
      errors.push({
        file,
        field: use.field,
        message: `misverstand "${use.code}" (vraag "${use.questionId}") heeft geen omschrijving: zet onder misconceptions in ${metaFile} de regel ${use.code}: <wat het misverstand is>`,
      });
    }
    for (const code of labels.unused) {
      warnings.push({ file: metaFile, field: `misconceptions.${code}`, message: `geen enkele vraag gebruikt misverstand "${code}": haal de omschrijving weg of gebruik de code in questions.yaml` });
    }
  }
  return { modules: modules.sort((a, b) => a.meta.order - b.meta.order), glossary: glossary.terms, errors, warnings };
}

function checkAcrossFiles(modules: ModuleSource[], errors: CourseError[], modulesDir: string) {
  const moduleIds = new Map<string, string>();
  const questionOwner = new Map<string, string>();
  for (const mod of modules) {
    const metaFile = `${modulesDir}/${mod.folder}/module.yaml`;
    const bankFile = `${modulesDir}/${mod.folder}/questions.yaml`;
    const other = moduleIds.get(mod.meta.id);
    if (other) errors.push({ file: metaFile, field: 'id', message: `id "${mod.meta.id}" wordt ook gebruikt door ${other}: kies een eigen id` });
    moduleIds.set(mod.meta.id, metaFile);

    mod.questions.forEach((q, index) => {
      const owner = questionOwner.get(q.id);
      if (owner) {
        errors.push({ file: bankFile, field: `questions.${index}.id`, message: `id "${q.id}" wordt ook gebruikt in ${owner}: vraag-id's zijn uniek in de hele leergang` });
      }
      questionOwner.set(q.id, bankFile);
    });

    const lessonIds = new Set<string>();
    for (const lesson of mod.lessons) {
      if (RESERVED_LESSON_IDS.has(lesson.id)) {
        errors.push({ file: lesson.file, field: 'id', message: `"${lesson.id}" is gereserveerd voor een pagina van de module: kies een andere les-id` });
      }
      if (lessonIds.has(lesson.id)) {
        errors.push({ file: lesson.file, field: 'id', message: `les-id "${lesson.id}" komt twee keer voor in deze module: kies een eigen id` });
      }
      lessonIds.add(lesson.id);
    }
    const questionIds = new Set(mod.questions.map((q) => q.id));
    mod.questions.forEach((q, index) => {
      if (q.lesson && !lessonIds.has(q.lesson)) {
        errors.push({ file: bankFile, field: `questions.${index}.lesson`, message: `verwijst naar les "${q.lesson}", die niet bestaat in deze module (bestaand: ${[...lessonIds].join(', ')})` });
      }
    });
    const reflectionIds = new Set<string>();
    for (const lesson of mod.lessons) {
      for (const id of lesson.questionIds) {
        if (!questionIds.has(id)) {
          errors.push({ file: lesson.file, field: `<Vraag id="${id}">`, message: `vraag "${id}" staat niet in ${bankFile}: voeg haar toe of corrigeer de id` });
        }
      }
      for (const id of lesson.reflectionIds) {
        if (reflectionIds.has(id)) errors.push({ file: lesson.file, field: `<Reflectievraag id="${id}">`, message: `reflectievraag-id "${id}" komt twee keer voor in deze module` });
        reflectionIds.add(id);
      }
    }
  }

  // Internal links need every module's lessons, so they are checked after all modules are read.
  const lessonPaths = new Set<string>();
  for (const mod of modules) {
    lessonPaths.add(`/modules/${mod.meta.id}`);
    lessonPaths.add(`/modules/${mod.meta.id}/vragen`);
    for (const lesson of mod.lessons) lessonPaths.add(`/modules/${mod.meta.id}/${lesson.id}`);
  }
  lessonPaths.add('/modules');
  for (const mod of modules) {
    for (const lesson of mod.lessons) {
      for (const [, href] of lesson.body.matchAll(INTERNAL_LINK)) {
        const path = href.replace(/\/$/, '');
        if (!lessonPaths.has(path)) {
          errors.push({ file: lesson.file, field: `link ${href}`, message: 'interne link wijst naar een module of les die niet bestaat: gebruik /modules/<module-id>/<les-id>' });
        }
      }
    }
  }
}

function parseFile<T extends z.ZodType>(file: string, schema: T, errors: CourseError[], rel: (f: string) => string): z.infer<T> | undefined {
  if (!existsSync(file)) {
    errors.push({ file: rel(file), field: '', message: 'bestand ontbreekt' });
    return undefined;
  }
  let data: unknown;
  try {
    data = parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    errors.push({ file: rel(file), field: '', message: `geen geldige YAML: ${(error as Error).message.split('\n')[0]}` });
    return undefined;
  }
  return parseWith(schema, data, rel(file), errors);
}

function parseWith<T extends z.ZodType>(schema: T, data: unknown, file: string, errors: CourseError[]): z.infer<T> | undefined {
  const result = schema.safeParse(data ?? {});
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    errors.push({ file, field: issue.path.join('.'), message: issue.message });
  }
  return undefined;
}

export function splitFrontmatter(source: string): { frontmatter: unknown; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source);
  if (!match) return { frontmatter: undefined, body: source };
  let frontmatter: unknown;
  try {
    frontmatter = parseYaml(match[1]) ?? {};
  } catch {
    frontmatter = {};
  }
  return { frontmatter, body: source.slice(match[0].length) };
}

const formatLine = (e: CourseError) => `  - ${e.file}${e.field ? ` › ${e.field}` : ''}: ${e.message}`;

export function formatCourseErrors(errors: CourseError[]): string {
  return `De leerinhoud bevat ${errors.length} fout${errors.length === 1 ? '' : 'en'}:\n${errors.map(formatLine).join('\n')}`;
}

export function formatCourseWarnings(warnings: CourseError[]): string {
  const count = `${warnings.length} waarschuwing${warnings.length === 1 ? '' : 'en'}`;
  return `De leerinhoud geeft ${count} (geen fout: de bouw gaat door, maar kijk er wel naar):\n${warnings.map(formatLine).join('\n')}`;
}
