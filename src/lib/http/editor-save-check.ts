// The content editor's save, checked before Keystatic writes (decision 0010): a POST to
// /api/keystatic/update carries every changed file; when the course would then have errors the
// save is refused with a 422 and the Dutch list of errors, which the editor shows to the trainer
// as it is. Anything that is not such a request (or not valid JSON) is left to Keystatic.
import { checkProposedChange, type ProposedChange } from '../content/proposed-change.ts';
import { formatCourseErrors } from '../content/load-course.ts';
import { t } from '../i18n/nl.ts';
import { text } from './responses.ts';

/** Whether this request is the editor's save (its write API, not a read). */
export function isEditorSave(request: Request, url: URL): boolean {
  return request.method === 'POST' && url.pathname.replace(/\/+$/, '') === '/api/keystatic/update';
}

/** A 422 with the errors when the save would break the course; undefined to let it through. */
export async function refuseBrokenEditorSave(request: Request, projectDir: string): Promise<Response | undefined> {
  const change = proposedChange(await request.clone().text());
  if (change === undefined) return undefined;
  const errors = checkProposedChange(projectDir, change);
  if (errors.length === 0) return undefined;
  // A module with an error drops out of the check, so links to its lessons in other files break
  // too: show the errors in the files this save changes, and only count the ones that follow.
  const changed = new Set([...change.additions, ...change.deletions].map((file) => file.path));
  const own = errors.filter((error) => changed.has(error.file));
  const shown = own.length > 0 ? own : errors;
  const followOn = errors.length - shown.length;
  const more = followOn > 0 ? `\n${t.editor.followOnErrors(followOn)}` : '';
  return text(`${t.editor.saveRefused}\n\n${formatCourseErrors(shown)}${more}`, 422);
}

function proposedChange(body: string): ProposedChange | undefined {
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null) return undefined;
  const { additions, deletions } = data as { additions?: unknown; deletions?: unknown };
  if (!Array.isArray(additions) || !Array.isArray(deletions)) return undefined;
  const files = additions.filter((a): a is { path: string; contents: string } => typeof a?.path === 'string' && typeof a?.contents === 'string');
  const removed = deletions.filter((d): d is { path: string } => typeof d?.path === 'string');
  return {
    additions: files.map(({ path, contents }) => ({ path, contents: Buffer.from(contents, 'base64url') })),
    deletions: removed.map(({ path }) => ({ path })),
  };
}
