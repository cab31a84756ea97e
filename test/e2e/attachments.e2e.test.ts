/**
 * End-to-end test of the dossier's scanned components, on the shared browser harness (real server in-process,
 * fresh SQLite file, demo accounts, files in the run's folder, chromium) with an upload limit of 1 MB. A counter
 * officer receives a dossier through the API, uploads a PDF from the dossier screen, sees it listed, downloads
 * the same bytes (audited), and is refused a text file named .png, in Vietnamese and in English; a file over the
 * limit is refused in the browser, naming the server's limit, and by the server when the page's limit is stale.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_SKIP, startBrowserApp, type BrowserApp } from '../support/browser.ts';
import { buildIntake } from '../support/dossiers.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const FAKE_PNG = {
  name: 'anh-chup.png',
  mimeType: 'image/png',
  buffer: Buffer.from('this is plain text, not a picture\n'),
};
/** About 1.1 MB: over the 1 MB limit of this run. */
const BIG = {
  name: 'ban-lon.pdf',
  mimeType: 'application/pdf',
  buffer: Buffer.concat([PDF, Buffer.alloc(1_200_000, 0x20)]),
};

/** The upload form's labels in the two languages the test uses. */
const LABELS = {
  vi: {
    component: 'Thành phần hồ sơ',
    other: 'Khác (ghi rõ tên)',
    otherName: 'Tên thành phần khác',
    file: 'Tệp scan',
    upload: 'Tải lên',
  },
  en: {
    component: 'Dossier component',
    other: 'Other (type its name)',
    otherName: 'Name of the other component',
    file: 'Scanned file',
    upload: 'Upload',
  },
};
type Lang = keyof typeof LABELS;
type FilePayload = { name: string; mimeType: string; buffer: Buffer };

