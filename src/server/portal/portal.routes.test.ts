import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/db.ts';
import { openTestApp, type TestApp } from '../../../test/support/app.ts';
import { buildIntake, seedCentre } from '../../../test/support/dossiers.ts';
import { TEST_NOW } from '../../../test/support/clock.ts';
import type { TCreateDossierRequest } from '../dossiers/dossier.schemas.ts';
import { PORTAL_LIMITS } from './portal.service.ts';

const MINUTE = 60_000;
const UNKNOWN = '000.00.68.25000-000000-9999';

/** A valid online submission; CCCD 068190001234 = Lâm Đồng, female, born 1990. */
function submission(applicant: Partial<TCreateDossierRequest['applicant']> = {}) {
  const { procedureCode } = buildIntake();
  return {
    unitCode: '25000',
    procedureCode,
    applicant: {
      kind: 'person' as const,
      name: 'Nguyễn Thị Hoa',
      idNumber: '068190001234',
      phone: '0912345678',
      ...applicant,
    },
  };
}

/** The JSON of an answer with `code` blanked out, to compare two answers "bar the code". */
const withoutCode = (body: string, code: string): unknown => JSON.parse(body.split(code).join('<code>'));

for (const dialect of DIALECTS) {
  describe(`public doors (${dialect})`, () => {
    let h: TestApp;
    let counter: string;
    /** Each test its own client address, so the per-address limits of one never touch another. */
    let n = 0;
    const nextIp = () => `192.0.2.${++n}`;

    beforeAll(async () => {
      h = await openTestApp(dialect, async (t) => {
        await seedCentre(t.db);
      });
      counter = await h.login('tiepnhan.dilinh');
    });
    afterAll(async () => h?.close());

    const submit = (body: unknown, ip: string, key?: string) =>
      h.app.inject({
        method: 'POST',
        url: '/api/public/dossiers',
        payload: body as object,
        remoteAddress: ip,
        headers: key ? { 'idempotency-key': key } : {},
      });

    const lookup = (code: string, verify: string, ip: string) =>
      h.app.inject({
        method: 'GET',
        url: `/api/public/dossiers/${encodeURIComponent(code)}?verify=${verify}`,
        remoteAddress: ip,
      });

    /** A dossier received at the counter (the counter has no limits). */
    async function received(applicant: Partial<TCreateDossierRequest['applicant']>): Promise<string> {
      const base = buildIntake();
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/dossiers',
        payload: { ...base, applicant: { ...base.applicant, ...applicant } },
        headers: { cookie: counter },
      });
      expect(res.statusCode).toBe(201);
      return res.json().code as string;
    }

    it('answers the right code and digits with the progress and the masked name', async () => {
      const code = await received({
        name: 'Nguyễn Thị Hoa',
        idNumber: '068190001234',
        phone: '0912345678',
      });
      const res = await lookup(code, '5678', nextIp());
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.applicantName).toBe('Nguyễn T*** H***');
      expect(Object.keys(body).sort()).toEqual([
        'applicantName',
        'canRate',
        'code',
        'dueAt',
        'electronicResult',
        'endedAt',
        'procedureName',
        'receivedAt',
        'resultReady',
        'status',
      ]);
      expect(body).toMatchObject({ code, status: 'received', resultReady: false, canRate: false });
      expect(res.body).not.toContain('0912345678');
      expect(res.body).not.toContain('068190001234');
      expect(res.headers['cache-control']).toBe('no-store');
    });

    it('answers a wrong code and wrong digits exactly alike', async () => {
      const code = await received({ phone: '0987000111' });
      const ip = nextIp();
      const wrong = await lookup(code, '0112', ip);
      const unknown = await lookup(UNKNOWN, '0111', ip);
      expect(wrong.statusCode).toBe(404);
      expect(unknown.statusCode).toBe(404);
      expect(withoutCode(wrong.body, code)).toEqual(withoutCode(unknown.body, UNKNOWN));
      expect(wrong.json().error.code).toBe('NOT_FOUND');
      const headers = (r: typeof wrong) => ({ ...r.headers, date: undefined, 'content-length': undefined });
      expect(headers(wrong)).toEqual(headers(unknown));
    });

    it('takes the digits from the ID number when there is no phone', async () => {
      const code = await received({ name: 'Trần Văn Bình', idNumber: '068090004321', phone: undefined });
      const ip = nextIp();
      expect((await lookup(code, '4321', ip)).json().applicantName).toBe('Trần V*** B***');
      expect((await lookup(code, '5678', ip)).statusCode).toBe(404);
    });

    it('asks for exactly four digits', async () => {
      const res = await h.app.inject({
        method: 'GET',
        url: `/api/public/dossiers/${UNKNOWN}`,
        remoteAddress: nextIp(),
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.issues[0]).toMatchObject({ path: 'verify' });
      expect((await lookup(UNKNOWN, '12a4', nextIp())).statusCode).toBe(400);
    });

    it('refuses the 11th failed lookup from one address in 10 minutes, and allows it after', async () => {
      const code = await received({ phone: '0911222333' });
      const ip = nextIp();
      const start = h.clock.now();
      try {
        for (let i = 0; i < 10; i++) {
          expect((await lookup(code, String(1000 + i), ip)).statusCode).toBe(404);
          h.clock.advance(MINUTE / 2);
        }
        const refused = await lookup(code, '2333', ip); // even the right digits
        expect(refused.statusCode).toBe(429);
        expect(refused.json().error.code).toBe('RATE_LIMITED');
        const wait = Number(refused.headers['retry-after']);
        // the first failure leaves the window 10 minutes after it was made
        expect(wait).toBe((start + 10 * MINUTE - h.clock.now()) / 1000);
        // another address is not affected
        expect((await lookup(code, '2333', nextIp())).statusCode).toBe(200);
        h.clock.advance(wait * 1000);
        expect((await lookup(code, '2333', ip)).statusCode).toBe(200);
      } finally {
        h.clock.set(TEST_NOW);
      }
    });

    it('limits every public request per address', async () => {
      const ip = nextIp();
      for (let i = 0; i < PORTAL_LIMITS.requests.limit; i++)
        expect((await lookup(UNKNOWN, 'abcd', ip)).statusCode).toBe(400);
      const refused = await lookup(UNKNOWN, 'abcd', ip);
      expect(refused.statusCode).toBe(429);
      expect(Number(refused.headers['retry-after'])).toBe(60);
      expect((await lookup(UNKNOWN, 'abcd', nextIp())).statusCode).toBe(400);
    });

    it('limits online submissions per applicant phone: 5 a day', async () => {
      const body = submission({ phone: '0903000001' });
      const ips = [nextIp(), nextIp()];
      try {
        for (let i = 0; i < 5; i++) expect((await submit(body, ips[i % 2]!)).statusCode).toBe(201);
        // another address, the same phone (+84 written differently)
        const refused = await submit(submission({ phone: '+84903000001' }), nextIp());
        expect(refused.statusCode).toBe(429);
        expect(Number(refused.headers['retry-after'])).toBe(24 * 3600);
        h.clock.advance(24 * 3600 * 1000);
        expect((await submit(body, nextIp())).statusCode).toBe(201);
      } finally {
        h.clock.set(TEST_NOW);
      }
    });

    it('limits online submissions per address: 20 an hour; refused ones do not count', async () => {
      const ip = nextIp();
      // invalid submissions (a CCCD of the wrong province) are refused and not counted
      const invalid = await submit(submission({ idNumber: '999190001234', phone: '0904000999' }), ip);
      expect(invalid.statusCode).toBe(400);
      const limit = PORTAL_LIMITS.submissionsPerAddress.limit;
      for (let i = 0; i < limit; i++) {
        const res = await submit(submission({ phone: `09040${String(i).padStart(5, '0')}` }), ip);
        expect(res.statusCode).toBe(201);
      }
      const refused = await submit(submission({ phone: '0904000888' }), ip);
      expect(refused.statusCode).toBe(429);
      expect(Number(refused.headers['retry-after'])).toBe(3600);
      expect((await submit(submission({ phone: '0904000888' }), nextIp())).statusCode).toBe(201);
    });

    it('answers a retried submission from the store even past the limit', async () => {
      const ip = nextIp();
      const body = submission({ phone: '0905000001' });
      const first = await submit(body, ip, 'retry-1');
      expect(first.statusCode).toBe(201);
      for (let i = 0; i < 4; i++) expect((await submit(body, ip)).statusCode).toBe(201);
      expect((await submit(body, ip)).statusCode).toBe(429);
      const retry = await submit(body, ip, 'retry-1');
      expect(retry.statusCode).toBe(201);
      expect(retry.json().code).toBe(first.json().code);
    });

    it('records the client address in the audit entry of an online submission', async () => {
      const ip = nextIp();
      const res = await submit(submission({ phone: '0906000001' }), ip);
      expect(res.statusCode).toBe(201);
      expect(res.json().applicantName).toBe('Nguyễn T*** H***');
      const entry = await h.t.db
        .selectFrom('audit_log')
        .select(['ip', 'actor_id', 'action'])
        .where('target_id', '=', res.json().code)
        .executeTakeFirstOrThrow();
      expect(entry).toEqual({ ip, actor_id: null, action: 'dossier.online_submit' });
    });
  });
}
