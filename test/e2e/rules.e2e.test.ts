/**
 * End-to-end test that the browser uses the server's rules, not copies: the action buttons of a dossier and a
 * petition are exactly the `allowedActions` the server gives the signed-in officer (a counter officer is never
 * offered a leader's action), and the working-day hint comes from the shared calendar engine fed with the
 * province's calendar, so it agrees with the server's due computation across Tết 2027. What else an officer may
 * do on a record also comes from the server: the upload form of a dossier's scans (`abilities.attach`), the reveal
 * button of a denouncer (`abilities.readPetitioner`), the dossier's document links (`documents`) and the reports'
 * unit picker ('province.wide' of the session's abilities). Fixed instants only: the result does not depend on the
 * day the suite runs.
 */
import type { APIRequestContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_SKIP, postOk, receiveDossier, startBrowserApp, type BrowserApp } from '../support/browser.ts';

/** The actions the server offers `api`'s officer on a record. */
async function allowed(api: APIRequestContext, path: string): Promise<string[]> {
  const res = await api.get(path);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { allowedActions: string[] }).allowedActions;
}

/** The action buttons of the record's page, in order. */
const offered = (page: Page) =>
  page.locator('button[data-action]').evaluateAll((b) => b.map((x) => x.getAttribute('data-action') ?? ''));

/** A petition's status just after lodging, as the screen words it. */
const RECEIVED = 'Đã tiếp nhận, chờ thụ lý';

