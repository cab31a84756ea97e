/**
 * Phone-size screens (390×844, issue 12 item 9): the leader's routing rules and the counter's intake form are usable
 * on a phone — nothing wider than the screen (no sideways scrolling, no control cut off at the edge), every control
 * reachable and working, and the intake draft kept across a reload.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_SKIP, startBrowserApp, type BrowserApp } from '../support/browser.ts';

const WIDTH = 390;
const HEIGHT = 844;
const MARITAL = '1.004873';

/** The page scrolls only vertically: its content is no wider than the screen. */
async function noSidewaysScroll(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(WIDTH);
}

/** Scrolled into view, the control lies wholly inside the screen. */
async function fullyOnScreen(control: Locator) {
  await control.scrollIntoViewIfNeeded();
  const box = await control.boundingBox();
  expect(box, 'the control is displayed').not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(WIDTH);
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height).toBeLessThanOrEqual(HEIGHT);
}

describe.skipIf(E2E_SKIP)('phone-size screens, 390×844 (chromium)', () => {
  let run: BrowserApp;
  let page: Page;

  beforeAll(async () => {
    run = await startBrowserApp();
    page = run.page;
    await page.setViewportSize({ width: WIDTH, height: HEIGHT });
  }, 90_000);

  afterAll(async () => {
    await run?.close();
  });

  it('the routing rules: filtered, a rule changed and saved, nothing cut off', async () => {
    await run.signIn('lanhdao.dilinh', '/luong-xu-ly');
    const mode = page.locator(`select[data-code="${MARITAL}"]`);
    await mode.waitFor({ state: 'attached' });
    await noSidewaysScroll(page);
    await page.getByLabel('Lọc thủ tục').fill(MARITAL);
    await expect.poll(() => page.locator('.routing-table tbody tr:not([hidden])').count()).toBe(1);
    await fullyOnScreen(mode);
    await mode.selectOption('auto_assign');
    const row = page.locator('.routing-table tbody tr:not([hidden])');
    const save = row.getByRole('button', { name: 'Lưu' });
    await fullyOnScreen(save);
    await save.click();
    await expect.poll(() => page.locator('#toasts').textContent()).toContain('Đã lưu.');
    // The name of the procedure is readable on the phone (on screen, not cut to nothing).
    const name = row.locator('td').first();
    await fullyOnScreen(name);
    const leader = await run.apiAs('lanhdao.dilinh');
    const rules = (await (await leader.get('/api/routing-rules')).json()) as {
      items: { procedureCode: string; mode: string }[];
    };
    expect(rules.items.find((r) => r.procedureCode === MARITAL)?.mode).toBe('auto_assign');
    await noSidewaysScroll(page);
  }, 60_000);

  it('the intake form: the procedure found, the applicant’s name reachable and typed, the draft kept', async () => {
    await run.switchUser('tiepnhan.dilinh', '/tiep-nhan');
    const search = page.locator('#proc-q');
    await fullyOnScreen(search);
    await expect.poll(() => search.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type(MARITAL);
    const first = page.locator('#proc-results .proc-item').first();
    await expect.poll(async () => (await first.textContent()) ?? '').toContain(MARITAL);
    await fullyOnScreen(first);
    await first.click();
    await noSidewaysScroll(page);

    const name = page.locator('[name="applicant.name"]');
    await fullyOnScreen(name);
    await name.fill('Hoàng Thị Điện Thoại');
    const id = page.locator('[name="applicant.idNumber"]');
    await fullyOnScreen(id);
    await id.fill('068190001234');
    // Every field and button of the form lies within the screen's width.
    for (const control of await page
      .locator('main input:visible, main select:visible, main button:visible')
      .all()) {
      const box = await control.boundingBox();
      if (!box) continue;
      expect(box.x, (await control.getAttribute('name')) ?? '').toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, (await control.getAttribute('name')) ?? '').toBeLessThanOrEqual(WIDTH);
    }
    const submit = page.getByRole('button', { name: 'Tiếp nhận và cấp mã hồ sơ' });
    await fullyOnScreen(submit);

    // The draft survives a reload on the phone too.
    page.once('dialog', (d) => void d.accept());
    await page.reload();
    await page.waitForSelector('[data-testid=sign-out]');
    await expect
      .poll(() => page.locator('[name="applicant.name"]').inputValue(), { timeout: 10_000 })
      .toBe('Hoàng Thị Điện Thoại');
    expect(await page.locator('[name="applicant.idNumber"]').inputValue()).toBe('068190001234');
    await noSidewaysScroll(page);
  }, 60_000);
});
