// The course as it would be after a save in the content editor (Keystatic, decision 0010), checked
// before anything is written: the editor sends every changed file in one request, so a copy of
// content/ with those files applied goes through the same checks as `npm run content:check`, with
// the same Dutch messages naming file and field. Pure file work on a temporary copy; no HTTP.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { loadCourse, type CourseError } from './load-course.ts';

export interface ProposedChange {
  /** New or changed files, by path from the project folder ("content/modules/giz/questions.yaml"). */
  additions: readonly { path: string; contents: Uint8Array }[];
  deletions: readonly { path: string }[];
}

/** Only files under content/, by a plain relative path: no "..", no ".", no backslashes. */
export function isContentPath(path: string): boolean {
  const parts = path.split('/');
  return parts[0] === 'content' && parts.length > 1 && !path.includes('\\') && parts.every((part) => part !== '' && part !== '.' && part !== '..');
}

/**
 * The errors the course would have after the change (warnings do not stop a save), with file
 * names as content:check gives them (content/modules/…). Paths outside content/ are ignored here;
 * the editor's own API refuses them.
 */
export function checkProposedChange(projectDir: string, change: ProposedChange): CourseError[] {
  const work = mkdtempSync(join(tmpdir(), 'leergang-editor-'));
  try {
    const content = join(work, 'content');
    cpSync(join(projectDir, 'content'), content, { recursive: true });
    for (const { path } of change.deletions) if (isContentPath(path)) rmSync(join(work, path), { force: true });
    for (const { path, contents } of change.additions) {
      if (!isContentPath(path)) continue;
      mkdirSync(dirname(join(work, path)), { recursive: true });
      writeFileSync(join(work, path), contents);
    }
    const prefixes = [content, relative(process.cwd(), content)];
    const asInProject = (file: string) => {
      const prefix = prefixes.find((p) => file === p || file.startsWith(p + sep));
      return prefix === undefined ? file : `content${file.slice(prefix.length).split(sep).join('/')}`;
    };
    return loadCourse(content).errors.map((error) => ({ ...error, file: asInProject(error.file) }));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
