// Starts the built site (dist/) as its own process on a free port, against a given database.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface RunningServer {
  origin: string;
  process: ChildProcess;
  stop: (signal?: NodeJS.Signals) => Promise<void>;
  /** What the server wrote to stderr so far (its error log). */
  stderr: () => string;
}

export async function startServer(databaseUrl: string, port?: number, env: Record<string, string> = {}): Promise<RunningServer> {
  const chosen = port ?? (await freePort());
  // LEERGANG_DIST: another build folder (astro build --outDir), so parallel work can each test its own build.
  const child = spawn(process.execPath, [`${process.env.LEERGANG_DIST ?? 'dist'}/server/entry.mjs`], {
    env: { ...process.env, ...env, DATABASE_URL: databaseUrl, HOST: '127.0.0.1', PORT: String(chosen) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d) => (stderr += d));
  const origin = `http://127.0.0.1:${chosen}`;
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`server exited: ${stderr}`);
    try {
      if ((await fetch(`${origin}/inloggen`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    origin,
    process: child,
    stderr: () => stderr,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null) child.kill(signal);
      await exited;
    },
  };
}

/** Migrates and seeds a database through the project's own scripts. */
export function prepareDatabase(databaseUrl: string): void {
  for (const script of ['scripts/migrate.ts', 'scripts/seed-demo.ts']) {
    const run = spawnSync(process.execPath, [script], { env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`${script} failed: ${run.stderr}`);
  }
}

export async function logIn(origin: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${origin}/inloggen`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password }),
  });
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('lt_sessie='));
  if (response.status !== 303 || !cookie) throw new Error(`login failed: ${response.status}`);
  return cookie.split(';')[0];
}
