/**
 * `npm run screenshots`: the documentation's screenshots (docs/screenshots/*.png, linked from README.md and
 * docs/UI.md), taken by Debian's chromium through playwright-core from the demo on a temporary SQLite file.
 * Deterministic: the server's clock and the browser's are fixed (Tuesday 8 December 2026, 09:30 in Vietnam), the
 * demo's history comes from its seeded generator, the few records the pictures need are made here through the API,
 * animations are off and the caret hidden. Each picture is the viewport (1366×768, the commune PC; 390×844, a
 * phone), PNG; the script fails if one is larger than 200 KB.
 *
 *   npm run screenshots            # every picture
 *   npm run screenshots -- routing # the pictures whose name contains "routing"
 */
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  chromium,
  request,
  type APIRequestContext,
  type APIResponse,
  type BrowserContext,
  type Page,
} from 'playwright-core';
import { buildApp } from '../src/server/app.ts';
import { openDatabase } from '../src/server/bootstrap.ts';
import { loadConfig } from '../src/server/config.ts';
import { seedDemoActivity } from '../src/server/demo/demo-activity.ts';
import { seedDemo } from '../src/server/demo/demo-seed.ts';
import { manualClock } from '../src/server/platform/clock.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUT = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
const PASSWORD = 'motcua-demo';
/** Tuesday 8 December 2026, 09:30 in Vietnam: a working morning. */
const NOW = Date.parse('2026-12-08T09:30:00+07:00');
const MAX_BYTES = 200 * 1024;
const PC = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };

interface Shot {
  name: string;
  viewport: { width: number; height: number };
  /** Signed in as (none: the public pages). */
  user?: string;
  take(page: Page, data: ShotData): Promise<void>;
}

interface ShotData {
  base: string;
  online: string;
  approval: string;
  lookup: { code: string; verify: string };
}

const SHOTS: Shot[] = [
  {
    name: 'counter-queue-online',
    viewport: PC,
    user: 'tiepnhan.dilinh',
    async take(page) {
      await page.locator('nav.tabs a[aria-current=page][data-tab=awaiting_acceptance]').waitFor();
      await page.locator('.queue-table tbody tr').first().waitFor();
    },
  },
  {
    name: 'dossier-next-step',
    viewport: PC,
    user: 'tiepnhan.dilinh',
    async take(page, d) {
      await page.goto(`${d.base}/ho-so/${encodeURIComponent(d.online)}`);
      await page.getByTestId('next-step').waitFor();
      await page.locator('button[data-action=accept_online]').waitFor();
    },
  },
  {
    name: 'leader-approval',
    viewport: PC,
    user: 'lanhdao.dilinh',
    async take(page, d) {
      await page.goto(`${d.base}/ho-so/${encodeURIComponent(d.approval)}`);
      await page.locator('button[data-action=approve]').waitFor();
      await page.getByText('Đề xuất: cấp giấy xác nhận').first().waitFor();
    },
  },
  {
    name: 'routing-rules',
    viewport: PC,
    user: 'lanhdao.dilinh',
    async take(page, d) {
      await page.goto(`${d.base}/luong-xu-ly`);
      await page.locator('.routing-table tbody tr').first().waitFor();
    },
  },
  {
    name: 'leave',
    viewport: PC,
    user: 'lanhdao.dilinh',
    async take(page, d) {
      await page.goto(`${d.base}/nghi-phep`);
      await page.locator('.leave-card').first().waitFor();
    },
  },
  {
    name: 'province-overview',
    viewport: PC,
    user: 'tinh.lamdong',
    async take(page) {
      await page.waitForURL(/\/tong-quan/);
      await page.locator('main h1').waitFor();
      await page.waitForLoadState('networkidle');
    },
  },
  {
    name: 'citizen-lookup',
    viewport: PC,
    async take(page, d) {
      await page.goto(`${d.base}/tra-cuu?code=${encodeURIComponent(d.lookup.code)}`);
      await page.getByLabel('4 chữ số cuối của số điện thoại').fill(d.lookup.verify);
      await page.getByRole('button', { name: 'Tra cứu' }).click();
      await page.getByTestId('lookup-status').waitFor();
    },
  },
  {
    name: 'phone-counter-queue',
    viewport: PHONE,
    user: 'tiepnhan.dilinh',
    async take(page) {
      await page.locator('nav.tabs a[aria-current=page]').waitFor();
      await page.locator('.queue-table tbody tr, .queue-list li').first().waitFor();
    },
  },
  {
    name: 'phone-intake',
    viewport: PHONE,
    user: 'tiepnhan.dilinh',
    async take(page, d) {
      await page.goto(`${d.base}/tiep-nhan`);
      await page.locator('#proc-q').fill('2.000815');
      const first = page.locator('#proc-results .proc-item', { hasText: '2.000815' }).first();
      await first.click();
      const name = page.locator('[name="applicant.name"]');
      await name.fill('Nguyễn Văn An');
      // The applicant's part of the form, as the officer sees it after choosing the procedure.
      await name.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    },
  },
];