describe.skipIf(E2E_SKIP)('scanned attachments (chromium)', () => {
  let run: BrowserApp;
  let page: Page;
  let code = '';

  beforeAll(async () => {
    run = await startBrowserApp({ MOTCUA_MAX_UPLOAD_MB: '1' });
    ({ page } = run);
  }, 90_000);

  afterAll(async () => {
    await run?.close();
  });

  const dossierPath = () => `/ho-so?ma=${encodeURIComponent(code)}`;
  const panel = () => page.getByTestId('attachments');
  const rows = () => panel().locator('tbody tr');
  const fileError = () => panel().locator('[data-path=file] .field-error');
  const uploadButton = (lang: Lang = 'vi') => panel().getByRole('button', { name: LABELS[lang].upload });

  /** Fills the upload form: a component of the procedure (its index in the list) or "other" by name, and a file. */
  async function fillUpload(component: number | string, file: FilePayload, lang: Lang = 'vi') {
    const labels = LABELS[lang];
    const select = panel().getByLabel(labels.component);
    if (typeof component === 'number') await select.selectOption({ index: component });
    else {
      await select.selectOption({ label: labels.other });
      await panel().getByLabel(labels.otherName).fill(component);
    }
    await panel().getByLabel(labels.file).setInputFiles(file);
  }

  it('lets the counter officer receive a dossier and open its (empty) scanned components', async () => {
    await run.signIn('tiepnhan.dilinh');
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
    await page.goto(`${run.base}${dossierPath()}`);
    await expect
      .poll(() => page.locator('#sec-attachments').textContent())
      .toBe('Thành phần hồ sơ đã số hóa');
    await expect.poll(() => panel().textContent()).toContain('Chưa có thành phần nào được số hóa');
    expect(await panel().textContent()).toContain('nhật ký');
    // the procedure's components are offered, then "other"
    const select = panel().getByLabel(LABELS.vi.component);
    await expect.poll(() => select.locator('option').count()).toBeGreaterThan(2);
    expect(await select.locator('option').last().textContent()).toBe(LABELS.vi.other);
  });

  it('checks the type in the browser, naming the field and the file', async () => {
    await fillUpload(1, { name: 'ghi-chu.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    await uploadButton().click();
    await expect.poll(() => fileError().textContent()).toContain('ghi-chu.txt');
    expect(await fileError().textContent()).toMatch(/^Tệp scan: .*PDF, JPEG hoặc PNG/);
    expect(await panel().getByLabel(LABELS.vi.file).getAttribute('aria-invalid')).toBe('true');
    expect(await rows().count()).toBe(0);
  });

  it('uploads a PDF (button disabled meanwhile) and lists it', async () => {
    const select = panel().getByLabel(LABELS.vi.component);
    const component = (await select.locator('option').nth(1).textContent()) ?? '';
    await fillUpload(1, { name: 'to-khai.pdf', mimeType: 'application/pdf', buffer: PDF });
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/attachments?*', async (route) => {
      await held;
      await route.continue();
    });
    const button = uploadButton();
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
    expect(existsSync(join(run.dir, 'files', sha.slice(0, 2), sha))).toBe(true);
  });

  it('downloads the same bytes, and the download is audited', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      rows().first().getByRole('link', { name: 'to-khai.pdf' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('to-khai.pdf');
    const path = await download.path();
    expect(readFileSync(path).equals(PDF)).toBe(true);
    const audit = await run.app.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'dossier.read_attachment')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('shows the server’s refusal of a text file named .png, in the user’s language', async () => {
    await fillUpload('Ảnh chụp sổ hộ khẩu', FAKE_PNG);
    await uploadButton().click();
    await expect.poll(() => fileError().textContent()).toContain('“anh-chup.png”');
    expect(await fileError().textContent()).toMatch(
      /^Không tải lên được tệp “anh-chup.png”: chỉ nhận tệp PDF/,
    );
    expect(await rows().count()).toBe(1);

    await page.locator('#lang').selectOption('en');
    await expect.poll(() => page.locator('#sec-attachments').textContent()).toBe('Scanned components');
    await fillUpload('Household photo', FAKE_PNG, 'en');
    await uploadButton('en').click();
    await expect
      .poll(() => fileError().textContent())
      .toMatch(/^Could not upload “anh-chup.png”: only PDF, JPEG or PNG/);
    await page.locator('#lang').selectOption('vi');
    await expect
      .poll(() => page.locator('#sec-attachments').textContent())
      .toBe('Thành phần hồ sơ đã số hóa');
  });

  it('checks the size against the server’s limit (1 MB) before sending anything', async () => {
    const posts: string[] = [];
    const onRequest = (r: Request) => {
      if (r.method() === 'POST' && r.url().includes('/attachments')) posts.push(r.url());
    };
    page.on('request', onRequest);
    try {
      await expect
        .poll(() => panel().locator('[data-path=file] .hint').textContent())
        .toBe('PDF, JPEG hoặc PNG, tối đa 1 MB.');
      await fillUpload(1, BIG);
      await uploadButton().click();
      await expect
        .poll(() => fileError().textContent())
        .toBe('Tệp scan: tệp “ban-lon.pdf” (1,1 MB) vượt quá 1 MB.');
      expect(await panel().getByLabel(LABELS.vi.file).getAttribute('aria-invalid')).toBe('true');
      expect(posts).toEqual([]);
    } finally {
      page.off('request', onRequest);
    }
  });

  it('shows the server’s own size refusal on the file field when the page’s limit is stale', async () => {
    // a page drawn before the limit was lowered still believes it is 10 MB: the server answers 413
    await page.route('**/attachments', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, json: { ...(await response.json()), maxBytes: 10 * 1_048_576 } });
    });
    await page.reload();
    await expect
      .poll(() => panel().locator('[data-path=file] .hint').textContent())
      .toBe('PDF, JPEG hoặc PNG, tối đa 10 MB.');
    await page.unroute('**/attachments');
    await fillUpload(1, BIG);
    await uploadButton().click();
    await expect
      .poll(() => fileError().textContent())
      .toBe('Không tải lên được tệp “ban-lon.pdf”: Nội dung gửi lên quá lớn');
    expect(await rows().count()).toBe(1);
  });

  it('returns to the sign-in page when the session has expired before an upload', async () => {
    await fillUpload(1, { name: 'to-khai-2.pdf', mimeType: 'application/pdf', buffer: PDF });
    await run.context.clearCookies();
    await uploadButton().click();
    await page.waitForURL(/\/dang-nhap\?expired=1/);
    expect(new URL(page.url()).searchParams.get('next')).toBe(dossierPath());
  });

  it('shows the list without the upload form to the province supervisor, nothing to another commune', async () => {
    await run.signIn('tinh.lamdong', dossierPath());
    await expect.poll(() => rows().count()).toBe(1);
    expect(await panel().locator('form').count()).toBe(0);
    await run.switchUser('tiepnhan.giahiep', dossierPath());
    await page.waitForSelector('main .alert-error');
    expect(await panel().count()).toBe(0);
  });
});
