// A course of N modules for the build-time measurement, made from the real course: module k is a
// copy of real module (k mod 7) with its own module id, question ids and catalogue order, so the
// MDX that the build compiles is real lesson text of real size. The result is checked by the same
// validator as the course itself before anything is built from it.
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatCourseErrors, loadCourse } from '../../src/lib/content/load-course.ts';

export interface GeneratedCourse {
  dir: string;
  modules: number;
  lessons: number;
  questions: number;
  mdxBytes: number;
}

export function generateModules(sourceContentDir: string, targetContentDir: string, count: number): GeneratedCourse {
  const source = loadCourse(sourceContentDir);
  if (source.errors.length > 0) throw new Error(formatCourseErrors(source.errors));
  if (count < source.modules.length) throw new Error(`kies minstens ${source.modules.length} modules (zoveel als de echte leergang)`);
  rmSync(targetContentDir, { recursive: true, force: true });
  mkdirSync(join(targetContentDir, 'modules'), { recursive: true });

  for (let k = 0; k < count; k++) {
    const original = source.modules[k % source.modules.length];
    const copy = Math.floor(k / source.modules.length) + 1;
    const suffix = `-b${copy}`;
    const newId = `${original.meta.id}${suffix}`;
    // Only module ids and question ids must be unique in the whole course; lesson and
    // reflection ids are per module and stay as they are. Links to another module go to its
    // first copy, which exists once count reaches the size of the real course.
    const renames = new Map<string, string>([
      ...source.modules.map((m) => [m.meta.id, `${m.meta.id}-b1`] as [string, string]),
      [original.meta.id, newId],
      ...original.questions.map((q) => [q.id, `${q.id}${suffix}`] as [string, string]),
    ]);
    const pattern = new RegExp(
      `(?<![a-z0-9-])(${[...renames.keys()]
        .sort((a, b) => b.length - a.length)
        .map(escape)
        .join('|')})(?![a-z0-9-])`,
      'g',
    );
    const target = join(targetContentDir, 'modules', newId);
    cpSync(join(sourceContentDir, 'modules', original.folder), target, { recursive: true });
    for (const file of filesUnder(target)) {
      let text = readFileSync(file, 'utf8').replace(pattern, (id) => renames.get(id)!);
      if (file.endsWith('module.yaml')) text = text.replace(/^order:.*$/m, `order: ${k + 1}`);
      writeFileSync(file, text);
    }
  }

  const generated = loadCourse(targetContentDir);
  if (generated.errors.length > 0) throw new Error(`De gegenereerde modules zijn ongeldig.\n${formatCourseErrors(generated.errors.slice(0, 10))}`);
  return {
    dir: targetContentDir,
    modules: generated.modules.length,
    lessons: generated.modules.reduce((n, m) => n + m.lessons.length, 0),
    questions: generated.modules.reduce((n, m) => n + m.questions.length, 0),
    mdxBytes: generated.modules.reduce((n, m) => n + m.lessons.reduce((b, l) => b + Buffer.byteLength(l.body), 0), 0),
  };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
