// The routes of the site as Astro derives them from the files under src/pages: the same string
// that `context.routePattern` holds in the middleware ("/modules/[module]/[lesson]",
// "/team/[team]/export.csv"). Tests take their route lists from here, so a new page cannot be
// left out of them.
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const PAGES = fileURLToPath(new URL('../../src/pages', import.meta.url));
const PAGE_FILE = /\.(astro|ts|js|md|mdx|html)$/;

export function routePatternsOnDisk(pagesDir = PAGES): string[] {
  const patterns: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      // Astro skips files and folders whose name starts with "_".
      if (entry.name.startsWith('_')) continue;
      if (entry.isDirectory()) walk(full);
      else if (PAGE_FILE.test(entry.name) && !entry.name.endsWith('.d.ts')) {
        const route = `/${relative(pagesDir, full).replace(PAGE_FILE, '')}`.replace(/\/index$/, '') || '/';
        patterns.push(route);
      }
    }
  };
  walk(pagesDir);
  return patterns.sort();
}

/**
 * The routes under /team a teamleider (role 'teamleader') may open, read only: the team list, a
 * team's dashboard and export, and one professional. Every other /team route refuses them; the
 * access tests (route-rules.test.ts, security.spec.ts) take the list from here.
 */
export const TEAMLEADER_TEAM_ROUTES: readonly string[] = ['/team', '/team/[team]', '/team/[team]/export.csv', '/team/[team]/professional/[user]'];
