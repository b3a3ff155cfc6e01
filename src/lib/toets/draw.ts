// Which questions a toets asks: at least one per lesson, filled up to the module's size, avoiding
// the previous attempt's questions where the bank allows, in a shuffled order. Pure; `random` is a
// parameter so tests are repeatable.
export interface DrawableQuestion {
  id: string;
  lesson?: string;
}

export function drawToets(
  lessonIds: string[],
  questions: DrawableQuestion[],
  size: number,
  previous: readonly string[],
  random: () => number = Math.random,
): string[] {
  const before = new Set(previous);
  const drawn = new Set<string>();
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)];
  for (const lessonId of lessonIds) {
    const candidates = questions.filter((q) => q.lesson === lessonId);
    if (candidates.length === 0) continue;
    const fresh = candidates.filter((q) => !before.has(q.id));
    drawn.add(pick(fresh.length > 0 ? fresh : candidates).id);
  }
  const target = Math.min(questions.length, Math.max(size, drawn.size));
  const rest = questions.filter((q) => !drawn.has(q.id));
  const freshRest = shuffle(
    rest.filter((q) => !before.has(q.id)),
    random,
  );
  const usedRest = shuffle(
    rest.filter((q) => before.has(q.id)),
    random,
  );
  for (const q of [...freshRest, ...usedRest]) {
    if (drawn.size >= target) break;
    drawn.add(q.id);
  }
  return shuffle([...drawn], random);
}

function shuffle<T>(items: T[], random: () => number): T[] {
  const list = [...items];
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [list[i], list[j]] = [list[j], list[i]];
  }
  return list;
}
