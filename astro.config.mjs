// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import node from '@astrojs/node';

// Behind a reverse proxy that terminates TLS, Astro trusts X-Forwarded-Proto/-Host (and so the
// origin check and the Secure cookie work) only for the public address given here. Read at build
// time, so set it when running `npm start` or `npm run build`: PUBLIC_URL=https://leergang.gemeente.nl
const publicUrl = process.env.PUBLIC_URL ? new URL(process.env.PUBLIC_URL) : undefined;

export default defineConfig({
  // Everything personal is rendered per request; pages that are the same for everyone opt in
  // to prerendering with `export const prerender = true`.
  output: 'server',
  adapter: node({ mode: 'standalone' }),
  integrations: [mdx()],
  security: {
    checkOrigin: true,
    allowedDomains: publicUrl ? [{ hostname: publicUrl.hostname, protocol: publicUrl.protocol.replace(':', '') }] : [],
  },
  // External stylesheets only: the Content-Security-Policy allows no inline styles.
  build: { inlineStylesheets: 'never' },
  server: { port: Number(process.env.PORT ?? 4321), host: process.env.HOST ?? 'localhost' },
  devToolbar: { enabled: false },
});
