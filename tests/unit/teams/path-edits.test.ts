// Changing a leerpad on a real database: moving a module up or down (and at the edges), a burst
// of parallel moves that must leave the order a permutation, changing and deleting a path, and who
// may change a path that is shared between teams.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { learningPaths, pathAssignments } from '../../../db/schema.ts';
import { createUser } from '../../../src/lib/auth/user.ts';
import { deletePath, mayChangePath, moveModule, pathReach, updatePath } from '../../../src/lib/teams/path-edits.ts';
import { assignPath, createPath } from '../../../src/lib/teams/paths.ts';
import { addToTeam, createTeam } from '../../../src/lib/teams/teams.ts';
import { createTempDb, type TempDb } from '../../helpers/temp-db.ts';

describe('leerpad edits', () => {
  let t0: TempDb;
  let trainerId: string;
  before(async () => {
    t0 = await createTempDb();
    const made = await createUser(t0.db, { email: 'paden@gemeente.nl', name: 'Paula', password: 'lang-genoeg-1', role: 'trainer' });
    assert.ok(made.ok);
    trainerId = made.userId;
  });
  after(() => t0.cleanup());
  const orderOf = async (id: string) => (await t0.db.select({ m: learningPaths.moduleIds }).from(learningPaths).where(eq(learningPaths.id, id)))[0]?.m;

  test('a module moves one place up or down; the first cannot go up, the last cannot go down', async () => {
    const id = await createPath(t0.db, { name: 'Start', moduleIds: ['a', 'b', 'c'], createdBy: trainerId });
    assert.equal(await moveModule(t0.db, id, 'c', 'omhoog'), 'changed');
    assert.deepEqual(await orderOf(id), ['a', 'c', 'b']);
    assert.equal(await moveModule(t0.db, id, 'a', 'omlaag'), 'changed');
    assert.deepEqual(await orderOf(id), ['c', 'a', 'b']);
    assert.equal(await moveModule(t0.db, id, 'c', 'omhoog'), 'edge', 'the first stays first');
    assert.equal(await moveModule(t0.db, id, 'b', 'omlaag'), 'edge', 'the last stays last');
    assert.deepEqual(await orderOf(id), ['c', 'a', 'b'], 'an edge changes nothing');
    assert.equal(await moveModule(t0.db, id, 'x', 'omhoog'), 'unknown');
    assert.equal(await moveModule(t0.db, 'bestaatnietbestaatniet22', 'a', 'omhoog'), 'unknown');
  });

  test('a parallel burst of moves leaves the order a permutation, and an edit amid it is not undone', async () => {
    const modules = ['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7'];
    const id = await createPath(t0.db, { name: 'Druk', moduleIds: modules, createdBy: trainerId });
    // 40 moves at once, as two trainers clicking fast: a fixed mix so the run is repeatable.
    const moves = Array.from({ length: 40 }, (_, i) => ({
      module: modules[(i * 3) % modules.length],
      direction: i % 2 === 0 ? ('omhoog' as const) : ('omlaag' as const),
    }));
    const outcomes = await Promise.all(moves.map((m) => moveModule(t0.db, id, m.module, m.direction)));
    const order = (await orderOf(id))!;
    assert.deepEqual([...order].sort(), modules, `a permutation of the modules: ${order.join(',')}`);
    assert.ok(
      outcomes.every((o) => o === 'changed' || o === 'edge'),
      outcomes.join(','),
    );
    // Replaying the outcomes in some order must be possible: at least one move changed something.
    assert.ok(outcomes.includes('changed'));
    // Moves and an edit at the same time: the edit's module set wins, nothing removed comes back.
    const edits = await Promise.all([
      ...modules.map((m) => moveModule(t0.db, id, m, 'omhoog')),
      updatePath(t0.db, id, { name: 'Druk', moduleIds: ['m1', 'm2', 'm3'] }),
      ...modules.map((m) => moveModule(t0.db, id, m, 'omlaag')),
    ]);
    assert.equal(edits[modules.length], 'changed');
    assert.deepEqual([...(await orderOf(id))!].sort(), ['m1', 'm2', 'm3']);
  });

  test('changing a path keeps the order of what stays and adds new modules at the end', async () => {
    const id = await createPath(t0.db, { name: 'Oud', moduleIds: ['c', 'a', 'b'], createdBy: trainerId });
    assert.equal(await updatePath(t0.db, id, { name: '  Nieuw ', moduleIds: ['a', 'b', 'd', 'c'] }), 'changed');
    assert.deepEqual(await orderOf(id), ['c', 'a', 'b', 'd']);
    assert.equal(await updatePath(t0.db, id, { name: 'Nieuw', moduleIds: ['b', 'e'] }), 'changed');
    assert.deepEqual(await orderOf(id), ['b', 'e']);
    assert.equal((await t0.db.select({ n: learningPaths.name }).from(learningPaths).where(eq(learningPaths.id, id)))[0].n, 'Nieuw');
  });

  test('deleting a path removes its assignments too; a second delete finds nothing', async () => {
    const teamId = await createTeam(t0.db, 'Weg', { id: trainerId, role: 'trainer' });
    const id = await createPath(t0.db, { name: 'Weg', moduleIds: ['a'], createdBy: trainerId });
    await assignPath(t0.db, { pathId: id, dueDate: '2099-01-01', assignedBy: trainerId, teamId });
    assert.deepEqual((await pathReach(t0.db, id)).teams, [teamId]);
    assert.equal(await deletePath(t0.db, id), true);
    assert.equal(await orderOf(id), undefined);
    assert.equal((await t0.db.select().from(pathAssignments).where(eq(pathAssignments.pathId, id))).length, 0);
    assert.equal(await deletePath(t0.db, id), false);
  });

  test('a trainer may change a path only when it reaches no one outside their teams; a teamleader never', async () => {
    const other = await createUser(t0.db, { email: 'ander@gemeente.nl', name: 'Ander', password: 'lang-genoeg-1', role: 'trainer' });
    const leader = await createUser(t0.db, { email: 'leider2@gemeente.nl', name: 'Leider', password: 'lang-genoeg-1', role: 'teamleader' });
    const learner = await createUser(t0.db, { email: 'lerner@gemeente.nl', name: 'Lerner', password: 'lang-genoeg-1', role: 'learner' });
    assert.ok(other.ok && leader.ok && learner.ok);
    const me = { id: trainerId, role: 'trainer' as const };
    const mine = await createTeam(t0.db, 'Mijn', me);
    const theirs = await createTeam(t0.db, 'Hun', { id: other.userId, role: 'trainer' });
    await addToTeam(t0.db, theirs, learner.userId);
    await addToTeam(t0.db, mine, leader.userId, 'leader');
    const id = await createPath(t0.db, { name: 'Gedeeld', moduleIds: ['a'], createdBy: other.userId });
    assert.equal(await mayChangePath(t0.db, me, id), true, 'unassigned: any trainer');
    await assignPath(t0.db, { pathId: id, dueDate: '2099-01-01', assignedBy: trainerId, teamId: mine });
    assert.equal(await mayChangePath(t0.db, me, id), true, 'only in my team');
    assert.equal(await mayChangePath(t0.db, { id: leader.userId, role: 'teamleader' }, id), false, 'a teamleader changes nothing');
    await assignPath(t0.db, { pathId: id, dueDate: '2099-01-01', assignedBy: other.userId, userId: learner.userId });
    assert.equal(await mayChangePath(t0.db, me, id), false, 'also given to someone in another team');
    assert.equal(await mayChangePath(t0.db, { id: 'beheer', role: 'admin' }, id), true);
    assert.equal(await mayChangePath(t0.db, { id: trainerId, role: 'onbekend' as 'trainer' }, id), false);
  });
});
