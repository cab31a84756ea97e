/**
 * The leave screen (/nghi-phep, issue 12 item 3) in the browser: the commune leader sets a specialist's leave
 * (dd/MM/yyyy, checked in the form and again by the server) and reassigns the open dossiers of those on leave; the
 * specialist sees their own leave only; the province supervisor sets the leave of another commune's officer and is
 * offered no reassignment (a leader's decision). Dates are relative to today (the suite also runs under faketime).
 */
import type { APIRequestContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  E2E_SKIP,
  PASSWORD,
  postOk,
  receiveDossier,
  shownDate,
  startBrowserApp,
  type BrowserApp,
} from '../support/browser.ts';

const isoOf = (shown: string) => shown.split('/').reverse().join('-');

describe.skipIf(E2E_SKIP)('leave dates and reassigning those on leave (chromium)', () => {
  let run: BrowserApp;
  let page: Page;
  let leader: APIRequestContext;
  let dossierCode: string;

  beforeAll(async () => {
    run = await startBrowserApp();
    page = run.page;
    // A second specialist in Di Linh, so that the absent one's dossier has somewhere to go.
    const supervisor = await run.apiAs('tinh.lamdong');
    await postOk(supervisor, '/api/users', {
      username: 'chuyenvien2.dilinh',
      displayName: 'Trần Thị Bình',
      password: PASSWORD,
      unitCode: '25000',
      roles: ['specialist'],
    });
    leader = await run.apiAs('lanhdao.dilinh');
    const counter = await run.apiAs('tiepnhan.dilinh');
    dossierCode = (await receiveDossier(counter, { name: 'Phạm Văn Dũng' })).code;
    const assign = await leader.post(`/api/dossiers/${encodeURIComponent(dossierCode)}/actions`, {
      data: { type: 'assign', assignee: 'chuyenvien.dilinh' },
    });
    expect(assign.status(), await assign.text()).toBe(200);
  }, 90_000);

  afterAll(async () => {
    await run?.close();
  });

  const card = (username: string) => page.locator(`.leave-card[data-username="${username}"]`);

  it('the leader sets a specialist’s leave, checked in the form and by the server, and reassigns', async () => {
    await run.signIn('lanhdao.dilinh');
    await page.getByRole('link', { name: 'Lịch nghỉ' }).click();
    await page.getByRole('heading', { name: 'Lịch nghỉ phép của công chức' }).waitFor();
    const specialist = card('chuyenvien.dilinh');
    await specialist.waitFor();
    // The leader is listed without a form (leave is for the staff below the leader); another commune is not.
    await card('lanhdao.dilinh').waitFor();
    expect(await card('lanhdao.dilinh').locator('form').count()).toBe(0);
    expect(await page.locator('.leave-card[data-username$=".giahiep"]').count()).toBe(0);

    const from = specialist.getByLabel('Từ ngày');
    const until = specialist.getByLabel('Đến ngày');
    const save = specialist.getByRole('button', { name: 'Lưu lịch nghỉ' });
    // Not a date: named on the field, with the expected format.
    await from.fill('31/02/2026');
    await until.fill(shownDate(1));
    await save.click();
    await expect.poll(() => from.getAttribute('aria-invalid')).toBe('true');
    expect(await specialist.locator('.field[data-path=from] .field-error').textContent()).toContain(
      'ngày/tháng/năm',
    );
    // The end before the start.
    await from.fill(shownDate(2));
    await until.fill(shownDate(0));
    await save.click();
    await expect
      .poll(() => specialist.locator('.field[data-path=until] .field-error').textContent())
      .toBe('Ngày kết thúc phải từ ngày bắt đầu trở đi');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('until');
    // More than a year ahead: the server refuses, naming the field (shown next to it).
    await from.fill(shownDate(400));
    await until.fill(shownDate(401));
    await save.click();
    await expect
      .poll(() => specialist.locator('.field[data-path=from] .field-error').textContent())
      .toContain('trong vòng một năm');

    // A valid leave from today: saved, shown as on leave today.
    await from.fill(shownDate(0));
    await until.fill(shownDate(2));
    await save.click();
    await expect
      .poll(() => specialist.locator('.leave-status').textContent())
      .toBe(`Nghỉ từ ${shownDate(0)} đến ${shownDate(2)} — đang nghỉ hôm nay`);
    const listed = await (await leader.get('/api/staff-leave')).json();
    expect(listed.items).toContainEqual(
      expect.objectContaining({
        username: 'chuyenvien.dilinh',
        leaveFrom: isoOf(shownDate(0)),
        leaveUntil: isoOf(shownDate(2)),
        onLeave: true,
      }),
    );

    // Reassign: the absent specialist's open dossier goes to the one present.
    await page.getByRole('button', { name: 'Giao lại hồ sơ của người đang nghỉ' }).click();
    await expect.poll(() => page.locator('#leave-reassigned').textContent()).toBe('Đã giao lại 1 hồ sơ.');
    const d = await (await leader.get(`/api/dossiers/${encodeURIComponent(dossierCode)}`)).json();
    expect(d.actions.at(-1)).toMatchObject({ type: 'assign' });
    expect(JSON.stringify(d.actions.at(-1))).toContain('chuyenvien2.dilinh');
  }, 90_000);

  it('the specialist sees their own leave only, and may change nothing', async () => {
    await run.switchUser('chuyenvien.dilinh', '/nghi-phep');
    const own = page.locator('.leave-own');
    await expect
      .poll(() => own.textContent())
      .toBe(`Nghỉ từ ${shownDate(0)} đến ${shownDate(2)} — đang nghỉ hôm nay`);
    expect(await page.locator('.leave-card, form.leave-form').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Giao lại hồ sơ của người đang nghỉ' }).count()).toBe(0);
  }, 60_000);

  it('the province supervisor sets another commune’s officer’s leave, with no reassignment button', async () => {
    await run.switchUser('tinh.lamdong', '/nghi-phep');
    const officer = card('tiepnhan.giahiep');
    await officer.waitFor();
    expect(await officer.textContent()).toContain('Gia Hiệp');
    await page.getByLabel('Tìm công chức').fill('giahiep');
    expect(await card('chuyenvien.dilinh').isHidden()).toBe(true);
    await officer.getByLabel('Từ ngày').fill(shownDate(7));
    await officer.getByLabel('Đến ngày').fill(shownDate(9));
    await officer.getByLabel('Đến ngày').press('Enter'); // the keyboard submits the form
    await expect
      .poll(() => officer.locator('.leave-status').textContent())
      .toBe(`Nghỉ từ ${shownDate(7)} đến ${shownDate(9)}`);
    expect(await page.getByRole('button', { name: 'Giao lại hồ sơ của người đang nghỉ' }).count()).toBe(0);
    // Cleared with one button: no leave any more.
    await officer.getByRole('button', { name: 'Xóa lịch nghỉ' }).click();
    await expect.poll(() => officer.locator('.leave-status').textContent()).toBe('Không có lịch nghỉ.');
  }, 60_000);
});
