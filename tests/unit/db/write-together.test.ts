// Lesson views written together (db/write-together.ts, through recordLessonOpened): a burst of
// views arriving at once is stored completely and in fewer transactions than views, and one view
// that cannot be stored (its person no longer exists) fails alone, not the views it was grouped with.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { count, eq } from 'drizzle-orm';
import { lessonEvents, lessonProgress } from '../../../db/schema.ts';
import { createUser } from '../../../src/lib/auth/user.ts';
import { recordLessonOpened } from '../../../src/lib/progress/record-lesson.ts';
import { createTempDb, type TempDb } from '../../helpers/temp-db.ts';

describe('lesson views written together', () => {
  let t: TempDb;
  const people: string[] = [];
  let transactions = 0;
  before(async () => {
    t = await createTempDb();
    for (let i = 0; i < 30; i++) {
      const created = await createUser(t.db, { email: `kijker${i}@gemeente.nl`, name: `Kijker ${i}`, password: 'lang-genoeg-1', role: 'learner' });
      assert.ok(created.ok);
      people.push(created.userId);
    }
    // Counts the transactions the views are written in; the database underneath is the real one.
    const batch = t.db.$client.batch.bind(t.db.$client);
    t.db.$client.batch = ((...args: Parameters<typeof batch>) => {
      if (args[1] === 'write') transactions++;
      return batch(...args);
    }) as typeof batch;
  });
  after(() => t.cleanup());

  const view = (userId: string, lessonId: string) => recordLessonOpened(t.db, { userId, moduleId: 'voorbeeld', lessonId, contentVersion: '1' });
  const stored = async (userId: string) => {
    const [events] = await t.db.select({ n: count() }).from(lessonEvents).where(eq(lessonEvents.userId, userId));
    const [rows] = await t.db.select({ n: count() }).from(lessonProgress).where(eq(lessonProgress.userId, userId));
    return { events: events.n, rows: rows.n };
  };

  test('a burst of 90 views (30 people, 3 lessons each) is stored completely, in fewer transactions', async () => {
    transactions = 0;
    await Promise.all(people.flatMap((person) => ['les-1', 'les-2', 'les-3'].map((lesson) => view(person, lesson))));
    for (const person of people) assert.deepEqual(await stored(person), { events: 3, rows: 3 });
    assert.ok(transactions < 90, `${transactions} transacties voor 90 weergaven`);
  });

  test('views that arrive in separate callbacks of one turn of the event loop, as HTTP requests do, go together', async () => {
    transactions = 0;
    // On an embedded file a batch runs synchronously: without waiting for the turn to end, each
    // callback's view would be written alone before the next callback runs.
    const views = await Promise.all(
      people.map((person) => new Promise<void>((resolve, reject) => setImmediate(() => view(person, 'les-5').then(resolve, reject)))),
    );
    assert.equal(views.length, people.length);
    for (const person of people) assert.deepEqual(await stored(person), { events: 4, rows: 4 });
    assert.ok(transactions < people.length / 2, `${transactions} transacties voor ${people.length} weergaven`);
  });

  test('a view that cannot be stored fails alone; the views grouped with it are stored', async () => {
    const results = await Promise.allSettled([
      ...people.slice(0, 10).map((person) => view(person, 'les-4')),
      view('bestaat-niet', 'les-4'),
      ...people.slice(10, 20).map((person) => view(person, 'les-4')),
    ]);
    assert.deepEqual(
      results.map((r) => r.status),
      [...Array(10).fill('fulfilled'), 'rejected', ...Array(10).fill('fulfilled')],
    );
    for (const person of people.slice(0, 20)) assert.deepEqual(await stored(person), { events: 5, rows: 5 });
    assert.deepEqual(await stored('bestaat-niet'), { events: 0, rows: 0 });
  });
});
