// Astro adds an image endpoint (/_image) to every server build. The site transforms no images,
// and the endpoint only widened what a client could ask of the server (it turned
// /_image?href=/favicon.svg&f=png into a 500). astro.config.mjs points the route here instead of
// at Astro's image code. The middleware already answers 404 for it; this is the second lock.
import type { APIRoute } from 'astro';

export const ALL: APIRoute = () => new Response(null, { status: 404 });
