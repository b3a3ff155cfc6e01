// The app's client for an embedded database file: the `Client` interface of @libsql/client (so
// drizzle and every caller stay the same) over the same libSQL engine (the `libsql` package that
// @libsql/client itself uses for files), without the per-statement costs that dominated a
// profile of the busiest pages under load (`npm run bench` with BENCH_CPU_PROF):
//
// - @libsql/client prepares every statement anew on every call (9 % of the server's CPU on the
//   lesson page); here each distinct SQL text is prepared once and kept (after a schema change a
//   kept statement reads its columns again, see #schemaChanged);
// - it asks the statement for its columns twice per call and builds every row with one
//   Object.defineProperty per value; here the columns are read once per statement and rows are
//   objects of a class made once per column list;
// - it reads every integer as a BigInt and converts it back; here the engine returns numbers.
//   @libsql/client's "number" mode refuses integers beyond 2^53 instead; ours never get near
//   that (counts, milliseconds since 1970, row ids).
//
// Files only: a libSQL server (http, ws) and an embedded replica keep using @libsql/client.
// One connection, as before (see clientConfig): statements run synchronously on the main thread,
// so a batch is atomic with respect to every other request of the process.
import Database from 'libsql';
import { DATA_VERSION, type KnowsDataVersion } from './data-version.ts';
import {
  LibsqlBatchError,
  LibsqlError,
  type Client,
  type InArgs,
  type InStatement,
  type InValue,
  type Replicated,
  type ResultSet,
  type Row,
  type Transaction,
  type TransactionMode,
} from '@libsql/client';

type Connection = InstanceType<typeof Database>;
type Statement = ReturnType<Connection['prepare']>;

interface Reader {
  columns: string[];
  columnTypes: string[];
  makeRow: (values: unknown[]) => Row;
}

interface Prepared {
  statement: Statement;
  /** A statement that returns rows (SELECT, or a write with RETURNING), with its row class. */
  reader: Reader | null;
  /** The schema generation the reader's columns are from (see #schemaChanged). */
  generation: number;
  /** A statement without rows that may change the schema (see changesSchema). */
  changesSchema: boolean;
  /** Whether running it counts as a write for DATA_VERSION (see countsAsWrite). */
  countsAsWrite: boolean;
}

/**
 * Distinct SQL texts the cache keeps before it starts over. drizzle builds the same text for the
 * same query, so a running app has a few hundred at most; the bound only guards against a
 * caller that would put values into the SQL text.
 */
const MAX_CACHED_STATEMENTS = 1000;

/** How often, at most, the schema cookie is read for changes by another process (see #checkSchemaVersion). */
const SCHEMA_CHECK_INTERVAL_MS = 100;

export interface EmbeddedClientOptions {
  /** Path of the database file (not a URL). */
  path: string;
  /** Milliseconds a statement waits for another process's write lock. */
  busyTimeoutMs: number;
}

export function createEmbeddedClient(options: EmbeddedClientOptions): Client {
  return new EmbeddedClient(options);
}

/**
 * Its data version (db/data-version.ts): this client's own writes, plus SQLite's data_version,
 * which changes when another connection (the admin CLI, a restore, a second process on the same
 * file) commits. Together they change whenever the file's data may have.
 */
class EmbeddedClient implements Client, KnowsDataVersion {
  readonly protocol = 'file';
  #options: EmbeddedClientOptions;
  #connection: Connection;
  #statements = new Map<string, Prepared>();
  #closed = false;
  /** Statements run that may have written (see DATA_VERSION). */
  #writes = 0;
  /** Schema changes the client knows of (see #schemaChanged). */
  #schemaGeneration = 0;
  /** SQLite's schema cookie when last read (see #checkSchemaVersion). */
  #schemaVersion: unknown;
  /** Date.now() from when the schema cookie is to be read again. */
  #schemaCheckDue = 0;

  constructor(options: EmbeddedClientOptions) {
    this.#options = options;
    this.#connection = this.#open();
  }

  get closed(): boolean {
    return this.#closed;
  }

