// The Worker's entry point (wrangler.jsonc `main`).
import { app } from './app';

export default app;
