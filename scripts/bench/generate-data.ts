// Data for the benchmark: a municipal region written straight into a fresh libSQL file.
//
// At scale 1: 5,000 professionals in 100 teams of 50 (one trainer each), one admin, about
// 500,000 answers and 100,000 lesson events over the past year, with the lesson progress, module
// completions, review schedules and team paths that go with them. Every account shares ONE argon2
// hash (hashing 5,000 passwords would take minutes and measure nothing), and every account gets a
// session row, so the load generator sends cookies instead of logging in.
//
// Answers are real: for each question a handful of possible answers is scored once by the app's
// own scoreAnswer (so `correct`, `score` and the misconceptions are what the app would store),
// and each professional picks the right one with a probability that depends on their skill.
// A seeded random generator makes two runs produce the same data set.
//
// Open afsluitende toetsen (toets-pool.ts): whoever has read every lesson of a module has a toets
// open in it, answered, waiting for row (t) to hand it in. They come
// from a random generator of their own, so the rest of the data set is what it was without them.
//
// Rows go in with multi-row INSERTs inside one transaction per table, journal off, which is
// what makes 500,000 answers take seconds rather than minutes.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createClient, type Client } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { applyMigrations } from '../../db/migrate.ts';
import { schema } from '../../db/client.ts';
import { hashPassword } from '../../src/lib/auth/password.ts';
import type { ModuleSource } from '../../src/lib/content/load-course.ts';
import type { Question } from '../../src/lib/content/schemas.ts';
import type { Answer } from '../../src/lib/quiz/answer-schemas.ts';
import { scoreAnswer } from '../../src/lib/quiz/score-answer.ts';
import { openToets, shuffled, TOETS_ANSWER_COLUMNS, TOETS_ATTEMPT_COLUMNS, type OpenToets } from './toets-pool.ts';

const DAY = 24 * 60 * 60 * 1000;
const LADDER_DAYS = [1, 3, 7, 21, 60];

export interface DatasetOptions {
  /** A libSQL file path (not a URL); must not exist yet. */
  file: string;
  /** The course as loadCourse returns it. */
  modules: ModuleSource[];
  /** 1 = 5,000 professionals, 100 teams, ~500,000 answers, ~100,000 lesson events. */
  scale: number;
  now?: number;
  seed?: number;
}

export interface BenchAccount {
  id: string;
  /** Cookie value for `lt_sessie`. */
  token: string;
}

export interface Dataset {
  file: string;
  scale: number;
  learners: BenchAccount[];
  /** One trainer per team, with the team they train. */
  trainers: (BenchAccount & { teamId: string })[];
  admin: BenchAccount;
  counts: Record<string, number>;
  seconds: number;
  /** The server's option-token secret in this database, so answers can be sent as a browser would. */
  tokenSecret: string;
  /** Every open toets, in a random order: row (t) hands each in once. */
  toetsPool: OpenToets[];
}

export const LEARNERS_PER_TEAM = 50;
const TEAMS_AT_SCALE_1 = 100;
const ANSWERS_PER_LEARNER = 100;
const LESSON_EVENTS_PER_LEARNER = 20;

export async function generateDataset({ file, modules, scale, now = Date.now(), seed = 7 }: DatasetOptions): Promise<Dataset> {
  const started = performance.now();
  mkdirSync(dirname(file), { recursive: true });
  const client = createClient({ url: `file:${file}` });
  try {
    await applyMigrations(drizzle(client, { schema }));
    // Loading only: no fsync. The app sets its own settings on start (db/client.ts).
    await client.execute('PRAGMA journal_mode = WAL');
    // Tables fill in buffered chunks, not in dependency order; the generated rows are consistent.
    await client.execute('PRAGMA foreign_keys = OFF');
    await client.execute('PRAGMA synchronous = OFF');
    const result = await fill(client, { modules: modules.filter((m) => !m.meta.draft), scale, now, seed });
    const tokenSecret = randomBytes(32).toString('hex');
    await client.execute({ sql: "insert into app_secrets (name, value) values ('option-tokens', ?)", args: [tokenSecret] });
    // No ANALYZE: the app never runs it, so the query planner sees what it sees in production.
    await client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
    return { ...result, file, scale, tokenSecret, seconds: (performance.now() - started) / 1000 };
  } finally {
    client.close();
  }
}

type Row = (string | number | null)[];

/** Seeds the open toetsen's own generator (see the top of the file). */
const TOETS_SEED_OFFSET = 0x70e75;

