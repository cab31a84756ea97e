/**
 * End-to-end test of the leaders' task screens (`/cong-viec`, `/cong-viec/moi`, `/cong-viec/xem?id=`): the shared
 * browser harness (real server, fresh SQLite file, demo accounts, Debian's chromium). The leader assigns a task from
 * a dossier's page, first lacking most of the six clear elements (each named on its field), then complete; the
 * specialist starts it and hands in the product, the leader returns it, the specialist hands in again and the leader
 * accepts; a task made overdue in the database shows under the overdue filter with the red badge; 31 more tasks
 * fill a page of 30, and "Xem thêm" appends the rest with the same filter.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  E2E_SKIP,
  assignTask,
  readTimeline,
  receiveDossier,
  shownDate,
  startBrowserApp,
  type BrowserApp,
} from '../support/browser.ts';

const LEADER = 'lanhdao.dilinh';
const SPECIALIST = 'chuyenvien.dilinh';

describe.skipIf(E2E_SKIP)('leaders’ tasks (chromium)', () => {
  let run: BrowserApp;
  let page: Page;
  let base: string;
  let dossierCode = '';
  let taskId = '';
  let overdueId = '';

  beforeAll(async () => {
    run = await startBrowserApp();
    ({ page, base } = run);
    dossierCode = (await receiveDossier(await run.apiAs('tiepnhan.dilinh'))).code;
  }, 90_000);

  afterAll(async () => {
    await run?.close();
  });

  const row = (id: string) => page.locator(`.tasks-table tbody tr[data-id="${id}"]`);
  const status = () => page.getByTestId('task-status').textContent();
  const fieldError = (path: string) => page.locator(`[data-path="${path}"] .field-error`);

  it('names every missing element of the six on its field, in Vietnamese', async () => {
    await run.signIn(LEADER, `/ho-so?ma=${encodeURIComponent(dossierCode)}`);
    await page.getByRole('link', { name: 'Giao việc liên quan hồ sơ này' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Giao việc');
    expect(await page.getByLabel('Hồ sơ liên quan').inputValue()).toBe(dossierCode);
    // the commune's active officers, the leader excepted
    const people = await page.getByLabel('Rõ người').locator('option').allTextContents();
    expect(people).toEqual(['— Chọn cán bộ —', 'Cán bộ tiếp nhận xã Di Linh', 'Chuyên viên xã Di Linh']);

    const keys: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/api/tasks'))
        keys.push(r.headers()['idempotency-key'] ?? '');
    });
    await page.getByLabel('Rõ người').selectOption(SPECIALIST);
    await page.getByLabel('Rõ việc').fill('Rà soát hồ sơ tồn đọng quá hạn của xã');
    await page.getByRole('button', { name: 'Giao việc' }).click();
    await expect.poll(() => fieldError('responsibility').isVisible()).toBe(true);
    const shown = {
      dueAt: 'rõ thời gian: nêu hạn hoàn thành hoặc số ngày làm việc',
      responsibility: 'rõ trách nhiệm: nêu người thực hiện chịu trách nhiệm về điều gì',
      product: 'rõ sản phẩm: nêu kết quả phải nộp',
      authority: 'rõ thẩm quyền: nêu quyền hạn, nguồn lực hoặc văn bản giao việc',
    };
    for (const [path, message] of Object.entries(shown))
      expect(await fieldError(path).textContent(), path).toBe(message);
    for (const path of ['assignee', 'work']) expect(await fieldError(path).isVisible(), path).toBe(false);
    expect(await page.getByLabel('Rõ trách nhiệm').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Ngày hoàn thành').getAttribute('aria-invalid')).toBe('true');
    // focus on the first bad field, in the form's order
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('dueAt');

    await page.getByLabel('Ngày hoàn thành').fill(shownDate(1));
    await page.getByLabel('Giờ hoàn thành').fill('17:00');
    await page.getByLabel('Rõ trách nhiệm').fill('Chịu trách nhiệm về tính đầy đủ, chính xác của số liệu');
    await page.getByLabel('Rõ sản phẩm').fill('Danh sách hồ sơ quá hạn và đề xuất xử lý');
    await page.getByLabel('Rõ thẩm quyền').fill('Được khai thác toàn bộ hồ sơ trên MộtCửa');
    await page.getByRole('button', { name: 'Giao việc' }).click();
    await page.waitForURL(/\/cong-viec\/xem\?id=/);
    taskId = new URL(page.url()).searchParams.get('id') ?? '';
    expect(taskId).toMatch(/^[0-9a-f-]{36}$/);
    await expect.poll(() => status()).toBe('Đã giao, chưa bắt đầu');
    expect(await page.getByTestId('task-person').textContent()).toBe(
      'Chuyên viên xã Di Linh (chuyenvien.dilinh)',
    );
    expect(await page.getByTestId('task-work').textContent()).toBe('Rà soát hồ sơ tồn đọng quá hạn của xã');
    expect(await page.getByTestId('task-time').textContent()).toContain(`${shownDate(1)} 17:00`);
    expect(await page.getByTestId('task-product').textContent()).toBe(
      'Danh sách hồ sơ quá hạn và đề xuất xử lý',
    );
    expect(await page.getByTestId('task-dossier').textContent()).toBe(dossierCode);
    // the leader may extend or cancel, not start: the API's allowed actions
    expect(
      await page
        .locator('.action-buttons button')
        .evaluateAll((b) => b.map((x) => x.getAttribute('data-action'))),
    ).toEqual(['extend', 'cancel']);
    // one key per submission: the refused one and the saved one
    expect(keys).toHaveLength(2);
    expect(keys[1]).not.toBe(keys[0]);
  });

  it('lets the specialist find it under “mine”, start it and hand in the product', async () => {
    await run.switchUser(SPECIALIST, '/cong-viec');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Công việc');
    expect(await page.getByRole('link', { name: 'Giao việc' }).count()).toBe(0);
    await page.getByLabel('Việc của tôi').check();
    await expect.poll(() => new URL(page.url()).searchParams.get('assignee')).toBe('me');
    await expect.poll(() => row(taskId).count()).toBe(1);
    const text = await row(taskId).textContent();
    for (const part of ['Rà soát hồ sơ tồn đọng', 'Chuyên viên xã Di Linh', `${shownDate(1)} 17:00`])
      expect(text).toContain(part);
    expect(await row(taskId).locator('.badge-amber').textContent()).toBe('Sắp đến hạn');
    expect(await row(taskId).locator('[data-status]').textContent()).toBe('Đã giao, chưa bắt đầu');

    await row(taskId).getByRole('link').click();
    await expect.poll(() => status()).toBe('Đã giao, chưa bắt đầu');
    await run.act('start');
    await expect.poll(() => status()).toBe('Đang thực hiện');
    // the product is required: the server names the field
    const form = await run.act('submit');
    await expect.poll(() => form.locator('[data-path=note] .field-error').textContent()).toBe('bắt buộc');
    await form.getByLabel('Sản phẩm bàn giao').fill('Danh sách 12 hồ sơ quá hạn');
    await form.getByRole('button', { name: 'Xác nhận' }).click();
    await expect.poll(() => status()).toBe('Đã nộp sản phẩm, chờ nghiệm thu');
    expect(await page.getByTestId('task-product-note').textContent()).toBe('Danh sách 12 hồ sơ quá hạn');
    expect(await page.getByTestId('task-timeliness').textContent()).toBe('Đúng hạn');
    expect(await page.locator('.action-buttons').count()).toBe(0);
  });

  it('the leader returns it with a reason, the specialist hands in again, the leader accepts', async () => {
    const taskPath = `/cong-viec/xem?id=${taskId}`;
    await run.switchUser(LEADER, taskPath);
    await expect.poll(() => status()).toBe('Đã nộp sản phẩm, chờ nghiệm thu');
    await run.act('return', { 'Nội dung cần hoàn thiện': 'Thiếu đề xuất xử lý cho từng hồ sơ' });
    await expect.poll(() => status()).toBe('Đang thực hiện');

    await run.switchUser(SPECIALIST, taskPath);
    await expect.poll(() => status()).toBe('Đang thực hiện');
    await run.act('submit', { 'Sản phẩm bàn giao': 'Danh sách 12 hồ sơ kèm đề xuất xử lý' });
    await expect.poll(() => status()).toBe('Đã nộp sản phẩm, chờ nghiệm thu');

    await run.switchUser(LEADER, taskPath);
    await run.act('accept');
    await expect.poll(() => status()).toBe('Hoàn thành');
    expect(await page.getByTestId('task-timeliness').textContent()).toBe('Đúng hạn');
    expect(await page.locator('.action-buttons').count()).toBe(0);
    const timeline = await readTimeline(page, 'task-timeline');
    expect(timeline.steps).toEqual(['assign', 'start', 'submit', 'return', 'submit', 'accept']);
    for (const words of [
      'Giao việc',
      'Bắt đầu thực hiện',
      'Nộp sản phẩm',
      'Trả lại để hoàn thiện',
      'Thiếu đề xuất xử lý cho từng hồ sơ',
      'Nghiệm thu, hoàn thành',
      'Đã nộp sản phẩm, chờ nghiệm thu → Hoàn thành',
    ])
      expect(timeline.text).toContain(words);
  });

  it('lists an overdue task under “overdue only”, with the red badge', async () => {
    const overdue = await assignTask(await run.apiAs(LEADER), {
      assignee: SPECIALIST,
      work: 'Báo cáo tình hình tiếp nhận quý',
      limit: { value: 2, unit: 'working_day' },
      responsibility: 'Số liệu đúng với MộtCửa',
      product: 'Báo cáo quý',
      authority: 'Theo kế hoạch của Ủy ban nhân dân xã',
    });
    overdueId = overdue.id;
    await run.makeTaskOverdue(overdueId);
    await page.goto(`${base}/cong-viec`);
    await expect.poll(() => row(taskId).count()).toBe(1);
    await page.getByLabel('Chỉ việc quá hạn').check();
    await expect.poll(() => new URL(page.url()).searchParams.get('overdue')).toBe('true');
    await expect.poll(() => page.locator('.queue-status').textContent()).toBe('Đang hiển thị 1 việc');
    expect(await row(taskId).count()).toBe(0);
    expect(await row(overdueId).locator('.badge-red').allTextContents()).toEqual(['Quá hạn', 'Trễ hạn']);
    // the filter survives a reload
    await page.reload();
    await expect.poll(() => row(overdueId).count()).toBe(1);
    expect(await page.getByLabel('Chỉ việc quá hạn').isChecked()).toBe(true);
    await row(overdueId).getByRole('link').click();
    await expect.poll(() => page.getByTestId('task-overdue').isVisible()).toBe(true);
    expect(await page.getByTestId('task-time').locator('.badge-red').textContent()).toBe('Quá hạn');
  });

  it('speaks English on the task list', async () => {
    await page.goto(`${base}/cong-viec?overdue=true`);
    await page.locator('#lang').selectOption('en');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Tasks');
    expect(await page.getByLabel('Overdue only').isChecked()).toBe(true);
    expect(await page.locator('.tasks-table thead').textContent()).toBe('WorkPersonTimeStatusTimeliness');
    await expect
      .poll(() => row(overdueId).locator('[data-status]').textContent())
      .toBe('Assigned, not started');
    expect(await row(overdueId).locator('.badge-red').allTextContents()).toEqual(['Overdue', 'Late']);
    expect(await page.getByRole('link', { name: 'Assign a task' }).count()).toBe(1);
    await page.locator('#lang').selectOption('vi');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Công việc');
  });

  it('shows 30 tasks at a time, “Xem thêm” appending the next page with the same filter', async () => {
    const leader = await run.apiAs(LEADER);
    const made: string[] = [];
    // the same time for all (three working days): the page ends in a tie, broken by the cursor's id
    for (let i = 1; i <= 31; i++)
      made.push((await assignTask(leader, { work: `Rà soát hồ sơ thôn ${String(i).padStart(2, '0')}` })).id);
    await page.goto(`${base}/cong-viec?status=assigned`);
    const rows = page.locator('.tasks-table tbody tr');
    const more = page.getByRole('button', { name: 'Xem thêm' });
    // 32 tasks not started (the 31 and the overdue one); the finished one is filtered out
    await expect.poll(() => page.locator('.queue-status').textContent()).toBe('Đang hiển thị 30 việc');
    expect(await rows.count()).toBe(30);
    expect(await more.isVisible()).toBe(true);
    const next = page.waitForRequest((r) => r.url().includes('/api/tasks?') && r.url().includes('cursor='));
    await more.click();
    const asked = new URL((await next).url()).searchParams;
    expect([asked.get('status'), asked.get('limit')]).toEqual(['assigned', '30']);
    await expect.poll(() => page.locator('.queue-status').textContent()).toBe('Đang hiển thị 32 việc');
    expect(await more.isVisible()).toBe(false);
    const ids = await rows.evaluateAll((r) => r.map((x) => x.getAttribute('data-id')));
    expect(ids[0]).toBe(overdueId); // nearest time first
    expect(new Set(ids).size).toBe(32);
    expect([...ids].sort()).toEqual([overdueId, ...made].sort());
    // a new filter starts again from the first page
    await page.getByLabel('Chỉ việc quá hạn').check();
    await expect.poll(() => page.locator('.queue-status').textContent()).toBe('Đang hiển thị 1 việc');
    expect(await rows.count()).toBe(1);
    expect(await more.isVisible()).toBe(false);
  });
});
