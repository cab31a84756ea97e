/**
 * The browser end-to-end harness: the real server (fresh SQLite file, demo accounts) in-process on a random port,
 * and Debian's chromium driven by playwright-core. Every e2e file starts one with `startBrowserApp()` in beforeAll
 * and stops it in afterAll; `E2E_SKIP` is true where chromium is not installed. Data a test needs beforehand is
 * made through the API, signed in as a demo account (`apiAs`, `postOk`, `receiveDossier`, `assignTask`).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import {
  chromium,
  request,
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from 'playwright-core';
import { expect } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { openDatabase } from '../../src/server/bootstrap.ts';
import { systemClock } from '../../src/server/platform/clock.ts';
import { seedDemo } from '../../src/server/demo/demo-seed.ts';
import type { ResultSigning } from '../../src/server/results/result.signing.ts';

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
  /** Signs out through the top bar and waits for the sign-in screen. */
  signOut(): Promise<void>;
  /** Signs out, then signs `username` in at `path`. */
  switchUser(username: string, path: string): Promise<void>;
  /** On a record's page: opens an action's form, fills its fields (by label) and confirms; the form. */
  act(type: string, fill?: Record<string, string>): Promise<Locator>;
  /** A request context signed in as a demo account through the API (session cookie, CSRF token on writes). */
  apiAs(username: string): Promise<APIRequestContext>;
  /** Makes a task overdue in the database: its time an hour ago. */
  makeTaskOverdue(id: string): Promise<void>;
  close(): Promise<void>;
}

/** What the API answers for a created dossier, petition or task (the fields the tests use). */
export interface Created {
  code: string;
  id: string;
}

/** POSTs `body` as JSON and expects the server to accept it; its answer. */
export async function postOk(api: APIRequestContext, path: string, body: object): Promise<Created> {
  const res = await api.post(path, { data: body });
  const json = (await res.json()) as Created;
  expect(res.status(), `${path}: ${JSON.stringify(json)}`).toBeLessThan(300);
  return json;
}

/** A dossier received at the counter (procedure 1.001193; CCCD 068090001234 = Lâm Đồng). */
export function receiveDossier(counter: APIRequestContext, o: { channel?: string; name?: string } = {}) {
  return postOk(counter, '/api/dossiers', {
    procedureCode: '1.001193',
    channel: o.channel ?? 'direct',
    applicant: { kind: 'person', name: o.name ?? 'Lê Văn Cường', idNumber: '068090001234' },
    decision: 'receive',
  });
}

/** A leader's task with all six clear elements, given as a number of working days (Di Linh's specialist). */
export function assignTask(leader: APIRequestContext, o: { work: string } & Record<string, unknown>) {
  return postOk(leader, '/api/tasks', {
    assignee: 'chuyenvien.dilinh',
    limit: { value: 3, unit: 'working_day' },
    responsibility: 'Số liệu đầy đủ, chính xác',
    product: 'Báo cáo bằng văn bản',
    authority: 'Kế hoạch của Ủy ban nhân dân xã',
    ...o,
  });
}

/** A timeline on the page (`data-testid`): each step's type, in order, and all its text. */
export async function readTimeline(page: Page, testId: string) {
  const list = page.getByTestId(testId);
  const steps = await list.locator('> li').evaluateAll((li) => li.map((x) => x.getAttribute('data-type')));
  return { steps, text: (await list.textContent()) ?? '' };
}

const pad = (n: number) => String(n).padStart(2, '0');
/** A day as the screens show it (dd/MM/yyyy in UTC+7), `days` days after now (before it when negative). */
export function shownDate(days = 0): string {
  const d = new Date(Date.now() + days * 86_400_000 + 7 * 3_600_000);
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

export async function startBrowserApp(
  env: Record<string, string> = {},
  options: { signing?: ResultSigning } = {},
): Promise<BrowserApp> {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-e2e-'));
  const config = loadConfig({
    DATABASE_URL: `sqlite:${join(dir, 'e2e.db')}`,
    MOTCUA_DEMO_PASSWORD: PASSWORD,
    MOTCUA_FILES_DIR: join(dir, 'files'),
    ...env,
  });
  // The browser keeps the machine's time, so the server it talks to does too (under faketime, both move).
  const handle = await openDatabase(config, { clock: systemClock });
  await seedDemo(handle.db, PASSWORD, systemClock.now());
  const app = await buildApp({
    db: handle.db,
    dialect: handle.dialect,
    config,
    clock: systemClock,
    signing: options.signing,
  });
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
  const apis: APIRequestContext[] = [];
  const run: BrowserApp = {
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
    async signOut() {
      await page.getByTestId('sign-out').click();
      await page.waitForURL(`${base}/dang-nhap`);
    },
    async switchUser(username, path) {
      await run.signOut();
      await run.signIn(username, path);
    },
    async act(type, fill = {}) {
      await page.locator(`button[data-action=${type}]`).click();
      const form = page.locator(`form[data-action=${type}]`);
      for (const [label, value] of Object.entries(fill)) await form.getByLabel(label).fill(value);
      await form.getByRole('button', { name: 'Xác nhận' }).click();
      return form;
    },
    async apiAs(username) {
      const login = await request.newContext({ baseURL: base });
      const res = await login.post('/api/auth/login', { data: { username, password: PASSWORD } });
      expect(res.status()).toBe(200);
      const { csrfToken } = (await res.json()) as { csrfToken: string };
      const api = await request.newContext({
        baseURL: base,
        storageState: await login.storageState(),
        extraHTTPHeaders: { 'x-csrf-token': csrfToken },
      });
      await login.dispose();
      apis.push(api);
      return api;
    },
    async makeTaskOverdue(id) {
      await handle.db
        .updateTable('tasks')
        .set({ due_at: Date.now() - 3_600_000 })
        .where('id', '=', id)
        .execute();
    },
    async close() {
      for (const api of apis) await api.dispose();
      await browser.close();
      await app.close();
      await handle.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return run;
}
