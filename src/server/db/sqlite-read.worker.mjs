// Entry of a SQLite read worker (sqlite-read.worker.ts), loaded as render.worker.mjs loads its body: where Node does
// not strip types itself (Node 20) this registers the TypeScript loader (tsx) in this thread first.
if (!process.features.typescript) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import('./sqlite-read.worker.ts');
