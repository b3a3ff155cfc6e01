// A used idempotency key over HTTP, against the built server: the JSON endpoint and the form route
// refuse another question or a changed answer under it (409, no feedback, nothing stored), an exact
// repeat gets the stored result, a branching case still goes step by step with the fresh key of each
// rendered form, and a parallel burst under one key stores one answer and leaks no feedback.
// Needs `astro build` first (the test command does that).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createClient, type Client } from '@libsql/client';
import { DEMO_ACCOUNTS } from '../../db/demo-data.ts';
import type { Question } from '../../src/lib/content/schemas.ts';
import { loadCourse } from '../../src/lib/content/load-course.ts';
import type { Tokenizer } from '../../src/lib/quiz/option-tokens.ts';
import { logIn, prepareDatabase, startServer, type RunningServer } from '../helpers/server.ts';
import { tokensOf, wire } from '../helpers/wire.ts';

const learner = DEMO_ACCOUNTS.find((a) => a.role === 'learner')!;
const giz = loadCourse('content').modules.find((m) => m.meta.id === 'giz')!;
const ofType = <T extends Question['type']>(type: T) => giz.questions.filter((q): q is Extract<Question, { type: T }> => q.type === type);
const [single, otherSingle] = ofType('single');
const multiple = ofType('multiple')[0];
const order = ofType('order')[0];
const branching = ofType('branching')[0];

type Body = Record<string, unknown>;

