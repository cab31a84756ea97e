/**
 * End-to-end test of the petition screens (`/don-thu`, `/don-thu/moi`, `/don-thu/xem?ma=`): the shared browser
 * harness (real server, fresh SQLite file, demo accounts, Debian's chromium). A dossier and a denunciation are made
 * through the API; the counter officer lodges feedback about the dossier through the form (a too-short subject
 * first), the leader takes it to the end, a denouncer stays hidden from the counter (no part of the identity, the
 * content redacted) and is revealed to the leader, whose reveal the province inspector finds in the audit log
 * (`/nhat-ky`), and an overdue petition shows under the overdue filter; 30 more denunciations fill a page, and
 * "Xem thêm" appends the oldest.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  E2E_SKIP,
  postOk,
  readTimeline,
  receiveDossier,
  shownDate,
  startBrowserApp,
  type BrowserApp,
} from '../support/browser.ts';

const petitionPath = (code: string) => `/don-thu/xem?ma=${encodeURIComponent(code)}`;

describe.skipIf(E2E_SKIP)('petitions (chromium)', () => {
  let run: BrowserApp;
  let page: Page;
  let base: string;
  let dossierCode = '';
  let feedbackCode = '';
  let denunciationCode = '';

  beforeAll(async () => {
    run = await startBrowserApp();
    ({ page, base } = run);
    const counter = await run.apiAs('tiepnhan.dilinh');
    dossierCode = (await receiveDossier(counter)).code;
    const denunciation = await postOk(counter, '/api/petitions', {
      kind: 'denunciation',
      channel: 'direct',
      subject: 'Thu tiền sai quy định',
      content: 'Tôi là Nguyễn Văn An. Cán bộ thu thêm tiền ngoài lệ phí khi nhận hồ sơ, đề nghị xác minh.',
      petitioner: { name: 'Nguyễn Văn An', idNumber: '068090001234', phone: '0912345678' },
    });
    denunciationCode = denunciation.code;
  }, 90_000);

  afterAll(async () => {
    await run?.close();
  });

  const row = (code: string) => page.locator(`.petitions-table tbody tr[data-code="${code}"]`);
  const status = () => page.getByTestId('petition-status').textContent();

  it('lodges feedback about a dossier, showing the server’s field error in Vietnamese first', async () => {
    await run.signIn('tiepnhan.dilinh', `/ho-so?ma=${encodeURIComponent(dossierCode)}`);
    await page.getByRole('link', { name: 'Ghi nhận phản ánh, khiếu nại về hồ sơ này' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Tiếp nhận đơn thư');
    expect(await page.getByLabel('Mã hồ sơ liên quan').inputValue()).toBe(dossierCode);
    expect(await page.getByRole('radio', { name: /Phản ánh, kiến nghị/ }).isChecked()).toBe(true);
    // the complaint-only fields are hidden for feedback
    expect(await page.getByLabel('Ngày nhận được hoặc biết quyết định bị khiếu nại').isVisible()).toBe(false);

    const keys: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/api/petitions'))
        keys.push(r.headers()['idempotency-key'] ?? '');
    });
    await page.getByLabel('Nội dung tóm tắt').fill('ab');
    await page.getByLabel('Nội dung đơn').fill('Hồ sơ khai sinh đã quá hạn nhưng chưa được trả kết quả.');
    await page.getByLabel('Họ và tên').fill('Trần Thị Bình');
    await page.getByLabel('Số điện thoại').fill('0912 345 678');
    await page.getByRole('button', { name: 'Tiếp nhận và cấp mã đơn' }).click();
    const error = page.locator('[data-path="subject"] .field-error');
    await expect.poll(() => error.isVisible()).toBe(true);
    expect(await error.textContent()).toBe('tóm tắt nội dung đơn phải có ít nhất 3 ký tự');
    expect(await page.getByLabel('Nội dung tóm tắt').getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('Nội dung tóm tắt').fill('Chậm trả kết quả');
    await page.getByRole('button', { name: 'Tiếp nhận và cấp mã đơn' }).click();
    await page.waitForURL(/\/don-thu\/xem\?ma=/);
    feedbackCode = new URL(page.url()).searchParams.get('ma') ?? '';
    expect(feedbackCode).toMatch(/\.DT-\d{6}-\d{4}$/);
    await expect.poll(() => page.locator('h1').textContent()).toBe(`Đơn ${feedbackCode}`);
    expect(await status()).toBe('Đã tiếp nhận, chờ thụ lý');
    expect(await page.getByTestId('petition-dossier').textContent()).toBe(dossierCode);
    // one key per submission: the refused one and the saved one
    expect(keys).toHaveLength(2);
    for (const k of keys) expect(k).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).not.toBe(keys[0]);
  });

  it('lists it in the register, with the filters in the address', async () => {
    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Đơn thư' })
      .click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Đơn thư');
    await expect.poll(() => row(feedbackCode).count()).toBe(1);
    const text = await row(feedbackCode).textContent();
    for (const part of ['Phản ánh, kiến nghị', 'Chậm trả kết quả', 'Trần Thị Bình', shownDate()])
      expect(text).toContain(part);
    expect(text).toContain('Hạn thụ lý hoặc từ chối');
    expect(text).toContain('Đã tiếp nhận, chờ thụ lý');
    expect(await page.getByRole('link', { name: 'Tiếp nhận đơn mới' }).count()).toBe(1);
    await page
      .getByRole('navigation', { name: 'Lọc theo loại đơn' })
      .getByRole('link', { name: 'Tố cáo' })
      .click();
    await expect.poll(() => row(feedbackCode).count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('kind')).toBe('denunciation');
    await expect.poll(() => row(denunciationCode).count()).toBe(1);
  });

  it('shows the counter officer no part of a denouncer, with no reveal button (the server refuses it)', async () => {
    expect(await row(denunciationCode).textContent()).toContain('(Người tố cáo được giữ bí mật)');
    expect(await row(denunciationCode).textContent()).not.toContain('N. V. A.');
    await row(denunciationCode).getByRole('link', { name: denunciationCode }).click();
    await expect
      .poll(() => page.getByTestId('petitioner-name').textContent())
      .toBe('(Người tố cáo được giữ bí mật)');
    // the name the officer typed into the content is hidden too
    expect(await page.getByTestId('petition-content').textContent()).toBe(
      'Tôi là [đã ẩn]. Cán bộ thu thêm tiền ngoài lệ phí khi nhận hồ sơ, đề nghị xác minh.',
    );
    expect(await page.locator('main').textContent()).not.toMatch(/Nguyễn|0912|1234|N\. V\./);
    const card = page.locator('section[aria-labelledby=sec-petitioner]');
    expect(await page.locator('#sec-petitioner').textContent()).toBe('Người tố cáo');
    expect(await card.textContent()).toContain('chỉ lãnh đạo xã được xem đầy đủ');
    expect(await page.getByTestId('reveal').count()).toBe(0);
    // the button is hidden only: the server itself refuses the counter officer
    const refused = await (
      await run.apiAs('tiepnhan.dilinh')
    ).get(`/api/petitions/${encodeURIComponent(denunciationCode)}/petitioner`);
    expect(refused.status()).toBe(403);
    // the counter officer may not accept; withdrawing is theirs
    expect(await page.locator('button[data-action=accept]').count()).toBe(0);
    expect(await page.locator('button[data-action=withdraw]').count()).toBe(1);
  });

  it('lets the leader accept, resolve with a conclusion and publish; the timeline shows the four steps', async () => {
    await run.switchUser('lanhdao.dilinh', petitionPath(feedbackCode));
    await expect.poll(() => status()).toBe('Đã tiếp nhận, chờ thụ lý');

    await run.act('accept');
    await expect.poll(() => status()).toBe('Đã thụ lý, đang giải quyết');
    expect(await page.locator('[data-deadline=resolve]').textContent()).toMatch(
      /\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/,
    );

    const resolve = await run.act('resolve');
    // no conclusion chosen: the server names the field
    await expect.poll(() => resolve.locator('[data-path=conclusion] .field-error').isVisible()).toBe(true);
    expect(
      await resolve.getByRole('combobox', { name: 'Kết luận' }).locator('option').allTextContents(),
    ).toEqual(['— Chọn kết luận —', 'Đã trả lời', 'Tiếp thu, sửa đổi']);
    await resolve.getByLabel('Kết luận').selectOption('answered');
    await resolve.getByLabel('Nội dung trả lời').fill('Đã trả kết quả hồ sơ và xin lỗi người dân.');
    await resolve.getByRole('button', { name: 'Xác nhận' }).click();
    await expect.poll(() => status()).toBe('Đã giải quyết');
    expect(await page.getByTestId('petition-conclusion').textContent()).toBe('Đã trả lời');
    expect(await page.locator('[data-deadline=publish]').textContent()).toMatch(/\d{2}\/\d{2}\/\d{4}/);

    await run.act('publish');
    await expect
      .poll(() => page.locator('[data-deadline=publish]').textContent())
      .toContain('đã công khai lúc');
    expect(await page.locator('[data-deadline=publish] .badge').count()).toBe(0);

    const timeline = await readTimeline(page, 'petition-timeline');
    expect(timeline.steps).toEqual(['lodge', 'accept', 'resolve', 'publish']);
    for (const words of [
      'Tiếp nhận đơn',
      'Thụ lý',
      'Kết luận, giải quyết',
      'Công khai kết quả',
      'Đã trả lời',
    ])
      expect(timeline.text).toContain(words);
    expect(await page.locator('.action-buttons').count()).toBe(0);
  });

  it('lets the leader see the denouncer, noting the audit', async () => {
    await page.goto(`${base}${petitionPath(denunciationCode)}`);
    await page.getByRole('button', { name: 'Hiện thông tin' }).click();
    await expect.poll(() => page.getByTestId('petitioner-name').textContent()).toBe('Nguyễn Văn An');
    expect(await page.locator('section', { has: page.locator('#sec-petitioner') }).textContent()).toContain(
      'Lần xem này đã được ghi vào nhật ký.',
    );
    expect(await page.getByTestId('petition-content').textContent()).toContain('Tôi là Nguyễn Văn An.');
  });

  it('lets the province inspector find the leader’s reveal in the audit log', async () => {
    await run.switchUser('thanhtra.lamdong', '/nhat-ky');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Nhật ký');
    expect(await page.getByRole('navigation', { name: 'Điều hướng chính' }).textContent()).toContain(
      'Nhật ký',
    );
    await page.getByLabel('Thao tác (hoặc phần đầu, vd. petition.)').fill('petition.read_personal_data');
    await page.getByLabel('Thao tác (hoặc phần đầu, vd. petition.)').press('Tab');
    const reveal = page.locator(`.audit-table tbody tr[data-action="petition.read_personal_data"]`);
    await expect.poll(() => reveal.count()).toBeGreaterThan(0);
    expect(await reveal.first().textContent()).toContain('lanhdao.dilinh');
    expect(await reveal.first().textContent()).toContain(denunciationCode);
    expect(await reveal.first().textContent()).not.toContain('Nguyễn');
    expect(new URL(page.url()).searchParams.get('action')).toBe('petition.read_personal_data');
    await run.switchUser('lanhdao.dilinh', '/don-thu'); // the leader goes on
  });

  it('warns when a complaint is lodged after the 90 days', async () => {
    await page.goto(`${base}/don-thu/moi`);
    await page.getByRole('radio', { name: /Khiếu nại/ }).check();
    await page.getByLabel('Nội dung tóm tắt').fill('Khiếu nại quyết định xử phạt');
    await page.getByLabel('Nội dung đơn').fill('Đề nghị xem xét lại quyết định xử phạt hành chính.');
    await page.getByLabel('Họ và tên').fill('Phạm Văn Dũng');
    await page.getByLabel('Ngày nhận được hoặc biết quyết định bị khiếu nại').fill(shownDate(-200));
    await page.getByRole('radio', { name: 'Giải quyết lần hai' }).check();
    await page.getByRole('button', { name: 'Tiếp nhận và cấp mã đơn' }).click();
    await page.waitForURL(/\/don-thu\/xem\?ma=/);
    await expect.poll(() => page.getByTestId('lodged-late').isVisible()).toBe(true);
    expect(await page.getByTestId('petition-kind').textContent()).toBe('Khiếu nại');
    expect(await page.locator('main').textContent()).toContain('Giải quyết lần hai');
    expect(await page.locator('main').textContent()).toContain(shownDate(-200));
  });

  it('lists an overdue petition under the overdue filter, with the red badge', async () => {
    await run.app.db
      .updateTable('petitions')
      .set({ respond_by: Date.now() - 3_600_000 })
      .where('code', '=', denunciationCode)
      .execute();
    await page.goto(`${base}/don-thu`);
    await expect.poll(() => row(feedbackCode).count()).toBe(1);
    await page.getByLabel('Chỉ đơn quá hạn').check();
    await expect.poll(() => new URL(page.url()).searchParams.get('overdue')).toBe('true');
    await expect.poll(() => page.locator('.queue-status').textContent()).toBe('Đang hiển thị 1 đơn');
    expect(await row(feedbackCode).count()).toBe(0);
    const overdue = row(denunciationCode);
    expect(await overdue.locator('.badge-red').textContent()).toBe('Quá hạn');
    // the filter survives a reload
    await page.reload();
    await expect.poll(() => row(denunciationCode).count()).toBe(1);
    expect(await page.getByLabel('Chỉ đơn quá hạn').isChecked()).toBe(true);
  });

  it('shows the register in English', async () => {
    await page.locator('#lang').selectOption('en');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Petitions');
    expect(await page.getByRole('navigation', { name: 'Filter by kind' }).textContent()).toBe(
      'AllComplaintDenunciationFeedback',
    );
    expect(await page.getByLabel('Overdue only').isChecked()).toBe(true);
    const overdue = row(denunciationCode);
    await expect.poll(() => overdue.locator('.badge-red').textContent()).toBe('Overdue');
    expect(await overdue.textContent()).toContain('Received, to be accepted');
    expect(await page.locator('.petitions-table thead').textContent()).toContain('Next deadline');
    await page.locator('#lang').selectOption('vi');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Đơn thư');
  });

  it('shows 30 petitions at a time, “Xem thêm” appending older ones of the same kind', async () => {
    const counter = await run.apiAs('tiepnhan.dilinh');
    for (let i = 1; i <= 30; i++)
      await postOk(counter, '/api/petitions', {
        kind: 'denunciation',
        channel: 'postal',
        subject: `Tố cáo số ${i}`,
        content: 'Nội dung tố cáo gửi qua bưu chính, đề nghị xác minh.',
        petitioner: { name: 'Lê Thị Hoa' },
      });
    await page.goto(`${base}/don-thu?kind=denunciation`);
    const rows = page.locator('.petitions-table tbody tr');
    const more = page.getByRole('button', { name: 'Xem thêm' });
    await expect.poll(() => page.locator('.queue-status').textContent()).toBe('Đang hiển thị 30 đơn');
    expect(await row(denunciationCode).count()).toBe(0); // the oldest, on the next page
    const next = page.waitForRequest(
      (r) => r.url().includes('/api/petitions?') && r.url().includes('cursor='),
    );
    await more.click();
    expect(new URL((await next).url()).searchParams.get('kind')).toBe('denunciation');
    await expect.poll(() => page.locator('.queue-status').textContent()).toBe('Đang hiển thị 31 đơn');
    expect(await rows.last().getAttribute('data-code')).toBe(denunciationCode);
    expect(await more.isVisible()).toBe(false);
  });
});
