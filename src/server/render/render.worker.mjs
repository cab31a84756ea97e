// Entry of a render worker (render.worker.ts). A worker thread does not inherit the loader hooks of the thread
// that started it, so where Node does not strip types itself (Node 20) this registers the TypeScript loader
// (tsx) in this thread, whatever started the process (the motcua CLI, tsx, vitest), then runs the worker body.
// On Node 22.18+ / 24 Node runs the .ts file natively. The same approach as legacy/legacy.parse-worker.mjs.
if (!process.features.typescript) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import('./render.worker.ts');
