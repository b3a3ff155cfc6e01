// The app's client for an embedded database file: the `Client` interface of @libsql/client (so
// drizzle and every caller stay the same) over the same libSQL engine (the `libsql` package that
// @libsql/client itself uses for files), without the per-statement costs that dominated a
// profile of the busiest pages under load (`npm run bench` with BENCH_CPU_PROF):
//
// - @libsql/client prepares every statement anew on every call (9 % of the server's CPU on the
//   lesson page); here each distinct SQL text is prepared once and kept;
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
import { LibsqlBatchError, LibsqlError, type Client, type InArgs, type InStatement, type InValue, type Replicated, type ResultSet, type Row, type Transaction, type TransactionMode } from '@libsql/client';

type Connection = InstanceType<typeof Database>;
type Statement = ReturnType<Connection['prepare']>;

interface Prepared {
  statement: Statement;
  /** A statement that returns rows (SELECT, or a write with RETURNING), with its row class. */
  reader: { columns: string[]; columnTypes: string[]; makeRow: (values: unknown[]) => Row } | null;
}

/**
 * Distinct SQL texts the cache keeps before it starts over. drizzle builds the same text for the
 * same query, so a running app has a few hundred at most; the bound only guards against a
 * caller that would put values into the SQL text.
 */
const MAX_CACHED_STATEMENTS = 1000;

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
 * A value that changes whenever the database may have changed: this client's own writes, plus
 * SQLite's data_version, which changes when another connection (the admin CLI, a restore, a
 * second process on the same file) commits. null for any other client (a libSQL server): there,
 * other instances write unseen, so nothing may be cached on it.
 */
export async function embeddedDataVersion(client: Client): Promise<string | null> {
  if (!(client instanceof EmbeddedClient)) return null;
  return client.dataVersion();
}

class EmbeddedClient implements Client {
  readonly protocol = 'file';
  #options: EmbeddedClientOptions;
  #connection: Connection;
  #statements = new Map<string, Prepared>();
  #closed = false;
  /** Statements run that may have written (see embeddedDataVersion). */
  #writes = 0;

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
    return this.#inTransaction(statements.map(normalize), mode);
  }

  /** As batch, with foreign keys off while it runs (table rebuilds in migrations need that). */
  async migrate(statements: InStatement[]): Promise<ResultSet[]> {
    this.#checkOpen();
    this.#statements.clear(); // the schema changes: statements prepared against the old one go
    this.#run({ sql: 'PRAGMA foreign_keys=off' });
    try {
      return this.#inTransaction(statements, 'deferred');
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

  async executeMultiple(sql: string): Promise<void> {
    this.#checkOpen();
    this.#statements.clear();
    this.#writes++;
    try {
      this.#connection.exec(sql);
    } catch (error) {
      throw toLibsqlError(error);
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

  dataVersion(): string {
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

  #inTransaction(statements: InStatement[], mode: TransactionMode): ResultSet[] {
    const connection = this.#connection;
    this.#run({ sql: mode === 'write' ? 'BEGIN IMMEDIATE' : mode === 'read' ? 'BEGIN TRANSACTION READONLY' : 'BEGIN DEFERRED' });
    try {
      const results = statements.map((statement, index) => {
        try {
          return this.#run(statement);
        } catch (error) {
          const e = toLibsqlError(error);
          throw e instanceof LibsqlError ? new LibsqlBatchError(e.message, index, e.code, e.extendedCode, e.rawCode, e.cause instanceof Error ? e.cause : undefined) : e;
        }
      });
      this.#run({ sql: 'COMMIT' });
      return results;
    } finally {
      if (connection.open && connection.inTransaction) {
        try {
          connection.exec('ROLLBACK');
        } catch {
          // The connection is broken; the caller's error says why, and reconnect() replaces it.
        }
      }
    }
  }

  #run(statement: InStatement): ResultSet {
    const sql = typeof statement === 'string' ? statement : statement.sql;
    const args = typeof statement === 'string' ? [] : toSqlArgs(statement.args);
    const prepared = this.#prepare(sql);
    try {
      if (prepared.reader) {
        const { columns, columnTypes, makeRow } = prepared.reader;
        const rows = (prepared.statement.all(args) as unknown[][]).map(makeRow);
        return resultSet(columns, columnTypes, rows, 0, undefined);
      }
      this.#writes++;
      const info = prepared.statement.run(args);
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
    let reader: Prepared['reader'] = null;
    if (statement.reader) {
      statement.raw(true);
      const definitions = statement.columns();
      const columns = definitions.map((c) => c.name);
      reader = { columns, columnTypes: definitions.map((c) => c.type ?? ''), makeRow: rowMaker(columns) };
    }
    const prepared = { statement, reader };
    if (this.#statements.size >= MAX_CACHED_STATEMENTS) this.#statements.clear();
    this.#statements.set(sql, prepared);
    return prepared;
  }
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
    toJSON() {
      return { columns, columnTypes, rows: rows.map((row) => Array.from({ length: columns.length }, (_, i) => row[i])), rowsAffected, lastInsertRowid: lastInsertRowid?.toString() ?? null };
    },
  };
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