async function fill(client: Client, { modules, scale, now, seed }: Required<Omit<DatasetOptions, 'file'>>) {
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const passwordHash = await hashPassword('benchmark-wachtwoord');
  const teamCount = Math.max(1, Math.round(TEAMS_AT_SCALE_1 * scale));
  const ordered = [...modules].sort((a, b) => a.meta.order - b.meta.order);
  const variants = new Map(ordered.flatMap((m) => m.questions.map((q) => [q.id, answerVariants(q)] as const)));
  const difficulty = new Map(ordered.flatMap((m) => m.questions.map((q) => [q.id, random() * 0.5 - 0.2] as const)));
  const table = (name: string, columns: string[]) => new TableWriter(client, name, columns);
  const w = {
    users: table('users', ['id', 'email', 'name', 'role', 'password_hash', 'active', 'created_at']),
    sessions: table('sessions', ['id', 'user_id', 'expires_at', 'created_at']),
    teams: table('teams', ['id', 'name', 'created_at']),
    members: table('team_members', ['team_id', 'user_id', 'role', 'joined_at']),
    paths: table('learning_paths', ['id', 'name', 'module_ids', 'created_by', 'created_at']),
    assignments: table('path_assignments', ['path_id', 'team_id', 'user_id', 'due_date', 'assigned_by', 'created_at']),
    attempts: table('attempts', ['user_id', 'module_id', 'question_id', 'idempotency_key', 'answer', 'correct', 'score', 'content_version', 'created_at']),
    lessonEvents: table('lesson_events', ['user_id', 'module_id', 'lesson_id', 'kind', 'content_version', 'at']),
    lessonProgress: table('lesson_progress', ['user_id', 'module_id', 'lesson_id', 'first_opened_at', 'last_opened_at', 'completed_at', 'tested_out_at']),
    completions: table('module_completions', ['user_id', 'module_id', 'completed_at', 'score', 'content_version']),
    reviews: table('review_items', ['user_id', 'question_id', 'module_id', 'step', 'due_at', 'lapses', 'last_correct', 'review_count', 'updated_at']),
    toetsAttempts: table('toets_attempts', TOETS_ATTEMPT_COLUMNS),
    toetsAnswers: table('toets_answers', TOETS_ANSWER_COLUMNS),
  };
  const toetsRandom = mulberry32(seed + TOETS_SEED_OFFSET);
  const toetsPool: OpenToets[] = [];

  // Ids handed out in sorted order: every row of a person then lands next to the previous
  // person's in the (user_id, …) indexes, instead of at a random place in a B-tree that no
  // longer fits in the cache. Makes loading 4× the data take about 4× the time.
  const ids = Array.from({ length: 1 + teamCount * (1 + LEARNERS_PER_TEAM) }, () => base32(15, random)).sort();
  let nextId = 0;
  const account = async (role: string, name: string, email: string, createdAt: number): Promise<BenchAccount> => {
    const id = ids[nextId++];
    const token = base32(20, random);
    await w.users.add([id, email, name, role, passwordHash, 1, createdAt]);
    // Expiry beyond the renewal window, so that no request rewrites its session row.
    await w.sessions.add([createHash('sha256').update(token).digest('hex'), id, now + 29 * DAY, now]);
    return { id, token };
  };

  const admin = await account('admin', 'Beheer Benchmark', 'beheer@bench.example', now - 400 * DAY);
  const onboarding = base32(15, random);
  await w.paths.add([onboarding, 'Inwerken nieuwe medewerker', JSON.stringify(ordered.slice(0, 4).map((m) => m.meta.id)), admin.id, now - 370 * DAY]);
  await w.paths.add([base32(15, random), 'Opfrissen', JSON.stringify(ordered.slice(4).map((m) => m.meta.id)), admin.id, now - 370 * DAY]);

  const trainers: Dataset['trainers'] = [];
  const learners: BenchAccount[] = [];
  for (let t = 0; t < teamCount; t++) {
    const teamId = base32(15, random);
    const createdAt = now - 380 * DAY;
    await w.teams.add([teamId, `Toegangsteam ${t + 1}`, createdAt]);
    await w.assignments.add([onboarding, teamId, null, isoDate(now + Math.floor((random() - 0.5) * 120) * DAY), admin.id, now - 200 * DAY]);
    const trainer = await account('trainer', personName(random), `opleider${t + 1}@bench.example`, createdAt);
    await w.members.add([teamId, trainer.id, 'trainer', createdAt]);
    trainers.push({ ...trainer, teamId });
    for (let i = 0; i < LEARNERS_PER_TEAM; i++) {
      const start = now - Math.floor(random() * 365 * DAY);
      const learner = await account('learner', personName(random), `professional${t * LEARNERS_PER_TEAM + i + 1}@bench.example`, start);
      await w.members.add([teamId, learner.id, 'member', start]);
      learners.push(learner);
      await addLearnerHistory(learner.id, start);
    }
  }

  async function addLearnerHistory(userId: string, start: number): Promise<void> {
    const skill = 0.35 + random() * 0.6;
    const reached = ordered.slice(0, 1 + Math.floor(random() * ordered.length));
    const span = Math.max(DAY, now - start - DAY);
    // Lessons: every lesson of a reached module opened; all completed but in the last module.
    const lessons = reached.flatMap((mod, m) =>
      mod.lessons.map((lesson, l) => ({
        mod,
        lesson,
        done: m < reached.length - 1 || random() < 0.6,
        at: start + Math.floor(((m + l / mod.lessons.length) / reached.length) * span),
      })),
    );
    for (const { mod, lesson, done, at } of lessons)
      await w.lessonProgress.add([userId, mod.meta.id, lesson.id, at, at + 5 * 60_000, done ? at + 10 * 60_000 : null, null]);
    const eventBudget = Math.round(LESSON_EVENTS_PER_LEARNER * (0.5 + random()));
    for (let e = 0; e < eventBudget && lessons.length > 0; e++) {
      const { mod, lesson, done, at } = lessons[e % lessons.length];
      const kind = done && e >= lessons.length ? 'completed' : 'opened';
      await w.lessonEvents.add([userId, mod.meta.id, lesson.id, kind, mod.meta.version, at + e * 60_000]);
    }

    // Answers: each reached question once, then repeats (review) up to this person's share.
    const questions = reached.flatMap((mod, m) => mod.questions.filter(() => m < reached.length - 1 || random() < 0.7).map((q) => ({ mod, q })));
    if (questions.length === 0) return;
    const target = Math.max(questions.length, Math.round(ANSWERS_PER_LEARNER * (0.5 + random())));
    const sequence = [...questions];
    while (sequence.length < target) sequence.push(pick(questions));
    const state = new Map<string, { best: number; streak: number; lapses: number; count: number; last: number; lastCorrect: boolean; moduleId: string }>();
    for (let i = 0; i < sequence.length; i++) {
      const { mod, q } = sequence[i];
      const at = start + Math.floor(((i + 1) / (sequence.length + 1)) * span);
      const seen = state.get(q.id);
      const chance = Math.min(0.97, skill - difficulty.get(q.id)! + (seen ? 0.15 : 0));
      const options = variants.get(q.id)!;
      const v = random() < chance || options.length === 1 ? options[0] : options[1 + Math.floor(random() * (options.length - 1))];
      await w.attempts.add([userId, mod.meta.id, q.id, randomUUID(), v.json, v.correct ? 1 : 0, v.score, mod.meta.version, at]);
      state.set(q.id, {
        best: Math.max(seen?.best ?? 0, v.score),
        streak: v.correct ? (seen?.streak ?? 0) + 1 : 0,
        lapses: (seen?.lapses ?? 0) + (seen?.lastCorrect && !v.correct ? 1 : 0),
        count: (seen?.count ?? 0) + 1,
        last: at,
        lastCorrect: v.correct,
        moduleId: mod.meta.id,
      });
    }
    for (const [questionId, s] of state) {
      const step = Math.min(s.streak, LADDER_DAYS.length - 1);
      await w.reviews.add([userId, questionId, s.moduleId, step, s.last + LADDER_DAYS[step] * DAY, s.lapses, s.lastCorrect ? 1 : 0, s.count - 1, s.last]);
    }
    for (const mod of reached.slice(0, -1)) {
      const score = mod.questions.reduce((sum, q) => sum + (state.get(q.id)?.best ?? 0), 0) / Math.max(1, mod.questions.length);
      const last = Math.max(...mod.questions.map((q) => state.get(q.id)?.last ?? 0));
      if (score + 1e-9 >= mod.meta.passMark) await w.completions.add([userId, mod.meta.id, last, Math.round(score * 1000) / 1000, mod.meta.version]);
    }
    // Every lesson of the module read: this person has its toets open (see toets-pool.ts).
    for (const mod of reached) {
      if (!lessons.every((l) => l.mod !== mod || l.done)) continue;
      const open = openToets({
        toetsId: toetsPool.length + 1,
        userId,
        mod,
        chance: (questionId) => Math.min(0.97, skill - difficulty.get(questionId)! + 0.15),
        variants,
        now,
        random: toetsRandom,
      });
      await w.toetsAttempts.add(open.attempt);
      for (const answer of open.answers) await w.toetsAnswers.add(answer);
      toetsPool.push(open.toets);
    }
  }

  for (const writer of Object.values(w)) await writer.flush();
  return {
    learners,
    trainers,
    admin,
    toetsPool: shuffled(toetsPool, toetsRandom),
    counts: {
      professionals: learners.length,
      teams: teamCount,
      answers: w.attempts.written,
      lessonEvents: w.lessonEvents.written,
      lessonProgress: w.lessonProgress.written,
      moduleCompletions: w.completions.written,
      reviewItems: w.reviews.written,
      sessions: w.sessions.written,
      openToetsen: w.toetsAttempts.written,
      toetsAnswers: w.toetsAnswers.written,
    },
  };
}

