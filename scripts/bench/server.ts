// The servers under load: the built site on loopback with an embedded database file, or two
// instances on one libSQL server (sqld) started from a copy of the same data. Processes are
// started with the scale test's helpers, so one stopAll() ends everything.
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort, startProcess, startSqld, waitForHttp, type Child, type SqldServer } from '../scale/processes.ts';
import { ensureSqld } from '../scale/sqld-binary.ts';
import { ROOT } from './build.ts';

/**
 * The Node options the server runs with in production (scripts/start.sh, docs/deploy.md). V8
 * sizes its heap by the machine's memory: on this 24 GB machine it let 370 MB of garbage pile up
 * under load (peak RSS 636 MB) while never more than ~60 MB was live. 16 MB semi-spaces and a
 * 160 MB old generation keep the server near what it needs, at the same throughput (measured
 * with this benchmark; BENCH_NODE_OPTIONS overrides it to compare).
 */
export const SERVER_NODE_OPTIONS = '--max-semi-space-size=16 --max-old-space-size=160';
/** glibc makes a malloc arena per thread otherwise (libSQL and libuv run several): tens of MB for nothing. */
export const SERVER_ENV = { MALLOC_ARENA_MAX: '2' };

export interface AppServer {
  name: string;
  origin: string;
  child: Child;
}

export interface StartOptions {
  name: string;
  entry: string;
  databaseUrl: string;
  /** Folder for a V8 CPU profile of the server (node --cpu-prof), written when it stops. */
  cpuProfileDir?: string;
  /** Settings on top of the bench's own (SERVER_ENV). */
  settings?: Record<string, string>;
}

export async function startAppServer({ name, entry, databaseUrl, cpuProfileDir, settings }: StartOptions): Promise<AppServer> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...SERVER_ENV,
    ...settings,
    DATABASE_URL: databaseUrl,
    HOST: '127.0.0.1',
    PORT: String(port),
    NODE_ENV: 'production',
    NODE_OPTIONS: process.env.BENCH_NODE_OPTIONS ?? SERVER_NODE_OPTIONS,
  };
  delete env.DATABASE_AUTH_TOKEN;
  delete env.DATABASE_REPLICA_PATH;
  // A profile is written on a normal exit only, so SIGTERM is turned into one.
  const profile = cpuProfileDir
    ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`, '--import', 'data:text/javascript,process.once("SIGTERM",()=>process.exit(0))']
    : [];
  const child = startProcess(name, process.execPath, [...profile, entry], { cwd: ROOT, env });
  const origin = `http://127.0.0.1:${port}`;
  await waitForHttp(`${origin}/inloggen`, child, 60_000);
  return { name, origin, child };
}

/** The server's peak resident memory so far (VmHWM), in MB. */
export function peakRssMb(server: AppServer): number | null {
  try {
    const status = readFileSync(`/proc/${server.child.process.pid}/status`, 'utf8');
    const kb = Number(/^VmHWM:\s+(\d+)\s+kB/m.exec(status)?.[1]);
    return Number.isFinite(kb) ? Math.round(kb / 1024) : null;
  } catch {
    return null; // not Linux, or the process is gone
  }
}

/**
 * Lays out a sqld data folder holding a copy of a generated database file. Started on it, sqld
 * finds no replication log, rebuilds one from the file and serves it: a second or two, where
 * inserting the rows over HTTP would take minutes. Copy before a server writes to the file.
 */
export function prepareSqldData(databaseFile: string, dataDir: string): void {
  mkdirSync(join(dataDir, 'dbs', 'default'), { recursive: true });
  copyFileSync(databaseFile, join(dataDir, 'dbs', 'default', 'data'));
}

export type SqldStart = { ok: true; server: SqldServer } | { ok: false; reason: string };

export async function startSqldOn(dataDir: string): Promise<SqldStart> {
  const sqld = ensureSqld();
  if (!sqld.ok) return { ok: false, reason: sqld.reason };
  const server = await startSqld(sqld.path, dataDir);
  // sqld answers at once but then rebuilds its log and snapshot from the copied file on both
  // cores for a few seconds; measuring during that would measure the rebuild.
  await waitUntilIdle(server.child.process.pid, 120_000);
  return { ok: true, server };
}

/**
 * The CPU time a process has used so far (user + system), in clock ticks of 10 ms (Linux;
 * elsewhere undefined). What a page costs the server, less swayed than req/s by what else runs on
 * the machine (autocannon itself shares the two cores).
 */
export function cpuTicks(pid: number | undefined): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return undefined;
  }
}
export const MS_PER_TICK = 10;

/** Waits until a process uses (almost) no CPU for half a second (Linux; elsewhere: returns). */
export async function waitUntilIdle(pid: number | undefined, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = cpuTicks(pid);
  while (last !== undefined && Date.now() < deadline) {
    await sleep(500);
    const now = cpuTicks(pid);
    if (now === undefined || now - last < 3) return;
    last = now;
  }
}
