// Production builds for the benchmark, timed. Each goes to its own folder under bench/build/
// (inside the project, because the server bundle resolves its packages from node_modules) with a
// cold, separate Astro cache, so dist/ and the cache of a normal build are left alone.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BUILD_DIR = join(ROOT, 'bench', 'build');

export interface Build {
  /** The built server: `node <entry>` starts it. */
  entry: string;
  /** Static files the server serves (dist/client). */
  clientDir: string;
  seconds: number;
}

/** Builds the site from `contentDir` (default: the course) into bench/build/<name>. */
export function buildSite(name: string, contentDir?: string): Build {
  const outDir = join(BUILD_DIR, name);
  const cacheDir = join(BUILD_DIR, `cache-${name}`);
  rmSync(outDir, { recursive: true, force: true });
  rmSync(cacheDir, { recursive: true, force: true });
  const env: NodeJS.ProcessEnv = { ...process.env, BENCH_ASTRO_CACHE_DIR: cacheDir };
  if (contentDir) env.LEERGANG_CONTENT_DIR = resolve(contentDir);
  const args = [
    join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'),
    'build',
    '--silent',
    '--config',
    'scripts/bench/astro-cache.config.mjs',
    '--outDir',
    outDir,
  ];
  const started = performance.now();
  const run = spawnSync(process.execPath, args, { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const seconds = (performance.now() - started) / 1000;
  const entry = join(outDir, 'server', 'entry.mjs');
  if (run.status !== 0 || !existsSync(entry)) {
    const output = `${run.stdout ?? ''}${run.stderr ?? ''}`
      .split('\n')
      .filter((l) => l && !l.includes('[WARN]'))
      .slice(-20)
      .join('\n');
    throw new Error(`astro build (${name}) mislukte met code ${run.status}:\n${output}`);
  }
  return { entry, clientDir: join(outDir, 'client'), seconds };
}
