// The project's Astro config with its own cache folder, for the benchmark's builds: Astro keeps
// the content layer's data store in cacheDir, and a build of 100 generated modules must neither
// read nor overwrite the one of a normal build running at the same time.
import config from '../../astro.config.mjs';

export default { ...config, cacheDir: process.env.BENCH_ASTRO_CACHE_DIR ?? config.cacheDir };
