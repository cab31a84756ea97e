/**
 * The browser end-to-end harness: the real server (fresh SQLite file, demo accounts) in-process on a random port,
 * and Debian's chromium driven by playwright-core. Every e2e file starts one with `startBrowserApp()` in beforeAll
 * and stops it in afterAll; `E2E_SKIP` is true where chromium is not installed.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { openDatabase } from '../../src/server/db/open.ts';
import { seedDemo } from '../../src/server/demo/demo-seed.ts';

export const CHROMIUM = '/usr/bin/chromium';
export const E2E_SKIP = !existsSync(CHROMIUM);
/** The demo accounts' password in e2e runs. */
export const PASSWORD = 'motcua-demo';

export interface BrowserApp {
  app: FastifyInstance;
  base: string;
  /** The run's temporary folder (database, uploaded files). */
  dir: string;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Signs a demo account in through the sign-in screen, then waits for the shell. */
  signIn(username: string, path?: string): Promise<void>;
  close(): Promise<void>;
}

export async function startBrowserApp(env: Record<string, string> = {}): Promise<BrowserApp> {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-e2e-'));
  const config = loadConfig({
    DATABASE_URL: `sqlite:${join(dir, 'e2e.db')}`,
    MOTCUA_DEMO_PASSWORD: PASSWORD,
    MOTCUA_FILES_DIR: join(dir, 'files'),
    ...env,
  });
  const handle = await openDatabase(config);
  await seedDemo(handle.db, PASSWORD);
  const app = await buildApp({ db: handle.db, dialect: handle.dialect, config });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-quic',
      '--disable-sync',
    ],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  return {
    app,
    base,
    dir,
    browser,
    context,
    page,
    async signIn(username, path = '/') {
      await page.goto(`${base}${path}`);
      await page.getByLabel('Tên đăng nhập').fill(username);
      await page.getByLabel('Mật khẩu').fill(PASSWORD);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.waitForSelector('[data-testid=sign-out]');
    },
    async close() {
      await browser.close();
      await app.close();
      await handle.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
