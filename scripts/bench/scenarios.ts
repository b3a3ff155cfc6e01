// What the benchmark asks of the server, as in issue 7: (a) a static file of lesson-page size,
// (b) a lesson page, (c) an answer, (d) the catalogue, (e) a trainer's team dashboard, (f) the
// question analysis of a module (a trainer of one team; and the admin, who sees everyone), (g)
// the Herhalen list. Every request is a random professional (or trainer) of the data set with
// their own session, so nothing is measured from one warm row.
import { randomUUID } from 'node:crypto';
import type { ModuleSource } from '../../src/lib/content/load-course.ts';
import type { Answer } from '../../src/lib/quiz/answer-schemas.ts';
import { encodeAnswer, tokenizerFor } from '../../src/lib/quiz/option-tokens.ts';
import { SESSION_COOKIE } from '../scale/http.ts';
import { answerVariants, type BenchAccount, type Dataset } from './generate-data.ts';
import type { LoadRequest, LoadScenario } from './load.ts';

export const STATIC_PATH = '/bench-static.html';

const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)];
const cookie = (account: BenchAccount) => `${SESSION_COOKIE}=${account.token}`;

/** The answers the load sent and what the server said, for the check afterwards. */
export class AnswerLog {
  /** userId → idempotency keys answered with 2xx */
  readonly accepted = new Map<string, Set<string>>();
  sent = 0;
  acceptedCount = 0;
  readonly refused = new Map<number, number>();
  /** Every key sent carries this prefix, so the rows of the run can be found again. */
  readonly prefix = `bench-${Date.now().toString(36)}-`;

  record(status: number, userId: string, key: string): void {
    if (status >= 200 && status < 300) {
      let keys = this.accepted.get(userId);
      if (!keys) this.accepted.set(userId, (keys = new Set()));
      keys.add(key);
      this.acceptedCount++;
    } else {
      this.refused.set(status, (this.refused.get(status) ?? 0) + 1);
    }
  }
}

interface AnswerRequest extends LoadRequest {
  userId: string;
  key: string;
}

export function buildScenarios(dataset: Pick<Dataset, 'learners' | 'trainers' | 'admin' | 'tokenSecret'>, modules: ModuleSource[], answers: AnswerLog) {
  const course = modules.filter((m) => !m.meta.draft);
  const lessons = course.flatMap((m) => m.lessons.map((l) => `/modules/${m.meta.id}/${l.id}`));
  // One-request answers only: a branching case is answered one decision at a time, and only its
  // last decision stores an answer. Sent under the person's option tokens, as the page carries them.
  const submissions = course.flatMap((m) =>
    m.questions
      .filter((q) => q.type !== 'branching')
      .flatMap((q) =>
        answerVariants(q).map((v) => {
          const { misconceptions: _, ...answer } = JSON.parse(v.json);
          return { moduleId: m.meta.id, question: q, answer: answer as Answer };
        }),
      ),
  );
  const wireFor = (who: { id: string }, s: (typeof submissions)[number]) => ({
    moduleId: s.moduleId,
    questionId: s.question.id,
    answer: encodeAnswer(s.question, s.answer, tokenizerFor(dataset.tokenSecret, who.id))[0],
  });
  const learner = () => pick(dataset.learners);

  const scenarios = {
    static: { id: 'a', name: 'statisch bestand (plafond)', ok: [200], next: () => ({ method: 'GET', path: STATIC_PATH }) },
    // Not in the issue: the cheapest page the server renders for a signed-in user (session
    // lookup, layout, no other query). What any personal page costs at least on this stack.
    bare: { id: 'h', name: 'kale pagina met sessie (vloer)', ok: [200], next: () => ({ method: 'GET', path: '/geen-toegang', cookie: cookie(learner()) }) },
    lesson: { id: 'b', name: 'les (ingelogd)', ok: [200], next: () => ({ method: 'GET', path: pick(lessons), cookie: cookie(learner()) }) },
    answer: {
      id: 'c',
      name: 'antwoord versturen (POST)',
      ok: [200, 201],
      next: (): AnswerRequest => {
        const who = learner();
        const key = `${answers.prefix}${randomUUID()}`;
        answers.sent++;
        return {
          method: 'POST',
          path: '/api/antwoorden',
          cookie: cookie(who),
          json: { ...wireFor(who, pick(submissions)), idempotencyKey: key },
          userId: who.id,
          key,
        };
      },
      onResponse: (status: number, _body: string, request: LoadRequest) => {
        const { userId, key } = request as AnswerRequest;
        answers.record(status, userId, key);
      },
    },
    catalogue: { id: 'd', name: 'catalogus met voortgang', ok: [200], next: () => ({ method: 'GET', path: '/modules', cookie: cookie(learner()) }) },
    dashboard: {
      id: 'e',
      name: 'teamdashboard (team van 50)',
      ok: [200],
      next: () => {
        const trainer = pick(dataset.trainers);
        return { method: 'GET', path: `/team/${trainer.teamId}`, cookie: cookie(trainer) };
      },
    },
    analysis: {
      id: 'f',
      name: 'vraaganalyse (opleider, 1 team)',
      ok: [200],
      next: () => ({ method: 'GET', path: `/team/analyse/${pick(course).meta.id}`, cookie: cookie(pick(dataset.trainers)) }),
      probe: () => ({ method: 'GET', path: `/team/analyse/${course[0].meta.id}`, cookie: cookie(dataset.trainers[0]) }),
    },
    analysisAdmin: {
      id: 'f*',
      name: 'vraaganalyse (beheerder, iedereen)',
      ok: [200],
      next: () => ({ method: 'GET', path: `/team/analyse/${pick(course).meta.id}`, cookie: cookie(dataset.admin) }),
      probe: () => ({ method: 'GET', path: `/team/analyse/${course[0].meta.id}`, cookie: cookie(dataset.admin) }),
    },
    review: { id: 'g', name: 'Herhalen', ok: [200], next: () => ({ method: 'GET', path: '/herhalen', cookie: cookie(learner()) }) },
    // The admin's account list over all 5,000 people: a page of 50, half the time with a search
    // (part of a name or address, as an admin types it) and on a later page.
    accounts: {
      id: 'i',
      name: 'accountlijst (beheerder, zoeken en bladeren)',
      ok: [200],
      next: () => {
        const params = new URLSearchParams();
        if (Math.random() < 0.5) params.set('zoek', pick(['an', 'de', 'jan', 'gemeente', 'e1', 'ria', 'van']));
        params.set('pagina', String(1 + Math.floor(Math.random() * 5)));
        return { method: 'GET', path: `/team/beheer?${params}`, cookie: cookie(dataset.admin) };
      },
    },
  } satisfies Record<string, LoadScenario>;
  return scenarios as Record<keyof typeof scenarios, LoadScenario>;
}

/** A page to fetch once before the load: a lesson and a question page of the first module. */
export function samplePaths(modules: ModuleSource[]) {
  const mod = modules.find((m) => !m.meta.draft)!;
  return { lesson: `/modules/${mod.meta.id}/${mod.lessons[0].id}`, question: `/modules/${mod.meta.id}/vragen/${mod.questions[0].id}` };
}
