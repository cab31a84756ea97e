/**
 * Issue 12's "done when", end to end: a citizen submits online through the public API, the counter officer accepts
 * it in the browser, and the notifications outbox (the delivery job the server schedules, with the senders its
 * settings name) sends the receipt by email to a real SMTP server on loopback. The email names the dossier code,
 * the appointment date (dd/MM/yyyy) and the public lookup link (MOTCUA_PUBLIC_URL).
 */
import { request, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.ts';
import { deliverNotificationsJob } from '../../src/server/notifications/notification.delivery.ts';
import { sendersFromConfig, SmtpSender } from '../../src/server/notifications/notification.senders.ts';
import type { AppInstance } from '../../src/server/platform/types.ts';
import { E2E_SKIP, startBrowserApp, type BrowserApp } from '../support/browser.ts';
import { startSmtp, textOf } from '../support/smtp.ts';

const PUBLIC_URL = 'https://motcua.dilinh.lamdong.gov.vn';
const EMAIL = 'nguyen.thi.mai@example.vn';

const ddMMyyyy = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(Date.parse(iso));

describe.skipIf(E2E_SKIP)('online submission accepted at the counter, the citizen emailed (chromium)', () => {
  let run: BrowserApp;
  let page: Page;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let env: Record<string, string>;

  beforeAll(async () => {
    smtp = await startSmtp();
    env = { MOTCUA_SMTP_URL: smtp.url, MOTCUA_PUBLIC_URL: PUBLIC_URL, MOTCUA_SMS_ADAPTER: 'none' };
    run = await startBrowserApp(env);
    page = run.page;
  }, 90_000);

  afterAll(async () => {
    await run?.close();
    await smtp?.close();
  });

  it('submits online, accepts in the browser, and the outbox emails the receipt with the lookup link', async () => {
    const citizen = await request.newContext({ baseURL: run.base });
    const res = await citizen.post('/api/public/dossiers', {
      data: {
        unitCode: '25000',
        procedureCode: '1.001193',
        applicant: {
          kind: 'person',
          name: 'Nguyễn Thị Mai',
          idNumber: '068190001234',
          phone: '0987650011',
          email: EMAIL,
        },
      },
    });
    const submitted = (await res.json()) as { code: string };
    expect(res.status(), JSON.stringify(submitted)).toBe(201);
    await citizen.dispose();
    const { code } = submitted;

    await page.setViewportSize({ width: 1366, height: 768 });
    await run.signIn('tiepnhan.dilinh', `/ho-so/${encodeURIComponent(code)}`);
    await page.locator('button[data-action=accept_online]').waitFor();
    await run.act('accept_online');
    await expect.poll(() => page.getByTestId('dossier-status').textContent()).toBe('Đã tiếp nhận');

    // The delivery job as `motcua serve` schedules it, with the senders and public address of the settings.
    const config = loadConfig({ DATABASE_URL: 'sqlite::memory:', ...env });
    const senders = sendersFromConfig(config, () => {});
    expect(senders.email).toBeInstanceOf(SmtpSender);
    const job = deliverNotificationsJob(senders, { publicUrl: config.MOTCUA_PUBLIC_URL });
    const outcome = await job.run((run.app as unknown as AppInstance).db, Date.now());
    (senders.email as SmtpSender).close();
    expect(outcome).toMatchObject({ failed: 0 });

    const counter = await run.apiAs('tiepnhan.dilinh');
    const dossier = (await (await counter.get(`/api/dossiers/${encodeURIComponent(code)}`)).json()) as {
      dueAt: string;
    };
    const mails = smtp.received.filter((m) => m.to.includes(EMAIL));
    expect(mails).toHaveLength(1);
    const mail = textOf(mails[0]!.raw);
    expect(mail.subject).toBe(`Đã tiếp nhận hồ sơ ${code}`);
    expect(mail.body).toContain(`hồ sơ ${code}`);
    expect(mail.body).toMatch(
      new RegExp(`Ngày hẹn trả kết quả: \\d{2}:\\d{2} ngày ${ddMMyyyy(dossier.dueAt)}\\.`),
    );
    expect(mail.body).toContain(`${PUBLIC_URL}/tra-cuu?code=${encodeURIComponent(code)}`);
    expect(mail.body).not.toContain('068190001234'); // no identity number in an email

    // The notice is recorded on the dossier as sent, and shown there.
    await page.reload();
    const row = page.locator('.notices-table tbody tr', { hasText: 'Thư điện tử' });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('Đã gửi');
  }, 90_000);
});
