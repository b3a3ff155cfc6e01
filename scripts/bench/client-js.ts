// How much JavaScript a page makes the browser download: every <script src>, module preload and
// inline script on the page, each gzipped (level 9, as a server or CDN would send it) and added up.
import { gzipSync } from 'node:zlib';

export interface ClientJs {
  path: string;
  htmlBytes: number;
  scripts: { src: string; bytes: number; gzipBytes: number }[];
  gzipBytes: number;
}

export async function measureClientJs(origin: string, path: string, cookie: string): Promise<ClientJs> {
  const html = await fetchText(origin, path, cookie);
  const scripts: ClientJs['scripts'] = [];
  const sources = [
    ...[...html.matchAll(/<script\b[^>]*\bsrc=["']([^"']+)["'][^>]*>/gi)].map((m) => m[1]),
    ...[...html.matchAll(/<link\b[^>]*\brel=["']modulepreload["'][^>]*\bhref=["']([^"']+)["'][^>]*>/gi)].map((m) => m[1]),
  ];
  for (const src of new Set(sources)) {
    const body = Buffer.from(await fetchText(origin, src, cookie));
    scripts.push({ src, bytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length });
  }
  for (const [, inline] of html.matchAll(/<script\b(?![^>]*\bsrc=)(?![^>]*type=["']application\/(?:ld\+)?json["'])[^>]*>([\s\S]*?)<\/script>/gi)) {
    if (!inline.trim()) continue;
    const body = Buffer.from(inline);
    scripts.push({ src: '(inline)', bytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length });
  }
  return { path, htmlBytes: Buffer.byteLength(html), scripts, gzipBytes: scripts.reduce((n, s) => n + s.gzipBytes, 0) };
}

export async function fetchText(origin: string, path: string, cookie?: string): Promise<string> {
  const response = await fetch(new URL(path, origin), { headers: cookie ? { cookie } : {}, redirect: 'manual', signal: AbortSignal.timeout(30_000) });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`GET ${path} gaf ${response.status} (verwacht 200): ${body.slice(0, 200)}`);
  return body;
}
