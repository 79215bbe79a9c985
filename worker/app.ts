// The Worker's HTTP API (docs/api.md): every middleware and route, composed in this one place. The add-in's pages
// (dist/) are Workers static assets on the same origin (worker/wrangler.jsonc `assets`); only /v1/* runs this app first.
import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { ENGINE_VERSION } from '../shared/index';
import { auth } from './auth';
import { refuseBlockedCredential } from './auth-failures';
import { hashBody, limitBody } from './body';
import { requireConfig } from './config';
import { corsFromEnv } from './cors';
import type { AppEnv } from './env';
import { notFound, onError } from './errors';
import { rateLimit } from './rate-limit';
import { listAudit } from './routes/audit';
import { evaluateRows } from './routes/evaluate';
import { indexPage } from './routes/index-page';
import { listRules } from './routes/rules';
import { validateAuditQuery, validateEvaluate, validateRulesQuery } from './validation';

export const app = new Hono<AppEnv>();

// limitLength 0: a client-sent X-Request-Id is never reused, since the request id is the audit's batch id.
app.use(requestId({ limitLength: 0 }));
// the API's answers are never a page to render or frame; a page the Worker serves (/) keeps its own headers
app.use(secureHeaders({ overwrite: false, xFrameOptions: 'DENY', contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } }));
app.use(corsFromEnv);
app.use(requireConfig);

// No token needed. `limits` tells clients how to size requests: at most `maxRows` rows and `maxBodyBytes` bytes a
// request, and `rowsPerRequest` rows recommended (fits the deployment's CPU limit).
app.get('/v1/health', (c) => {
  const { maxRows, maxBodyBytes, rowsPerRequest } = c.get('config').limits;
  return c.json({ ok: true, engineVersion: ENGINE_VERSION, limits: { maxRows, maxBodyBytes, rowsPerRequest } });
});

app.use('/v1/*', refuseBlockedCredential, auth, rateLimit);
app.get('/v1/rules', validateRulesQuery, ...listRules);
app.post('/v1/evaluate', limitBody, hashBody, validateEvaluate, ...evaluateRows);
app.get('/v1/audit', validateAuditQuery, ...listAudit);

app.get('/', ...indexPage);

app.notFound(notFound);
app.onError(onError);
