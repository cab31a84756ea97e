/**
 * End-to-end test of the browser app: the real server (fresh SQLite file, demo accounts) in-process on a random
 * port, driven through Debian's chromium with playwright-core. One browser, the steps of a working day in order:
 * intake at the counter (with a bad CCCD first and a lost response on the way), the queue, the dossier, the
 * leader's assignment, the three languages, the public lookup.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_SKIP, startBrowserApp, type BrowserApp } from '../support/browser.ts';

const CODE_RE = /^[\w.]+-\d{6}-\d{4,5}$/;

describe.skipIf(E2E_SKIP)('web app (chromium)', () => {
  let run: BrowserApp;
  let browser: Browser;
  let page: Page;
  let base: string;
  /** The dossier received in the intake step, used by the later steps. */
  let code = '';

  beforeAll(async () => {
    run = await startBrowserApp();
    ({ browser, page, base } = run);
  }, 90_000);

  afterAll(async () => {
    await run?.close();
  });

  const signIn = (username: string, path = '/') => run.signIn(username, path);

  async function startIntake() {
    await page.getByRole('link', { name: 'Tiếp nhận hồ sơ mới' }).click();
    await page.getByLabel('Tìm thủ tục').fill('khai sinh');
    await page.locator('.proc-item', { hasText: '1.001193' }).click();
    await expect.poll(() => page.locator('.proc-summary').textContent()).toContain('1.001193');
  }

  it('signs the counter officer in and shows the centre in the top bar', async () => {
    await signIn('tiepnhan.dilinh');
    expect(page.url()).toBe(`${base}/`);
    await expect
      .poll(() => page.getByTestId('centre-name').textContent())
      .toBe('Trung tâm Phục vụ hành chính công xã Di Linh');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Hồ sơ');
  });

  it('shows the server’s CCCD error next to the field', async () => {
    await startIntake();
    await page.getByLabel('Họ và tên').fill('Phạm Thị Hoa');
    await page.getByLabel('Số CCCD / định danh cá nhân').fill('999190001234');
    await page.getByRole('button', { name: 'Tiếp nhận và cấp mã hồ sơ' }).click();
    const error = page.locator('[data-path="applicant.idNumber"] .field-error');
    await expect.poll(() => error.isVisible()).toBe(true);
    expect(await error.textContent()).toMatch(/tỉnh|province/i);
    expect(await page.getByLabel('Số CCCD / định danh cá nhân').getAttribute('aria-invalid')).toBe('true');
    // the unticked required components are marked too
    expect(await page.locator('.checklist li.invalid').count()).toBeGreaterThan(0);
  });

  it('receives the dossier once even when the first response is lost', async () => {
    await page.getByLabel('Số CCCD / định danh cá nhân').fill('068190001234');
    await page.getByLabel('Ngày sinh').fill('12/03/1990');
    await page.getByLabel('Giới tính').selectOption('female');
    for (const box of await page.locator('.checklist input[type=checkbox]').all()) await box.check();
    const keys: string[] = [];
    await page.route('**/api/dossiers', async (route) => {
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      if (keys.length === 1) {
        await route.fetch(); // the server records it…
        await route.abort('connectionreset'); // …but the answer never arrives
      } else await route.continue();
    });
    await page.getByRole('button', { name: 'Tiếp nhận và cấp mã hồ sơ' }).click();
    await page.waitForSelector('.result-panel', { timeout: 15_000 });
    await page.unroute('**/api/dossiers');
    code = (await page.getByTestId('dossier-code').textContent())?.trim() ?? '';
    expect(code).toMatch(CODE_RE);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(await page.getByTestId('dossier-due').textContent()).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    const found = await page.evaluate(async () => {
      const res = await fetch('/api/dossiers?q=pham%20thi%20hoa');
      return ((await res.json()) as { items: { code: string }[] }).items.map((d) => d.code);
    });
    expect(found).toEqual([code]);
  });

  it('lists the dossier in the queue and opens its detail', async () => {
    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Hồ sơ' })
      .click();
    // the counter lands on the online submissions awaiting acceptance; a received dossier is in the open work
    await page.locator('nav.tabs a[data-tab=open]').click();
    const row = page.locator('.queue-table tbody tr', { hasText: code });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('Phạm Thị Hoa');
    await row.getByRole('link', { name: code }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe(`Hồ sơ ${code}`);
    expect(await page.getByTestId('dossier-status').textContent()).toBe('Đã tiếp nhận');
    const applicant = page.locator('section', { has: page.locator('#sec-applicant') });
    expect(await applicant.textContent()).toContain('068*******34');
    // a counter officer cannot assign
    expect(await page.locator('button[data-action=assign]').count()).toBe(0);
  });

  it('lets the leader assign the dossier', async () => {
    const url = page.url();
    await run.switchUser('lanhdao.dilinh', url.slice(base.length));
    await expect.poll(() => page.locator('h1').textContent()).toBe(`Hồ sơ ${code}`);
    await page.locator('button[data-action=assign]').click();
    const form = page.locator('form[data-action=assign]');
    await form.getByLabel('Chuyên viên').selectOption('chuyenvien.dilinh');
    await form.getByRole('button', { name: 'Xác nhận' }).click();
    await expect
      .poll(() => page.getByTestId('dossier-assignee').textContent())
      .toBe('Chuyên viên xã Di Linh'); // the display name; the username is its title
    expect(await page.getByTestId('dossier-assignee').getAttribute('title')).toBe('chuyenvien.dilinh');
    expect(await page.getByTestId('dossier-status').textContent()).toBe('Đang xử lý');
    expect(await page.locator('.timeline > li').count()).toBe(2);
  });

  it('switches the language to English and Russian', async () => {
    await page.locator('#lang').selectOption('en');
    await expect.poll(() => page.locator('#sec-actions').textContent()).toBe('Actions');
    expect(await page.getByTestId('dossier-status').textContent()).toBe('Processing');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.locator('#lang').selectOption('ru');
    await expect.poll(() => page.locator('#sec-actions').textContent()).toBe('Действия');
    expect(await page.getByRole('navigation', { name: 'Главное меню' }).textContent()).toContain('Отчёты');
    // server errors follow the language too
    const message = await page.evaluate(async () => {
      const res = await fetch('/api/dossiers/none-such', { headers: { 'Accept-Language': 'ru' } });
      return ((await res.json()) as { error: { message: string } }).error.message;
    });
    expect(message).toMatch(/[а-я]/i);
    // the choice survives a reload (the dictionary is loaded before the first screen)
    await page.reload();
    await expect.poll(() => page.locator('#sec-actions').textContent()).toBe('Действия');
    await page.locator('#lang').selectOption('vi');
    await expect.poll(() => page.locator('#sec-actions').textContent()).toBe('Xử lý');
  });

  it('shows the report screen (or a friendly notice when reports are not deployed)', async () => {
    await page.getByRole('link', { name: 'Báo cáo' }).click();
    await page.waitForSelector('.report-table, .report-out .alert');
    expect(await page.locator('.alert-error:visible').count()).toBe(0);
  });

  it('shows the status on the public lookup, without signing in', async () => {
    const visitor = await browser.newContext();
    const p = await visitor.newPage();
    await p.goto(`${base}/tra-cuu?code=${encodeURIComponent(code)}`);
    // the link fills the code in; the last four digits (of the CCCD: no phone was given) are typed
    await expect.poll(() => p.getByLabel('Mã hồ sơ').inputValue()).toBe(code);
    const verify = p.getByLabel('4 chữ số cuối của số điện thoại');
    expect(await verify.evaluate((el) => el === document.activeElement)).toBe(true);
    await verify.fill('1234');
    await p.getByRole('button', { name: 'Tra cứu' }).click();
    await expect
      .poll(() => p.getByTestId('lookup-status').textContent(), { timeout: 10_000 })
      .toBe('Đang giải quyết');
    expect(await p.getByTestId('lookup-name').textContent()).toBe('Phạm T*** H***');
    expect(await p.locator('main').textContent()).not.toContain('Phạm Thị Hoa');
    expect(p.url()).not.toContain('verify'); // the digits never go into the address bar
    // wrong digits answer like an unknown code
    await verify.fill('4321');
    await p.getByRole('button', { name: 'Tra cứu' }).click();
    await expect.poll(() => p.locator('.lookup-out').textContent()).toContain('Không tìm thấy');
    await verify.fill('1234');
    await p.getByLabel('Mã hồ sơ').fill('000.00.68.25000-000000-9999');
    await p.getByRole('button', { name: 'Tra cứu' }).click();
    await expect.poll(() => p.locator('.lookup-out').textContent()).toContain('Không tìm thấy');
    await visitor.close();
  });
});
