// Misconception codes and their Dutch labels. A question bank tags wrong answers with a code
// (`misconception: melding-derden-afwijzen`); module.yaml says once what each code means
// (`misconceptions:`). This file finds every code a module uses (for the course check in
// load-course.ts) and turns a code into its label for the trainer's pages. Pure functions: no
// files, no database.
import type { ModuleMeta, Question } from './schemas.ts';

/** One place a code is used: the question and the field path within questions.yaml. */
export interface MisconceptionUse {
  code: string;
  questionId: string;
  /** The field path as the course errors name it, e.g. `questions.3.options.1.misconception`. */
  field: string;
}

/** Every use of a misconception code in a module's questions, in file order. */
export function misconceptionUses(questions: readonly Question[]): MisconceptionUse[] {
  return questions.flatMap((q, index): MisconceptionUse[] => {
    const at = `questions.${index}`;
    const use = (code: string | undefined, field: string) => (code ? [{ code, questionId: q.id, field: `${at}.${field}` }] : []);
    switch (q.type) {
      case 'single':
      case 'multiple':
        return q.options.flatMap((o, i) => use(o.misconception, `options.${i}.misconception`));
      case 'order':
        return use(q.misconception, 'misconception');
      case 'branching':
        return q.nodes.flatMap((n, ni) => n.choices.flatMap((c, ci) => use(c.misconception, `nodes.${ni}.choices.${ci}.misconception`)));
    }
  });
}

/** Course check: a code used without a label is an error; a label nobody uses is a warning. */
export function checkMisconceptionLabels(
  meta: Pick<ModuleMeta, 'misconceptions'>,
  questions: readonly Question[],
): { errors: MisconceptionUse[]; unused: string[] } {
  const labels = meta.misconceptions ?? {};
  const uses = misconceptionUses(questions);
  const errors = uses.filter((u) => !Object.hasOwn(labels, u.code));
  const used = new Set(uses.map((u) => u.code));
  return { errors, unused: Object.keys(labels).filter((code) => !used.has(code)) };
}

/** The label of a code for a trainer; the code itself only if the content check was bypassed. */
export function misconceptionLabel(meta: Pick<ModuleMeta, 'misconceptions'>, code: string): string {
  return (Object.hasOwn(meta.misconceptions ?? {}, code) ? meta.misconceptions[code] : undefined) ?? code;
}
