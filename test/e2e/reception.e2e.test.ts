/**
 * End-to-end test of citizen reception (`/tiep-cong-dan/lich`, `/lich-tiep-cong-dan`, `/tiep-cong-dan/moi`,
 * `/tiep-cong-dan/xem?ma=`): the leader's schedule is refused without a weekly day of the chairman (Art. 15.2.d)
 * and saved with one; a visitor reads it on the public page without signing in; the counter officer records a
 * forwarded complaint through the form and sees its reply deadline, and records the reply.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_SKIP, startBrowserApp, type BrowserApp } from '../support/browser.ts';

describe.skipIf(E2E_SKIP)('citizen reception (chromium)', () => {
  let run: BrowserApp;
  let page: Page;

  beforeAll(async () => {
    run = await startBrowserApp();
    ({ page } = run);
  }, 90_000);

  afterAll(async () => {
    await run?.close();
  });

  it('the leader saves a weekly schedule only with a day of the chairman', async () => {
    await run.signIn('lanhdao.dilinh', '/tiep-cong-dan/lich');
    await page.getByRole('button', { name: 'Thêm buổi hằng tuần' }).click();
    const row = page.locator('.slot-row').first();
    await row.getByLabel('Người tiếp', { exact: true }).selectOption('vice_chairman');
    await row.getByLabel('Họ tên, chức vụ', { exact: true }).fill('Trần Thị Phó');
    await row.getByLabel('Chức vụ', { exact: true }).fill('Phó Chủ tịch UBND xã');
    await row.getByLabel('Địa điểm', { exact: true }).fill('Phòng tiếp công dân UBND xã');
    await page.getByRole('button', { name: 'Lưu lịch' }).click();
    const error = page.locator('[data-path="slots"] .field-error');
    await expect.poll(() => error.isVisible()).toBe(true);
    expect(await error.textContent()).toContain('Điều 15');

    await row.getByLabel('Người tiếp', { exact: true }).selectOption('chairman');
    await row.getByLabel('Họ tên, chức vụ', { exact: true }).fill('Nguyễn Văn Chủ');
    await row.getByLabel('Chức vụ', { exact: true }).fill('Chủ tịch UBND xã');
    await page.getByRole('button', { name: 'Lưu lịch' }).click();
    await expect.poll(() => page.getByTestId('session').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('session').first().textContent()).toContain('Nguyễn Văn Chủ');
  });

  it('publishes the schedule to visitors without sign-in, in vi and en', async () => {
    await run.signOut();
    await page.goto(`${run.base}/lich-tiep-cong-dan?xa=25000`);
    await expect.poll(() => page.getByTestId('schedule-unit').textContent()).toContain('Di Linh');
    expect(await page.getByTestId('session').first().textContent()).toContain('07:30–11:00');
    expect(await page.locator('h2', { hasText: 'Tuần này' }).count()).toBe(1);
    await page.locator('#lang').selectOption('en');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Citizen reception schedule');
    await page.locator('#lang').selectOption('vi');
  });

  it('the counter records a forwarded complaint, sees the 10-working-day reply, and records it', async () => {
    await run.signIn('tiepnhan.dilinh', '/tiep-cong-dan/moi');
    await page.getByLabel(/^Họ và tên/).fill('Lê Văn Dân');
    await page.getByLabel('Số định danh cá nhân (CCCD)', { exact: true }).fill('068090001234');
    await page.getByRole('radio', { name: 'Khiếu nại' }).check();
    await page.getByLabel(/^Nội dung( \*)?$/).fill('Khiếu nại việc thu hồi đất không đúng diện tích.');
    await page.getByRole('radio', { name: 'Chuyển đơn đến cơ quan có thẩm quyền' }).check();
    await page.getByLabel('Chuyển đến', { exact: true }).fill('Sở Nông nghiệp và Môi trường tỉnh Lâm Đồng');
    await page.getByRole('button', { name: 'Ghi sổ', exact: true }).click();
    await page.waitForURL(/\/tiep-cong-dan\/xem\?ma=/);
    expect(await page.getByTestId('reception-kind').textContent()).toContain('Khiếu nại');
    expect(await page.getByTestId('reply-by').first().textContent()).toMatch(/^Hạn \d{2}\/\d{2}\/\d{4}$/);
    expect(await page.getByTestId('reception-citizen').textContent()).not.toContain('068090001234');

    await page
      .getByLabel(/^Nội dung đã trả lời, thông báo/)
      .fill('Đã thông báo bằng văn bản việc chuyển đơn.');
    await page.getByRole('button', { name: 'Ghi nhận trả lời' }).click();
    await expect.poll(() => page.getByTestId('reply-note').textContent()).toContain('chuyển đơn');
  });
});
