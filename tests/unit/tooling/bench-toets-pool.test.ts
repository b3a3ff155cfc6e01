// The benchmark's open toetsen (scripts/bench/toets-pool.ts, row (t) of npm run bench) must be
// toetsen the app itself would have: this test generates a small bench data set into a real
// libSQL file and holds every open toets to the app's own rules and functions. Its owner read
// every lesson (the app lets them start), it is the one open toets of that person and module,
// its questions are a draw the app could make, its stored answers are what the app stores for
// them, and the app's own hand-in accepts it and gives the score of those answers. The check that
// runs after row (t) (toets-check.ts) is run here too, on a run that went right and on one that
// did not; and the answers of row (c) keep away from questions in an open toets (the app refuses
// those with a 409).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { openDatabase, tuneEmbeddedDatabase, type Db } from '../../../db/client.ts';
import { generateDataset, type Dataset } from '../../../scripts/bench/generate-data.ts';
import type { LoadRequest } from '../../../scripts/bench/load.ts';
import { AnswerLog, buildScenarios, HandInLog } from '../../../scripts/bench/scenarios.ts';
import { checkHandIns } from '../../../scripts/bench/toets-check.ts';
import { loadCourse, type ModuleSource } from '../../../src/lib/content/load-course.ts';
import { outlineOf } from '../../../src/lib/content/outline.ts';
import { handInModuleToets, lessonsDone, toetsModuleOf } from '../../../src/lib/learning/module-toets.ts';
import { answerSchema } from '../../../src/lib/quiz/answer-schemas.ts';
import { decodeAnswer, tokenizerFor, type WireAnswer } from '../../../src/lib/quiz/option-tokens.ts';
import { scoreAnswer } from '../../../src/lib/quiz/score-answer.ts';
import { toetsScore } from '../../../src/lib/toets/policy.ts';
import { getOpenToets, getToetsAnswers, getToetsAttempts } from '../../../src/lib/toets/toets-store.ts';

const { modules } = loadCourse('content');
const course = modules.filter((m) => !m.meta.draft);
const withOutline = (mod: ModuleSource) => ({ ...mod, outline: outlineOf(mod) });
const moduleById = new Map(course.map((m) => [m.meta.id, withOutline(m)]));

let dir: string;
let dataset: Dataset;
let db: Db;
let close: () => void;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'leergang-bench-pool-'));
  // Two teams of 50: every module has open toetsen, in well under a second.
  dataset = await generateDataset({ file: join(dir, 'bench.db'), modules, scale: 0.02 });
  const url = `file:${dataset.file}`;
  const opened = openDatabase({ url });
  await tuneEmbeddedDatabase(opened.client, url);
  db = opened.db;
  close = () => opened.client.close();
});

after(() => {
  close?.();
  rmSync(dir, { recursive: true, force: true });
});

