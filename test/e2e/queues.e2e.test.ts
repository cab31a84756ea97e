/**
 * End-to-end test of the work queues (issue 12, items 1, 2, 4 and 8), on the shared browser harness (real server,
 * fresh SQLite file, demo accounts, Debian's chromium). On the commune's PC (1366×768) a citizen's online submission
 * waits in the counter officer's landing tab with its countdown; found by name, opened from the keyboard, the next
 * step and the accept action are above the fold, and accepting issues the receipt. On a phone (390×844) the leader
 * ticks three dossiers of the open work and assigns them to the specialist in one go: the two received are
 * assigned, the online submission not yet accepted is refused and named with the reason. The province supervisor
 * lands on the province overview, whose workload figures open the queue tab behind them.
 */
import { request, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_SKIP, receiveDossier, startBrowserApp, type BrowserApp } from '../support/browser.ts';

const COUNTER = 'tiepnhan.dilinh';
const LEADER = 'lanhdao.dilinh';

describe.skipIf(E2E_SKIP)('work queues (chromium)', () => {
  let run: BrowserApp;
  let page: Page;
  let base: string;

  beforeAll(async () => {
    run = await startBrowserApp();
    ({ page, base } = run);
  }, 90_000);

  afterAll(async () => {
    await run?.close();
  });

  /** A citizen's submission through the public portal (no session). */
  async function submitOnline(name: string, phone: string): Promise<string> {
    const citizen = await request.newContext({ baseURL: base });
    try {
      const res = await citizen.post('/api/public/dossiers', {
        data: {
          unitCode: '25000',
          procedureCode: '1.001193',
          applicant: { kind: 'person', name, idNumber: '068090001234', phone },
        },
      });
      const body = (await res.json()) as { code: string };
      expect(res.status(), JSON.stringify(body)).toBe(201);
      return body.code;
    } finally {
      await citizen.dispose();
    }
  }

  it('the counter accepts an online submission from its landing tab, within the 8 working hours (1366×768)', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    const code = await submitOnline('Đỗ Thị Trực Tuyến', '0987650001');
    await run.signIn(COUNTER, '/');
    // the counter lands on the online submissions awaiting acceptance, with the count on the tab
    const tab = page.locator('nav.tabs a[aria-current=page]');
    await expect.poll(() => tab.getAttribute('data-tab')).toBe('awaiting_acceptance');
    await expect
      .poll(async () =>
        Number((await page.getByTestId('count-awaiting_acceptance').textContent())?.replace(/\D/g, '')),
      )
      .toBeGreaterThanOrEqual(1);
    const row = page.locator('.queue-table tbody tr', { hasText: code });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.getByTestId('accept-countdown').textContent()).toMatch(/^còn [\d,.]+ giờ làm việc$/);
    // the procedure's name on one line, in full on hover
    const procedure = row.locator('.one-line');
    expect(await procedure.getAttribute('title')).toBe(await procedure.textContent());

    // search by the name without marks, then open it from the keyboard
    await page.getByLabel('Tìm hồ sơ').fill('do thi truc tuyen');
    await page.getByRole('button', { name: 'Tìm' }).click();
    await expect.poll(() => page.locator('.queue-table tbody tr').count()).toBe(1);
    await page.locator('h1').click();
    await page.keyboard.press('j');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-code')))
      .toBe(code);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('h1').textContent()).toBe(`Hồ sơ ${code}`);

    // what happens next, and the action, above the fold
    const next = page.getByTestId('next-step');
    expect(await page.getByTestId('next-who').textContent()).toContain('Bạn');
    expect(await next.textContent()).toContain('tiếp nhận trước');
    const accept = page.locator('button[data-action=accept_online]');
    const box = await accept.boundingBox();
    expect(box && box.y + box.height).toBeLessThanOrEqual(768);
    await run.act('accept_online');
    await expect.poll(() => page.getByTestId('dossier-status').textContent()).toBe('Đã tiếp nhận');
    expect(await page.getByTestId('next-who').textContent()).toContain('Lãnh đạo');
    await expect.poll(() => page.locator('a[href$="/documents/receipt.pdf"]').count()).toBe(1);
  }, 60_000);

  it('the leader bulk-assigns from the open work; a refused item is named with its reason (390×844)', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const counter = await run.apiAs(COUNTER);
    const a = (await receiveDossier(counter, { name: 'Vũ Văn Một' })).code;
    const b = (await receiveDossier(counter, { name: 'Vũ Văn Hai' })).code;
    const online = await submitOnline('Vũ Văn Ba', '0987650002');
    await run.switchUser(LEADER, '/');
    // the leader lands on what awaits approval; the open work is one tab away
    await expect
      .poll(() => page.locator('nav.tabs a[aria-current=page]').getAttribute('data-tab'))
      .toBe('awaiting_approval');
    await page.locator('nav.tabs a[data-tab=open]').click();
    await expect.poll(() => page.getByTestId('bulk-bar').isVisible()).toBe(true);
    for (const code of [a, b, online]) {
      const box = page.getByLabel(`Chọn hồ sơ ${code}`);
      await expect.poll(() => box.count()).toBe(1);
      await box.check();
    }
    await expect.poll(() => page.locator('#bulk-assignee option').count()).toBeGreaterThan(1);
    await page.locator('#bulk-assignee').selectOption('chuyenvien.dilinh');
    await page.getByRole('button', { name: 'Giao các hồ sơ đã chọn' }).click();
    const result = page.getByTestId('bulk-result');
    await expect.poll(() => result.textContent()).toContain('Đã xử lý 2/3 hồ sơ.');
    expect(await result.locator('li').allTextContents()).toEqual([expect.stringContaining(online)]);

    const leader = await run.apiAs(LEADER);
    for (const code of [a, b]) {
      const d = (await (await leader.get(`/api/dossiers/${code}`)).json()) as {
        status: string;
        assignee: string;
      };
      expect(d).toMatchObject({ status: 'processing', assignee: 'chuyenvien.dilinh' });
    }
    const still = (await (await leader.get(`/api/dossiers/${online}`)).json()) as { status: string };
    expect(still.status).toBe('submitted');
  }, 60_000);

  it('lands the province supervisor on the overview; a workload figure opens its queue tab (1366×768)', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await run.switchUser('tinh.lamdong', '/');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/tong-quan');
    await expect.poll(() => page.locator('[data-kpi=open] a').count()).toBe(1);
    await page.locator('[data-kpi=overdue] a').click();
    await expect.poll(() => page.url()).toBe(`${base}/?tab=overdue`);
    await expect
      .poll(() => page.locator('nav.tabs a[aria-current=page]').getAttribute('data-tab'))
      .toBe('overdue');
  }, 60_000);
});
