/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    user: import('./lib/auth/session.ts').SessionUser | null;
    session: import('./lib/auth/session.ts').Session | null;
    /** Set by the lesson page so the MDX building blocks (Vraag, Reflectievraag) know their module and learner. */
    lessonContext?: import('./components/mdx/lesson-context.ts').LessonContext;
  }
}
