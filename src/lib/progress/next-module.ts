// What comes after a module (the completion screen, issue 18): the next module of the learner's
// leerpad when they have one that is not done, else the first module of the course (in catalogue
// order) they have not completed. Null when everything is done.

export interface NextModule {
  moduleId: string;
  /** Where the advice comes from: a leerpad (its name) or the course order. */
  via: { kind: 'leerpad'; name: string } | { kind: 'cursus' };
}

export function nextModule(course: readonly { id: string; completed: boolean }[], paths: readonly { name: string; next: string | null }[]): NextModule | null {
  const isOpen = (id: string) => course.some((m) => m.id === id && !m.completed);
  const path = paths.find((p) => p.next !== null && isOpen(p.next));
  if (path && path.next) return { moduleId: path.next, via: { kind: 'leerpad', name: path.name } };
  const open = course.find((m) => !m.completed);
  return open ? { moduleId: open.id, via: { kind: 'cursus' } } : null;
}
