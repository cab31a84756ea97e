/**
 * The Zalo channel (docs/NOTIFICATIONS.md "Zalo"): off unless configured; configured, an applicant's phone gets a
 * Zalo notice beside the SMS, sent through the OA's ZNS template API — here a small HTTP server on loopback standing
 * in for Zalo's endpoint (Zalo is not reachable from the test machines).
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDb, type TestDb } from '../../../test/support/db.ts';
import { at, buildIntake, seedCentre, type Staff } from '../../../test/support/dossiers.ts';
import { loadConfig } from '../config.ts';
import { intake } from '../dossiers/dossier.intake.service.ts';
import { deliverDue } from './notification.delivery.ts';
import { sendersFromConfig, ZaloZnsSender, zaloPhone } from './notification.senders.ts';
import { setApplicantPhoneChannels } from './notification.service.ts';

interface ZnsCall {
  headers: IncomingHttpHeaders;
  body: { phone: string; template_id: string; template_data: Record<string, string>; tracking_id?: string };
}

/** Zalo's ZNS endpoint, as documented: `{ error: 0, … }` on success; `answer` may say otherwise. */
async function startZns(answer: () => { status: number; body: object }) {
  const calls: ZnsCall[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      calls.push({
        headers: req.headers,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as ZnsCall['body'],
      });
      const a = answer();
      res.writeHead(a.status, { 'content-type': 'application/json' }).end(JSON.stringify(a.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    calls,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/message/template`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const OK = { status: 200, body: { error: 0, message: 'Success', data: { msg_id: 'm1', sent_time: '1' } } };

describe('Zalo settings', () => {
  it('is off by default, and zns needs its token and templates', () => {
    expect(sendersFromConfig(loadConfig({}), () => {}).zalo).toBeUndefined();
    expect(() => loadConfig({ MOTCUA_ZALO_ADAPTER: 'zns' })).toThrow(/MOTCUA_ZALO_ACCESS_TOKEN/);
    expect(() =>
      loadConfig({
        MOTCUA_ZALO_ADAPTER: 'zns',
        MOTCUA_ZALO_ACCESS_TOKEN: 't',
        MOTCUA_ZALO_TEMPLATES: 'receipt',
      }),
    ).toThrow(/MOTCUA_ZALO_TEMPLATES/);
    const senders = sendersFromConfig(
      loadConfig({
        MOTCUA_ZALO_ADAPTER: 'zns',
        MOTCUA_ZALO_ACCESS_TOKEN: 't',
        MOTCUA_ZALO_TEMPLATES: 'receipt=1',
      }),
      () => {},
    );
    expect(senders.zalo).toBeInstanceOf(ZaloZnsSender);
    expect([zaloPhone('0987 654 321'), zaloPhone('+84987654321'), zaloPhone('84987654321')]).toEqual([
      '84987654321',
      '84987654321',
      '84987654321',
    ]);
  });
});

for (const dialect of DIALECTS) {
  describe(`Zalo notices through ZNS on ${dialect}`, () => {
    let t: TestDb;
    let s: Staff;
    const cleanups: (() => unknown)[] = [];
    beforeAll(async () => {
      t = await openTestDb(dialect);
      s = await seedCentre(t.db);
    });
    afterEach(async () => {
      setApplicantPhoneChannels(['sms']);
      for (const c of cleanups.splice(0)) await c();
    });
    afterAll(async () => t?.dispose());

    const receive = (now: number, phone: string) =>
      t.db.transaction().execute((trx) =>
        intake(trx, s.counter, buildIntake({ applicant: { ...buildIntake().applicant, phone } }), {
          now,
          agencyPrefix: '000.00',
        }),
      );
    const noticesOf = (dossierId: string) =>
      t.db
        .selectFrom('notifications')
        .select(['channel', 'status', 'attempts', 'last_error', 'recipient'])
        .where('dossier_id', '=', dossierId)
        .orderBy('channel')
        .execute();
    /** Settles what earlier tests left pending, so that each test's run sees its own notices only. */
    const settle = (now: number) => deliverDue(t.db, {}, now);

    it('without Zalo configured, a phone gets SMS only: no Zalo notice on the dossier', async () => {
      const d = await receive(at(2026, 4, 6, 9), '0987000001');
      expect((await noticesOf(d.id)).map((n) => n.channel)).toEqual(['sms']);
    });

    it('configured, sends the receipt through the ZNS template with the code, to 84…, with the OA token', async () => {
      const zns = await startZns(() => OK);
      cleanups.push(zns.close);
      setApplicantPhoneChannels(['sms', 'zalo']);
      const now = at(2026, 4, 6, 10);
      await settle(now - 1);
      const d = await receive(now, '0987000002');
      const sender = new ZaloZnsSender(zns.url, 'oa-token', new Map([['receipt', '250001']]));
      const outcome = await deliverDue(t.db, { zalo: sender }, now + 1000);
      expect(outcome).toMatchObject({ failed: 0 });
      expect(zns.calls).toHaveLength(1);
      expect(zns.calls[0]!.headers['access_token']).toBe('oa-token');
      expect(zns.calls[0]!.body).toMatchObject({
        phone: '84987000002',
        template_id: '250001',
        template_data: { ma_ho_so: d.code, tieu_de: `Đã tiếp nhận hồ sơ ${d.code}` },
      });
      expect(zns.calls[0]!.body.tracking_id).toEqual(expect.any(String));
      const rows = await noticesOf(d.id);
      expect(rows.map((r) => [r.channel, r.status])).toEqual([
        ['sms', 'not_sent'], // no SMS sender in this run
        ['zalo', 'sent'],
      ]);
    });

    it('retries what Zalo refuses, and records a kind without a template as not sent', async () => {
      const zns = await startZns(() => ({
        status: 200,
        body: { error: -124, message: 'Access token invalid' },
      }));
      cleanups.push(zns.close);
      setApplicantPhoneChannels(['sms', 'zalo']);
      const now = at(2026, 4, 7, 9);
      await settle(now - 1);
      const refused = await receive(now, '0987000003');
      await deliverDue(
        t.db,
        { zalo: new ZaloZnsSender(zns.url, 'expired', new Map([['receipt', '1']])) },
        now,
      );
      const [, zalo] = await noticesOf(refused.id);
      expect(zalo).toMatchObject({ channel: 'zalo', status: 'pending', attempts: 1 });
      expect(zalo!.last_error).toContain('-124');

      const later = at(2026, 4, 8, 9);
      await settle(later - 1);
      const noTemplate = await receive(later, '0987000004');
      const calls = zns.calls.length;
      await deliverDue(
        t.db,
        { zalo: new ZaloZnsSender(zns.url, 't', new Map([['result_ready', '2']])) },
        later,
      );
      const [, z] = await noticesOf(noTemplate.id);
      expect(z).toMatchObject({ status: 'not_sent', last_error: 'no zalo template for receipt' });
      expect(zns.calls.length).toBe(calls); // nothing was sent to Zalo
    });
  });
}