  async execute(statementOrSql: InStatement | string, args?: InArgs): Promise<ResultSet> {
    this.#checkOpen();
    const statement = typeof statementOrSql === 'string' ? { sql: statementOrSql, args: args ?? [] } : statementOrSql;
    return this.#run(statement);
  }

  /** All statements in one transaction: all of them or none. Nothing else runs in between. */
  async batch(statements: Array<InStatement | [string, InArgs?]>, mode: TransactionMode = 'deferred'): Promise<ResultSet[]> {
    this.#checkOpen();
    return this.#inTransaction(statements.map(normalize), transactionBegin(mode));
  }

  /** As batch, with foreign keys off while it runs (table rebuilds in migrations need that). */
  async migrate(statements: InStatement[]): Promise<ResultSet[]> {
    this.#checkOpen();
    this.#statements.clear(); // the schema changes: statements prepared against the old one go
    this.#run({ sql: 'PRAGMA foreign_keys=off' });
    try {
      return this.#inTransaction(statements, 'BEGIN DEFERRED');
    } finally {
      this.#run({ sql: 'PRAGMA foreign_keys=on' });
      this.#statements.clear();
    }
  }

  /**
   * Interactive transactions would hold the one connection across awaits, and every other request
   * of the process would wait behind them; the app writes with batches instead (see
   * docs/deploy.md). Refused loudly rather than deadlocking quietly.
   */
  async transaction(): Promise<Transaction> {
    throw new LibsqlError('Interactieve transacties worden op een ingebed bestand niet gebruikt: schrijf met db.batch.', 'TRANSACTION_UNSUPPORTED');
  }

  /**
   * The statements one by one, without a transaction around them (each keeps its effect up to an
   * error). A transaction the SQL leaves open (a BEGIN without COMMIT, or an error after the
   * BEGIN) is rolled back, as @libsql/client does when it gives the connection back to its pool:
   * left open, it would hold the one connection, and every later batch would fail with "cannot
   * start a transaction within a transaction".
   */
  async executeMultiple(sql: string): Promise<void> {
    this.#checkOpen();
    this.#statements.clear();
    this.#writes++;
    try {
      this.#connection.exec(sql);
    } catch (error) {
      throw toLibsqlError(error);
    } finally {
      this.#rollbackLeftOpen(this.#connection);
    }
  }

  async sync(): Promise<Replicated> {
    throw new LibsqlError('Een ingebed bestand heeft geen server om mee te synchroniseren.', 'SYNC_NOT_SUPPORTED');
  }

  /**
   * A fresh connection, for after a statement gave up on a lock (see resetDatabaseConnections):
   * the old one, with whatever it left unfinished, is closed. PRAGMAs start at SQLite's defaults
   * again; the caller applies the app's settings.
   */
  async reconnect(): Promise<void> {
    this.#statements.clear();
    closeQuietly(this.#connection);
    this.#connection = this.#open();
    this.#closed = false;
    this.#writes++; // a new connection counts data_version from its own start
  }

  [DATA_VERSION](): string {
    const version = this.#run({ sql: 'PRAGMA data_version' }).rows[0][0];
    return `${this.#writes}:${String(version)}`;
  }

  /**
   * libSQL releases the file only once the last statement of the connection is garbage collected
   * (@libsql/client behaves the same): never replace the file's bytes while a closed connection
   * may linger in the process (see restoreDatabase).
   */
  close(): void {
    this.#closed = true;
    this.#statements.clear();
    closeQuietly(this.#connection);
  }

  #open(): Connection {
    return new Database(this.#options.path, { timeout: this.#options.busyTimeoutMs });
  }

  #checkOpen(): void {
    if (this.#closed) throw new LibsqlError('De databaseverbinding is gesloten.', 'CLIENT_CLOSED');
  }

  #inTransaction(statements: InStatement[], begin: string): ResultSet[] {
    const connection = this.#connection;
    const generation = this.#schemaGeneration;
    this.#run({ sql: begin });
    try {
      const results = statements.map((statement, index) => {
        try {
          return this.#run(statement);
        } catch (error) {
          const e = toLibsqlError(error);
          throw e instanceof LibsqlError
            ? new LibsqlBatchError(e.message, index, e.code, e.extendedCode, e.rawCode, e.cause instanceof Error ? e.cause : undefined)
            : e;
        }
      });
      this.#run({ sql: 'COMMIT' });
      return results;
    } finally {
      // A rollback undoes the batch's schema changes too.
      if (this.#rollbackLeftOpen(connection) && this.#schemaGeneration !== generation) this.#schemaChanged();
    }
  }

  /** Rolls back a transaction left open on the connection; true when there was one. */
  #rollbackLeftOpen(connection: Connection): boolean {
    if (!connection.open || !connection.inTransaction) return false;
    try {
      connection.exec('ROLLBACK');
    } catch {
      // The connection is broken; the caller's error says why, and reconnect() replaces it.
    }
    return true;
  }

  /**
   * The schema may have changed: every reader reads its columns again after its next run. SQLite
   * re-prepares a statement whose schema changed by itself (as the statement runs), but the column
   * list and row class cached with it would stay the old ones: `select *` after an ALTER TABLE
   * would return the new values under the old names. Read after the run, the columns are those
   * the rows came from. A change this connection makes is known at once, at no cost to reads and
   * ordinary writes (see changesSchema); one made by another process (a migration while the app
   * runs, see docs/deploy.md) from the row width in #run, or else by #checkSchemaVersion.
   */
  #schemaChanged(): void {
    this.#schemaGeneration++;
  }

