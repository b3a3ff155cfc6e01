// Answers are written together with the other answers that arrive in the same turn of the event
// loop (db/write-together.ts): one transaction for a burst. Each request must still get its own
// result (its own attempt id, "duplicate" only for its own repeated key), the review schedule must
// follow each answer as when it was written alone, and one answer that cannot be stored must fail
// alone.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { attempts, reviewItems } from '../../../db/schema.ts';
import { createUser } from '../../../src/lib/auth/user.ts';
import type { ModuleForScoring } from '../../../src/lib/content/outline.ts';
import { submitAnswer } from '../../../src/lib/learning/submit-answer.ts';
import { loadFixtureModule, outlineOf } from '../../helpers/fixture-course.ts';
import { createTempDb, type TempDb } from '../../helpers/temp-db.ts';

const source = loadFixtureModule();
const mod: ModuleForScoring = { outline: outlineOf(source), questions: source.questions };
const find = async (id: string) => (id === mod.outline.id ? mod : undefined);

describe('answers written together', () => {
  let t: TempDb;
  const people: string[] = [];
  let transactions = 0;
  before(async () => {
    t = await createTempDb();
    for (let i = 0; i < 20; i++) {
      const created = await createUser(t.db, { email: `samen${i}@gemeente.nl`, name: `Samen ${i}`, password: 'lang-genoeg-1', role: 'learner' });
      assert.ok(created.ok);
      people.push(created.userId);
    }
    // Counts the write transactions; the database underneath is the real one.
    const batch = t.db.$client.batch.bind(t.db.$client);
    t.db.$client.batch = ((...args: Parameters<typeof batch>) => {
      if (args[1] === 'write') transactions++;
      return batch(...args);
    }) as typeof batch;
  });
  after(() => t.cleanup());

  const submit = (who: string, choice: string, key: string) =>
    submitAnswer(t.db, find, who, { moduleId: 'voorbeeld', questionId: 'vb-enkel', idempotencyKey: key, answer: { type: 'single', choice } });

  test('a burst: each answer stored once with its own result, a repeated key a duplicate of its own first answer', async () => {
    transactions = 0;
    // Every person answers, and every person's request is sent twice (a double click).
    const results = await Promise.all(
      people.flatMap((who, i) => {
        const key = `samen-sleutel-${String(i).padStart(6, '0')}`;
        const choice = i % 2 === 0 ? 'luisteren' : 'verwijzen';
        return [submit(who, choice, key), submit(who, choice, key)];
      }),
    );
    assert.ok(transactions < results.length, `${transactions} transacties voor ${results.length} antwoorden`);
    const stored = await t.db.select().from(attempts);
    assert.equal(stored.length, people.length, 'one attempt per person');
    for (const [i, who] of people.entries()) {
      const [first, second] = [results[2 * i], results[2 * i + 1]];
      assert.ok(first.ok && first.kind === 'scored' && second.ok && second.kind === 'scored');
      assert.deepEqual([first.duplicate, second.duplicate], [false, true], `person ${i}: the second request is the duplicate`);
      const own = stored.find((a) => a.userId === who)!;
      assert.equal(first.attemptId, own.id, `person ${i}: the attempt id of their own answer`);
      assert.equal(second.attemptId, own.id);
      assert.equal(first.scored.correct, own.correct);
    }
    // The review schedule follows the first answer only: one item per person, set once.
    const items = await t.db.select().from(reviewItems);
    assert.equal(items.length, people.length);
    for (const item of items) assert.equal(item.reviewCount, 1, 'the repeat did not move the schedule');
  });

  test('an answer that cannot be stored fails alone; the answers grouped with it are stored', async () => {
    const results = await Promise.allSettled([
      ...people.slice(0, 5).map((who, i) => submit(who, 'luisteren', `samen-twee-${String(i).padStart(6, '0')}`)),
      submit('bestaat-niet', 'luisteren', 'samen-twee-weg-00000'),
      ...people.slice(5, 10).map((who, i) => submit(who, 'luisteren', `samen-twee-${String(i + 5).padStart(6, '0')}`)),
    ]);
    assert.deepEqual(
      results.map((r) => r.status),
      [...Array(5).fill('fulfilled'), 'rejected', ...Array(5).fill('fulfilled')],
    );
    const stored = await t.db.select().from(attempts);
    assert.equal(stored.filter((a) => a.idempotencyKey.startsWith('samen-twee-')).length, 10);
  });
});
