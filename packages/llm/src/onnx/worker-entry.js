// The worker runs TypeScript source like the rest of the repo: register tsx's loader in this thread first
// (a worker does not inherit vitest's transform), then import the real worker.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