  /**
   * Notices a schema change by another process: at most every SCHEMA_CHECK_INTERVAL_MS, SQLite's
   * schema cookie, which every schema change increments, is compared with the one read before.
   * Not on every call: a read costs about a quarter of a cached query (5 µs against 20 µs in a
   * micro-benchmark), and asking the statement for its columns after every run, which would catch
   * each change at once, costs more than the query itself (columns() builds five strings per
   * column). So a change elsewhere that keeps a query's number of columns (a rename, a table made
   * anew with as many columns) or that a query without rows meets, shows within the interval.
   * @libsql/client, preparing anew on every call, has the old columns on the first call after
   * such a change as well: the engine reads the changed schema only as a statement runs.
   */
  #checkSchemaVersion(now: number): void {
    this.#schemaCheckDue = now + SCHEMA_CHECK_INTERVAL_MS;
    let version: unknown;
    try {
      version = (this.#prepare('PRAGMA schema_version').statement.get([]) as unknown[])[0];
    } catch {
      this.#statements.delete('PRAGMA schema_version');
      return; // the statement that follows reports whatever is wrong
    }
    if (this.#schemaVersion !== undefined && version !== this.#schemaVersion) this.#schemaChanged();
    this.#schemaVersion = version;
  }

  #run(statement: InStatement): ResultSet {
    const sql = typeof statement === 'string' ? statement : statement.sql;
    const args = typeof statement === 'string' ? [] : toSqlArgs(statement.args);
    const now = Date.now();
    if (now >= this.#schemaCheckDue) this.#checkSchemaVersion(now);
    const prepared = this.#prepare(sql);
    try {
      if (prepared.countsAsWrite) this.#writes++;
      if (prepared.reader) {
        const values = prepared.statement.all(args) as unknown[][];
        let reader = prepared.reader;
        // Rows wider or narrower than the columns: another process changed the schema since the
        // last #checkSchemaVersion (added a column, say). Free to notice, so noticed at once.
        if (prepared.generation !== this.#schemaGeneration || (values.length > 0 && values[0].length !== reader.columns.length)) {
          reader = prepared.reader = readerOf(prepared.statement);
          prepared.generation = this.#schemaGeneration;
        }
        const { columns, columnTypes, makeRow } = reader;
        return resultSet(columns, columnTypes, values.map(makeRow), 0, undefined);
      }
      const info = prepared.statement.run(args);
      if (prepared.changesSchema) this.#schemaChanged();
      return resultSet([], [], [], info.changes, BigInt(info.lastInsertRowid));
    } catch (error) {
      // A statement that failed (a lock held too long, a constraint) is not reused: SQLite may
      // still count it as running.
      this.#statements.delete(sql);
      throw toLibsqlError(error);
    }
  }

  #prepare(sql: string): Prepared {
    const cached = this.#statements.get(sql);
    if (cached) return cached;
    let statement: Statement;
    try {
      statement = this.#connection.prepare(sql);
    } catch (error) {
      throw toLibsqlError(error);
    }
    statement.safeIntegers(false);
    let reader: Reader | null = null;
    if (statement.reader) {
      statement.raw(true);
      reader = readerOf(statement);
    }
    const prepared = {
      statement,
      reader,
      generation: this.#schemaGeneration,
      changesSchema: !reader && changesSchema(sql),
      countsAsWrite: countsAsWrite(sql, reader !== null),
    };
    if (this.#statements.size >= MAX_CACHED_STATEMENTS) this.#statements.clear();
    this.#statements.set(sql, prepared);
    return prepared;
  }
}

/** The statement's columns as they are now, with a row class for them. */
function readerOf(statement: Statement): Reader {
  const definitions = statement.columns();
  const columns = definitions.map((c) => c.name);
  return { columns, columnTypes: definitions.map((c) => c.type ?? ''), makeRow: rowMaker(columns) };
}

/**
 * Whether a statement without rows may change the schema this connection sees: anything but
 * INSERT, UPDATE, DELETE, REPLACE (also after WITH), BEGIN and COMMIT/END, which never do
 * (triggers cannot hold DDL). So CREATE, DROP, ALTER, PRAGMA, ATTACH, ANALYZE, VACUUM, and
 * ROLLBACK (which undoes DDL), among others. Decided once per prepared statement, from its first
 * word after comments.
 */
function changesSchema(sql: string): boolean {
  const firstWord = firstWordOf(sql);
  return !(firstWord !== undefined && SCHEMA_KEEPING_STATEMENTS.has(firstWord));
}

/**
 * Whether a statement counts as a write for DATA_VERSION (what the report cache keys on): every
 * statement without rows except the BEGIN and COMMIT around a batch, and a statement with rows
 * only when it is a write with RETURNING. A read batch (db/read-together.ts: BEGIN, selects,
 * COMMIT) is no write: counted as one, every page's reads threw the team dashboard's kept report
 * away (dashboard 261 → 62 req/s in npm run bench).
 */
function countsAsWrite(sql: string, returnsRows: boolean): boolean {
  const firstWord = firstWordOf(sql);
  if (returnsRows) return firstWord !== undefined && ROW_RETURNING_WRITES.has(firstWord);
  return !(firstWord !== undefined && TRANSACTION_BOUNDS.has(firstWord));
}

const TRANSACTION_BOUNDS = new Set(['begin', 'commit', 'end']);
const ROW_RETURNING_WRITES = new Set(['insert', 'update', 'delete', 'replace']);

/** The first word of a statement after comments, in lower case. */
function firstWordOf(sql: string): string | undefined {
  return /^(?:\s|--[^\n]*(?:\n|$)|\/\*[\s\S]*?(?:\*\/|$))*([a-z]+)/i.exec(sql)?.[1]?.toLowerCase();
}

const SCHEMA_KEEPING_STATEMENTS = new Set(['insert', 'update', 'delete', 'replace', 'with', 'select', 'values', 'begin', 'commit', 'end']);

/** BEGIN for a batch mode, refusing any other (as @libsql/client does, with its message). */
function transactionBegin(mode: TransactionMode): string {
  if (mode === 'write') return 'BEGIN IMMEDIATE';
  if (mode === 'read') return 'BEGIN TRANSACTION READONLY';
  if (mode === 'deferred') return 'BEGIN DEFERRED';
  throw new RangeError('Unknown transaction mode, supported values are "write", "read" and "deferred"');
}

const VALUES = Symbol('values');

/**
 * Rows as @libsql/client gives them: the values by position (row[0], row.length, for drizzle)
 * and by column name (enumerable, for raw SQL; with a repeated name the first column wins). The
 * positions live on a prototype made once per column list, so a row costs one object and its
 * named fields.
 */
function rowMaker(columns: string[]): (values: unknown[]) => Row {
  const named: Array<[string, number]> = [];
  columns.forEach((name, index) => {
    if (!named.some(([n]) => n === name)) named.push([name, index]);
  });
  const prototype: object = {};
  for (let i = 0; i < columns.length; i++) {
    Object.defineProperty(prototype, i, {
      get(this: { [VALUES]: unknown[] }) {
        return this[VALUES][i];
      },
    });
  }
  Object.defineProperty(prototype, 'length', { value: columns.length });
  return (values) => {
    for (let i = 0; i < values.length; i++) {
      const value = values[i];
      if (value instanceof Buffer) values[i] = fromSql(value);
    }
    const row = Object.create(prototype) as Record<string | symbol, unknown>;
    Object.defineProperty(row, VALUES, { value: values });
    for (const [name, index] of named) row[name] = values[index];
    return row as unknown as Row;
  };
}

/** Blobs come back as Buffers; @libsql/client hands out an ArrayBuffer. */
function fromSql(value: Buffer): ArrayBuffer {
  return value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength) as ArrayBuffer;
}

