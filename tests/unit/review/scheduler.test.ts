import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { localDateOf, startOfDayAfter, startOfLocalDay } from '../../../src/lib/review/calendar.ts';
import { isDue, nextReviewState } from '../../../src/lib/review/scheduler.ts';
import { DEFAULT_LADDER_DAYS, parseLadder } from '../../../src/lib/settings/review-ladder.ts';

const at = (iso: string) => Date.parse(iso);
const DAY = 24 * 60 * 60 * 1000;

describe('calendar in Europe/Amsterdam', () => {
  test('local midnight is 23:00 UTC in winter and 22:00 UTC in summer', () => {
    assert.equal(startOfLocalDay({ year: 2026, month: 1, day: 15 }), at('2026-01-14T23:00:00Z'));
    assert.equal(startOfLocalDay({ year: 2026, month: 7, day: 15 }), at('2026-07-14T22:00:00Z'));
  });
  test('the local date differs from the UTC date just after local midnight', () => {
    assert.deepEqual(localDateOf(at('2026-07-14T22:30:00Z')), { year: 2026, month: 7, day: 15 });
  });
  test('a day across the spring change (29 March 2026) has 23 hours', () => {
    const saturday = at('2026-03-28T12:00:00Z');
    assert.equal(startOfDayAfter(saturday, 1) - startOfDayAfter(saturday, 0), DAY);
    assert.equal(startOfDayAfter(saturday, 2) - startOfDayAfter(saturday, 1), 23 * 60 * 60 * 1000);
    assert.equal(startOfDayAfter(saturday, 2), at('2026-03-29T22:00:00Z'));
  });
  test('a day across the autumn change (25 October 2026) has 25 hours', () => {
    const saturday = at('2026-10-24T12:00:00Z');
    assert.equal(startOfDayAfter(saturday, 2) - startOfDayAfter(saturday, 1), 25 * 60 * 60 * 1000);
    assert.equal(startOfDayAfter(saturday, 2), at('2026-10-25T23:00:00Z'));
  });
});

describe('review ladder', () => {
  const now = at('2026-11-22T09:00:00Z'); // Sunday 10:00 in Amsterdam
  test('a first wrong answer is due tomorrow morning, and is not a lapse', () => {
    const state = nextReviewState(undefined, false, now);
    assert.equal(state.step, 0);
    assert.equal(state.dueAt, at('2026-11-22T23:00:00Z'));
    assert.equal(state.lapses, 0);
  });
  test('each right answer climbs one rung: 3, 7, 21, 60 days, then stays at 60', () => {
    let state = nextReviewState(undefined, true, now);
    const days: number[] = [];
    let clock = now;
    for (let i = 0; i < 6; i++) {
      days.push(Math.round((state.dueAt - startOfDayAfter(clock, 0)) / DAY));
      clock = state.dueAt + 8 * 60 * 60 * 1000;
      state = nextReviewState(state, true, clock);
    }
    assert.deepEqual(days, [3, 7, 21, 60, 60, 60]);
  });
  test('wrong after right resets to tomorrow and counts a lapse', () => {
    const right = nextReviewState(nextReviewState(undefined, true, now), true, now + 3 * DAY);
    const wrong = nextReviewState(right, false, now + 10 * DAY);
    assert.equal(wrong.step, 0);
    assert.equal(wrong.lapses, 1);
    assert.equal(wrong.dueAt, startOfDayAfter(now + 10 * DAY, 1));
    assert.equal(nextReviewState(wrong, false, now + 11 * DAY).lapses, 1, 'wrong twice is one lapse');
  });
  test('due is a calendar-day rule across the clock change', () => {
    // Answered wrongly late on Saturday 24 October; due from Sunday 00:00 local (22:00 UTC Saturday).
    const state = nextReviewState(undefined, false, at('2026-10-24T20:00:00Z'));
    assert.equal(isDue(state, at('2026-10-24T21:59:59Z')), false);
    assert.equal(isDue(state, at('2026-10-24T22:00:00Z')), true);
  });
  test('the ladder is a setting', () => {
    assert.deepEqual(parseLadder(undefined), [...DEFAULT_LADDER_DAYS]);
    assert.deepEqual(parseLadder('2, 5, 14'), [2, 5, 14]);
    assert.throws(() => parseLadder('1,drie'), /REVIEW_LADDER_DAYS/);
    assert.throws(() => parseLadder('0,3'), /REVIEW_LADDER_DAYS/);
    const state = nextReviewState(undefined, true, now, [2, 5, 14]);
    assert.equal(state.dueAt, startOfDayAfter(now, 5));
  });
});
