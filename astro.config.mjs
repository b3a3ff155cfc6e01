// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import node from '@astrojs/node';

export default defineConfig({
  // Everything personal is rendered per request; pages that are the same for everyone opt in
  // to prerendering with `export const prerender = true`.
  output: 'server',
  adapter: node({ mode: 'standalone' }),
  integrations: [mdx()],
  security: { checkOrigin: true },
  // External stylesheets only: the Content-Security-Policy allows no inline styles.
  build: { inlineStylesheets: 'never' },
  server: { port: Number(process.env.PORT ?? 4321), host: process.env.HOST ?? 'localhost' },
  devToolbar: { enabled: false },
});