function resultSet(columns: string[], columnTypes: string[], rows: Row[], rowsAffected: number, lastInsertRowid: bigint | undefined): ResultSet {
  return {
    columns,
    columnTypes,
    rows,
    rowsAffected,
    lastInsertRowid,
    // As @libsql/client's ResultSet: a blob as base64 (an ArrayBuffer has no JSON of its own and
    // would become {}), a bigint as its digits.
    toJSON() {
      return {
        columns,
        columnTypes,
        rows: rows.map((row) => Array.from({ length: row.length }, (_, i) => valueToJson(row[i]))),
        rowsAffected,
        lastInsertRowid: lastInsertRowid?.toString() ?? null,
      };
    },
  };
}

function valueToJson(value: unknown): unknown {
  if (value instanceof ArrayBuffer) return Buffer.from(value).toString('base64');
  if (typeof value === 'bigint') return value.toString();
  return value;
}

function normalize(statement: InStatement | [string, InArgs?]): InStatement {
  return Array.isArray(statement) ? { sql: statement[0], args: statement[1] ?? [] } : statement;
}

/** The argument conversions of @libsql/client, so both clients accept the same values. */
function toSqlArgs(args: InArgs | undefined): unknown[] | Record<string, unknown> {
  if (args === undefined) return [];
  if (Array.isArray(args)) return args.map(toSqlValue);
  const named: Record<string, unknown> = {};
  for (const name in args) {
    const key = name[0] === '@' || name[0] === '$' || name[0] === ':' ? name.slice(1) : name;
    named[key] = toSqlValue(args[name]);
  }
  return named;
}

