// The shape of a module as progress needs it: ids and rules, no text. Built from the content.
export interface ModuleOutline {
  id: string;
  version: string;
  passMark: number;
  lessons: { id: string; title: string; minutes: number }[];
  questionIds: string[];
}
