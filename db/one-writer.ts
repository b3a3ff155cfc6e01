// On a libSQL server, this instance sends its writes one at a time.
//
// Every request's write is a short transaction (an answer with its review update, a lesson
// view). Sent all at once, 32 concurrent requests became 32 write transactions queueing for the
// server's single SQLite write lock; over ws:// the server then stalled (requests still waiting
// after 15 s) and over http:// some gave up with SQLITE_BUSY (503), measured with two instances
// under `npm run bench` load. Queued here instead, the server sees at most one writer per
// instance; reads stay concurrent. A write is a few milliseconds at most, so the queue costs
// little, and it keeps the lock wait inside the app, where it is visible and bounded.
import type { Client, InStatement } from '@libsql/client';

const WRITE = /^\s*(insert|update|delete|replace|create|drop|alter|begin|commit|rollback|vacuum)\b/i;

export function oneWriterAtATime(client: Client): Client {
  let tail: Promise<unknown> = Promise.resolve();
  const queued = <T>(work: () => Promise<T>): Promise<T> => {
    const run = tail.then(work, work);
    tail = run.catch(() => undefined);
    return run;
  };
  const isWrite = (statement: InStatement | string) => WRITE.test(typeof statement === 'string' ? statement : statement.sql);
  return new Proxy(client, {
    get(target, property) {
      if (property === 'batch') {
        return (statements: Parameters<Client['batch']>[0], mode?: Parameters<Client['batch']>[1]) =>
          mode === 'read' ? target.batch(statements, mode) : queued(() => target.batch(statements, mode));
      }
      if (property === 'execute') {
        return (statement: InStatement | string, args?: Parameters<Client['execute']>[1]) =>
          isWrite(statement) ? queued(() => (typeof statement === 'string' ? target.execute(statement, args) : target.execute(statement))) : typeof statement === 'string' ? target.execute(statement, args) : target.execute(statement);
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
