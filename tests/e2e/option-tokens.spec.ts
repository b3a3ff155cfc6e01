// The page never gives the answer away (issue 14): every question of the course is rendered for
// two professionals; no value, id, for, name, href or data attribute carries an authored option
// id (they carry 16-character tokens that differ per person), and the right option's position is
// spread over the positions (no position holds more than 40 % of the keys). The distribution
// before (authored order) and after (as shown) is printed for the record.
import { expect, test } from '@playwright/test';
import type { Question } from '../../src/lib/content/schemas.ts';
import { course, inviteNewUser, tokensFor } from './helpers.ts';

const TOKEN = /^[A-Za-z0-9_-]{16}$/;

/** The authored ids whose position or value could give the answer away. */
function authoredIds(q: Question): string[] {
  if (q.type === 'single' || q.type === 'multiple') return q.options.map((o) => o.id);
  if (q.type === 'order') return q.items.map((i) => i.id);
  return q.nodes.flatMap((n) => n.choices.map((c) => c.id));
}

/** Positions of the key(s) among the options shown first, given the options' ids in shown order. */
function keyPositions(q: Question, shownIds: string[]): { position: number; of: number }[] {
  if (q.type === 'single' || q.type === 'multiple') {
    return q.options.filter((o) => o.correct).map((o) => ({ position: shownIds.indexOf(o.id), of: shownIds.length }));
  }
  if (q.type === 'branching') {
    const start = q.nodes.find((n) => n.id === q.start)!;
    return [{ position: shownIds.indexOf(start.choices.find((c) => c.quality === 'goed')!.id), of: shownIds.length }];
  }
  return [];
}

function share(positions: { position: number }[]): number[] {
  const counts: number[] = [];
  for (const { position } of positions) counts[position] = (counts[position] ?? 0) + 1;
  return [...counts].map((n) => (n ?? 0) / positions.length);
}

/** Runs `work` over `items`, at most `limit` at a time, results in order. */
async function inPool<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  };
  await Promise.all(Array.from({ length: limit }, lane));
  return results;
}

test('no authored option id in any page; tokens differ per person; keys spread over the positions', async ({ browser }) => {
  // 180 page loads; generous, because a loaded machine is slow, not wrong.
  test.setTimeout(600_000);
  const people = [await inviteNewUser(browser, 'learner', { javaScriptEnabled: false }), await inviteNewUser(browser, 'learner', { javaScriptEnabled: false })];
  const tokens = await Promise.all(people.map((p) => tokensFor(p.email)));
  const shownPositions: { position: number; of: number }[] = [];
  const authoredPositions: { position: number; of: number }[] = [];
  const tokensSeen = people.map(() => new Set<string>());
  let questions = 0;
  // Every page first (four at a time), then the checks.
  const pages = course.flatMap((mod) => mod.questions.flatMap((q) => people.map((person, p) => ({ mod, q, person, p }))));
  const htmlOf = new Map<string, string>();
  const loaded = await inPool(pages, 4, async ({ mod, q, person }) => (await person.page.request.get(`/modules/${mod.meta.id}/vragen/${q.id}`)).text());
  pages.forEach(({ q, p }, i) => htmlOf.set(`${p}\u0000${q.id}`, loaded[i]));
  for (const mod of course) {
    for (const q of mod.questions) {
      questions++;
      const authored = q.type === 'branching' ? q.nodes.find((n) => n.id === q.start)!.choices.map((c) => c.id) : authoredIds(q);
      if (q.type !== 'order') authoredPositions.push(...keyPositions(q, authored));
      for (const [p, person] of people.entries()) {
        void person;
        const html = htmlOf.get(`${p}\u0000${q.id}`)!;
        const start = html.indexOf(`id="vraag-${q.id}"`);
        expect(start, `${q.id} is on its page`).toBeGreaterThan(0);
        const section = html.slice(start, html.indexOf('</section>', start));
        const attributes = [...section.matchAll(/\s(value|id|for|name|href|data-[a-z-]+)="([^"]*)"/g)].map((m) => ({
          name: m[1],
          value: m[2].replaceAll(q.id, ''),
        }));
        for (const id of authoredIds(q)) {
          for (const { name, value } of attributes) {
            const leaks = value === id || value === `pos-${id}` || value === `pos--${id}` || value.endsWith(`=${id}`) || value.includes('pad-');
            expect(leaks, `${q.id}: ${name}="${value}" carries the authored id "${id}"`).toBe(false);
          }
        }
        // What the form sends: tokens only, and each maps back to an option for this person only.
        const sent = [...section.matchAll(/name="(?:choice|choices)" value="([^"]*)"/g)]
          .map((m) => m[1])
          .concat([...section.matchAll(/name="pos-([^"]*)"/g)].map((m) => m[1]));
        expect(sent.length, `${q.id}: options on the page`).toBeGreaterThan(1);
        const byToken = new Map(
          (q.type === 'branching'
            ? q.nodes.find((n) => n.id === q.start)!.choices.map((c) => [tokens[p](q.id, `${q.start}/${c.id}`), c.id])
            : authoredIds(q).map((id) => [tokens[p](q.id, id), id])) as [string, string][],
        );
        for (const token of sent) {
          expect(token, `${q.id}: a token`).toMatch(TOKEN);
          expect(byToken.has(token), `${q.id}: token belongs to this person`).toBe(true);
          tokensSeen[p].add(token);
        }
        if (q.type !== 'order')
          shownPositions.push(
            ...keyPositions(
              q,
              sent.map((token) => byToken.get(token)!),
            ),
          );
        if (q.type === 'order')
          expect(
            sent.map((token) => byToken.get(token)),
            `${q.id}: start order is not the answer`,
          ).not.toEqual(q.items.map((i) => i.id));
      }
    }
  }
  const overlap = [...tokensSeen[0]].filter((token) => tokensSeen[1].has(token));
  expect(overlap, 'two people never share a token').toEqual([]);
  const before = share(authoredPositions);
  const after = share(shownPositions);
  const percent = (shares: number[]) => shares.map((s, i) => `positie ${i + 1}: ${Math.round(s * 100)}%`).join(', ');
  console.log(
    `${questions} vragen, 2 personen. Plaats van het juiste antwoord vóór (zoals geschreven): ${percent(before)}. Na (zoals getoond): ${percent(after)}.`,
  );
  expect(Math.max(...after), percent(after)).toBeLessThanOrEqual(0.4);
  for (const person of people) await person.context.close();
});
