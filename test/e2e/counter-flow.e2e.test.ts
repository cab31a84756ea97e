/**
 * Issue 12 items 3 and 7 in the browser: the intake form starts in the procedure search, where the exact code comes
 * first; a CCCD QR typed by a USB scanner into the ID field fills the applicant; the half-filled form survives a
 * reload; and, with the commune leader's counter rule (certification signed by the authorised counter officer), a
 * same-day certified copy is received, certified and returned by that one officer.
 */
import type { APIRequestContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_SKIP, startBrowserApp, type BrowserApp } from '../support/browser.ts';

const COPY = '2.000815';
// 068090001234: Lâm Đồng, a man born in 1990 (the 068190001234 would be a woman's number: the 4th digit).
const QR = '068090001234|250123456|Nguyễn Văn An|15031990|Nam|Thôn 1, xã Di Linh, Lâm Đồng|20042021';

describe.skipIf(E2E_SKIP)('a certified copy at the counter, one officer (chromium)', () => {
  let run: BrowserApp;
  let page: Page;
  let leader: APIRequestContext;
  let counter: APIRequestContext;

  beforeAll(async () => {
    run = await startBrowserApp();
    page = run.page;
    leader = await run.apiAs('lanhdao.dilinh');
    counter = await run.apiAs('tiepnhan.dilinh');
    const res = await leader.put(`/api/routing-rules/${COPY}`, {
      data: {
        mode: 'counter',
        counterSigns: true,
        authorisationRef: 'Quyết định 15/QĐ-UBND ngày 03/11/2025',
      },
    });
    expect(res.status(), await res.text()).toBe(200);
  }, 90_000);

  afterAll(async () => {
    await run?.close();
  });

  it('starts in the search, fills the applicant from the QR, keeps the draft, and resolves at the counter', async () => {
    await run.signIn('tiepnhan.dilinh', '/tiep-nhan');
    const search = page.locator('#proc-q');
    await expect.poll(() => search.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type(COPY);
    const first = page.locator('#proc-results .proc-item').first();
    await expect.poll(async () => (await first.textContent()) ?? '').toContain(COPY);
    await first.click();

    const id = page.locator('[name="applicant.idNumber"]');
    await id.click();
    await page.keyboard.type(QR, { delay: 2 }); // as fast as a scanner types
    await page.keyboard.press('Enter'); // the scanner's Enter does not submit
    await expect.poll(() => id.inputValue()).toBe('068090001234');
    expect(await page.locator('[name="applicant.name"]').inputValue()).toBe('Nguyễn Văn An');
    expect(await page.locator('[name="applicant.birthDate"]').inputValue()).toBe('15/03/1990');
    expect(await page.locator('[name="applicant.sex"]').inputValue()).toBe('male');
    expect(await page.locator('[name="applicant.address"]').inputValue()).toBe(
      'Thôn 1, xã Di Linh, Lâm Đồng',
    );

    // The draft survives a reload (as it would an expired session): procedure and applicant come back.
    page.once('dialog', (d) => void d.accept()); // beforeunload may ask
    await page.reload();
    await page.waitForSelector('[data-testid=sign-out]');
    await expect
      .poll(() => page.locator('[name="applicant.name"]').inputValue(), { timeout: 10_000 })
      .toBe('Nguyễn Văn An');
    expect(await page.locator('.proc-summary').textContent()).toContain('chứng thực bản sao');

    for (const box of await page.locator('input[data-i]').all()) await box.check();
    await page.getByRole('button', { name: 'Tiếp nhận và cấp mã hồ sơ' }).click();
    const code = (await page.getByTestId('dossier-code').textContent())!.trim();
    expect(
      await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('motcua.intakeDraft'))),
    ).toEqual([]);

    await page.getByRole('link', { name: 'Xem hồ sơ' }).click();
    await page.locator('button[data-action=counter_resolve]').waitFor();
    await run.act('counter_resolve');
    await page.locator('button[data-action=deliver]').waitFor();
    await run.act('deliver');

    const res = await counter.get(`/api/dossiers/${encodeURIComponent(code)}`);
    const d = (await res.json()) as { status: string; actions: { type: string; actor: string }[] };
    expect(d.status).toBe('delivered');
    // Every step in the log, all by the one counter officer: no hand-off, no leader step.
    expect(d.actions.map((a) => a.type)).toEqual(['intake_receive', 'counter_resolve', 'deliver']);
    expect(new Set(d.actions.map((a) => a.actor)).size).toBe(1);
  }, 90_000);
});
