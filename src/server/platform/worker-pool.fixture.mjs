// Entry of the worker pool's test worker (worker-pool.test.ts): loads the TypeScript body as render.worker.mjs does.
if (!process.features.typescript) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import('./worker-pool.fixture.ts');
