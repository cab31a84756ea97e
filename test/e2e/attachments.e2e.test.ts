/**
 * End-to-end test of the dossier's scanned components: the real server (fresh SQLite file, demo accounts, files
 * in a temporary folder) in-process on a random port, driven through Debian's chromium with playwright-core.
 * A counter officer receives a dossier through the API, uploads a PDF from the dossier screen, sees it listed,
 * downloads the same bytes (audited), and is refused a text file named .png, in Vietnamese and in English.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import type { Database } from '../../src/server/db/schema.ts';
import { openDatabase } from '../../src/server/db/open.ts';
import { seedDemo } from '../../src/server/demo/demo-seed.ts';
import { buildIntake } from '../support/dossiers.ts';

const CHROMIUM = '/usr/bin/chromium';
const PASSWORD = 'motcua-demo';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const FAKE_PNG = Buffer.from('this is plain text, not a picture\n');

describe.skipIf(!existsSync(CHROMIUM))('scanned attachments (chromium)', () => {
  let dir: string;
  let app: FastifyInstance;
  let db: Kysely<Database>;
  let closeDb: () => Promise<void>;
  let browser: Browser;
  let page: Page;
  let base: string;
  let code = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'motcua-e2e-att-'));
    const config = loadConfig({
      DATABASE_URL: `sqlite:${join(dir, 'e2e.db')}`,
      MOTCUA_DEMO_PASSWORD: PASSWORD,
      MOTCUA_FILES_DIR: join(dir, 'files'),
      MOTCUA_MAX_UPLOAD_MB: '1', // below the browser's own 10 MB check, so the server's 413 is shown
    });
    const handle = await openDatabase(config);
    db = handle.db;
    closeDb = () => handle.close();
    await seedDemo(handle.db, PASSWORD);
    app = await buildApp({ db: handle.db, dialect: handle.dialect, config });
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
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
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await closeDb?.();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function signIn(p: Page, username: string, path = '/') {
    await p.goto(`${base}${path}`);
    await p.getByLabel('Tên đăng nhập').fill(username);
    await p.getByLabel('Mật khẩu').fill(PASSWORD);
    await p.getByRole('button', { name: 'Đăng nhập' }).click();
    await p.waitForSelector('[data-testid=sign-out]');
  }

  const panel = () => page.getByTestId('attachments');
  const rows = () => panel().locator('tbody tr');
  const fileError = () => panel().locator('[data-path=file] .field-error');

  it('lets the counter officer receive a dossier and open its (empty) scanned components', async () => {
    await signIn(page, 'tiepnhan.dilinh');
    const res = await page.evaluate(async (body) => {
      const r = await fetch('/api/dossiers', {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-CSRF-Token': sessionStorage.getItem('motcua.csrf') ?? '',
        },
        body: JSON.stringify(body),
      });
      return { status: r.status, body: (await r.json()) as { code: string } };
    }, buildIntake());
    expect(res.status).toBe(201);
    code = res.body.code;
    await page.goto(`${base}/ho-so?ma=${encodeURIComponent(code)}`);
    await expect
      .poll(() => page.locator('#sec-attachments').textContent())
      .toBe('Thành phần hồ sơ đã số hóa');
    await expect.poll(() => panel().textContent()).toContain('Chưa có thành phần nào được số hóa');
    expect(await panel().textContent()).toContain('nhật ký');
    // the procedure's components are offered, then "other"
    const select = panel().getByLabel('Thành phần hồ sơ');
    await expect.poll(() => select.locator('option').count()).toBeGreaterThan(2);
    expect(await select.locator('option').last().textContent()).toBe('Khác (ghi rõ tên)');
  });

  it('checks the type in the browser, naming the field and the file', async () => {
    const select = panel().getByLabel('Thành phần hồ sơ');
    await select.selectOption({ index: 1 });
    await panel()
      .getByLabel('Tệp scan')
      .setInputFiles({ name: 'ghi-chu.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    await panel().getByRole('button', { name: 'Tải lên' }).click();
    await expect.poll(() => fileError().textContent()).toContain('ghi-chu.txt');
    expect(await fileError().textContent()).toMatch(/^Tệp scan: .*PDF, JPEG hoặc PNG/);
    expect(await panel().getByLabel('Tệp scan').getAttribute('aria-invalid')).toBe('true');
    expect(await rows().count()).toBe(0);
  });

  it('uploads a PDF (button disabled meanwhile) and lists it', async () => {
    const select = panel().getByLabel('Thành phần hồ sơ');
    const component = (await select.locator('option').nth(1).textContent()) ?? '';
    await select.selectOption({ index: 1 });
    await panel()
      .getByLabel('Tệp scan')
      .setInputFiles({ name: 'to-khai.pdf', mimeType: 'application/pdf', buffer: PDF });
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/attachments?*', async (route) => {
      await held;
      await route.continue();
    });
    const button = panel().getByRole('button', { name: 'Tải lên' });
    await button.click();
    await expect.poll(() => button.isDisabled()).toBe(true);
    release();
    await expect.poll(() => rows().count()).toBe(1);
    await page.unroute('**/attachments?*');
    expect(await button.isDisabled()).toBe(false);
    const row = rows().first();
    const cells = await row.locator('td').allTextContents();
    const sha = createHash('sha256').update(PDF).digest('hex');
    expect(cells[0]).toBe(component);
    expect(cells[1]?.trim()).toBe('to-khai.pdf');
    expect(cells[2]).toBe('0,1 KB');
    expect(cells[3]).toBe('PDF');
    expect(cells[4]).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    expect(cells[5]).toBe('tiepnhan.dilinh');
    expect(cells[6]).toBe(`${sha.slice(0, 12)}…`);
    expect(await row.locator('code').getAttribute('title')).toBe(sha);
    expect(existsSync(join(dir, 'files', sha.slice(0, 2), sha))).toBe(true);
  });

  it('downloads the same bytes, and the download is audited', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      rows().first().getByRole('link', { name: 'to-khai.pdf' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('to-khai.pdf');
    const path = await download.path();
    expect(readFileSync(path).equals(PDF)).toBe(true);
    const audit = await db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'dossier.read_attachment')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('shows the server’s refusal of a text file named .png, in the user’s language', async () => {
    const select = panel().getByLabel('Thành phần hồ sơ');
    await select.selectOption({ label: 'Khác (ghi rõ tên)' });
    await panel().getByLabel('Tên thành phần khác').fill('Ảnh chụp sổ hộ khẩu');
    await panel()
      .getByLabel('Tệp scan')
      .setInputFiles({ name: 'anh-chup.png', mimeType: 'image/png', buffer: FAKE_PNG });
    await panel().getByRole('button', { name: 'Tải lên' }).click();
    await expect.poll(() => fileError().textContent()).toContain('“anh-chup.png”');
    expect(await fileError().textContent()).toMatch(
      /^Không tải lên được tệp “anh-chup.png”: chỉ nhận tệp PDF/,
    );
    expect(await rows().count()).toBe(1);

    await page.locator('#lang').selectOption('en');
    await expect.poll(() => page.locator('#sec-attachments').textContent()).toBe('Scanned components');
    await panel().getByLabel('Dossier component').selectOption({ label: 'Other (type its name)' });
    await panel().getByLabel('Name of the other component').fill('Household photo');
    await panel()
      .getByLabel('Scanned file')
      .setInputFiles({ name: 'anh-chup.png', mimeType: 'image/png', buffer: FAKE_PNG });
    await panel().getByRole('button', { name: 'Upload' }).click();
    await expect
      .poll(() => fileError().textContent())
      .toMatch(/^Could not upload “anh-chup.png”: only PDF, JPEG or PNG/);
    await page.locator('#lang').selectOption('vi');
    await expect
      .poll(() => page.locator('#sec-attachments').textContent())
      .toBe('Thành phần hồ sơ đã số hóa');
  });

  it('shows the server’s size limit on the file field', async () => {
    await panel().getByLabel('Thành phần hồ sơ').selectOption({ index: 1 });
    const big = Buffer.concat([PDF, Buffer.alloc(1_200_000, 0x20)]);
    await panel()
      .getByLabel('Tệp scan')
      .setInputFiles({ name: 'ban-lon.pdf', mimeType: 'application/pdf', buffer: big });
    await panel().getByRole('button', { name: 'Tải lên' }).click();
    await expect
      .poll(() => fileError().textContent())
      .toBe('Không tải lên được tệp “ban-lon.pdf”: Nội dung gửi lên quá lớn');
    expect(await rows().count()).toBe(1);
  });

  it('shows the list without the upload form to the province supervisor, nothing to another commune', async () => {
    const visitor = await browser.newContext();
    const p = await visitor.newPage();
    p.setDefaultTimeout(10_000);
    await signIn(p, 'tinh.lamdong', `/ho-so?ma=${encodeURIComponent(code)}`);
    const list = p.getByTestId('attachments');
    await expect.poll(() => list.locator('tbody tr').count()).toBe(1);
    expect(await list.locator('form').count()).toBe(0);
    await p.getByTestId('sign-out').click();
    await p.waitForURL(`${base}/dang-nhap`);
    await signIn(p, 'tiepnhan.giahiep', `/ho-so?ma=${encodeURIComponent(code)}`);
    await p.waitForSelector('main .alert-error');
    expect(await p.getByTestId('attachments').count()).toBe(0);
    await visitor.close();
  });
});
