// A module's name where space is short: the columns of the trainer's table and the labels of its
// charts. Authors give `shortTitle` in module.yaml (at most SHORT_TITLE_MAX characters); a module
// without one falls back to its full title.
import type { ModuleMeta } from './schemas.ts';

export function shortTitleOf(meta: Pick<ModuleMeta, 'title' | 'shortTitle'>): string {
  return meta.shortTitle ?? meta.title;
}
