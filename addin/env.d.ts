// Build-time configuration injected by vite.config.ts (`define`).
/** Default Worker URL: CE_WORKER_URL at build time, else http://127.0.0.1:8787. The task pane settings override it. */
declare const __CE_WORKER_URL__: string;
