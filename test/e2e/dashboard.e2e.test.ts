/**
 * End-to-end test of the leaders' overview (`/tong-quan`): the shared browser harness (real server, fresh SQLite
 * file, demo accounts, Debian's chromium) with a few dossiers made through the API. Every figure on the screen is
 * compared with what `GET /api/reports/dashboard` answers for the same period, never with constants.
 */
import type { APIRequestContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard } from '../../src/server/reports/dashboard.ts';
import {
  E2E_SKIP,
  assignTask,
  postOk,
  receiveDossier,
  startBrowserApp,
  type BrowserApp,
} from '../support/browser.ts';

/** Numbers and dates as the Vietnamese screen shows them. */
const vn = (n: number) => new Intl.NumberFormat('vi-VN').format(n);
const showDate = (iso: string) => iso.split('-').reverse().join('/');

describe.skipIf(E2E_SKIP)('leaders’ overview (chromium)', () => {
  let run: BrowserApp;
  let page: Page;
  let base: string;

  /** Three dossiers of Di Linh today: one resolved and delivered online, one assigned, one waiting. */
  async function makeDossiers() {
    const counter = await run.apiAs('tiepnhan.dilinh');
    const specialist = await run.apiAs('chuyenvien.dilinh');
    const leader = await run.apiAs('lanhdao.dilinh');
    const act = (who: APIRequestContext, code: string, body: object) =>
      postOk(who, `/api/dossiers/${encodeURIComponent(code)}/actions`, body);
    const a = await receiveDossier(counter, { name: 'Nguyễn Văn An' });
    const b = await receiveDossier(counter, { channel: 'online', name: 'Trần Thị Bình' });
    await receiveDossier(counter, { name: 'Lê Văn Cường' });
    await act(leader, a.code, { type: 'assign', assignee: 'chuyenvien.dilinh' });
    await act(specialist, a.code, { type: 'submit_for_approval' });
    await act(leader, a.code, { type: 'approve' });
    await act(counter, a.code, { type: 'deliver', deliveryMethod: 'online' });
    await act(leader, b.code, { type: 'assign', assignee: 'chuyenvien.dilinh' });
  }

  /** Two leaders' tasks for the specialist, one of them made overdue in the database. */
  async function makeTasks() {
    const leader = await run.apiAs('lanhdao.dilinh');
    await assignTask(leader, { work: 'Rà soát hồ sơ tồn đọng' });
    const late = await assignTask(leader, { work: 'Tổng hợp phản ánh của người dân' });
    await run.makeTaskOverdue(late.id);
  }

  beforeAll(async () => {
    run = await startBrowserApp();
    ({ page, base } = run);
    await makeDossiers();
    await makeTasks();
  }, 90_000);

  afterAll(async () => {
    await run?.close();
  });

  const signIn = (username: string, path?: string) => run.signIn(username, path);

  /** The dashboard the API gives for the unit and period in the page's address. */
  async function apiDashboard(unit: string): Promise<Dashboard> {
    const q = new URL(page.url()).searchParams;
    const url = `/api/reports/dashboard?unit=${unit}&from=${q.get('from')}&to=${q.get('to')}`;
    return page.evaluate(async (u) => (await fetch(u)).json(), url) as Promise<Dashboard>;
  }

  /** The cells of a table's body rows, as text. */
  const rows = (selector: string) =>
    page
      .locator(`${selector} tbody tr`)
      .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => (c.textContent ?? '').trim())));

  it('opens the overview from the navigation, with the period in the address', async () => {
    await signIn('lanhdao.dilinh');
    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Tổng quan' })
      .click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Tổng quan');
    await page.waitForSelector('.ind-cards');
    const q = new URL(page.url()).searchParams;
    expect(q.get('from')).toMatch(/^\d{4}-\d{2}-01$/);
    expect(q.get('to')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await page.getByLabel('Từ ngày').inputValue()).toBe(showDate(q.get('from')!));
  });

  it('shows the Decision 766 indicators the API computes', async () => {
    const d = await apiDashboard('25000');
    expect(d.indicators.items.length).toBeGreaterThan(0);
    for (const i of d.indicators.items) {
      const card = page.locator(`[data-indicator="${i.id}"]`);
      const shown =
        i.value === null
          ? 'Chưa có số liệu'
          : i.unit === '%'
            ? `${vn(i.value)}%`
            : `${vn(i.value)} ngày làm việc`;
      expect(await card.locator('.ind-value').textContent(), i.id).toBe(shown);
      expect(await card.locator('.ind-formula').textContent(), i.id).toMatch(/^Công thức:/);
      if (i.target !== undefined)
        expect(await card.locator('.ind-target').textContent(), i.id).toContain(`${vn(i.target)}%`);
    }
    for (const o of d.indicators.omitted) {
      const card = page.locator(`[data-indicator="${o.id}"]`);
      expect(await card.locator('.ind-value').textContent()).toBe('Chưa tính được');
      expect(await card.locator('.ind-reason').textContent(), o.reasonCode).not.toBe(o.reason);
    }
    // the figures are not all zero: the dossiers made above count
    const received = d.daily.reduce((s, x) => s + x.received, 0);
    expect(received).toBeGreaterThanOrEqual(3);
    expect(await page.locator('[data-kpi=received] .kpi-value').textContent()).toBe(vn(received));
    expect(await page.locator('[data-kpi=resolved] .kpi-value').textContent()).toBe(
      vn(d.daily.reduce((s, x) => s + x.resolved, 0)),
    );
  });

  it('draws the daily series with its figures as a table', async () => {
    const d = await apiDashboard('25000');
    const label = await page.locator('.chart-svg').getAttribute('aria-label');
    expect(label).toContain(showDate(d.period.from));
    expect(label).toContain(`tiếp nhận ${vn(d.daily.reduce((s, x) => s + x.received, 0))} hồ sơ`);
    await page.getByText('Xem số liệu dạng bảng').click();
    await expect
      .poll(() => rows('.dash-daily'))
      .toEqual(d.daily.map((x) => [showDate(x.date), vn(x.received), vn(x.resolved)]));
  });

  it('lists the officers’ workload and the late rates per procedure', async () => {
    const d = await apiDashboard('25000');
    expect(d.officers.some((o) => o.open > 0)).toBe(true);
    const officers = await rows('.dash-officers');
    expect(officers.map((r) => r.slice(0, 5))).toEqual(
      d.officers.map((o) => [
        o.assigneeId === null ? 'Chưa phân công' : (o.name ?? ''),
        vn(o.open),
        vn(o.dueSoon),
        vn(o.overdue),
        vn(o.resolved),
      ]),
    );
    // the leaders' tasks, open and overdue, in the last two columns; overdue ones in red
    expect(d.officers.some((o) => o.tasksOverdue > 0)).toBe(true);
    expect(officers.map((r) => r.slice(6))).toEqual(
      d.officers.map((o) => [vn(o.tasksOpen), vn(o.tasksOverdue)]),
    );
    const cells = page.locator('.dash-officers tbody tr');
    for (const [i, o] of d.officers.entries())
      expect(await cells.nth(i).locator('td:nth-child(8) .dash-bad').count(), o.name ?? '').toBe(
        o.tasksOverdue > 0 ? 1 : 0,
      );
    expect(await page.locator('.dash-officers thead').textContent()).toContain('Việc được giao quá hạn');
    // the average is in working days, as indicator 2.2
    expect(d.officers.some((o) => o.avgProcessingDays !== null)).toBe(true);
    for (const [i, o] of d.officers.entries())
      if (o.avgProcessingDays !== null) expect(officers[i]?.[5]).toMatch(/(ngày|giờ) làm việc$/);
    expect(await page.locator('#dash-officers ~ .hint').textContent()).toContain('ngày làm việc');
    expect(d.procedures.length).toBeGreaterThan(0);
    const procedures = await rows('.dash-procedures');
    expect(procedures).toEqual(
      d.procedures.map((p) => [`${p.code} ${p.name}`, vn(p.resolved), vn(p.late), `${vn(p.lateRate)}%`]),
    );
  });

  it('changes the period with a quick button and keeps it in the address', async () => {
    await page.getByRole('button', { name: '7 ngày qua' }).click();
    await expect.poll(() => page.locator('.dash-daily, .chart-svg').count()).toBeGreaterThan(0);
    await expect.poll(() => rows('.dash-daily').then((r) => r.length)).toBe(0); // the table is drawn anew, closed
    const q = new URL(page.url()).searchParams;
    const days = (Date.parse(q.get('to')!) - Date.parse(q.get('from')!)) / 86_400_000 + 1;
    expect(days).toBe(7);
    await expect
      .poll(() => page.locator('.dash-out h2').first().textContent())
      .toBe(`Xã Di Linh: từ ${showDate(q.get('from')!)} đến ${showDate(q.get('to')!)}`);
    await page.reload();
    await page.waitForSelector('.ind-cards');
    expect(await page.getByLabel('Từ ngày').inputValue()).toBe(showDate(q.get('from')!));
  });

  it('says why an indicator is omitted, translated by the reason’s code', async () => {
    // no result is a signed electronic document (signing is not built yet), so 4.1 cannot be computed
    await page.getByRole('button', { name: 'Tháng trước' }).click();
    await page.waitForSelector('[data-indicator="4.1"].ind-omitted');
    const d = await apiDashboard('25000');
    const omitted = d.indicators.omitted.find((o) => o.id === '4.1');
    expect(omitted?.reasonCode).toMatch(/^no_(completed|electronic_result)$/);
    expect(await page.locator('[data-indicator="4.1"] .ind-reason').textContent()).toMatch(
      /^Chưa có (hồ sơ giải quyết xong trong kỳ|kết quả nào được trả dưới dạng văn bản điện tử có chữ ký số)/,
    );
  });

  it('speaks English when asked, with numbers in English', async () => {
    await page.locator('#lang').selectOption('en');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Overview');
    await page.waitForSelector('.ind-cards');
    expect(await page.locator('#dash-ind').textContent()).toBe('Decision 766/QĐ-TTg indicators');
    const d = await apiDashboard('25000');
    const i33 = d.indicators.items.find((i) => i.id === '3.3');
    if (i33?.value != null)
      expect(await page.locator('[data-indicator="3.3"] .ind-value').textContent()).toBe(
        `${new Intl.NumberFormat('en-GB').format(i33.value)}%`,
      );
    await page.locator('#lang').selectOption('vi');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Tổng quan');
  });

  it('lets the province supervisor rank the communes and open one', async () => {
    await run.switchUser('tinh.lamdong', '/tong-quan');
    await page.waitForSelector('.dash-communes');
    expect(await page.getByLabel('Đơn vị', { exact: true }).inputValue()).toBe('68');
    const d = await apiDashboard('68');
    const communes = await rows('.dash-communes');
    expect(communes).toEqual(
      // a commune with nothing resolved is listed last, without a rank
      (d.communes ?? []).map((c) => [
        c.onTimeRate === null ? '—' : vn(c.rank),
        c.unit.name,
        vn(c.received),
        vn(c.resolved),
        c.onTimeRate === null ? '—' : `${vn(c.onTimeRate)}%`,
      ]),
    );
    expect(communes[0]?.[1]).toBe('Xã Di Linh');
    await page.locator('.dash-communes').getByRole('link', { name: 'Xã Di Linh' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('unit')).toBe('25000');
    await expect.poll(() => page.locator('.dash-out h2').first().textContent()).toMatch(/^Xã Di Linh:/);
    expect(await page.locator('.dash-communes').count()).toBe(0);
  });

  it('shares the unit picker with the reports screen, which opens a commune named in the address at once', async () => {
    const asked: (string | null)[] = [];
    const listen = (r: { url(): string }) => {
      const url = new URL(r.url());
      if (url.pathname === '/api/reports/period') asked.push(url.searchParams.get('unit'));
    };
    page.on('request', listen);
    await page.goto(`${base}/bao-cao?unit=25000`);
    await page.waitForSelector('.report-table');
    page.off('request', listen);
    expect(asked).toEqual(['25000']); // never the whole province first
    expect(await page.locator('.report-out h2').first().textContent()).toMatch(/^Xã Di Linh:/);
    expect(await page.getByLabel('Đơn vị', { exact: true }).inputValue()).toBe('25000');
  });

  it('offers the dossier register for a commune only, and checks the period before asking', async () => {
    const registers = () => page.locator('.doc-links a', { hasText: 'Sổ theo dõi hồ sơ' }).count();
    expect(await registers()).toBe(2); // Xã Di Linh, from the test before
    await page.getByLabel('Đơn vị', { exact: true }).selectOption('68');
    await page.getByRole('button', { name: 'Xem báo cáo' }).click();
    await expect.poll(() => page.locator('.report-out h2').first().textContent()).toMatch(/^Tỉnh Lâm Đồng:/);
    expect(await registers()).toBe(0); // the register (Form 07) is kept per commune
    const asked: string[] = [];
    const listen = (r: { url(): string }) => void asked.push(r.url());
    page.on('request', listen);
    await page.getByLabel('Từ ngày').fill('15/03/2026');
    await page.getByLabel('Đến ngày').fill('14/03/2026');
    await page.getByRole('button', { name: 'Xem báo cáo' }).click();
    const toError = page.locator('[data-path="to"] .field-error');
    await expect.poll(() => toError.textContent()).toBe('“Đến ngày” phải cùng ngày hoặc sau “Từ ngày”');
    await page.getByLabel('Từ ngày').fill('');
    await page.getByRole('button', { name: 'Xem báo cáo' }).click();
    await expect
      .poll(() => page.locator('[data-path="from"] .field-error').textContent())
      .toBe('Bắt buộc: nhập ngày theo dạng ngày/tháng/năm');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('from');
    page.off('request', listen);
    expect(asked.filter((u) => u.includes('/api/reports/'))).toEqual([]);
  });
});
