// Child processes for the scale test (and the database tests that need a libSQL server): a
// free loopback port, a process whose output is kept for when something fails, a wait until it
// answers over HTTP, and one place that stops everything that was started.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

export interface Child {
  name: string;
  process: ChildProcess;
  /** The last lines the process wrote (stdout and stderr), for failure messages. */
  output: () => string;
  /** Resolves when the process has exited. */
  exited: Promise<number | null>;
  /** Sends the signal and waits for the exit; SIGKILL after `graceMs` if it does not go. */
  stop: (signal?: NodeJS.Signals, graceMs?: number) => Promise<void>;
}

const running = new Set<Child>();

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export function startProcess(name: string, command: string, args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Child {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.once('error', (error) => {
      lines.push(`kon ${command} niet starten: ${error.message}`);
      resolve(null);
    });
  });
  const handle: Child = {
    name,
    process: child,
    output: () => lines.slice(-40).join('\n'),
    exited,
    stop: async (signal = 'SIGTERM', graceMs = 5000) => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill(signal);
        const done = await Promise.race([exited.then(() => true), sleep(graceMs).then(() => false)]);
        if (!done) {
          child.kill('SIGKILL');
          await exited;
        }
      }
      running.delete(handle);
    },
  };
  running.add(handle);
  void exited.then(() => running.delete(handle));
  return handle;
}

/** Stops every process started here that is still running. */
export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((child) => child.stop('SIGTERM', 3000)));
}

/** Runs a process to its end. */
export async function runToEnd(
  name: string,
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Promise<{ code: number | null; output: string }> {
  const child = startProcess(name, command, args, options);
  const code = await child.exited;
  return { code, output: child.output() };
}

/** Polls `url` until it answers (any status below 500); fails early when the process exits. */
export async function waitForHttp(url: string, child: Child, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void child.exited.then(() => (exited = true));
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${child.name} is gestopt voordat het antwoordde:\n${child.output()}`);
    try {
      const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(2000) });
      await response.body?.cancel();
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`${child.name} antwoordde niet binnen ${timeoutMs / 1000} s op ${url}:\n${child.output()}`);
}

export interface SqldServer {
  url: string;
  child: Child;
}

/** Starts sqld on a free loopback port with its data in `dbPath`, and waits until it answers. */
export async function startSqld(binary: string, dbPath: string): Promise<SqldServer> {
  const port = await freePort();
  const child = startProcess('sqld', binary, ['--no-welcome', '--db-path', dbPath, '--http-listen-addr', `127.0.0.1:${port}`]);
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/health`, child);
  return { url, child };
}
