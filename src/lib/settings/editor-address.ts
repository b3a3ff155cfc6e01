// Where the content editor is, as seen from a page that links to it (the question analysis). The
// editor exists only on a development server (docs/decisions/0010): that server links to its own
// editor; a production site links to the editing environment in CONTENT_EDITOR_URL, or not at all.

export interface EditorAddressSettings {
  /** CONTENT_EDITOR_URL, checked in env.ts. */
  CONTENT_EDITOR_URL?: string;
  /** CONTENT_EDITOR=uit leaves the editor out of the development server (astro.config.mjs). */
  CONTENT_EDITOR?: string;
  /** Whether this is the development server (import.meta.env.DEV). */
  dev: boolean;
}

/** The editor's base address: '' for this server itself, an absolute address, or undefined when there is no editor to link to. */
export function contentEditorBase(settings: EditorAddressSettings): string | undefined {
  if (settings.CONTENT_EDITOR_URL) return settings.CONTENT_EDITOR_URL.replace(/\/+$/, '');
  if (settings.dev && settings.CONTENT_EDITOR !== 'uit') return '';
  return undefined;
}

/** The question bank of a module (its folder under content/modules) in the editor; the editor lists the questions by id. */
export function questionBankEditorHref(base: string | undefined, moduleFolder: string): string | undefined {
  return base === undefined ? undefined : `${base}/keystatic/singleton/${encodeURIComponent(moduleFolder)}-questions`;
}