/**
 * Buffers rows of one table and writes them 5,000 at a time as ONE JSON parameter that SQLite
 * unpacks with json_each. Binding every value separately is slower, and the driver keeps native
 * memory for each bound statement until much later: loading 500,000 answers that way held over
 * a gigabyte.
 */
class TableWriter {
  private rows: Row[] = [];
  private readonly client: Client;
  private readonly statement: string;
  written = 0;

  constructor(client: Client, table: string, columns: string[]) {
    this.client = client;
    this.statement = `INSERT INTO ${table} (${columns.join(', ')}) SELECT ${columns.map((_, i) => `value ->> ${i}`).join(', ')} FROM json_each(?)`;
  }

  async add(row: Row): Promise<void> {
    this.rows.push(row);
    if (this.rows.length >= 5000) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.rows.length === 0) return;
    const chunk = this.rows;
    this.rows = [];
    await this.client.execute({ sql: this.statement, args: [JSON.stringify(chunk)] });
    this.written += chunk.length;
  }
}

interface Variant {
  json: string;
  correct: boolean;
  score: number;
}

/** Possible answers to a question, scored by the app; the first is a fully right one. */
export function answerVariants(question: Question): Variant[] {
  const answers: Answer[] = [];
  if (question.type === 'single') {
    const right = question.options.find((o) => o.correct)!;
    answers.push({ type: 'single', choice: right.id }, ...question.options.filter((o) => o !== right).map((o) => ({ type: 'single' as const, choice: o.id })));
  } else if (question.type === 'multiple') {
    const right = question.options.filter((o) => o.correct).map((o) => o.id);
    const wrong = question.options.filter((o) => !o.correct).map((o) => o.id);
    answers.push({ type: 'multiple', choices: right });
    if (right.length > 1) answers.push({ type: 'multiple', choices: right.slice(1) });
    for (const w of wrong) answers.push({ type: 'multiple', choices: [...right, w] });
    if (wrong.length > 0) answers.push({ type: 'multiple', choices: [wrong[0]] });
  } else if (question.type === 'order') {
    const ids = question.items.map((i) => i.id);
    answers.push({ type: 'order', order: ids }, { type: 'order', order: [ids[1], ids[0], ...ids.slice(2)] }, { type: 'order', order: [...ids].reverse() });
  } else {
    const paths = branchingPaths(question);
    answers.push(...paths.map((path) => ({ type: 'branching' as const, path })));
  }
  const scored = answers.flatMap((answer) => {
    const result = scoreAnswer(question, answer);
    return result.ok
      ? [{ json: JSON.stringify({ ...answer, misconceptions: result.result.misconceptions }), correct: result.result.correct, score: result.result.score }]
      : [];
  });
  // The right answer first, then the others.
  return scored.sort((a, b) => Number(b.correct) - Number(a.correct) || b.score - a.score);
}

