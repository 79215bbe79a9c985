import { notFound } from '../errors';
import { factory } from '../factory';
import { PAGE_HEADERS } from '../page-headers';

/**
 * GET / — the .xlsx web page (dist/index.html) from the static assets, with the page's security headers, the same
 * as /index.html gets from dist/_headers. Every other page is served by the assets directly (html_handling none keeps
 * /taskpane.html as is), so only / needs the Worker.
 */
export const indexPage = factory.createHandlers(async (c) => {
  if (!c.env.ASSETS) return notFound(c);
  const res = await c.env.ASSETS.fetch(new Request(new URL('/index.html', c.req.url), { headers: c.req.raw.headers }));
  if (res.status === 404) return notFound(c);
  // made through the context: the headers set before (the request id) are on it, and the middleware can change them
  const page = c.newResponse(res.body, res);
  for (const [name, value] of Object.entries(PAGE_HEADERS)) page.headers.set(name, value);
  return page;
});
