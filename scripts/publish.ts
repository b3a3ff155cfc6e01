// `npm run publish`: puts the newest version of the configured branch live on a single server
// without downtime (issue 19; docs/deploy.md, "Publiceren"). Runs in the production checkout:
//
//   pull (--ff-only) → new folder releases/<id>/ (git archive of HEAD) → dependencies (npm ci only
//   when package-lock.json changed; shared per lock file in releases/deps/) → content:check (stops
//   here on an error, nothing else touched) → build in that folder → migrate → start it on the free
//   one of two ports → wait until it answers → point the proxy at it (include file + reload) →
//   stop the old release with SIGTERM (it finishes its requests) → keep two releases.
//
// `npm run publish -- --terugdraaien` starts the previous release again the same way;
// `npm run publish -- --starten` starts the current one (after a reboot). The decisions are in
// scripts/publish/plan.ts; this file does the git, file and process work.
import { spawn, spawnSync, type StdioOptions } from 'node:child_process';
import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { t } from '../src/lib/i18n/nl.ts';
import {
  changedContentFiles,
  dependencyKey,
  nextPort,
  readPublishSettings,
  releaseId,
  releasesToRemove,
  upstreamConfig,
  type PublishSettings,
  type PublishState,
  type ReleaseRecord,
} from './publish/plan.ts';

const appDir = process.cwd();
const releasesDir = join(appDir, 'releases');
const stateFile = join(releasesDir, 'state.json');
const lockDir = join(releasesDir, 'publish.lock');

class Stop extends Error {}
const say = (line: string) => console.log(line);

function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}, stdio: StdioOptions = 'inherit'): boolean {
  return spawnSync(command, args, { cwd, stdio, env: { ...process.env, ...env } }).status === 0;
}

function git(args: string[]): string {
  const result = spawnSync('git', args, { cwd: appDir, encoding: 'utf8' });
  if (result.status !== 0) throw new Stop(result.stderr);
  return result.stdout.trim();
}

function readState(): PublishState {
  return existsSync(stateFile) ? (JSON.parse(readFileSync(stateFile, 'utf8')) as PublishState) : {};
}