/** Complete paths through a branching case (at most 12). */
function branchingPaths(question: Extract<Question, { type: 'branching' }>): string[][] {
  const nodes = new Map(question.nodes.map((n) => [n.id, n]));
  const paths: string[][] = [];
  const walk = (nodeId: string, path: string[]) => {
    if (paths.length >= 12) return;
    for (const choice of nodes.get(nodeId)?.choices ?? []) {
      const next = [...path, choice.id];
      if (choice.redLine || !choice.next) paths.push(next);
      else if (!path.includes(choice.id)) walk(choice.next, next);
    }
  };
  walk(question.start, []);
  return paths;
}

const FIRST = [
  'Anouk',
  'Bram',
  'Daan',
  'Eva',
  'Fatima',
  'Hanna',
  'Ilse',
  'Jeroen',
  'Kim',
  'Lotte',
  'Mohamed',
  'Noor',
  'Pieter',
  'Roos',
  'Sanne',
  'Tim',
  'Yara',
  'Zeynep',
];
const LAST = [
  'de Jong',
  'Jansen',
  'de Vries',
  'van den Berg',
  'Bakker',
  'Visser',
  'Smit',
  'Meijer',
  'de Boer',
  'Mulder',
  'Bos',
  'Vos',
  'Peters',
  'Hendriks',
  'Yilmaz',
  'El Amrani',
];

function personName(random: () => number): string {
  return `${FIRST[Math.floor(random() * FIRST.length)]} ${LAST[Math.floor(random() * LAST.length)]}`;
}

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** Lower-case base32 of `bytes` random bytes, the shape of the app's ids (15) and tokens (20). */
function base32(bytes: number, random: () => number): string {
  let out = '';
  for (let i = 0; i < (bytes * 8) / 5; i++) out += BASE32[Math.floor(random() * 32)];
  return out;
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** A small seeded generator: the same seed gives the same data set. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
