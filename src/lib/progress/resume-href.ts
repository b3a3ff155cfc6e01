// The link behind "Verder waar je was".
import type { ResumeTarget } from './module-progress.ts';

export function resumeHref(moduleId: string, resume: ResumeTarget): string {
  switch (resume.kind) {
    case 'lesson':
      return `/modules/${moduleId}/${resume.lessonId}`;
    case 'toets':
      return `/modules/${moduleId}/toets`;
    case 'done':
      return `/modules/${moduleId}`;
  }
}
