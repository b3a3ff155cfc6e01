// The build plugin that makes Astro's per-request `() => import("./chunk.mjs")` import once
// (scripts/build/memoize-dynamic-imports.mjs): the rewrite, and that the result still loads the
// module, once, and hands back the same promise every time.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, test } from 'node:test';
import { memoizeDynamicImports } from '../../../scripts/build/memoize-dynamic-imports.mjs';

const folder = mkdtempSync(join(tmpdir(), 'memo-imports-'));
after(() => rmSync(folder, { recursive: true, force: true }));

describe('memoized dynamic imports', () => {
  test('relative lazy imports are rewritten, anything else is left as it is', () => {
    const code = [
      'var _page0 = () => import("./index_abc.mjs");',
      "var mw = () => import('../virtual_astro_middleware.mjs');",
      'var pkg = () => import("node:fs");',
      'var later = import("./eager.mjs");',
    ].join('\n');
    const { code: out, count } = memoizeDynamicImports(code);
    assert.equal(count, 2);
    assert.match(out, /var _page0 = \(\(m\) => \(\) => \(m \?\?= import\("\.\/index_abc\.mjs"\)\)\)\(\);/);
    assert.match(out, /var mw = \(\(m\) => \(\) => \(m \?\?= import\('\.\.\/virtual_astro_middleware\.mjs'\)\)\)\(\);/);
    assert.ok(out.includes('var pkg = () => import("node:fs");'));
    assert.ok(out.includes('var later = import("./eager.mjs");'));
  });

  test('the rewritten code loads the module once and returns the same promise each call', async () => {
    writeFileSync(join(folder, 'page.mjs'), 'globalThis.__pageLoads = (globalThis.__pageLoads ?? 0) + 1; export const page = "les";\n');
    const { code } = memoizeDynamicImports('export const load = () => import("./page.mjs");\n');
    writeFileSync(join(folder, 'map.mjs'), code);
    const { load } = (await import(pathToFileURL(join(folder, 'map.mjs')).href)) as { load: () => Promise<{ page: string }> };
    const first = load();
    assert.equal(load(), first);
    assert.equal((await first).page, 'les');
    assert.equal((globalThis as { __pageLoads?: number }).__pageLoads, 1);
  });
});
