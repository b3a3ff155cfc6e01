// The remembered local date of an hour (calendar.ts localDateOfHour) must be the date itself,
// also on the nights the clocks change and when asked again.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { localDateOf, localDateOfHour } from '../../../src/lib/review/calendar.ts';

const HOUR = 60 * 60 * 1000;

describe('local date of an hour', () => {
  test('equals localDateOf for every hour around both clock changes, the first time and again', () => {
    for (const from of ['2026-03-27T00:00:00Z', '2026-10-23T00:00:00Z', '2026-12-31T00:00:00Z']) {
      const start = Date.parse(from);
      for (let round = 0; round < 2; round++) {
        for (let hour = start; hour < start + 4 * 24 * HOUR; hour += HOUR) {
          assert.deepEqual(localDateOfHour(hour), localDateOf(hour), new Date(hour).toISOString());
        }
      }
    }
    // 23:00 UTC on 31 December is already New Year's Day in Amsterdam.
    assert.deepEqual(localDateOfHour(Date.parse('2026-12-31T23:00:00Z')), { year: 2027, month: 1, day: 1 });
  });
});
