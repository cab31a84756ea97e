/**
 * The citizens' pages on a phone-size screen (390×844, docs/PORTAL.md): a citizen picks the commune, finds a
 * procedure by a search without diacritics, opens it (with the blank form an administrator attached), submits online
 * with a file, looks the dossier up, rates it once it is delivered (the officers advance it through the API), gives
 * feedback and tracks it. And the weight of the first page: HTML, JS and CSS under 100 KB gzip together.
 */
import { gzipSync } from 'node:zlib';
import type { APIRequestContext, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_SKIP, postOk, startBrowserApp, type BrowserApp } from '../support/browser.ts';

const PROCEDURE = 'Thủ tục cấp Giấy xác nhận tình trạng hôn nhân';
const COMPONENT = 'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân theo mẫu';
const PDF = Buffer.concat([
  Buffer.from('%PDF-1.4\n'),
  Buffer.alloc(600 * 1024, 0x20),
  Buffer.from('\n%%EOF\n'),
]);
const BLANK_FORM = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe.skipIf(E2E_SKIP)('citizens’ pages on a phone (chromium)', () => {
  let run: BrowserApp;
  let phone: BrowserContext;
  let page: Page;
  let base: string;
  let code = '';

  beforeAll(async () => {
    run = await startBrowserApp();
    base = run.base;
    phone = await run.browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    page = await phone.newPage();
    page.setDefaultTimeout(10_000);
    // the system administrator attaches the blank form on the officers' catalog screen
    await run.signIn('admin', '/thu-tuc?code=1.004873');
    await run.page
      .locator('li', { hasText: COMPONENT })
      .getByLabel('Gắn mẫu đơn (PDF, JPG, PNG):')
      .setInputFiles({ name: 'mau-to-khai.pdf', mimeType: 'application/pdf', buffer: BLANK_FORM });
    await run.page.getByText('Đã gắn mẫu đơn “mau-to-khai.pdf”', { exact: false }).waitFor();
    await run.signOut();
  }, 90_000);

  afterAll(async () => {
    await phone?.close();
    await run?.close();
  });

  it('weighs under 100 KB gzip on the first page, and loads nothing of the officers’ app', async () => {
    const fresh = await run.browser.newContext({ viewport: { width: 390, height: 844 } });
    const first = await fresh.newPage();
    const urls = new Set<string>();
    first.on('request', (r) => {
      const url = new URL(r.url());
      if (!url.pathname.startsWith('/api/')) urls.add(url.pathname);
    });
    await first.goto(`${base}/cong-dan`);
    await first.getByLabel('Chọn xã, phường của ông/bà').waitFor();
    await first.waitForLoadState('networkidle');
    await fresh.close();
    let total = 0;
    for (const path of urls) {
      const res = await fetch(`${base}${path}`, { headers: { 'accept-encoding': 'gzip' } });
      expect(res.status, path).toBe(200);
      const type = res.headers.get('content-type') ?? '';
      expect(type, path).toMatch(/html|javascript|css/);
      // fetch inflates the body: gzip it again the way the server does (level 9) to count what travels
      total += gzipSync(Buffer.from(await res.arrayBuffer()), { level: 9 }).length;
    }
    expect([...urls]).toContain('/portal.js');
    expect([...urls].filter((u) => u === '/app.js' || u.startsWith('/views/queue'))).toEqual([]);
    expect(total).toBeGreaterThan(10_000); // the page, its modules and styles were all counted
    expect(total).toBeLessThan(100 * 1024);
  });

  it('finds a procedure by a search without diacritics and shows its page with the blank form', async () => {
    await page.goto(`${base}/cong-dan`);
    await page.getByLabel('Chọn xã, phường của ông/bà').fill('di linh');
    await page.getByRole('button', { name: 'Tìm' }).click();
    await page.getByRole('button', { name: /^Xã Di Linh/ }).click();
    await expect.poll(() => page.getByTestId('catalog-commune').textContent()).toBe('Xã Di Linh');
    await page.getByLabel('Tìm thủ tục').fill('xac nhan tinh trang hon nhan');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await page.getByRole('link', { name: PROCEDURE }).click();
    await expect.poll(() => page.getByTestId('procedure-name').textContent()).toBe(PROCEDURE);
    const form = page.getByTestId('template-link');
    expect(await form.textContent()).toBe('Mẫu đơn');
    const download = await page.request.get(`${base}${await form.getAttribute('href')}`);
    expect(Buffer.from(await download.body()).equals(BLANK_FORM)).toBe(true);
    // the commune is remembered: a new visit opens on it
    await page.goto(`${base}/cong-dan`);
    await expect.poll(() => page.getByTestId('catalog-commune').textContent()).toBe('Xã Di Linh');
  });

  it('submits online with a file, uploaded in chunks, resuming after the link drops', async () => {
    await page.goto(`${base}/cong-dan/thu-tuc?xa=25000&ma=1.004873`);
    await page.getByTestId('submit-online').click();
    await page.getByLabel('Họ và tên').fill('Nguyễn Thị Hoa');
    await page.getByLabel('Số CCCD').fill('068190001234');
    await page.getByLabel('Số điện thoại').fill('0912345678');
    // the link drops on the second chunk: the request never reaches the server
    let cut = 0;
    const chunks: string[] = [];
    await page.route('**/api/public/uploads/*', async (route) => {
      const req = route.request();
      if (req.method() === 'PUT') {
        chunks.push(String(req.headers()['content-range']));
        if (chunks.length === 2 && cut === 0) {
          cut += 1;
          return route.abort('connectionreset');
        }
      }
      return route.continue();
    });
    await page
      .getByLabel(COMPONENT)
      .setInputFiles({ name: 'to-khai.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByText('Đã tải lên “to-khai.pdf”.').waitFor({ timeout: 30_000 });
    await page.unroute('**/api/public/uploads/*');
    // the chunk that was cut was sent again from the offset the server had
    const size = PDF.length;
    expect(chunks.slice(0, 3)).toEqual([
      `bytes 0-262143/${size}`,
      `bytes 262144-524287/${size}`,
      `bytes 262144-524287/${size}`,
    ]);
    expect(cut).toBe(1);
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    code = String(await page.getByTestId('dossier-code').textContent());
    expect(code).toMatch(/25000-\d{6}-\d{4}$/);
    const counter = await run.apiAs('tiepnhan.dilinh');
    const files = await (await counter.get(`/api/dossiers/${encodeURIComponent(code)}/attachments`)).json();
    expect(files.items).toMatchObject([
      { fileName: 'to-khai.pdf', size: PDF.length, mediaType: 'application/pdf' },
    ]);
  });

  /** Advances the dossier as the officers do, to delivered. */
  async function deliver(dossier: string) {
    const act = (who: APIRequestContext, body: object) =>
      postOk(who, `/api/dossiers/${encodeURIComponent(dossier)}/actions`, body);
    const counter = await run.apiAs('tiepnhan.dilinh');
    const specialist = await run.apiAs('chuyenvien.dilinh');
    const leader = await run.apiAs('lanhdao.dilinh');
    await act(counter, { type: 'accept_online' });
    await act(leader, { type: 'assign', assignee: 'chuyenvien.dilinh' });
    await act(specialist, { type: 'submit_for_approval' });
    await act(leader, { type: 'approve' });
    await act(counter, { type: 'deliver', deliveryMethod: 'online' });
  }

  it('looks the dossier up, and rates it once after delivery', async () => {
    expect(code).not.toBe('');
    await page.goto(`${base}/cong-dan/tra-cuu?code=${encodeURIComponent(code)}`);
    await page.getByLabel('4 chữ số cuối của số điện thoại').fill('5678');
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await expect.poll(() => page.getByTestId('lookup-name').textContent()).toBe('Nguyễn T*** H***');
    expect(await page.getByTestId('rating-form').count()).toBe(0);

    await deliver(code);
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await page.getByTestId('rating-form').waitFor();
    await page.getByRole('radio', { name: /4/ }).check();
    await page.getByLabel('Góp ý (không bắt buộc)').fill('Cán bộ hướng dẫn tận tình');
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await page.getByTestId('rating-done').waitFor();
    // once: the next lookup offers no form
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await page.getByTestId('lookup-status').waitFor();
    expect(await page.getByTestId('rating-form').count()).toBe(0);
  });

  it('gives feedback on the procedure and tracks it by its code', async () => {
    await page.goto(`${base}/cong-dan/thu-tuc?xa=25000&ma=1.004873`);
    await page.getByRole('link', { name: 'Phản ánh, kiến nghị về thủ tục này' }).click();
    await page.getByTestId('feedback-procedure').waitFor();
    await page.getByLabel('Tóm tắt nội dung').fill('Hướng dẫn chưa rõ');
    await page
      .getByLabel('Nội dung phản ánh, kiến nghị')
      .fill('Trang thủ tục chưa ghi rõ cần mang giấy tờ gì.');
    await page.getByLabel('Họ và tên').fill('Phạm Văn Nam');
    await page.getByLabel('Số điện thoại').fill('0987654321');
    await page.getByRole('button', { name: 'Gửi phản ánh' }).click();
    const tracking = String(await page.getByTestId('feedback-code').textContent());
    expect(tracking).toContain('.DT-');
    await page
      .getByTestId('feedback-done')
      .getByRole('link', { name: 'Theo dõi phản ánh, kiến nghị' })
      .click();
    await page.getByLabel('4 chữ số cuối của số điện thoại').fill('4321');
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await expect.poll(() => page.getByTestId('feedback-status').textContent()).toBe('Đã tiếp nhận');
    expect(await page.locator('main').textContent()).not.toContain('Phạm Văn Nam');
  });
});
