// The Worker's HTTP API (CONTRACT.md): every middleware and route, composed in this one place. The add-in's pages
// (dist/) are Workers static assets on the same origin (worker/wrangler.jsonc `assets`); only /v1/* runs this app first.
import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { auth } from './auth';
import { refuseBlockedAddress } from './auth-failures';
import { hashBody, limitBody } from './body';
import { requireConfig } from './config';
import { corsFromEnv } from './cors';
import type { AppEnv } from './env';
import { notFound, onError } from './errors';
import { rateLimit } from './rate-limit';
import { listAudit } from './routes/audit';
import { evaluateRows } from './routes/evaluate';
import { health } from './routes/health';
import { indexPage } from './routes/index-page';
import { rules } from './routes/rules';
import { validateAuditQuery, validateEvaluate } from './validation';

export const app = new Hono<AppEnv>();

// limitLength 0: a client-sent X-Request-Id is never reused, since the request id is the audit's batch id.
app.use(requestId({ limitLength: 0 }));
app.use(secureHeaders());
app.use(corsFromEnv);
app.use(requireConfig);

app.get('/v1/health', health);

app.use('/v1/*', refuseBlockedAddress, auth, rateLimit);
app.get('/v1/rules', rules);
app.post('/v1/evaluate', limitBody, hashBody, validateEvaluate, evaluateRows);
app.get('/v1/audit', validateAuditQuery, listAudit);

app.get('/', indexPage);

app.notFound(notFound);
app.onError(onError);
