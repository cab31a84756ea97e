// Entry of the legacy import's parsing worker. A worker thread does not inherit the loader hooks of the thread
// that started it, so where Node does not strip types itself (Node 20) this registers the TypeScript loader
// (tsx) in this thread, whatever started the process (the motcua CLI, tsx, vitest), then runs the worker body.
// On Node 22.18+ / 24 Node runs the .ts file natively.
if (!process.features.typescript) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import('./legacy.parse-worker.ts');
