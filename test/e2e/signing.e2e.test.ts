/**
 * The signing certificates screen (/chu-ky-so, docs/SIGNING.md) in the browser: the province supervisor uploads a
 * commune's .p12 (made by openssl from a test PKI); a wrong password is shown on its field and stores nothing; the
 * right one lists the certificate as active. A counter officer has no such menu entry.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_SKIP, startBrowserApp, type BrowserApp } from '../support/browser.ts';
import { exportP12, hasTool, testPki } from '../support/signing.ts';

describe.skipIf(E2E_SKIP || !hasTool('openssl'))('signing certificates screen (chromium)', () => {
  let run: BrowserApp;
  let page: Page;
  let dir: string;
  let p12: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'motcua-e2e-signing-'));
    const pki = await testPki(Date.now() - 86_400_000);
    p12 = exportP12(dir, pki.unit, 'mat-khau-dung', 'unit').p12;
    run = await startBrowserApp({ MOTCUA_SIGNING_KEY: randomBytes(32).toString('base64') });
    page = run.page;
  }, 90_000);
  afterAll(async () => {
    await run?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('uploads a commune certificate: a wrong password on its field, then the certificate listed as active', async () => {
    await run.signIn('tinh.lamdong', '/chu-ky-so');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Chứng thư chữ ký số');
    await page.locator('input[name=p12]').setInputFiles(p12);
    await page.locator('input[name=password]').fill('mat-khau-sai');
    await page.locator('input[name=unitCode]').fill('25015');
    await page.getByRole('button', { name: 'Tải lên' }).click();
    const passwordError = page.locator('[data-path=password] .field-error');
    await expect.poll(() => passwordError.isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await page.locator('tr[data-certificate]').count()).toBe(0);

    await page.locator('input[name=password]').fill('mat-khau-dung');
    await page.getByRole('button', { name: 'Tải lên' }).click();
    const row = page.locator('tr[data-certificate]');
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(1);
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('25015');
    expect(text).toContain('UBND xã Di Linh');
    expect(text).toContain('Đang dùng');
  });

  it('is not in the counter officer’s menu', async () => {
    expect(await page.locator('a[href="/chu-ky-so"]').count()).toBe(1); // the supervisor's menu has it
    await run.switchUser('tiepnhan.dilinh', '/');
    await expect.poll(() => page.locator('a[href="/nghi-phep"]').count()).toBe(1); // the menu is drawn
    expect(await page.locator('a[href="/chu-ky-so"]').count()).toBe(0);
  });
});
