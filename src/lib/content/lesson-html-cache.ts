// The shared part of each lesson's HTML (lesson-segments.ts), split once and kept for the life of
// the process: a lesson only changes with a new build, and a build starts a new process. The key
// holds the content version too, so a version can never be served for another. On the
// development server nothing is kept: a trainer's save must show at once.
import { lessonSegments, type LessonSegment } from './lesson-segments.ts';

const kept = new Map<string, LessonSegment[]>();

export async function sharedLessonSegments(key: string, render: () => Promise<string>, keep: boolean): Promise<LessonSegment[]> {
  const found = keep ? kept.get(key) : undefined;
  if (found) return found;
  const segments = lessonSegments(await render());
  if (keep) kept.set(key, segments);
  return segments;
}
