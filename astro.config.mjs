// @ts-check
import { defineConfig, passthroughImageService } from 'astro/config';
import mdx from '@astrojs/mdx';
import node from '@astrojs/node';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { memoizeDynamicImportsPlugin } from './scripts/build/memoize-dynamic-imports.mjs';

// Behind a reverse proxy that terminates TLS, Astro trusts X-Forwarded-Proto/-Host (and so the
// origin check and the Secure cookie work) only for the public address given here. Read at build
// time, so set it when running `npm start` or `npm run build`: PUBLIC_URL=https://leergang.gemeente.nl
const publicUrl = process.env.PUBLIC_URL ? new URL(process.env.PUBLIC_URL) : undefined;

/**
 * @astrojs/node with our own server entry (src/server-entry.ts): the adapter's standalone server
 * with a guard in front, so static files get the security headers too and methods Astro cannot
 * handle (TRACE, CONNECT) get a Dutch 4xx instead of the adapter's English 500.
 * @param {import('astro').AstroIntegration} integration
 * @returns {import('astro').AstroIntegration}
 */
function withGuardedServerEntry(integration) {
  const configDone = integration.hooks['astro:config:done'];
  return {
    ...integration,
    hooks: {
      ...integration.hooks,
      'astro:config:done': (params) =>
        configDone?.({
          ...params,
          setAdapter: (adapter) => params.setAdapter({ ...adapter, serverEntrypoint: new URL('./src/server-entry.ts', import.meta.url) }),
        }),
    },
  };
}

/**
 * The content editor for trainers (Keystatic, docs/decisions/0010-keystatic-als-inhoudseditor.md):
 * on the development server only. `astro build` never loads it, so the production build has no
 * editor page and no write API; on `astro dev` its routes go through the middleware (trainers and
 * admins only, src/lib/auth/roles.ts) and it writes to content/ through the dev server.
 * CONTENT_EDITOR=uit leaves it out of the dev server too.
 * @returns {import('astro').AstroIntegration}
 */
function contentEditorOnDevServer() {
  return {
    name: 'leergang-content-editor',
    hooks: {
      'astro:config:setup': async ({ command, updateConfig }) => {
        if (command !== 'dev' || process.env.CONTENT_EDITOR === 'uit') return;
        const [{ default: react }, { default: keystatic }] = await Promise.all([import('@astrojs/react'), import('@keystatic/astro')]);
        // The module folders the editor offers, read here once rather than by an import.meta.glob
        // in keystatic.config.tsx: a glob puts every module.yaml in the editor page's module
        // graph, so saving one reloaded every open editor tab and threw away unsaved work. A new
        // module folder therefore needs a restart of the dev server.
        const modules = new URL('./content/modules/', import.meta.url);
        const folders = readdirSync(modules)
          .filter((folder) => existsSync(new URL(`${folder}/module.yaml`, modules)))
          .sort();
        updateConfig({
          integrations: [react(), withOwnEditorPage(keystatic())],
          vite: { define: { __EDITOR_MODULE_FOLDERS__: JSON.stringify(folders) } },
        });
      },
    },
  };
}

/**
 * Keystatic with our page for /keystatic (src/editor/keystatic-page.astro: the same editor, and its
 * tab does not reload when content/ changes); its write API stays as it is.
 * @param {import('astro').AstroIntegration} integration
 * @returns {import('astro').AstroIntegration}
 */
function withOwnEditorPage(integration) {
  const setup = integration.hooks['astro:config:setup'];
  const page = fileURLToPath(new URL('./src/editor/keystatic-page.astro', import.meta.url));
  return {
    ...integration,
    hooks: {
      ...integration.hooks,
      'astro:config:setup': (params) =>
        setup?.({
          ...params,
          injectRoute: (route) => params.injectRoute(route.pattern === '/keystatic/[...params]' ? { ...route, entrypoint: page } : route),
        }),
    },
  };
}

export default defineConfig({
  // Everything personal is rendered per request; pages that are the same for everyone opt in
  // to prerendering with `export const prerender = true`.
  output: 'server',
  // 'middleware': the exported handler is Astro alone; src/server-entry.ts still starts the
  // adapter's standalone server and sends it only the paths of static files (see static-files.ts).
  adapter: withGuardedServerEntry(node({ mode: 'middleware' })),
  integrations: [mdx(), contentEditorOnDevServer()],
  security: {
    // Off: src/lib/http/same-origin.ts (in the middleware) refuses every cross-site request that
    // changes something, JSON included, with a Dutch message. Astro's check covers form posts only
    // and refuses in English.
    checkOrigin: false,
    allowedDomains: publicUrl ? [{ hostname: publicUrl.hostname, protocol: publicUrl.protocol.replace(':', '') }] : [],
  },
  // The site transforms no images: no image service, and the /_image route Astro adds to every
  // server build answers 404 (see src/lib/http/image-endpoint-off.ts).
  image: {
    service: passthroughImageService(),
    endpoint: { route: '/_image', entrypoint: './src/lib/http/image-endpoint-off.ts' },
  },
  // External stylesheets only: the Content-Security-Policy allows no inline styles.
  build: { inlineStylesheets: 'never' },
  // The editing environment (the dev server with the content editor, docs/deploy.md "Wat de
  // opleider doet") behind a proxy: the dev server answers only host names it knows, so the one in
  // CONTENT_EDITOR_URL is added. The production server does not check host names.
  server: {
    port: Number(process.env.PORT ?? 4321),
    host: process.env.HOST ?? 'localhost',
    // (an address that is no URL is left to the settings check, which says so in Dutch)
    allowedHosts: URL.canParse(process.env.CONTENT_EDITOR_URL ?? '') ? [new URL(process.env.CONTENT_EDITOR_URL ?? '').hostname] : [],
  },
  devToolbar: { enabled: false },
  // Astro imports a page's module on every request; see the plugin for why that is memoized.
  vite: { plugins: [memoizeDynamicImportsPlugin()] },
});
