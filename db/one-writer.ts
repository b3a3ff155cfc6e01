// On a libSQL server, this instance sends its writes one at a time.
//
// Every request's write is a short transaction (an answer with its review update, a lesson
// view). Sent all at once, 32 concurrent requests became 32 write transactions queueing for the
// server's single SQLite write lock; over ws:// the server then stalled (requests still waiting
// after 15 s) and over http:// some gave up with SQLITE_BUSY (503), measured with two instances
// under `npm run bench` load. Queued here instead, the server sees at most one writer per
// instance; reads stay concurrent. A write is a few milliseconds at most, so the queue costs
// little, and it keeps the lock wait inside the app, where it is visible and bounded. The price is
// on http://, where every write is its own HTTP request: an instance then writes about once per
// round trip (the benchmark's lesson row over http:// dropped from ~110 to ~40 req/s, while ws://
// went from stalling to ~150). Use ws:// to a libSQL server (docs/deploy.md).
import type { Client, InStatement } from '@libsql/client';

/**
 * Write statements in flight per instance. Measured with two instances on sqld under 32
 * connections: 4 brought back some SQLITE_BUSY 503s (2–3 per 8 s) for ~15 % more answers per
 * second over http://; 1 gave none, over http:// and ws://.
 */
export const WRITERS_PER_INSTANCE = 1;

const WRITE = /^\s*(insert|update|delete|replace|create|drop|alter|begin|commit|rollback|vacuum)\b/i;

export function oneWriterAtATime(client: Client, writers = WRITERS_PER_INSTANCE): Client {
  let running = 0;
  const waiting: (() => void)[] = [];
  const queued = async <T>(work: () => Promise<T>): Promise<T> => {
    if (running < writers) running++;
    else await new Promise<void>((resolve) => waiting.push(resolve)); // the slot is handed over
    try {
      return await work();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
  const isWrite = (statement: InStatement | string) => WRITE.test(typeof statement === 'string' ? statement : statement.sql);
  return new Proxy(client, {
    get(target, property) {
      if (property === 'batch') {
        return (statements: Parameters<Client['batch']>[0], mode?: Parameters<Client['batch']>[1]) =>
          mode === 'read' ? target.batch(statements, mode) : queued(() => target.batch(statements, mode));
      }
      if (property === 'execute') {
        // Both call forms (a statement object, or SQL text with its arguments) pass through as they came.
        const execute = (...call: unknown[]) => (target.execute as (...a: unknown[]) => ReturnType<Client['execute']>)(...call);
        return (statement: InStatement | string, ...rest: unknown[]) =>
          isWrite(statement) ? queued(() => execute(statement, ...rest)) : execute(statement, ...rest);
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
