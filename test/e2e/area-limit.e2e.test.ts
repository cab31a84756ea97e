/**
 * Issue 11 in the browser: at the Di Linh counter (a mountainous commune, Lâm Đồng Decision 2284/QĐ-UBND of
 * 25/11/2025) the intake screen shows the first land certificate's area limit (30 working days instead of 20) with
 * its basis, and a procedure without an area limit shows its own limit.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_SKIP, startBrowserApp, type BrowserApp } from '../support/browser.ts';

describe.skipIf(E2E_SKIP)('area limits on the intake screen (chromium)', () => {
  let run: BrowserApp;
  let page: Page;

  beforeAll(async () => {
    run = await startBrowserApp();
    ({ page } = run);
    await run.signIn('tiepnhan.dilinh', '/');
  }, 90_000);

  afterAll(async () => {
    await run?.close();
  });

  async function pick(search: string, code: string, first: boolean): Promise<string> {
    if (first) await page.getByRole('link', { name: 'Tiếp nhận hồ sơ mới' }).click();
    else await page.getByRole('button', { name: 'Đổi thủ tục' }).click();
    await page.getByLabel('Tìm thủ tục').fill(search);
    await page.locator('.proc-item', { hasText: code }).click();
    await expect.poll(() => page.locator('.proc-summary').textContent()).toContain(code);
    await expect.poll(() => page.locator('.proc-summary .due-preview').count()).toBe(1);
    return (await page.locator('.proc-summary').textContent()) ?? '';
  }

  it('shows the area limit of a mountainous commune with its basis', async () => {
    const summary = await pick('cấp sổ đỏ lần đầu', '1.013978', true);
    expect(summary).toContain('Xã miền núi: 30 ngày làm việc (thông thường 20 ngày làm việc)');
    expect(summary).toContain('2304/QĐ-BNNMT');
  });

  it('shows a procedure’s own limit when it has no area limit', async () => {
    const summary = await pick('xác nhận tình trạng hôn nhân', '1.004873', false);
    expect(summary).toContain('3 ngày làm việc');
    expect(summary).not.toContain('miền núi');
  });
});
