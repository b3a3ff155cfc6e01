// The own-data download shows moments as ISO date-times in Dutch time (issue 18): this checks the
// conversion on both sides of the clock changes and that only moment fields change.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { toAmsterdamIso, withReadableTimes } from '../../../src/lib/privacy/readable-times.ts';

describe('moments as ISO date-times in Europe/Amsterdam', () => {
  test('winter time is +01:00, summer time +02:00', () => {
    assert.equal(toAmsterdamIso(Date.parse('2026-12-03T08:15:00Z')), '2026-12-03T09:15:00+01:00');
    assert.equal(toAmsterdamIso(Date.parse('2026-07-01T12:00:00Z')), '2026-07-01T14:00:00+02:00');
  });

  test('spring forward (29 March 2026, 02:00 CET becomes 03:00 CEST)', () => {
    assert.equal(toAmsterdamIso(Date.parse('2026-03-29T00:59:59Z')), '2026-03-29T01:59:59+01:00');
    assert.equal(toAmsterdamIso(Date.parse('2026-03-29T01:00:00Z')), '2026-03-29T03:00:00+02:00');
  });

  test('fall back (25 October 2026, 03:00 CEST becomes 02:00 CET): the hour twice, told apart by the offset', () => {
    assert.equal(toAmsterdamIso(Date.parse('2026-10-25T00:30:00Z')), '2026-10-25T02:30:00+02:00');
    assert.equal(toAmsterdamIso(Date.parse('2026-10-25T01:30:00Z')), '2026-10-25T02:30:00+01:00');
  });

  test('midnight and the new year stay on the Dutch date', () => {
    assert.equal(toAmsterdamIso(Date.parse('2026-12-31T23:00:00Z')), '2027-01-01T00:00:00+01:00');
    assert.equal(toAmsterdamIso(Date.parse('2026-12-31T22:59:59.999Z')), '2026-12-31T23:59:59+01:00');
  });

  test('every string parses back to the same second', () => {
    for (let instant = Date.parse('2026-01-01T00:00:00Z'); instant < Date.parse('2027-01-01T00:00:00Z'); instant += 37 * 60 * 60 * 1000 + 1234) {
      assert.equal(Date.parse(toAmsterdamIso(instant)), Math.floor(instant / 1000) * 1000);
    }
  });

  test('only moment fields change; names, other numbers and nulls stay', () => {
    const winter = Date.parse('2026-12-03T08:15:00Z');
    const data = {
      account: { createdAt: winter, lastLoginAt: null, name: 'Anna' },
      lesgebeurtenissen: [{ at: winter, kind: 'opened' }],
      antwoorden: [{ score: 0.5, createdAt: winter, answer: { type: 'order', order: ['a', 'b'] } }],
      herhaalschema: [{ step: 2, dueAt: winter, reviewedAt: null, lapses: 0 }],
      leerpaden: [{ dueDate: '2026-12-16', format: 1 }],
    };
    assert.deepEqual(withReadableTimes(data), {
      account: { createdAt: '2026-12-03T09:15:00+01:00', lastLoginAt: null, name: 'Anna' },
      lesgebeurtenissen: [{ at: '2026-12-03T09:15:00+01:00', kind: 'opened' }],
      antwoorden: [{ score: 0.5, createdAt: '2026-12-03T09:15:00+01:00', answer: { type: 'order', order: ['a', 'b'] } }],
      herhaalschema: [{ step: 2, dueAt: '2026-12-03T09:15:00+01:00', reviewedAt: null, lapses: 0 }],
      leerpaden: [{ dueDate: '2026-12-16', format: 1 }],
    });
  });
});