async function apiAs(base: string, username: string): Promise<APIRequestContext> {
  const login = await request.newContext({ baseURL: base });
  const res = await login.post('/api/auth/login', { data: { username, password: PASSWORD } });
  if (res.status() !== 200) throw new Error(`sign-in of ${username}: ${res.status()}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const api = await request.newContext({
    baseURL: base,
    storageState: await login.storageState(),
    extraHTTPHeaders: { 'x-csrf-token': csrfToken },
  });
  await login.dispose();
  return api;
}

async function ok<T>(what: string, res: Promise<APIResponse>): Promise<T> {
  const r = await res;
  if (r.status() >= 300) throw new Error(`${what}: ${r.status()} ${await r.text()}`);
  return (await r.json()) as T;
}

/** The records the pictures show, beyond the demo's history. */
async function prepare(base: string): Promise<ShotData> {
  const citizen = await request.newContext({ baseURL: base });
  const online = await ok<{ code: string }>(
    'online submission',
    citizen.post('/api/public/dossiers', {
      data: {
        unitCode: '25000',
        procedureCode: '1.004873',
        applicant: {
          kind: 'person',
          name: 'Nguyễn Thị Mai',
          idNumber: '068190001234',
          phone: '0987650011',
          email: 'mai@example.vn',
        },
      },
    }),
  );
  await citizen.dispose();
  const counter = await apiAs(base, 'tiepnhan.dilinh');
  const leader = await apiAs(base, 'lanhdao.dilinh');
  const specialist = await apiAs(base, 'chuyenvien.dilinh');
  const received = await ok<{ code: string }>(
    'intake',
    counter.post('/api/dossiers', {
      data: {
        procedureCode: '1.004873',
        channel: 'direct',
        applicant: {
          kind: 'person',
          name: 'Trần Văn Bình',
          idNumber: '068090004321',
          phone: '0912345678',
        },
        decision: 'receive',
      },
    }),
  );
  const act = (api: APIRequestContext, body: object) =>
    ok(
      `action on ${received.code}`,
      api.post(`/api/dossiers/${encodeURIComponent(received.code)}/actions`, { data: body }),
    );
  await act(leader, { type: 'assign', assignee: 'chuyenvien.dilinh' });
  await act(specialist, {
    type: 'submit_for_approval',
    note: 'Đề xuất: cấp giấy xác nhận tình trạng hôn nhân; đã đối chiếu cơ sở dữ liệu hộ tịch, không có đăng ký kết hôn.',
  });
  for (const [code, rule] of [
    [
      '2.000815',
      { mode: 'counter', counterSigns: true, authorisationRef: 'Quyết định 15/QĐ-UBND ngày 03/11/2025' },
    ],
    ['1.004873', { mode: 'auto_assign', counterSigns: false, authorisationRef: null }],
  ] as const)
    await ok(`routing ${code}`, leader.put(`/api/routing-rules/${code}`, { data: rule }));
  await ok(
    'leave',
    leader.put('/api/users/tiepnhan.dilinh/leave', { data: { from: '2026-12-21', until: '2026-12-23' } }),
  );
  for (const api of [counter, leader, specialist]) await api.dispose();
  return {
    base,
    online: online.code,
    approval: received.code,
    lookup: { code: received.code, verify: '5678' },
  };
}

async function signIn(page: Page, base: string, username: string) {
  await page.goto(`${base}/dang-nhap`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForSelector('[data-testid=sign-out]');
}

async function main(): Promise<void> {
  const only = process.argv[2];
  const dir = mkdtempSync(join(tmpdir(), 'motcua-shots-'));
  const clock = manualClock(NOW);
  const config = loadConfig({
    DATABASE_URL: `sqlite:${join(dir, 'demo.db')}`,
    MOTCUA_DEMO_PASSWORD: PASSWORD,
    MOTCUA_FILES_DIR: join(dir, 'files'),
    MOTCUA_PUBLIC_URL: 'https://motcua.lamdong.gov.vn',
  });
  const handle = await openDatabase(config, { clock });
  await seedDemo(handle.db, PASSWORD, NOW);
  await seedDemoActivity(handle.db, config.MOTCUA_AGENCY_FALLBACK_PREFIX, NOW);
  const app = await buildApp({ db: handle.db, dialect: handle.dialect, config, clock });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  const sizes: string[] = [];
  try {
    const data = await prepare(base);
    mkdirSync(OUT, { recursive: true });
    for (const shot of SHOTS.filter((s) => !only || s.name.includes(only))) {
      const context: BrowserContext = await browser.newContext({
        viewport: shot.viewport,
        deviceScaleFactor: 1,
        locale: 'vi-VN',
        timezoneId: 'Asia/Ho_Chi_Minh',
        reducedMotion: 'reduce',
      });
      await context.clock.setFixedTime(NOW);
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      if (shot.user) await signIn(page, base, shot.user);
      await page.mouse.move(0, 0); // off the sign-in button, which lies over the next screen's rows
      await shot.take(page, data);
      // Counts, the bell and the fonts arrive after the first paint: the picture waits for all of them.
      await page.waitForLoadState('networkidle');
      await page.evaluate(() => document.fonts.ready);
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(null))));
      const file = join(OUT, `${shot.name}.png`);
      await page.screenshot({ path: file, animations: 'disabled', caret: 'hide', scale: 'css' });
      await context.close();
      const bytes = statSync(file).size;
      sizes.push(`${shot.name}.png ${(bytes / 1024).toFixed(0)} KB`);
      if (bytes > MAX_BYTES) throw new Error(`${file} is ${bytes} bytes, above ${MAX_BYTES}`);
    }
  } finally {
    await browser.close();
    await app.close();
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
  process.stdout.write(`${sizes.join('\n')}\n`);
}

await main();
