// A Vite plugin for the production server build: every `() => import("./chunk.mjs")` that Astro
// generates (the page map, the middleware, content entries) becomes a function that imports once
// and then hands back the same promise. Astro calls these on every request, and Node resolves a
// dynamic import's path anew each time (path resolution and a package.json lookup per call): ~10 %
// of the CPU of a lesson page and more of a bare page (measured with BENCH_CPU_PROF, issue 20). An
// ES module is evaluated once either way, so handing back the first promise changes nothing else.

/** Matches `() => import("./x.mjs")` and `() => import("../x.mjs")` as Rolldown writes them. */
const LAZY_IMPORT = /\(\)\s*=>\s*import\((["'])(\.{1,2}\/[^"'\n]+)\1\)/g;

/**
 * The chunk's code with every relative lazy import memoized.
 * @param {string} code
 * @returns {{ code: string, count: number }}
 */
export function memoizeDynamicImports(code) {
  let count = 0;
  const out = code.replace(LAZY_IMPORT, (_match, quote, path) => {
    count++;
    return `((m) => () => (m ??= import(${quote}${path}${quote})))()`;
  });
  return { code: out, count };
}

/** @returns {import('vite').Plugin} */
export function memoizeDynamicImportsPlugin() {
  return {
    name: 'leergang-memoize-dynamic-imports',
    apply: 'build',
    renderChunk(code) {
      // Only the server build has these per-request imports; the browser's few scripts are left alone.
      if (this.environment?.name === 'client') return null;
      const { code: out, count } = memoizeDynamicImports(code);
      return count === 0 ? null : { code: out, map: null };
    },
  };
}
