// Content collections over the top-level content/ folder. The whole course is validated as one
// piece by loadCourse (schemas plus cross-file checks); a mistake stops `astro check`, the
// build and the dev server with the file, the field and what to do. A warning (an option that
// may give the answer away) is printed the same way but stops nothing.
import { defineCollection } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import { z } from 'astro/zod';
import { setDevContentErrors } from './lib/content/dev-errors.ts';
import { GLOSSARY_FILE, glossaryTermSchema, loadGlossary } from './lib/content/glossary.ts';
import { formatCourseErrors, formatCourseWarnings, loadCourse } from './lib/content/load-course.ts';
import { lessonMetaSchema, moduleMetaSchema, questionSchema } from './lib/content/schemas.ts';

// LEERGANG_CONTENT_DIR lets the tests build a deliberately broken course; normally content/.
const CONTENT_DIR = process.env.LEERGANG_CONTENT_DIR ?? 'content';

function courseLoader(): Loader {
  return {
    name: 'leergang-course',
    async load({ store, parseData, generateDigest, watcher, logger }) {
      const sync = async () => {
        const { modules, errors, warnings } = loadCourse(CONTENT_DIR);
        if (warnings.length > 0) logger.warn(formatCourseWarnings(warnings));
        if (errors.length > 0) {
          const message = formatCourseErrors(errors);
          if (watcher) {
            // In the dev server: keep the last good version running so the trainer can fix the
            // mistake, and say what is wrong in the terminal and (through the layout) in the page.
            logger.error(message);
            setDevContentErrors(errors);
            return;
          }
          throw new Error(message);
        }
        setDevContentErrors([]);
        store.clear();
        for (const mod of modules) {
          const raw = {
            folder: mod.folder,
            meta: mod.meta,
            lessons: mod.lessons.map(({ id, title, order, minutes, goals }) => ({ id, title, order, minutes, goals })),
            questions: mod.questions,
            reflectionIds: mod.lessons.flatMap((l) => l.reflectionIds),
          };
          const data = await parseData({ id: mod.meta.id, data: raw });
          store.set({ id: mod.meta.id, data, digest: generateDigest(JSON.stringify(raw)) });
        }
      };
      await sync();
      watcher?.on('all', (_event, path) => {
        if ((path.includes(`${CONTENT_DIR}/modules`) && /\.(ya?ml|mdx)$/.test(path)) || path.endsWith(GLOSSARY_FILE)) void sync();
      });
    },
  };
}

const modules = defineCollection({
  loader: courseLoader(),
  schema: z.object({
    folder: z.string(),
    meta: moduleMetaSchema,
    lessons: z.array(lessonMetaSchema),
    questions: z.array(questionSchema),
    reflectionIds: z.array(z.string()),
  }),
});

const lessons = defineCollection({
  loader: glob({
    pattern: '*/lessons/*.mdx',
    base: `${CONTENT_DIR}/modules`,
    generateId: ({ entry, data }) => `${entry.split('/')[0]}/${String(data.id)}`,
  }),
  schema: lessonMetaSchema,
});

// The begrippenlijst, one entry per term. loadCourse (in the modules loader above) has already
// checked the file, including its links to lessons; this loader only stores the terms.
const begrippen = defineCollection({
  loader: {
    name: 'leergang-begrippen',
    async load({ store, parseData, generateDigest, watcher }) {
      const sync = async () => {
        store.clear();
        for (const term of loadGlossary(CONTENT_DIR).terms) {
          const data = await parseData({ id: term.term, data: term });
          store.set({ id: term.term, data, digest: generateDigest(JSON.stringify(term)) });
        }
      };
      await sync();
      watcher?.on('all', (_event, path) => {
        if (path.endsWith(GLOSSARY_FILE)) void sync();
      });
    },
  },
  schema: glossaryTermSchema,
});

export const collections = { modules, lessons, begrippen };