function writeState(state: PublishState): void {
  writeFileSync(`${stateFile}.tmp`, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(`${stateFile}.tmp`, stateFile);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Only a process started from that release's folder: a pid may have been reused after a reboot. */
function isReleaseProcess(record: ReleaseRecord): boolean {
  if (!isAlive(record.pid)) return false;
  try {
    return readFileSync(`/proc/${record.pid}/cmdline`, 'utf8').includes(join(releasesDir, record.id));
  } catch {
    return true; // no /proc (macOS): trust the pid
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The dependencies of a release: one node_modules per package-lock.json, installed only when new. */
function linkDependencies(releaseDir: string): void {
  const lock = readFileSync(join(releaseDir, 'package-lock.json'));
  const depsDir = join(releasesDir, 'deps', dependencyKey(lock));
  if (!existsSync(join(depsDir, 'node_modules'))) {
    say(t.publish.installing);
    mkdirSync(depsDir, { recursive: true });
    for (const file of ['package.json', 'package-lock.json']) copyFileSync(join(releaseDir, file), join(depsDir, file));
    if (!run('npm', ['ci', '--no-audit', '--no-fund'], depsDir)) {
      rmSync(depsDir, { recursive: true, force: true });
      throw new Stop(t.publish.installFailed);
    }
  }
  symlinkSync(join(depsDir, 'node_modules'), join(releaseDir, 'node_modules'));
}

/** Whether a server answers the login page on the port with a 2xx. */
async function answers(port: number): Promise<boolean> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/inloggen`, { signal: AbortSignal.timeout(2000) })).ok;
  } catch {
    return false; // not listening (yet)
  }
}

/** Starts a built release on a port, detached from this command, and waits until it answers. */
async function startRelease(id: string, commit: string, port: number, settings: PublishSettings): Promise<ReleaseRecord> {
  const releaseDir = join(releasesDir, id);
  const log = join(releaseDir, 'server.log');
  say(t.publish.starting(port));
  // Something else answering on the port would pass the check below in place of the new release.
  if (await answers(port)) throw new Stop(t.publish.portBusy(port));
  const out = openSync(log, 'a');
  // Memory caps as in `npm start` (docs/deploy.md, geheugen).
  const child = spawn(process.execPath, ['--max-semi-space-size=16', '--max-old-space-size=160', join(releaseDir, 'dist/server/entry.mjs')], {
    cwd: releaseDir,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), DATABASE_URL: settings.databaseUrl, MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2' },
    detached: true,
    stdio: ['ignore', out, out],
  });
  closeSync(out);
  child.unref();
  const record = { id, commit, port, pid: child.pid ?? -1 };
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) break;
    if ((await answers(port)) && isAlive(record.pid)) return record;
    await sleep(100);
  }
  if (isAlive(record.pid)) process.kill(record.pid, 'SIGKILL');
  throw new Stop(t.publish.startFailed(port, log));
}

/** Points the proxy at the port; on a failure the include file is put back and the new release stopped. */
function switchProxy(record: ReleaseRecord, settings: PublishSettings): void {
  say(t.publish.switching(record.port));
  const before = existsSync(settings.upstreamFile) ? readFileSync(settings.upstreamFile, 'utf8') : undefined;
  const write = (text: string) => {
    writeFileSync(`${settings.upstreamFile}.tmp`, text);
    renameSync(`${settings.upstreamFile}.tmp`, settings.upstreamFile);
  };
  write(upstreamConfig(record.port));
  if (!run('sh', ['-c', settings.switchCommand], appDir, { LEERGANG_PORT: String(record.port) })) {
    if (before === undefined) rmSync(settings.upstreamFile, { force: true });
    else write(before);
    run('sh', ['-c', settings.switchCommand], appDir);
    if (isAlive(record.pid)) process.kill(record.pid, 'SIGKILL');
    throw new Stop(t.publish.switchFailed);
  }
}

/** SIGTERM: the server stops accepting, finishes what is in flight and exits (src/server-entry.ts). */
async function stopRelease(record: ReleaseRecord | undefined, drainMs: number): Promise<void> {
  if (!record || !isReleaseProcess(record)) return;
  await sleep(drainMs);
  say(t.publish.stoppingOld(record.pid));
  process.kill(record.pid, 'SIGTERM');
  for (let i = 0; i < 150 && isAlive(record.pid); i++) await sleep(100);
  if (isAlive(record.pid)) process.kill(record.pid, 'SIGKILL');
}

function pruneReleases(state: PublishState): void {
  const removable = releasesToRemove(readdirSync(releasesDir), state);
  for (const id of removable) rmSync(join(releasesDir, id), { recursive: true, force: true });
  if (removable.length > 0) say(t.publish.removed(removable));
  // Dependencies no kept release links to.
  const used = new Set(
    [state.current?.id, state.previous?.id].flatMap((id) => {
      try {
        return id ? [readlinkSync(join(releasesDir, id, 'node_modules'))] : [];
      } catch {
        return [];
      }
    }),
  );
  const depsRoot = join(releasesDir, 'deps');
  if (!existsSync(depsRoot)) return;
  for (const hash of readdirSync(depsRoot)) {
    if (!used.has(join(depsRoot, hash, 'node_modules'))) rmSync(join(depsRoot, hash), { recursive: true, force: true });
  }
}

/**
 * The editing environment (PUBLISH_EDITING_DIR): the checkout the trainers' editor saves into. Its
 * content changes are checked there and committed with a clear message, so the pull below takes
 * them. Nothing is committed when the check fails; only content/ is ever committed.
 */
function commitEditedContent(editingDir: string): void {
  say(t.publish.editingChecking(editingDir));
  const status = spawnSync('git', ['status', '--porcelain', '--untracked-files=all', '--', 'content'], { cwd: editingDir, encoding: 'utf8' });
  if (status.status !== 0) throw new Stop(`${status.stderr}\n${t.publish.editingCommitFailed}`);
  const files = changedContentFiles(status.stdout);
  if (files.length === 0) return say(t.publish.editingNothing);
  if (!run(process.execPath, ['scripts/validate-content.ts'], editingDir)) throw new Stop(t.publish.editingInvalid);
  // An identity for servers where git has none configured; a configured one is used as it is.
  const configured = spawnSync('git', ['config', 'user.email'], { cwd: editingDir }).status === 0;
  const identity: Record<string, string> = configured
    ? {}
    : {
        GIT_AUTHOR_NAME: 'Inhoudseditor',
        GIT_AUTHOR_EMAIL: 'inhoudseditor@leergang.invalid',
        GIT_COMMITTER_NAME: 'npm run publish',
        GIT_COMMITTER_EMAIL: 'publiceren@leergang.invalid',
      };
  const committed =
    run('git', ['add', '--all', '--', 'content'], editingDir) &&
    run('git', ['commit', '--quiet', '-m', t.publish.editingCommitMessage(files), '--', 'content'], editingDir, identity);
  if (!committed) throw new Stop(t.publish.editingCommitFailed);
  say(t.publish.editingCommitted(files.length));
}

async function publish(settings: PublishSettings): Promise<void> {
  if (settings.editingDir) commitEditedContent(settings.editingDir);
  say(t.publish.pulling(settings.remote, settings.branch));
  if (!run('git', ['pull', '--ff-only', settings.remote, settings.branch], appDir)) throw new Stop(t.publish.pullFailed(settings.remote, settings.branch));
  const commit = git(['rev-parse', 'HEAD']);
  const state = readState();
  if (state.current?.commit === commit && isReleaseProcess(state.current)) {
    say(t.publish.nothingNew(commit.slice(0, 7)));
    return;
  }

  const id = releaseId(new Date(), commit);
  const releaseDir = join(releasesDir, id);
  say(t.publish.release(id));
  mkdirSync(releaseDir, { recursive: true });
  let started: ReleaseRecord | undefined;
  try {
    // Exactly the committed tree: nothing left over from an earlier build or a local edit.
    if (!run('sh', ['-c', `git archive --format=tar HEAD | tar -x -C '${releaseDir}'`], appDir)) throw new Stop(t.publish.buildFailed);
    linkDependencies(releaseDir);
    say(t.publish.checking);
    if (!run(process.execPath, ['scripts/validate-content.ts'], releaseDir)) throw new Stop(t.publish.contentInvalid);
    if (!run('bash', ['scripts/build.sh'], releaseDir)) throw new Stop(t.publish.buildFailed);
    // Expand-only migrations (docs/deploy.md): the running release keeps working on the new schema.
    if (!run(process.execPath, ['scripts/migrate.ts'], releaseDir, { DATABASE_URL: settings.databaseUrl })) throw new Stop(t.publish.migrateFailed);
    started = await startRelease(id, commit, nextPort(settings.ports, state.current), settings);
    switchProxy(started, settings);
  } catch (error) {
    rmSync(releaseDir, { recursive: true, force: true });
    throw error;
  }
  const next: PublishState = { current: started, previous: state.current };
  writeState(next);
  await stopRelease(state.current, settings.drainMs);
  pruneReleases(next);
  say(t.publish.published(id, started.port));
}

async function rollBack(settings: PublishSettings): Promise<void> {
  const state = readState();
  const previous = state.previous;
  if (!previous || !existsSync(join(releasesDir, previous.id, 'dist'))) throw new Stop(t.publish.noPrevious);
  const started = await startRelease(previous.id, previous.commit, nextPort(settings.ports, state.current), settings);
  switchProxy(started, settings);
  writeState({ current: started, previous: state.current });
  await stopRelease(state.current, settings.drainMs);
  say(t.publish.rolledBack(previous.id, started.port));
}

/** After a reboot: the current release again, on its own port. */
async function startCurrent(settings: PublishSettings): Promise<void> {
  const state = readState();
  if (!state.current) throw new Stop(t.publish.noPrevious);
  if (isReleaseProcess(state.current)) return;
  const started = await startRelease(state.current.id, state.current.commit, state.current.port, settings);
  switchProxy(started, settings);
  writeState({ ...state, current: started });
  say(t.publish.published(started.id, started.port));
}

/** One publish at a time: a folder is created atomically; a lock of a dead process is taken over. */
function takeLock(): () => void {
  mkdirSync(releasesDir, { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      mkdirSync(lockDir);
      writeFileSync(join(lockDir, 'pid'), String(process.pid));
      return () => rmSync(lockDir, { recursive: true, force: true });
    } catch {
      const holder = existsSync(join(lockDir, 'pid')) ? readFileSync(join(lockDir, 'pid'), 'utf8') : '?';
      if (holder !== '?' && isAlive(Number(holder))) throw new Stop(t.publish.busy(holder));
      rmSync(lockDir, { recursive: true, force: true });
    }
  }
  throw new Stop(t.publish.busy('?'));
}

const option = process.argv[2];
try {
  if (option !== undefined && !['--terugdraaien', '--starten'].includes(option)) throw new Stop(t.publish.unknownOption(option));
  const settings = readPublishSettings(process.env, appDir);
  const release = takeLock();
  try {
    if (option === '--terugdraaien') await rollBack(settings);
    else if (option === '--starten') await startCurrent(settings);
    else await publish(settings);
  } finally {
    release();
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
