import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDb, type TestDb } from '../../../test/support/db.ts';
import { at, buildIntake, seedCentre, type Staff } from '../../../test/support/dossiers.ts';
import { startSmtp, textOf, type ReceivedMail } from '../../../test/support/smtp.ts';
import { loadConfig } from '../config.ts';
import { intake } from '../dossiers/dossier.intake.service.ts';
import { deliverDue, MAX_ATTEMPTS, nextAttemptAfter, RETRY_BASE_MS } from './notification.delivery.ts';
import {
  LoggingGateway,
  PhoneSender,
  sendersFromConfig,
  SmtpSender,
  type Senders,
} from './notification.senders.ts';

const PREFIX = '000.00';

for (const dialect of DIALECTS) {
  describe(`notification delivery on ${dialect}`, () => {
    let t: TestDb;
    let s: Staff;
    const cleanups: (() => unknown)[] = [];
    beforeAll(async () => {
      t = await openTestDb(dialect);
      s = await seedCentre(t.db);
    });
    afterEach(async () => {
      for (const c of cleanups.splice(0)) await c();
    });
    afterAll(async () => t?.dispose());

    /** A received dossier whose applicant gave `email` (and no phone unless `phone`). */
    const receive = async (now: number, email: string, phone?: string) => {
      const d = await t.db.transaction().execute((trx) =>
        intake(trx, s.counter, buildIntake({ applicant: { ...buildIntake().applicant, email, phone } }), {
          now,
          agencyPrefix: PREFIX,
        }),
      );
      return d;
    };
    const noticesOf = (dossierId: string) =>
      t.db
        .selectFrom('notifications')
        .selectAll()
        .where('dossier_id', '=', dossierId)
        .orderBy('channel')
        .execute();
    /** Only this test's notices are due: earlier tests' are marked done so they do not mix in. */
    const settleOthers = () =>
      t.db.updateTable('notifications').set({ status: 'sent' }).where('status', '=', 'pending').execute();
    const smtpSenders = async (options: { refuse?: boolean } = {}): Promise<[Senders, ReceivedMail[]]> => {
      const smtp = await startSmtp(options);
      const email = new SmtpSender(smtp.url, 'MộtCửa <motcua@xa.test>');
      cleanups.push(() => email.close(), smtp.close);
      return [{ email }, smtp.received];
    };

    it('delivers an email to a real SMTP server and records it sent on the dossier', async () => {
      await settleOthers();
      const now = at(2026, 4, 6, 9);
      const d = await receive(now, 'an@example.vn');
      const [senders, received] = await smtpSenders();
      const outcome = await deliverDue(t.db, senders, now + 1000);
      expect(outcome).toMatchObject({ done: 1, failed: 0 });
      expect(received).toHaveLength(1);
      expect(received[0]!.to).toEqual(['an@example.vn']);
      expect(received[0]!.raw).toContain(d.code);
      expect(received[0]!.raw).not.toContain('068090001234');
      const [n] = await noticesOf(d.id);
      expect(n).toMatchObject({ status: 'sent', attempts: 1, sent_at: now + 1000, last_error: null });
      expect(n!.claimed_by).toBeNull();
      // Sent once: the next run finds nothing to do.
      expect(await deliverDue(t.db, senders, now + 120_000)).toMatchObject({ done: 0, failed: 0 });
      expect(received).toHaveLength(1);
    });

    it('adds the lookup link at the public address to the applicant’s email when it is configured', async () => {
      await settleOthers();
      const now = at(2026, 4, 9, 9);
      const d = await receive(now, 'link@example.vn');
      const [senders, received] = await smtpSenders();
      await deliverDue(t.db, senders, now + 1000, 'runner', { publicUrl: 'https://motcua.lamdong.gov.vn/' });
      const mail = textOf(received[0]!.raw);
      expect(mail.subject).toBe(`Đã tiếp nhận hồ sơ ${d.code}`);
      expect(mail.body).toContain(
        `Tra cứu hồ sơ trực tuyến: https://motcua.lamdong.gov.vn/tra-cuu?code=${encodeURIComponent(d.code)}\n\nBộ phận Một cửa`,
      );
      // The row keeps the text as queued (the link belongs to the sending, where the address is configured).
      expect((await noticesOf(d.id))[0]!.body).not.toContain('tra-cuu');
    });

    it('retries a refused email with exponential backoff, then gives up', async () => {
      await settleOthers();
      const now = at(2026, 4, 6, 9);
      const d = await receive(now, 'busy@example.vn');
      const [senders, received] = await smtpSenders({ refuse: true });
      let clock = now;
      const runs: [string, number, number | null][] = [];
      for (let i = 1; i <= MAX_ATTEMPTS; i++) {
        const outcome = await deliverDue(t.db, senders, clock);
        expect(outcome).toMatchObject({ done: 0, failed: 1 });
        const [n] = await noticesOf(d.id);
        expect(n!.last_error).toMatch(/451|busy/);
        runs.push([n!.status, n!.attempts, n!.next_attempt_at === null ? null : n!.next_attempt_at - clock]);
        if (n!.next_attempt_at === null) break;
        // Not before its time: a run a second early sends nothing.
        expect(await deliverDue(t.db, senders, n!.next_attempt_at - 1000)).toMatchObject({
          done: 0,
          failed: 0,
        });
        clock = n!.next_attempt_at;
      }
      expect(runs).toEqual([
        ['pending', 1, RETRY_BASE_MS],
        ['pending', 2, 2 * RETRY_BASE_MS],
        ['pending', 3, 4 * RETRY_BASE_MS],
        ['pending', 4, 8 * RETRY_BASE_MS],
        ['pending', 5, 16 * RETRY_BASE_MS],
        ['failed', MAX_ATTEMPTS, null],
      ]);
      expect(nextAttemptAfter(3, 0)).toBe(4 * RETRY_BASE_MS);
      expect(received).toHaveLength(0);
    });

    it('sends each notice once when two job runs race for the outbox', async () => {
      await settleOthers();
      const now = at(2026, 4, 7, 9);
      const dossiers = [];
      for (let i = 0; i < 8; i++) dossiers.push(await receive(now, `race${i}@example.vn`));
      const [senders, received] = await smtpSenders();
      const [a, b] = await Promise.all([
        deliverDue(t.db, senders, now + 1000, 'runner-a'),
        deliverDue(t.db, senders, now + 1000, 'runner-b'),
      ]);
      expect(a.done + b.done).toBe(8);
      expect(a.failed + b.failed).toBe(0);
      const addresses = received.flatMap((r) => r.to).sort();
      expect(addresses).toEqual(dossiers.map((_, i) => `race${i}@example.vn`).sort());
      for (const d of dossiers)
        expect((await noticesOf(d.id))[0]).toMatchObject({ status: 'sent', attempts: 1 });
    });

    it('passes SMS through the logging adapter, the number masked', async () => {
      await settleOthers();
      const now = at(2026, 4, 8, 9);
      const d = await receive(now, 'sms@example.vn', '0987654321');
      const lines: string[] = [];
      const senders: Senders = { sms: new PhoneSender(new LoggingGateway('sms', (l) => lines.push(l))) };
      await deliverDue(t.db, senders, now);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain('sms to 09******21');
      expect(lines[0]).toContain(d.code);
      expect(lines[0]).not.toContain('0987654321');
      const rows = await noticesOf(d.id);
      expect(rows.map((r) => [r.channel, r.status, r.last_error])).toEqual([
        ['email', 'not_sent', 'no channel'],
        ['sms', 'sent', null],
      ]);
    });

    it('builds the senders from the settings: no SMTP means no email sender, SMS logs by default', async () => {
      const none = sendersFromConfig(loadConfig({}), () => {});
      expect(Object.keys(none).sort()).toEqual(['sms']);
      const smtp = await startSmtp();
      cleanups.push(smtp.close);
      const port = smtp.url.split(':').pop()!;
      const configured = sendersFromConfig(
        loadConfig({ MOTCUA_SMTP_HOST: '127.0.0.1', MOTCUA_SMTP_PORT: port, MOTCUA_SMS_ADAPTER: 'none' }),
        () => {},
      );
      expect(Object.keys(configured)).toEqual(['email']);
      await configured.email!.send({ to: 'x@example.vn', subject: 'Thử', body: 'Nội dung' });
      (configured.email as SmtpSender).close();
      expect(smtp.received.map((r) => r.to)).toEqual([['x@example.vn']]);
      expect(() => loadConfig({ MOTCUA_SMTP_URL: 'http://mail' })).toThrow(/MOTCUA_SMTP_URL/);
    });
  });
}