describe('the open toetsen of the bench data set', () => {
  test('exist in every module, one per person and module, each in the pool once', () => {
    assert.ok(dataset.toetsPool.length >= 50, `${dataset.toetsPool.length} open toetsen`);
    assert.equal(dataset.counts.openToetsen, dataset.toetsPool.length);
    assert.deepEqual(new Set(dataset.toetsPool.map((p) => p.moduleId)), new Set(course.map((m) => m.meta.id)));
    assert.equal(new Set(dataset.toetsPool.map((p) => `${p.userId}/${p.moduleId}`)).size, dataset.toetsPool.length);
    assert.equal(new Set(dataset.toetsPool.map((p) => p.toetsId)).size, dataset.toetsPool.length);
  });

  test('are what the app would have started: lessons read, its one open toets, a draw by its rules', async () => {
    for (const open of dataset.toetsPool) {
      const mod = moduleById.get(open.moduleId)!;
      assert.ok(await lessonsDone(db, open.userId, mod), `${open.userId} read every lesson of ${open.moduleId}`);
      const found = await getOpenToets(db, open.userId, open.moduleId);
      assert.equal(found?.id, open.toetsId);
      assert.deepEqual(found.questionIds, open.questionIds);
      assert.equal(found.contentVersion, mod.meta.version);
      assert.equal(found.passMark, mod.meta.passMark);
      assert.equal((await getToetsAttempts(db, open.userId, open.moduleId)).length, 1, 'a first attempt');
      const settings = toetsModuleOf(mod);
      assert.equal(open.questionIds.length, Math.min(settings.settings.questions, mod.questions.length));
      assert.equal(new Set(open.questionIds).size, open.questionIds.length);
      const drawnLessons = new Set(open.questionIds.map((id) => mod.questions.find((q) => q.id === id)!.lesson));
      for (const lessonId of settings.lessonIds) {
        if (mod.questions.some((q) => q.lesson === lessonId)) assert.ok(drawnLessons.has(lessonId), `${open.moduleId}: a question of ${lessonId}`);
      }
    }
  });

  test('hold answers as the app stores them: drawn questions only, scored by the app', async () => {
    let answers = 0;
    for (const open of dataset.toetsPool) {
      const mod = moduleById.get(open.moduleId)!;
      for (const stored of await getToetsAnswers(db, open.toetsId)) {
        answers++;
        assert.ok(open.questionIds.includes(stored.questionId), 'a drawn question');
        const question = mod.questions.find((q) => q.id === stored.questionId)!;
        const parsed = answerSchema.safeParse(stored.answer);
        assert.ok(parsed.success, JSON.stringify(stored.answer));
        const scored = scoreAnswer(question, parsed.data);
        assert.ok(scored.ok);
        assert.equal(stored.score, scored.result.score);
        assert.equal(stored.correct, scored.result.correct);
        assert.deepEqual((stored.answer as { misconceptions?: unknown }).misconceptions, scored.result.misconceptions);
        assert.ok(stored.answeredAt < Date.now());
      }
    }
    assert.ok(answers > dataset.toetsPool.length * 5, `${answers} answers`);
  });

  test('the answers of row (c) leave out the questions of an open toets, and carry the right tokens', () => {
    const scenarios = buildScenarios(dataset, modules, new AnswerLog());
    const drawn = new Set(dataset.toetsPool.flatMap((p) => p.questionIds.map((q) => `${p.userId}/${p.moduleId}/${q}`)));
    for (let i = 0; i < 3000; i++) {
      const request = scenarios.answer.next() as LoadRequest & { json: { moduleId: string; questionId: string; answer: WireAnswer }; userId: string };
      const { moduleId, questionId, answer } = request.json;
      assert.ok(!drawn.has(`${request.userId}/${moduleId}/${questionId}`), `${moduleId}/${questionId} is in an open toets of ${request.userId}`);
      const question = moduleById.get(moduleId)!.questions.find((q) => q.id === questionId)!;
      assert.ok(decodeAnswer(question, answer, tokenizerFor(dataset.tokenSecret, request.userId)).ok);
    }
  });

  test('row (t) posts the hand-in form of a different toets each time, with its owner’s session', () => {
    const log = new HandInLog();
    const scenarios = buildScenarios(dataset, modules, new AnswerLog(), log);
    const tokens = new Map(dataset.learners.map((l) => [l.id, l.token]));
    const seen = new Set<number>();
    for (const open of dataset.toetsPool) {
      const request = scenarios.toetsHandIn.next();
      assert.equal(request.method, 'POST');
      assert.equal(request.path, `/modules/${open.moduleId}/toets`);
      assert.deepEqual(request.form, { action: 'inleveren', toets: String(open.toetsId) });
      assert.ok(request.cookie?.endsWith(`=${tokens.get(open.userId)}`));
      seen.add(open.toetsId);
    }
    assert.equal(seen.size, dataset.toetsPool.length);
    assert.equal(log.sent, dataset.toetsPool.length);
  });

  test('are accepted by the app’s own hand-in, with the score of their answers; the check after row (t) agrees', async () => {
    const handedIn = dataset.toetsPool.slice(0, 40);
    const log = new HandInLog();
    let passed = 0;
    for (const open of handedIn) {
      log.take(dataset.toetsPool);
      const mod = moduleById.get(open.moduleId)!;
      const expected = toetsScore(open.questionIds, new Map((await getToetsAnswers(db, open.toetsId)).map((a) => [a.questionId, a.score])));
      const result = await handInModuleToets(db, open.userId, mod, open.toetsId);
      assert.ok(result.ok, `${open.toetsId} handed in`);
      assert.equal(result.handedInNow, true);
      assert.equal(result.attempt.score, expected);
      if (result.attempt.passed) passed++;
      log.record(303, open.toetsId, [303]);
    }
    assert.ok(passed > 0 && passed < handedIn.length, `${passed} of ${handedIn.length} passed: both paths of the hand-in are measured`);
    const check = await checkHandIns(`file:${dataset.file}`, log, dataset.toetsPool);
    assert.deepEqual(
      {
        ok: check.ok,
        accepted: check.accepted,
        missing: check.missing,
        withoutCompletion: check.withoutCompletion,
        duplicated: check.duplicated,
        unsent: check.handedInUnsent,
      },
      { ok: true, accepted: handedIn.length, missing: 0, withoutCompletion: 0, duplicated: 0, unsent: 0 },
    );
  });

  test('the check after row (t) finds a toets reported handed in but still open, one handed in twice, and one handed in unasked', async () => {
    const log = new HandInLog();
    const pool = dataset.toetsPool;
    // Pretend: the first 40 were sent and accepted (the test above handed them in), the 41st got a
    // 303 but is still open, and the 1st got a second 303.
    for (let i = 0; i < 41; i++) {
      log.take(pool);
      log.record(303, pool[i].toetsId, [303]);
    }
    log.record(303, pool[0].toetsId, [303]);
    const unasked = pool[42];
    await handInModuleToets(db, unasked.userId, moduleById.get(unasked.moduleId)!, unasked.toetsId);
    const check = await checkHandIns(`file:${dataset.file}`, log, pool);
    assert.equal(check.ok, false);
    assert.equal(check.missing, 1);
    assert.equal(check.duplicated, 1);
    assert.equal(check.handedInUnsent, 1);
  });
});
