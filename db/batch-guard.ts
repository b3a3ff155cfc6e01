// Some writes of a batch must only happen when the write right before them changed exactly one
// row: a review update only for a new answer (not a repeated request), an SSO account only when
// this request's claim of the invitation succeeded. SQLite says so with `changes()`, the number of
// rows the most recent INSERT, UPDATE or DELETE on the connection changed; a batch runs its
// statements in order on one connection, in one transaction, so in a `where` it means "the
// statement right before this one".
//
// That makes the order of the batch part of the SQL, which nobody sees at a glance. So such a
// statement is declared here (onlyAfterChange), and a batch with one is built by batchInOrder,
// which refuses what would silently change what the guard refers to.
//
// The rule, for whoever edits such a batch: nothing goes between a guarded statement and the
// write right before it. Put in between, another write becomes what the guard asks about (a
// delete of one row lets the guarded statement run although the first write did nothing; one that
// changes no rows stops it although the first write did). A read in between does not count for
// changes(), but keep to the rule anyway. tests/unit/db/batch-guard.test.ts shows all of this.
import type { InStatement } from '@libsql/client';

/** For the guarded statement's `where`: true only when the write right before it changed exactly one row. */
export const PREVIOUS_CHANGED_ONE_ROW = 'changes() = 1';

const GUARDED = Symbol('only after a change');

/**
 * A statement that takes effect only when the statement right before it in the batch changed
 * exactly one row. Not an InStatement itself: it reaches the database only through batchInOrder.
 */
export interface AfterChange {
  readonly [GUARDED]: InStatement;
}

export type BatchStep = InStatement | AfterChange;

const sqlOf = (statement: InStatement) => (typeof statement === 'string' ? statement : statement.sql);

/** Declares `statement`, whose `where` holds PREVIOUS_CHANGED_ONE_ROW, as guarded by the statement before it. */
export function onlyAfterChange(statement: InStatement): AfterChange {
  if (!sqlOf(statement).includes(PREVIOUS_CHANGED_ONE_ROW)) {
    throw new Error(`onlyAfterChange: the statement has no "${PREVIOUS_CHANGED_ONE_ROW}" in its where clause: ${sqlOf(statement)}`);
  }
  return { [GUARDED]: statement };
}

export function isAfterChange(step: BatchStep): step is AfterChange {
  return typeof step === 'object' && GUARDED in step;
}

/**
 * The statements for one batch, in this order. Refused: a guarded statement first (changes()
 * would be about a write before the batch, perhaps another request's), one right after another
 * guarded statement (it would ask about that one, not about the write they both follow), and a
 * statement that reads changes() without being declared.
 */
export function batchInOrder(steps: readonly BatchStep[]): InStatement[] {
  return steps.map((step, index) => {
    if (isAfterChange(step)) {
      if (index === 0) throw new Error('batchInOrder: a statement declared onlyAfterChange cannot come first in a batch');
      if (isAfterChange(steps[index - 1]))
        throw new Error('batchInOrder: a statement declared onlyAfterChange must follow an ordinary write, not another guarded statement');
      return step[GUARDED];
    }
    if (/\bchanges\s*\(\s*\)/i.test(sqlOf(step)))
      throw new Error(`batchInOrder: a statement that reads changes() must be declared with onlyAfterChange: ${sqlOf(step)}`);
    return step;
  });
}
