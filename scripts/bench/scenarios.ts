// What the benchmark asks of the server, as in issue 7: (a) a static file of lesson-page size,
// (b) a lesson page, (c) an answer, (d) the catalogue, (e) a trainer's team dashboard, (f) the
// question analysis of a module (a trainer of one team; and the admin, who sees everyone), (g)
// the Herhalen list; and (t) handing in an afsluitende toets (issue 20). Every request is a random professional (or trainer) of the data set with
// their own session, so nothing is measured from one warm row.
import { randomUUID } from 'node:crypto';
import type { ModuleSource } from '../../src/lib/content/load-course.ts';
import type { Answer } from '../../src/lib/quiz/answer-schemas.ts';
import { encodeAnswer, tokenizerFor } from '../../src/lib/quiz/option-tokens.ts';
import { SESSION_COOKIE } from '../scale/http.ts';
import { answerVariants, type BenchAccount, type Dataset } from './generate-data.ts';
import type { LoadRequest, LoadScenario } from './load.ts';
import type { OpenToets } from './toets-pool.ts';

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

/** The toetsen the load handed in and what the server said, for the check afterwards (toets-check.ts). */
export class HandInLog {
  /** Requests made so far; also the place in the data set's pool of open toetsen. */
  sent = 0;
  /** Toets id → how many hand-ins of it got a success status (more than one only when the pool ran out). */
  readonly accepted = new Map<number, number>();
  acceptedCount = 0;
  readonly refused = new Map<number, number>();

  /** The next open toets; past the end of the pool it starts again (reported as handed in twice). */
  take(pool: readonly OpenToets[]): OpenToets {
    if (pool.length === 0) throw new Error('de data bevat geen open toetsen');
    return pool[this.sent++ % pool.length];
  }

  record(status: number, toetsId: number, ok: readonly number[]): void {
    if (ok.includes(status)) {
      this.accepted.set(toetsId, (this.accepted.get(toetsId) ?? 0) + 1);
      this.acceptedCount++;
    } else {
      this.refused.set(status, (this.refused.get(status) ?? 0) + 1);
    }
  }
}

interface HandInRequest extends LoadRequest {
  toetsId: number;
}

/** What the real hand-in answers: a redirect to the result, or to the completion screen when it completed the module. */
const HAND_IN_OK = [303];

export function buildScenarios(
  dataset: Pick<Dataset, 'learners' | 'trainers' | 'admin' | 'tokenSecret' | 'toetsPool'>,
  modules: ModuleSource[],
  answers: AnswerLog,
  handIns = new HandInLog(),
) {
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
  const tokens = new Map(dataset.learners.map((a) => [a.id, a.token]));
  // A question drawn for someone's open toets cannot be practised (the app answers 409), and its
  // page does not offer it: the answers of (c) leave those out.
  const inOpenToets = new Map<string, Set<string>>();
  for (const open of dataset.toetsPool) {
    let drawn = inOpenToets.get(open.userId);
    if (!drawn) inOpenToets.set(open.userId, (drawn = new Set()));
    for (const questionId of open.questionIds) drawn.add(`${open.moduleId}/${questionId}`);
  }
  const practicable = (who: BenchAccount) => {
    const drawn = inOpenToets.get(who.id);
    let s = pick(submissions);
    // Most questions stay open to practise, so this ends quickly; a 409 would show in the row.
    for (let tries = 0; tries < 100 && drawn?.has(`${s.moduleId}/${s.question.id}`); tries++) s = pick(submissions);
    return s;
  };

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
          json: { ...wireFor(who, practicable(who)), idempotencyKey: key },
          userId: who.id,
          key,
        };
      },
      onResponse: (status: number, _body: string, request: LoadRequest) => {
        const { userId, key } = request as AnswerRequest;
        answers.record(status, userId, key);
      },
    },
    // The hand-in form of the toets page, as the browser posts it: each request a different open
    // toets of the data set, with its owner's session.
    toetsHandIn: {
      id: 't',
      name: 'toets inleveren (POST)',
      ok: HAND_IN_OK,
      remaining: () => dataset.toetsPool.length - handIns.sent,
      next: (): HandInRequest => {
        const open = handIns.take(dataset.toetsPool);
        return {
          method: 'POST',
          path: `/modules/${open.moduleId}/toets`,
          cookie: `${SESSION_COOKIE}=${tokens.get(open.userId)}`,
          form: { action: 'inleveren', toets: String(open.toetsId) },
          toetsId: open.toetsId,
        };
      },
      onResponse: (status: number, _body: string, request: LoadRequest) => handIns.record(status, (request as HandInRequest).toetsId, HAND_IN_OK),
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