describe('a used idempotency key over HTTP', () => {
  let dir: string;
  let url: string;
  let server: RunningServer;
  let cookie: string;
  let db: Client;
  let tokens: Tokenizer;
  let n = 0;
  const freshKey = () => `replay-${Date.now()}-${++n}-xxxxxxxxxxxx`;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'leergang-replay-'));
    url = `file:${join(dir, 'leergang.db')}`;
    prepareDatabase(url);
    server = await startServer(url);
    cookie = await logIn(server.origin, learner.email, learner.password);
    db = createClient({ url });
    tokens = await tokensOf(db, learner.email);
  });
  after(async () => {
    db?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Posts an authored answer as the browser would: under the learner's option tokens. */
  const postJson = async (body: Body) => {
    const question = giz.questions.find((q) => q.id === body.questionId);
    const answer = question && body.answer ? wire(question, body.answer as never, tokens) : body.answer;
    const response = await fetch(`${server.origin}/api/antwoorden`, {
      method: 'POST',
      headers: { cookie, origin: server.origin, 'content-type': 'application/json' },
      body: JSON.stringify({ moduleId: 'giz', ...body, answer }),
    });
    return { status: response.status, body: (await response.json()) as Body };
  };
  const postForm = async (fields: [string, string][]) => {
    const response = await fetch(`${server.origin}/antwoord`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie, origin: server.origin, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields),
    });
    return { status: response.status, location: response.headers.get('location'), text: await response.text() };
  };
  const storedUnder = async (key: string) =>
    (await db.execute({ sql: 'select question_id, answer from attempts where idempotency_key = ?', args: [key] })).rows.map((r) => ({
      questionId: String(r.question_id),
      answer: JSON.parse(String(r.answer)),
    }));
  const choiceOf = (q: Question, correct: boolean) => (q.type === 'single' ? q.options.find((o) => o.correct === correct)!.id : '');
  /** The token the form carries for an option. */
  const formChoice = (q: Question, correct: boolean) => tokens(q.id, choiceOf(q, correct));

  test('the JSON endpoint: another question or a changed answer is a 409 without feedback; an exact repeat is the stored result', async () => {
    const key = freshKey();
    const wrong = { type: 'single', choice: choiceOf(single, false) };
    const first = await postJson({ questionId: single.id, idempotencyKey: key, answer: wrong });
    assert.equal(first.status, 201);

    const attempts = [
      { questionId: otherSingle.id, answer: { type: 'single', choice: choiceOf(otherSingle, true) } },
      { questionId: multiple.id, answer: { type: 'multiple', choices: [multiple.type === 'multiple' ? multiple.options[0].id : ''] } },
      { questionId: order.id, answer: { type: 'order', order: order.type === 'order' ? order.items.map((i) => i.id) : [] } },
      { questionId: single.id, answer: { type: 'single', choice: choiceOf(single, true) } },
    ];
    for (const replay of attempts) {
      const refused = await postJson({ ...replay, idempotencyKey: key });
      assert.equal(refused.status, 409, `${replay.questionId}: ${JSON.stringify(refused.body)}`);
      assert.deepEqual(Object.keys(refused.body), ['error'], 'only a message, no feedback and no score');
      assert.match(String(refused.body.error), /al gebruikt/);
    }

    const repeat = await postJson({ questionId: single.id, idempotencyKey: key, answer: wrong });
    assert.equal(repeat.status, 200);
    assert.equal(repeat.body.status, 'al-ontvangen');
    assert.equal(repeat.body.attemptId, first.body.attemptId);
    assert.deepEqual(repeat.body.feedback, first.body.feedback);
    assert.deepEqual(
      (await storedUnder(key)).map((s) => s.questionId),
      [single.id],
    );
  });

  test('the form route: a used key for another question is a 409 page with the Dutch message, and stores nothing', async () => {
    const key = freshKey();
    const base = (q: Question, k: string): [string, string][] => [
      ['moduleId', 'giz'],
      ['questionId', q.id],
      ['type', q.type],
      ['key', k],
      ['returnTo', `/modules/giz/vragen/${q.id}`],
    ];
    const stored = await postForm([...base(single, key), ['choice', formChoice(single, true)]]);
    assert.equal(stored.status, 303);
    const refused = await postForm([...base(otherSingle, key), ['choice', formChoice(otherSingle, true)]]);
    assert.equal(refused.status, 409);
    assert.match(refused.text, /Dit formulier is al gebruikt voor een ander antwoord/);
    const changed = await postForm([...base(single, key), ['choice', formChoice(single, false)]]);
    assert.equal(changed.status, 409);
    const again = await postForm([...base(single, key), ['choice', formChoice(single, true)]]);
    assert.equal(again.status, 303, 'a double submit of the same form still lands once');
    assert.deepEqual(
      (await storedUnder(key)).map((s) => s.questionId),
      [single.id],
    );
  });

  test('a branching case goes step by step through the pages, each form with its own fresh key', async () => {
    // ?opnieuw: a fresh form even if the demo learner answered this case before.
    let page = `/modules/giz/vragen/${branching.id}?opnieuw=${branching.id}`;
    const keys: string[] = [];
    for (let step = 0; step < 30; step++) {
      const html = await (await fetch(`${server.origin}${page}`, { headers: { cookie } })).text();
      const section = html.slice(html.indexOf(`id="vraag-${branching.id}"`));
      if (!section.includes('name="key"')) break; // the feedback: the case is done
      const key = /name="key" value="([^"]+)"/.exec(section)![1];
      assert.ok(!keys.includes(key), 'every rendered step has a fresh key');
      keys.push(key);
      const choice = /name="choice" value="([^"]+)"/.exec(section)![1];
      const posted = await postForm([
        ['moduleId', 'giz'],
        ['questionId', branching.id],
        ['type', 'branching'],
        ['key', key],
        ['returnTo', `/modules/giz/vragen/${branching.id}`],
        ['choice', choice],
      ]);
      assert.equal(posted.status, 303, `step ${step + 1}: ${posted.text.slice(0, 200)}`);
      page = posted.location!;
    }
    assert.ok(keys.length >= 2, 'a case of more than one decision');
    const stored = await storedUnder(keys.at(-1)!);
    assert.equal(stored.length, 1, 'the last step is stored under the key of its own form');
    assert.equal(stored[0].answer.path.length, keys.length);
    for (const earlier of keys.slice(0, -1)) assert.deepEqual(await storedUnder(earlier), [], 'earlier steps store nothing');
  });

  test('a parallel burst under one key: one stored, every other request a 409 or the identical stored result', async () => {
    const key = freshKey();
    const variants = [single, otherSingle].flatMap((q) =>
      q.type === 'single' ? q.options.map((o) => ({ questionId: q.id, answer: { type: 'single', choice: o.id } })) : [],
    );
    if (multiple.type === 'multiple')
      variants.push({ questionId: multiple.id, answer: { type: 'multiple', choices: multiple.options.slice(0, 2).map((o) => o.id) } } as never);
    const burst = Array.from({ length: 40 }, (_, i) => variants[i % variants.length]);
    const responses = await Promise.all(burst.map((b) => postJson({ ...b, idempotencyKey: key })));

    const stored = await storedUnder(key);
    assert.equal(stored.length, 1, 'one answer under the key');
    const { misconceptions: _, ...storedAnswer } = stored[0].answer;
    assert.equal(responses.filter((r) => r.status === 201).length, 1, 'stored once');
    responses.forEach((response, i) => {
      const sent = burst[i];
      const same = sent.questionId === stored[0].questionId && JSON.stringify(sent.answer) === JSON.stringify(storedAnswer);
      if (response.status === 201 || response.status === 200) {
        assert.ok(
          same,
          `request ${i} (${sent.questionId} ${JSON.stringify(sent.answer)}) got feedback, but ${stored[0].questionId} ${JSON.stringify(storedAnswer)} was stored`,
        );
      } else {
        assert.equal(response.status, 409, `request ${i}: ${JSON.stringify(response.body)}`);
        assert.ok(!same, `request ${i}: the stored answer itself was refused`);
        assert.deepEqual(Object.keys(response.body), ['error']);
      }
    });
  });
});
