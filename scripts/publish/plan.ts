// The decisions of `npm run publish` (scripts/publish.ts) without any git, process or file work,
// so they are unit-tested on their own (tests/unit/publish/plan.test.ts): the settings and their
// Dutch messages, where the database is, the name of a release, which port is free, what the
// proxy's include file says and which releases may go.
import { createHash } from 'node:crypto';
import { isAbsolute, resolve } from 'node:path';
import { t } from '../../src/lib/i18n/nl.ts';

export interface PublishSettings {
  remote: string;
  branch: string;
  /** The two local ports the releases take turns on (blue/green). */
  ports: [number, number];
  /** The file the proxy includes inside its upstream block. */
  upstreamFile: string;
  /** Run through `sh -c` after the include file changed; the proxy must pick it up gracefully. */
  switchCommand: string;
  /** How long the old release keeps running after the switch, for requests the proxy still sends it. */
  drainMs: number;
  /** DATABASE_URL with a relative file path made absolute: every release uses the same database. */
  databaseUrl: string;
  /** The editing environment's checkout: its content changes are committed there before the pull. */
  editingDir?: string;
}

/** A running (or last started) release, as kept in releases/state.json. */
export interface ReleaseRecord {
  id: string;
  commit: string;
  port: number;
  pid: number;
}

export interface PublishState {
  current?: ReleaseRecord;
  previous?: ReleaseRecord;
}

export function readPublishSettings(env: Record<string, string | undefined>, appDir: string): PublishSettings {
  const portsText = env.PUBLISH_PORTS ?? '4322,4323';
  const ports = portsText.split(',').map((p) => Number(p.trim()));
  const validPort = (p: number) => Number.isInteger(p) && p > 0 && p < 65536;
  if (ports.length !== 2 || !ports.every(validPort) || ports[0] === ports[1]) throw new Error(t.publish.invalidPorts(portsText));
  const drainText = env.PUBLISH_DRAIN_SECONDS ?? '5';
  const drain = Number(drainText);
  if (drainText.trim() === '' || !Number.isFinite(drain) || drain < 0 || drain > 300) throw new Error(t.publish.invalidDrain(drainText));
  const upstreamFile = env.PUBLISH_UPSTREAM_FILE || 'releases/upstream.conf';
  return {
    remote: env.PUBLISH_REMOTE || 'origin',
    branch: env.PUBLISH_BRANCH || 'main',
    ports: [ports[0], ports[1]],
    upstreamFile: isAbsolute(upstreamFile) ? upstreamFile : resolve(appDir, upstreamFile),
    switchCommand: env.PUBLISH_SWITCH_COMMAND || 'nginx -s reload',
    drainMs: Math.round(drain * 1000),
    databaseUrl: absoluteDatabaseUrl(env.DATABASE_URL || 'file:./data/leergang.db', appDir),
    ...(env.PUBLISH_EDITING_DIR ? { editingDir: resolve(appDir, env.PUBLISH_EDITING_DIR) } : {}),
  };
}

/**
 * Each release is built and started in its own folder, so a relative `file:` path would give every
 * release a new, empty database. Relative paths are resolved against the checkout publish runs in;
 * server URLs (ws:, http:, libsql:) and absolute paths stay as they are.
 */
export function absoluteDatabaseUrl(url: string, appDir: string): string {
  if (!url.startsWith('file:')) return url;
  const rest = url.slice('file:'.length);
  const queryAt = rest.indexOf('?');
  const path = queryAt === -1 ? rest : rest.slice(0, queryAt);
  const query = queryAt === -1 ? '' : rest.slice(queryAt);
  if (path.startsWith('/')) return url;
  return `file:${resolve(appDir, path)}${query}`;
}

/** "20261203-140501-1a2b3c4": sorts by time, and says which commit it holds. */
export function releaseId(now: Date, commit: string): string {
  const iso = now.toISOString(); // 2026-12-03T14:05:01.123Z
  return `${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}-${commit.slice(0, 7)}`;
}

/** The changed paths under content/ in `git status --porcelain` output (renames: the new name). */
export function changedContentFiles(porcelain: string): string[] {
  return porcelain
    .split('\n')
    .filter((line) => line.length > 3)
    .map((line) => line.slice(3).split(' -> ').pop()!.replace(/^"|"$/g, ''))
    .filter((path) => path.startsWith('content/'));
}

/** The folder name of the dependencies for a package-lock.json (releases/deps/<key>): a new lock, a new install. */
export function dependencyKey(packageLock: string | Buffer): string {
  return createHash('sha256').update(packageLock).digest('hex').slice(0, 16);
}

/** The port the new release starts on: the one the running release does not use. */
export function nextPort(ports: [number, number], current?: ReleaseRecord): number {
  return current?.port === ports[0] ? ports[1] : ports[0];
}

/** The whole include file: one server line inside the proxy's upstream block. */
export function upstreamConfig(port: number): string {
  return `# Written by npm run publish (scripts/publish.ts): the release that serves the site.\nserver 127.0.0.1:${port};\n`;
}

/** Release folders that may be removed: everything except the running one and the one before it. */
export function releasesToRemove(folders: string[], state: PublishState): string[] {
  const kept = new Set([state.current?.id, state.previous?.id].filter((id): id is string => Boolean(id)));
  return folders.filter((f) => /^\d{8}-\d{6}-[0-9a-f]+$/.test(f) && !kept.has(f)).sort();
}
