// The module outline under the name progress and the reports have always imported it by. It is
// built from the content, so it is defined in content/outline.ts (a lower floor); new code imports
// it from there.
export type { ModuleOutline } from '../content/outline.ts';
