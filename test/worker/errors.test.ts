// worker/errors.ts: whatever goes wrong, the answer is { error: { code, message } } with a Chinese message.
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { describe, expect, it, vi } from 'vitest';
import type { AppEnv } from '../../worker/env';
import { notFound, onError } from '../../worker/errors';

function appThrowing(err: Error): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/boom', () => {
    throw err;
  });
  app.notFound(notFound);
  app.onError(onError);
  return app;
}

describe('onError', () => {
  it('an unexpected exception is a 500 in the JSON shape, without the exception text', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const res = await appThrowing(new Error('secret internals')).request('/boom');
    expect(log).toHaveBeenCalledOnce(); // logged for the operator, not sent to the client
    log.mockRestore();
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ error: { code: 'INTERNAL', message: '服务器内部错误' } });
    expect(text).not.toContain('secret internals');
  });

  it("Hono's plain-text HTTPExceptions become JSON with a Chinese message, keeping their headers", async () => {
    const res = await appThrowing(
      new HTTPException(413, { res: new Response('Payload Too Large', { status: 413, headers: { 'X-Hint': 'keep' } }) }),
    ).request('/boom');
    expect(res.status).toBe(413);
    expect(res.headers.get('X-Hint')).toBe('keep');
    expect(await res.json()).toEqual({ error: { code: 'PAYLOAD_TOO_LARGE', message: '请求体过大' } });
  });

  it('an unknown route is a 404 naming the method and path', async () => {
    const res = await appThrowing(new Error('x')).request('/nowhere', { method: 'DELETE' });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'NOT_FOUND', message: '没有这个接口：DELETE /nowhere' } });
  });
});
