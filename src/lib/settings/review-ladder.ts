// The REVIEW_LADDER_DAYS setting: the intervals of spaced review (review/scheduler.ts). Read by
// env.ts when the settings are parsed, so it lives down here with the settings and not in review/.
export const DEFAULT_LADDER_DAYS = [1, 3, 7, 21, 60] as const;

export function parseLadder(value: string | undefined): number[] {
  if (!value) return [...DEFAULT_LADDER_DAYS];
  const days = value.split(',').map((s) => Number(s.trim()));
  if (days.length === 0 || days.some((d) => !Number.isInteger(d) || d < 1 || d > 365)) {
    throw new Error(`REVIEW_LADDER_DAYS moet een lijst hele dagen tussen 1 en 365 zijn, bijvoorbeeld "1,3,7,21,60" (nu: "${value}")`);
  }
  return days;
}
