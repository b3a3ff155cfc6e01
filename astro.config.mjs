// @ts-check
import { defineConfig, passthroughImageService } from 'astro/config';
import mdx from '@astrojs/mdx';
import node from '@astrojs/node';

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
        updateConfig({ integrations: [react(), keystatic()] });
      },
    },
  };
}

export default defineConfig({
  // Everything personal is rendered per request; pages that are the same for everyone opt in
  // to prerendering with `export const prerender = true`.
  output: 'server',
  adapter: withGuardedServerEntry(node({ mode: 'standalone' })),
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
  server: { port: Number(process.env.PORT ?? 4321), host: process.env.HOST ?? 'localhost' },
  devToolbar: { enabled: false },
});
