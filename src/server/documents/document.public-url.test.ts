/**
 * The QR code and link of the slips: MOTCUA_PUBLIC_URL when set, else the address the request came in on
 * (X-Forwarded-Proto/Host believed only from the proxies MOTCUA_TRUST_PROXY trusts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../../test/support/app.ts';
import { DIALECTS } from '../../../test/support/db.ts';
import { at, buildIntake, seedCentre } from '../../../test/support/dossiers.ts';
import { loadConfig } from '../config.ts';
import { intake } from '../dossiers/dossier.intake.service.ts';
import { pdfText } from './pdf.inspect.ts';

describe('MOTCUA_PUBLIC_URL in the configuration', () => {
  it('is optional, loses a trailing slash, and must be an http(s) URL', () => {
    expect(loadConfig({}).MOTCUA_PUBLIC_URL).toBeUndefined();
    expect(loadConfig({ MOTCUA_PUBLIC_URL: 'https://dichvucong.lamdong.gov.vn/' }).MOTCUA_PUBLIC_URL).toBe(
      'https://dichvucong.lamdong.gov.vn',
    );
    expect(() => loadConfig({ MOTCUA_PUBLIC_URL: 'ftp://files.example' })).toThrow(/MOTCUA_PUBLIC_URL/);
    expect(() => loadConfig({ MOTCUA_PUBLIC_URL: 'motcua.lamdong' })).toThrow(/MOTCUA_PUBLIC_URL/);
  });
});

for (const dialect of DIALECTS) {
  describe(`the lookup URL of the slips on ${dialect}`, () => {
    const apps: TestApp[] = [];
    let code = '';
    const open = async (env: Record<string, string>) => {
      const app = await openTestApp(
        dialect,
        async (t) => {
          const s = await seedCentre(t.db);
          const d = await t.db
            .transaction()
            .execute((trx) =>
              intake(trx, s.counter, buildIntake(), { now: at(2026, 3, 2, 9), agencyPrefix: '000.00' }),
            );
          code = d.code;
        },
        { env },
      );
      apps.push(app);
      return { app, cookie: await app.login('tiepnhan.dilinh') };
    };
    const receipt = async (
      a: { app: TestApp; cookie: string },
      headers: Record<string, string>,
    ): Promise<string> => {
      const res = await a.app.app.inject({
        method: 'GET',
        url: `/api/dossiers/${code}/documents/receipt.pdf`,
        headers: { cookie: a.cookie, ...headers },
      });
      expect(res.statusCode).toBe(200);
      return pdfText(res.rawPayload);
    };
    afterAll(async () => {
      for (const app of apps) await app.close();
    });

    let configured: { app: TestApp; cookie: string };
    let direct: { app: TestApp; cookie: string };
    let proxied: { app: TestApp; cookie: string };
    beforeAll(async () => {
      configured = await open({ MOTCUA_PUBLIC_URL: 'https://dichvucong.lamdong.gov.vn/' });
      direct = await open({});
      proxied = await open({ MOTCUA_TRUST_PROXY: '127.0.0.1' });
    });

    it('uses MOTCUA_PUBLIC_URL when set, whatever host the request names', async () => {
      const text = await receipt(configured, { host: '10.0.0.12:3000' });
      expect(text).toContain(`https://dichvucong.lamdong.gov.vn/tra-cuu?code=${code}`);
      expect(text).not.toContain('10.0.0.12');
    });

    it('without it, uses the address the request came in on', async () => {
      const text = await receipt(direct, { host: 'motcua.dilinh.lamdong.gov.vn:8080' });
      expect(text).toContain(`http://motcua.dilinh.lamdong.gov.vn:8080/tra-cuu?code=${code}`);
      expect(text).not.toContain('localhost');
    });

    it('believes X-Forwarded-Proto and -Host only from a trusted proxy', async () => {
      const forwarded = {
        host: '127.0.0.1:3000',
        'x-forwarded-proto': 'https',
        'x-forwarded-host': 'motcua.lamdong.gov.vn',
      };
      // inject() comes from 127.0.0.1: trusted by `proxied`, not by `direct`.
      expect(await receipt(proxied, forwarded)).toContain(
        `https://motcua.lamdong.gov.vn/tra-cuu?code=${code}`,
      );
      const untrusted = await receipt(direct, forwarded);
      expect(untrusted).toContain(`http://127.0.0.1:3000/tra-cuu?code=${code}`);
      expect(untrusted).not.toContain('https://motcua.lamdong.gov.vn');
    });
  });
}
