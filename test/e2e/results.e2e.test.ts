/**
 * End-to-end test of signed electronic results on a phone (390×844), on the shared browser harness with the real
 * signing library and a demo PKI: a dossier's draft is approved (signed) and delivered through the API; the citizen
 * looks the dossier up, asks for a one-time code, types it and downloads the signed PDF; the verification page,
 * opened as the result's QR opens it, says the result exists and who signed it, accepts the downloaded file as the
 * one the centre issued, and catches a copy with one byte changed.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { APIRequestContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_SKIP, postOk, startBrowserApp, type BrowserApp } from '../support/browser.ts';
import { makePdf } from '../support/results.ts';
import { createRootCa, issueCertificate, keyMaterial } from '../../src/server/signing/demo-pki.ts';
import { pkcs12Signer } from '../../src/server/signing/pkcs12-signer.ts';
import { libraryResultSigning } from '../../src/server/results/result.signing.ts';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe.skipIf(E2E_SKIP)('signed electronic results (chromium, 390×844)', () => {
  let run: BrowserApp;
  let page: Page;
  let code = '';
  let resultId = '';

  async function act(api: APIRequestContext, type: string, body: object = {}) {
    const res = await api.post(`/api/dossiers/${code}/actions`, { data: { type, ...body } });
    expect(res.status(), `${type}: ${await res.text()}`).toBe(200);
  }

  beforeAll(async () => {
    const issue = { now: Date.now(), days: 365 };
    const ca = await createRootCa({ commonName: 'MộtCửa Demo Root CA' }, issue);
    const leaf = await issueCertificate(
      ca,
      { commonName: 'UBND xã Di Linh', organization: 'UBND xã Di Linh' },
      issue,
    );
    const signer = await pkcs12Signer(keyMaterial(leaf, ca));
    run = await startBrowserApp(
      {},
      {
        signing: libraryResultSigning({
          signerFor: () => Promise.resolve(signer),
          trustedRoots: () => Promise.resolve([ca.certificate]),
        }),
      },
    );
    ({ page } = run);
    await page.setViewportSize({ width: 390, height: 844 });

    const counter = await run.apiAs('tiepnhan.dilinh');
    const specialist = await run.apiAs('chuyenvien.dilinh');
    const leader = await run.apiAs('lanhdao.dilinh');
    ({ code } = await postOk(counter, '/api/dossiers', {
      procedureCode: '1.001193',
      channel: 'direct',
      applicant: { kind: 'person', name: 'Lê Văn Cường', idNumber: '068090001234', phone: '0912345678' },
      decision: 'receive',
    }));
    await act(leader, 'assign', { assignee: 'chuyenvien.dilinh' });
    const up = await specialist.post(`/api/dossiers/${code}/result`, {
      data: await makePdf('Ket qua giai quyet'),
      headers: { 'content-type': 'application/pdf' },
    });
    expect(up.status(), await up.text()).toBe(201);
    await act(specialist, 'submit_for_approval');
    await act(leader, 'approve');
    await act(counter, 'deliver');
    const row = await run.app.db
      .selectFrom('dossier_results')
      .select('id')
      .where('signed', '=', 1)
      .executeTakeFirstOrThrow();
    resultId = row.id;
  }, 120_000);

  afterAll(async () => {
    await run?.close();
  });

  let downloaded: Buffer;

  it('the citizen downloads the signed result from the lookup with a one-time code', async () => {
    await page.goto(`${run.base}/tra-cuu?code=${encodeURIComponent(code)}`);
    await page.locator('#lookup-verify').fill('5678');
    await page.locator('#lookup-verify').press('Enter');
    const panel = page.getByTestId('eresult');
    await expect.poll(() => panel.isVisible()).toBe(true);
    await panel.getByRole('button', { name: 'Gửi mã xác thực' }).click();
    await expect.poll(async () => page.getByTestId('eresult-status').textContent()).toContain('09******78');
    const notice = await run.app.db
      .selectFrom('notifications')
      .select('body')
      .where('dossier_code', '=', code)
      .where('kind', '=', 'result_code')
      .executeTakeFirstOrThrow();
    const otp = /Mã xác thực: (\d{6})$/m.exec(notice.body)![1]!;
    await page.getByLabel('Mã xác thực (6 chữ số)').fill(otp);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tải kết quả' }).click(),
    ]);
    downloaded = readFileSync((await download.path())!);
    const stored = await run.app.db
      .selectFrom('dossier_results')
      .select(['sha256', 'downloads'])
      .where('id', '=', resultId)
      .executeTakeFirstOrThrow();
    expect(sha(downloaded)).toBe(stored.sha256);
    expect(stored.downloads).toBe(1);
    // nothing wider than the phone's screen
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  }, 60_000);

  it('the verification page from the QR names the result, accepts the file and catches a changed byte', async () => {
    await page.goto(`${run.base}/xac-thuc?ma=${encodeURIComponent(code)}&kq=${resultId}`);
    const known = page.getByTestId('verify-known');
    await expect.poll(async () => known.textContent()).toContain('UBND xã Di Linh');
    expect(await known.locator('[data-found]').getAttribute('data-found')).toBe('true');

    const check = async (buffer: Buffer) => {
      await page
        .getByLabel('Tệp kết quả (PDF)')
        .setInputFiles({ name: 'ket-qua.pdf', mimeType: 'application/pdf', buffer });
      await page.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
      const verdict = page.getByTestId('verify-verdict');
      await expect.poll(() => verdict.isVisible()).toBe(true);
      return (await verdict.textContent()) ?? '';
    };
    expect(await check(downloaded)).toContain('đúng là kết quả do Trung tâm cấp');
    const changed = Buffer.from(downloaded);
    changed[changed.indexOf('595') + 2] = '4'.charCodeAt(0);
    await page.getByTestId('verify-out').evaluate((el) => (el.innerHTML = ''));
    expect(await check(changed)).toContain('bị sửa đổi');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  }, 60_000);
});
