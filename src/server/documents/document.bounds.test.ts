/**
 * Security issue 10, finding 5: one officer must not be able to freeze the server. Bounded inputs (a 10,000-char
 * supplement item is a 400 naming the field), the longest allowed inputs still print, PDFs render in the worker
 * pool while the server keeps answering, and a render past its time limit is killed and reported in vi/en/ru.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../../test/support/app.ts';
import { DIALECTS } from '../../../test/support/db.ts';
import { buildIntake, seedCentre } from '../../../test/support/dossiers.ts';
import { MAX } from '../../shared/limits.ts';
import { pdfPageCount, pdfText } from './pdf.inspect.ts';

/** Vietnamese text of exactly `length` characters (marks included: the fonts' hardest case). */
const viText = (length: number, seed: string): string =>
  `${`${seed} `.padEnd(length, 'Thành phần hồ sơ bổ sung đầy đủ theo quy định; ').slice(0, length - 1)}.`;

for (const dialect of DIALECTS) {
  describe(`bounded work on ${dialect}`, () => {
    let h: TestApp;
    let counter: string;
    beforeAll(async () => {
      h = await openTestApp(dialect, async (t) => {
        await seedCentre(t.db);
      });
      counter = await h.login('tiepnhan.dilinh');
    });
    afterAll(async () => h?.close());

    const intake = (payload: object, lang = 'vi') =>
      h.app.inject({
        method: 'POST',
        url: '/api/dossiers',
        payload,
        headers: { cookie: counter, 'accept-language': lang },
      });

    it('refuses a 10,000-character supplement item with 400 naming the field and the rule', async () => {
      const res = await intake(
        buildIntake({
          decision: 'request_supplement',
          missing: ['Bản sao giấy khai sinh', 'x'.repeat(10_000)],
        }),
        'en',
      );
      expect(res.statusCode).toBe(400);
      const { error } = res.json();
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.details.issues).toMatchObject([{ path: 'missing.1', rule: 'too_big' }]);
      expect(error.details.issues[0].message).toContain(String(MAX.listItem));
    });

    it('refuses one item too many, and a name one character too long', async () => {
      const items = Array.from({ length: MAX.listItems + 1 }, (_, i) => `Giấy tờ ${i + 1}`);
      const tooMany = await intake(buildIntake({ decision: 'request_supplement', missing: items }));
      expect(tooMany.statusCode).toBe(400);
      expect(tooMany.json().error.details.issues).toMatchObject([{ path: 'missing', rule: 'too_big' }]);
      const base = buildIntake();
      const longName = await intake({
        ...base,
        applicant: { ...base.applicant, name: viText(MAX.name + 1, 'A') },
      });
      expect(longName.statusCode).toBe(400);
      expect(longName.json().error.details.issues).toMatchObject([
        { path: 'applicant.name', rule: 'too_big' },
      ]);
    });

    it('prints the longest allowed supplement request in the worker while the server keeps answering', async () => {
      // Text with spaces, and unbreakable words as long as allowed (the slowest case of pdfmake's line breaking).
      const missing = Array.from({ length: MAX.listItems }, (_, i) =>
        i % 2 ? viText(MAX.listItem, `Mục ${i + 1}:`) : `${i + 1}.${'x'.repeat(MAX.listItem - 4)}`,
      );
      const base = buildIntake({
        decision: 'request_supplement',
        missing,
        note: viText(MAX.note, 'Ghi chú'),
      });
      const created = await intake({
        ...base,
        applicant: {
          ...base.applicant,
          name: viText(MAX.name, 'Nguyễn Thị'),
          address: viText(MAX.address, 'Thôn 1'),
        },
      });
      expect(created.statusCode).toBe(201);
      const code: string = created.json().code;

      let rendered = false;
      const pdf = h.app
        .inject({
          method: 'GET',
          url: `/api/dossiers/${code}/documents/supplement-request.pdf`,
          headers: { cookie: counter },
        })
        .then((res) => {
          rendered = true;
          return res;
        });
      // Wait until the document is in a worker, then ask for the health of the server.
      while (h.app.render.stats().busy === 0 && !rendered) await new Promise((r) => setImmediate(r));
      const health = await h.app.inject({ method: 'GET', url: '/api/health' });
      expect(health.statusCode).toBe(200);
      expect(rendered).toBe(false); // answered while the PDF was still being laid out

      const res = await pdf;
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(pdfPageCount(res.rawPayload)).toBeGreaterThan(1);
      const text = pdfText(res.rawPayload);
      expect(text).toContain(code);
      expect(text).toContain(`Mục ${MAX.listItems}:`); // the last item printed
    });
  });

  describe(`a render past its time limit on ${dialect}`, () => {
    let h: TestApp;
    let counter: string;
    let code: string;
    beforeAll(async () => {
      // 10 ms: no PDF is laid out that fast, so every render here exceeds the limit.
      h = await openTestApp(dialect, (t) => seedCentre(t.db).then(() => undefined), {
        env: { MOTCUA_RENDER_TIMEOUT_MS: '10' },
      });
      counter = await h.login('tiepnhan.dilinh');
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/dossiers',
        payload: buildIntake(),
        headers: { cookie: counter },
      });
      code = res.json().code;
    });
    afterAll(async () => h?.close());

    it('is killed, reported as 422 in Vietnamese, English and Russian, and the server goes on', async () => {
      const messages: Record<string, string> = {};
      for (const lang of ['vi', 'en', 'ru']) {
        const res = await h.app.inject({
          method: 'GET',
          url: `/api/dossiers/${code}/documents/receipt.pdf`,
          headers: { cookie: counter, 'accept-language': lang },
        });
        expect(res.statusCode).toBe(422);
        const { error } = res.json();
        expect(error).toMatchObject({
          code: 'WORK_LIMIT_EXCEEDED',
          details: { limit: 'time', timeoutMs: 10 },
        });
        messages[lang] = error.message;
      }
      expect(messages.vi).toContain('Tài liệu quá lớn');
      expect(messages.en).toContain('too large to produce');
      expect(messages.ru).toContain('Документ слишком велик');
      expect(h.app.render.stats()).toMatchObject({ busy: 0, queued: 0 });
      const health = await h.app.inject({ method: 'GET', url: '/api/health' });
      expect(health.statusCode).toBe(200);
    });
  });
}
