// The course as the pages use it. Content is the same for every user and every instance, so it
// is read once per process and kept.
import { getCollection, getEntry, render, type CollectionEntry } from 'astro:content';
import { outlineOf, type ModuleOutline } from './outline.ts';
import type { GlossaryTerm } from './glossary.ts';
import type { LessonMeta, ModuleMeta, Question } from './schemas.ts';

export interface CourseModule {
  folder: string;
  meta: ModuleMeta;
  lessons: LessonMeta[];
  questions: Question[];
  reflectionIds: string[];
  outline: ModuleOutline;
}

let cached: Promise<CourseModule[]> | undefined;

export function getCourse(): Promise<CourseModule[]> {
  cached ??= getCollection('modules').then((entries) =>
    entries
      .map(({ data }) => ({
        folder: data.folder,
        meta: data.meta,
        lessons: data.lessons,
        questions: data.questions,
        reflectionIds: data.reflectionIds,
        outline: outlineOf(data),
      }))
      .sort((a, b) => a.meta.order - b.meta.order),
  );
  return cached;
}

/** The modules a role may study: drafts are for trainers' preview only. */
export async function getCourseFor(role: string): Promise<CourseModule[]> {
  const course = await getCourse();
  return role === 'learner' ? course.filter((m) => !m.meta.draft) : course;
}

export async function getModule(moduleId: string, role = 'learner'): Promise<CourseModule | undefined> {
  return (await getCourseFor(role)).find((m) => m.meta.id === moduleId);
}

export async function getLessonEntry(mod: CourseModule, lessonId: string): Promise<CollectionEntry<'lessons'> | undefined> {
  return getEntry('lessons', `${mod.folder}/${lessonId}`);
}

type RenderedLesson = Awaited<ReturnType<typeof render>>;
const renderedLessons = new Map<string, Promise<RenderedLesson>>();

/**
 * The lesson's compiled MDX, ready to render. The same for every user, so in production it is
 * prepared once per lesson and process (Astro's render() loads the module and builds the
 * component on every call); what differs per user is filled in when it is rendered.
 */
export function renderLesson(entry: CollectionEntry<'lessons'>): Promise<RenderedLesson> {
  if (import.meta.env.DEV) return render(entry);
  let rendered = renderedLessons.get(entry.id);
  if (!rendered) {
    rendered = render(entry);
    renderedLessons.set(entry.id, rendered);
    rendered.catch(() => renderedLessons.delete(entry.id));
  }
  return rendered;
}

/** Every lesson's MDX source with its module, for the search index (drafts included: the search filters per person). */
export async function getLessonSources(): Promise<{ moduleId: string; moduleTitle: string; lessonId: string; lessonTitle: string; body: string }[]> {
  const course = await getCourse();
  const entries = await getCollection('lessons');
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  return course.flatMap((mod) =>
    mod.lessons.map((lesson) => ({
      moduleId: mod.meta.id,
      moduleTitle: mod.meta.title,
      lessonId: lesson.id,
      lessonTitle: lesson.title,
      body: byId.get(`${mod.folder}/${lesson.id}`)?.body ?? '',
    })),
  );
}

/** The begrippenlijst, sorted by term. */
export async function getGlossary(): Promise<GlossaryTerm[]> {
  return (await getCollection('begrippen')).map((entry) => entry.data).sort((a, b) => a.term.localeCompare(b.term, 'nl'));
}

export function findQuestion(mod: CourseModule, questionId: string): Question | undefined {
  return mod.questions.find((q) => q.id === questionId);
}