describe.skipIf(E2E_SKIP)('the server’s rules in the browser (chromium)', () => {
  let run: BrowserApp;
  let page: Page;
  let counter: APIRequestContext;
  let leader: APIRequestContext;
  let dossierCode = '';
  let petitionCode = '';
  let denunciationCode = '';

  beforeAll(async () => {
    run = await startBrowserApp();
    page = run.page;
    counter = await run.apiAs('tiepnhan.dilinh');
    leader = await run.apiAs('lanhdao.dilinh');
    dossierCode = (await receiveDossier(counter)).code;
    petitionCode = (
      await postOk(counter, '/api/petitions', {
        kind: 'complaint',
        channel: 'direct',
        subject: 'Khiếu nại quyết định thu phí',
        content: 'Đề nghị xem xét lại quyết định thu phí không đúng quy định.',
        petitioner: { name: 'Trần Văn Bảy', phone: '0912345678' },
      })
    ).code;
    denunciationCode = (
      await postOk(counter, '/api/petitions', {
        kind: 'denunciation',
        channel: 'direct',
        subject: 'Tố cáo cán bộ nhận tiền của người dân',
        content: 'Đề nghị xác minh việc cán bộ nhận tiền khi tiếp nhận hồ sơ của người dân.',
        petitioner: { name: 'Lê Thị Tám', phone: '0912345679' },
      })
    ).code;
  }, 90_000);

  afterAll(async () => {
    await run?.close();
  });

  it('offers the counter officer exactly the dossier’s allowed actions, never the leader’s', async () => {
    const path = `/api/dossiers/${encodeURIComponent(dossierCode)}`;
    const forCounter = await allowed(counter, path);
    const forLeader = await allowed(leader, path);
    expect(forLeader).toContain('assign');
    expect(forCounter).not.toContain('assign');
    expect(forCounter.length).toBeGreaterThan(0); // the counter's own (withdraw), so the page offers something

    await run.signIn('tiepnhan.dilinh', `/ho-so?ma=${encodeURIComponent(dossierCode)}`);
    await expect.poll(() => page.getByTestId('dossier-status').textContent()).toBe('Đã tiếp nhận');
    expect(await offered(page)).toEqual(forCounter);

    await run.switchUser('lanhdao.dilinh', `/ho-so?ma=${encodeURIComponent(dossierCode)}`);
    await expect.poll(() => page.getByTestId('dossier-status').textContent()).toBe('Đã tiếp nhận');
    expect(await offered(page)).toEqual(forLeader);
    await run.signOut();
  });

  it('offers the counter officer exactly the petition’s allowed actions, never the leader’s', async () => {
    const path = `/api/petitions/${encodeURIComponent(petitionCode)}`;
    const forCounter = await allowed(counter, path);
    const forLeader = await allowed(leader, path);
    expect(forLeader).toEqual(expect.arrayContaining(['accept', 'reject']));
    expect(forCounter).not.toContain('accept');
    expect(forCounter).not.toContain('reject');
    expect(forCounter.length).toBeGreaterThan(0);

    await run.signIn('tiepnhan.dilinh', `/don-thu/xem?ma=${encodeURIComponent(petitionCode)}`);
    await expect.poll(() => page.getByTestId('petition-status').textContent()).toBe(RECEIVED);
    expect(await offered(page)).toEqual(forCounter);

    await run.switchUser('lanhdao.dilinh', `/don-thu/xem?ma=${encodeURIComponent(petitionCode)}`);
    await expect.poll(() => page.getByTestId('petition-status').textContent()).toBe(RECEIVED);
    expect(await offered(page)).toEqual(forLeader);
    await run.signOut();
  });

  it('shows the upload form and the document links exactly as the dossier’s abilities and documents say', async () => {
    const path = `/ho-so?ma=${encodeURIComponent(dossierCode)}`;
    const panel = page.getByTestId('attachments');
    const seen: Record<string, boolean> = {};
    for (const username of ['tiepnhan.dilinh', 'chuyenvien.dilinh', 'tinh.lamdong']) {
      const api = username === 'tiepnhan.dilinh' ? counter : await run.apiAs(username);
      const d = (await (await api.get(`/api/dossiers/${encodeURIComponent(dossierCode)}`)).json()) as {
        abilities: { attach: boolean };
        documents: { href: string }[];
      };
      seen[username] = d.abilities.attach;
      expect(d.documents.map((x) => x.href.split('/').pop())).toEqual(['receipt.pdf', 'control-sheet.pdf']);
      await run.signIn(username, path);
      await expect
        .poll(() => panel.locator('.attachments-list').textContent())
        .toContain('Chưa có thành phần');
      expect(await panel.locator('form').count()).toBe(d.abilities.attach ? 1 : 0);
      const links = await page
        .locator('section[aria-labelledby=sec-docs] a.doc-link')
        .evaluateAll((a) => a.map((x) => x.getAttribute('href')));
      expect(links).toEqual(d.documents.map((x) => x.href));
      await run.signOut();
    }
    // the counter and the specialist upload, the province supervisor does not
    expect(seen).toEqual({ 'tiepnhan.dilinh': true, 'chuyenvien.dilinh': true, 'tinh.lamdong': false });
  });

  it('shows a denouncer’s reveal button exactly when the petition’s abilities say so: the leader only', async () => {
    const path = `/don-thu/xem?ma=${encodeURIComponent(denunciationCode)}`;
    const seen: Record<string, boolean> = {};
    for (const username of ['tiepnhan.dilinh', 'chuyenvien.dilinh', 'lanhdao.dilinh']) {
      const api = await run.apiAs(username);
      const p = (await (await api.get(`/api/petitions/${encodeURIComponent(denunciationCode)}`)).json()) as {
        abilities: { readPetitioner: boolean };
      };
      seen[username] = p.abilities.readPetitioner;
      await run.signIn(username, path);
      // nobody sees any part of the denouncer (no initials) until the leader's audited reveal
      await expect
        .poll(() => page.getByTestId('petitioner-name').textContent())
        .toBe('(Người tố cáo được giữ bí mật)');
      expect(await page.getByTestId('reveal').count()).toBe(p.abilities.readPetitioner ? 1 : 0);
      if (p.abilities.readPetitioner) {
        await page.getByTestId('reveal').click();
        await expect.poll(() => page.getByTestId('petitioner-name').textContent()).toBe('Lê Thị Tám');
      }
      await run.signOut();
    }
    expect(seen).toEqual({ 'tiepnhan.dilinh': false, 'chuyenvien.dilinh': false, 'lanhdao.dilinh': true });
  });

  it('offers the reports’ unit picker to those the server calls province-wide', async () => {
    await run.signIn('tinh.lamdong', '/bao-cao');
    await expect.poll(() => page.locator('form.report-form [data-path=unit]').count()).toBe(1);
    await run.switchUser('lanhdao.dilinh', '/bao-cao');
    await page.waitForSelector('form.report-form');
    expect(await page.locator('form.report-form [data-path=unit]').count()).toBe(0);
    await run.signOut();
  });

  it('gives the same working days as the server across Tết 2027, with the shared calendar engine', async () => {
    const received = '2027-02-01T17:00:00+07:00'; // a Monday, an hour and a half before Tết's week
    const res = await counter.post('/api/calendar/due', {
      data: { received, limit: 10, unit: 'working_day', province: '68' },
    });
    expect(res.status()).toBe(200);
    const due = Date.parse(((await res.json()) as { due: string }).due);
    const year = (await (await counter.get('/api/calendar/68/2027')).json()) as {
      days: { date: string; working: boolean }[];
    };
    const dueDate = new Date(due + 7 * 3_600_000).toISOString().slice(0, 10);
    const tet = year.days.filter((d) => !d.working && d.date >= '2027-02-01' && d.date <= dueDate);
    expect(tet.length).toBeGreaterThanOrEqual(3); // weekdays off for Tết inside the range

    await page.goto(`${run.base}/tra-cuu`);
    // a string, so that the test runner leaves the browser's own import() alone
    const browser = (await page.evaluate(`(async () => {
      const from = ${Date.parse(received)};
      const to = ${due};
      const m = await import('/lib/working-calendar.js');
      const calendar = await m.loadCalendar('68', from, to);
      if (!calendar) return null;
      const days = [];
      for (let t = from; t <= to; t += 86400000) {
        const date = new Date(t + 7 * 3600000).toISOString().slice(0, 10);
        days.push({ date, working: calendar.isWorkingDay(date) });
      }
      return {
        due: calendar.due(from, { value: 10, unit: 'working_day' }),
        hint: m.workingTimeLeftText(calendar, from, to),
        days,
      };
    })()`)) as { due: number; hint: string; days: { date: string; working: boolean }[] } | null;
    expect(browser).not.toBeNull();
    expect(browser!.due).toBe(due);
    // half an hour of 1 February, then the ten working days the server counted: Tết's days are not among them
    expect(browser!.hint).toBe('còn khoảng 10 ngày làm việc');
    for (const d of tet) expect(browser!.days).toContainEqual({ date: d.date, working: false });
    expect(browser!.days.filter((d) => d.working).length).toBe(11); // 1 February and the ten after it
  });
});
