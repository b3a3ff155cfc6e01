// The shape of a module as progress and scoring need it: ids and rules, no text. Derived from the
// content, so it is defined and built here; the floors above (progress, quiz use cases, reports)
// take it from here.
import type { LessonMeta, ModuleMeta, Question } from './schemas.ts';

export interface ModuleOutline {
  id: string;
  version: string;
  passMark: number;
  lessons: { id: string; title: string; minutes: number }[];
  questionIds: string[];
}

/** What scoring an answer needs of a module: its outline and its questions (with their keys). */
export interface ModuleForScoring {
  outline: ModuleOutline;
  questions: Question[];
}

/** The outline of a module as the content describes it (the collection entry or a loaded ModuleSource). */
export function outlineOf(mod: {
  meta: Pick<ModuleMeta, 'id' | 'version' | 'passMark'>;
  lessons: Pick<LessonMeta, 'id' | 'title' | 'minutes'>[];
  questions: Pick<Question, 'id'>[];
}): ModuleOutline {
  return {
    id: mod.meta.id,
    version: mod.meta.version,
    passMark: mod.meta.passMark,
    lessons: mod.lessons.map((l) => ({ id: l.id, title: l.title, minutes: l.minutes })),
    questionIds: mod.questions.map((q) => q.id),
  };
}
