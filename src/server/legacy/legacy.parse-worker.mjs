// Entry of the legacy import's parsing worker: registers the TypeScript loader (tsx) in this thread, whatever
// started the process (the motcua CLI, tsx, vitest), then runs the worker body.
import { register } from 'tsx/esm/api';

register();
await import('./legacy.parse-worker.ts');
