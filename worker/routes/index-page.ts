import { notFound } from '../errors';
import { factory } from '../factory';

/**
 * GET / — the .xlsx web page (dist/index.html) from the static assets. Every other page is served by the assets
 * directly (html_handling none keeps /taskpane.html as is), so only / needs the Worker.
 */
export const indexPage = factory.createHandlers(async (c) => {
  if (!c.env.ASSETS) return notFound(c);
  const res = await c.env.ASSETS.fetch(new Request(new URL('/index.html', c.req.url), { headers: c.req.raw.headers }));
  if (res.status === 404) return notFound(c);
  return new Response(res.body, res); // mutable headers for the middleware
});
