// The welcome on a first visit (issue 18): who has not started anything and has no leerpad gets a
// clear "Begin hier": for new staff the first module meant for them, for experienced staff the
// check-in (instaptoets) of the first module meant for them, so they skip what they know. Once
// anything is started or a leerpad is assigned, the catalogue says "Ga verder" instead.

export interface StartCandidate {
  id: string;
  order: number;
  audience: readonly ('nieuw' | 'ervaren')[];
}

export interface StartAdvice {
  /** The module a new colleague starts with: audience "nieuw", lowest order. */
  newStaff: string | null;
  /** The module whose check-in an experienced colleague starts with: audience "ervaren", lowest order. */
  experienced: string | null;
}

export function recommendedStarts(modules: readonly StartCandidate[]): StartAdvice {
  const first = (audience: 'nieuw' | 'ervaren') =>
    [...modules].filter((m) => m.audience.includes(audience)).sort((a, b) => a.order - b.order || a.id.localeCompare(b.id))[0]?.id ?? null;
  return { newStaff: first('nieuw'), experienced: first('ervaren') };
}

/** A first visit: nothing started in any module and no leerpad assigned. */
export function isFirstVisit(anythingStarted: boolean, pathCount: number): boolean {
  return !anythingStarted && pathCount === 0;
}
