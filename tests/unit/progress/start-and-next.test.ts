// The advice on the welcome ("Begin hier") and on the completion screen ("Wat nu"), issue 18.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { nextModule } from '../../../src/lib/progress/next-module.ts';
import { isFirstVisit, recommendedStarts } from '../../../src/lib/progress/start-here.ts';

describe('Begin hier', () => {
  test('new staff: audience nieuw with the lowest order; experienced: audience ervaren with the lowest order', () => {
    const modules = [
      { id: 'b', order: 3, audience: ['nieuw', 'ervaren'] as const },
      { id: 'a', order: 2, audience: ['ervaren'] as const },
      { id: 'c', order: 1, audience: ['nieuw'] as const },
    ];
    assert.deepEqual(recommendedStarts(modules), { newStaff: 'c', experienced: 'a' });
    assert.deepEqual(recommendedStarts([]), { newStaff: null, experienced: null });
  });

  test('a first visit only without anything started and without a leerpad', () => {
    assert.equal(isFirstVisit(false, 0), true);
    assert.equal(isFirstVisit(true, 0), false);
    assert.equal(isFirstVisit(false, 1), false);
  });
});

describe('what comes after a module', () => {
  const modules = [
    { id: 'toegang', completed: true },
    { id: 'giz', completed: false },
    { id: 'regie', completed: false },
  ];
  test('the leerpad comes first', () => {
    assert.deepEqual(nextModule(modules, [{ name: 'Inwerken', next: 'regie' }]), { moduleId: 'regie', via: { kind: 'leerpad', name: 'Inwerken' } });
  });
  test('without an open leerpad: the first module not completed, in course order', () => {
    assert.deepEqual(nextModule(modules, [{ name: 'Klaar', next: null }]), { moduleId: 'giz', via: { kind: 'cursus' } });
  });
  test('everything done: nothing next', () => {
    assert.equal(
      nextModule(
        modules.map((m) => ({ ...m, completed: true })),
        [],
      ),
      null,
    );
  });
});
