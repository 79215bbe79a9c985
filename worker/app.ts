// The Worker's HTTP API (CONTRACT.md): every middleware and route, composed in this one place.
import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { auth } from './auth';
import { hashBody, limitBody } from './body';
import { corsFromEnv } from './cors';
import type { AppEnv } from './env';
import { notFound, onError } from './errors';
import { rateLimit } from './rate-limit';
import { listAudit } from './routes/audit';
import { evaluateRows } from './routes/evaluate';
import { health } from './routes/health';
import { rules } from './routes/rules';
import { validateAuditQuery, validateEvaluate } from './validation';

export const app = new Hono<AppEnv>();

// limitLength 0: a client-sent X-Request-Id is never reused, since the request id is the audit's batch id.
app.use(requestId({ limitLength: 0 }));
app.use(secureHeaders());
app.use(corsFromEnv);

app.get('/v1/health', health);

app.use('/v1/*', auth, rateLimit);
app.get('/v1/rules', rules);
app.post('/v1/evaluate', limitBody, hashBody, validateEvaluate, evaluateRows);
app.get('/v1/audit', validateAuditQuery, listAudit);

app.notFound(notFound);
app.onError(onError);