function toSqlValue(value: InValue | undefined): unknown {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError('Alleen eindige getallen kunnen naar de database.');
    return value;
  }
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof ArrayBuffer) return Buffer.from(value);
  if (value instanceof Date) return value.valueOf();
  if (value === undefined) throw new TypeError('undefined kan niet naar de database.');
  return value;
}

/** SQLite's errors as @libsql/client reports them (code SQLITE_BUSY and so on), so callers match on one shape. */
function toLibsqlError(error: unknown): unknown {
  if (error instanceof LibsqlError) return error;
  if (error instanceof Database.SqliteError) {
    const e = error as Error & { code: string; rawCode?: number };
    const base = e.rawCode === undefined ? 'SQLITE_UNKNOWN' : (SQLITE_BASE_CODES[e.rawCode & 0xff] ?? e.code);
    return new LibsqlError(e.message, base, e.code, e.rawCode, e);
  }
  return error;
}

// The base result codes of sqlite.org/rescode.html that the app can meet.
const SQLITE_BASE_CODES: Record<number, string> = {
  1: 'SQLITE_ERROR',
  5: 'SQLITE_BUSY',
  6: 'SQLITE_LOCKED',
  8: 'SQLITE_READONLY',
  10: 'SQLITE_IOERR',
  11: 'SQLITE_CORRUPT',
  13: 'SQLITE_FULL',
  14: 'SQLITE_CANTOPEN',
  19: 'SQLITE_CONSTRAINT',
  20: 'SQLITE_MISMATCH',
  26: 'SQLITE_NOTADB',
};

function closeQuietly(connection: Connection): void {
  try {
    if (connection.open) connection.close();
  } catch {
    // tearing down: nothing useful to do
  }
}
