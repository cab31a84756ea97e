import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatInstant } from '../../shared/calendar/index.ts';
import { DIALECTS } from '../../../test/support/db.ts';
import { openTestApp, type TestApp } from '../../../test/support/app.ts';
import { buildIntake, seedCentre } from '../../../test/support/dossiers.ts';
import { resolvePeriod } from './period.ts';
import { findUnplainText, isPlainLine, isPlainText, oneYearAfter } from './validation.ts';

const complaint = (over: Record<string, unknown> = {}) => ({
  kind: 'complaint',
  channel: 'direct',
  subject: 'Khiếu nại quyết định',
  content: 'Tôi không đồng ý với quyết định hành chính đã nhận.\nĐề nghị xem xét lại.',
  petitioner: { name: 'Trần Thị Bình', phone: '0912345678', address: 'Thôn 2, Di Linh' },
  ...over,
});

/** The one field issue of a 400 answer. */
const issueOf = (res: { statusCode: number; json(): { error: { details: { issues: unknown[] } } } }) => {
  expect(res.statusCode).toBe(400);
  const { issues } = res.json().error.details;
  expect(issues).toHaveLength(1);
  return issues[0] as { path: string; rule: string; message: string };
};

for (const dialect of DIALECTS)
  describe(`bounded dates and plain text in requests (${dialect})`, () => {
    let h: TestApp;
    let counter: string;
    let leader: string;
    beforeAll(async () => {
      h = await openTestApp(dialect, (t) => seedCentre(t.db));
      counter = await h.login('tiepnhan.dilinh');
      leader = await h.login('lanhdao.dilinh');
    });
    afterAll(async () => h?.close());

    const lodge = (body: Record<string, unknown>, lang = 'vi') =>
      h.app.inject({
        method: 'POST',
        url: '/api/petitions',
        payload: body,
        headers: { cookie: counter, 'accept-language': lang },
      });
    const act = (code: string, body: Record<string, unknown>) =>
      h.app.inject({
        method: 'POST',
        url: `/api/dossiers/${code}/actions`,
        payload: body,
        headers: { cookie: leader, 'accept-language': 'en' },
      });

    it('refuses a complaint whose decision date is before 1990 or past 2100 with a 400 naming knownAt', async () => {
      for (const knownAt of [
        '1989-12-31T23:59:00+07:00',
        '1900-01-01T00:00:00Z',
        '2101-01-01T08:00:00+07:00',
      ]) {
        const issue = issueOf(await lodge(complaint({ knownAt }), 'en'));
        expect(issue).toMatchObject({ path: 'knownAt', rule: 'calendar.OUT_OF_RANGE' });
        expect(issue.message).toMatch(/1990-2100/);
      }
      const ok = await lodge(complaint({ knownAt: '1990-01-01T00:00:00+07:00' }));
      expect(ok.statusCode).toBe(201);
      expect(ok.json().lodgedLate).toBe(true); // 36 years after the decision: past the 90-day limit
    });

    it('refuses control and bidi characters in names and titles, naming the field; new lines only in text', async () => {
      const cases: [Record<string, unknown>, string][] = [
        [complaint({ subject: 'Khiếu nại \u202Eiạn uếihK' }), 'subject'],
        [complaint({ petitioner: { name: 'Trần\u200F Bình', phone: '0912345678' } }), 'petitioner.name'],
        [complaint({ petitioner: { name: 'Trần\nBình', phone: '0912345678' } }), 'petitioner.name'],
        [complaint({ petitioner: { name: 'Trần Bình', address: 'Thôn\t2' } }), 'petitioner.address'],
        [complaint({ content: 'Nội dung có ký tự chuông \u0007 ở giữa dòng' }), 'content'],
        [complaint({ content: 'Nội dung có ký tự C1 \u009B ở giữa dòng' }), 'content'],
        [complaint({ content: 'Nội dung đảo chiều \u2066 ở giữa dòng' }), 'content'],
      ];
      for (const [body, path] of cases) {
        const issue = issueOf(await lodge(body));
        expect(issue.path, JSON.stringify(body)).toBe(path);
        expect(issue.message).toMatch(/ký tự điều khiển/);
      }
      // A multi-line content with tabs and new lines is fine.
      expect((await lodge(complaint({ content: 'Dòng 1\n\tDòng 2\r\nDòng 3' }))).statusCode).toBe(201);
    });

    it('refuses line breaks and bidi marks in the names of a reception, its schedule and a province’s components', async () => {
      const send = (method: 'POST' | 'PUT', url: string, payload: object, cookie: string) =>
        h.app.inject({ method, url, payload, headers: { cookie, 'accept-language': 'vi' } });
      const reception = (citizen: object, over: object = {}) => ({
        citizen: { name: 'Lê Văn Dân', ...citizen },
        kind: 'feedback',
        content: 'Đường liên thôn bị sạt lở, đề nghị xã sửa chữa.',
        handling: 'guided',
        ...over,
      });
      const slot = (over: object) => ({
        weekday: 4,
        fromTime: '07:30',
        toTime: '11:00',
        hostRole: 'chairman',
        hostName: 'Nguyễn Văn Chủ',
        hostTitle: 'Chủ tịch UBND xã',
        place: 'Phòng tiếp công dân',
        ...over,
      });
      const supervisor = await h.login('tinh.lamdong');
      const cases: [() => Promise<{ statusCode: number; json(): never }>, string][] = [
        [() => send('POST', '/api/reception', reception({ name: 'Lê Văn\nDân' }), counter), 'citizen.name'],
        [
          () => send('POST', '/api/reception', reception({ name: 'Lê \u200FVăn Dân' }), counter),
          'citizen.name',
        ],
        [
          () => send('POST', '/api/reception', reception({ address: 'Thôn\t3, Di Linh' }), counter),
          'citizen.address',
        ],
        [
          () =>
            send(
              'POST',
              '/api/reception',
              reception({}, { handling: 'forwarded', forwardedTo: 'Sở\nTư pháp' }),
              counter,
            ),
          'forwardedTo',
        ],
        [
          () =>
            send(
              'PUT',
              '/api/reception-schedule/25000',
              { slots: [slot({ hostName: 'Nguyễn\u2028Chủ' })] },
              leader,
            ),
          'slots.0.hostName',
        ],
        [
          () =>
            send(
              'PUT',
              '/api/reception-schedule/25000',
              { slots: [slot({ place: 'Phòng\r\nkhách' })] },
              leader,
            ),
          'slots.0.place',
        ],
        [
          () =>
            send(
              'PUT',
              '/api/procedures/1.004873/overrides',
              { expectedVersion: 0, extraComponents: [{ name: 'Bản sao\u200E sổ đỏ' }] },
              supervisor,
            ),
          'extraComponents.0.name',
        ],
      ];
      for (const [call, path] of cases) {
        const issue = issueOf(await call());
        expect(issue.path).toBe(path);
        expect(issue.rule).toBe('rule.plainLine');
      }
    });

    it('refuses a date of birth before 1900 or after today, naming applicant.birthDate', async () => {
      for (const birthDate of ['1899-12-31', '2026-12-09']) {
        const res = await h.app.inject({
          method: 'POST',
          url: '/api/dossiers',
          payload: buildIntake({
            applicant: { ...buildIntake().applicant, birthDate },
          } as never),
          headers: { cookie: counter },
        });
        expect(res.statusCode).toBe(400);
        expect(res.json().error.details.issues).toContainEqual(
          expect.objectContaining({ path: 'applicant.birthDate', rule: 'rule.birthDate' }),
        );
      }
    });

    it('refuses an extension more than a year after the current due, or outside the calendar, naming newDueAt', async () => {
      const d = (
        await h.app.inject({
          method: 'POST',
          url: '/api/dossiers',
          payload: buildIntake(),
          headers: { cookie: counter },
        })
      ).json();
      expect((await act(d.code, { type: 'assign' })).statusCode).toBe(200);
      const due = Date.parse(d.dueAt);
      const tooFar = formatInstant(oneYearAfter(due) + 60_000);
      const far = issueOf(await act(d.code, { type: 'extend', newDueAt: tooFar, reason: 'Cần xác minh' }));
      expect(far).toMatchObject({ path: 'newDueAt', rule: 'rule.dateRange' });
      expect(far.message).toMatch(/one year after the current due/);
      const ancient = await act(d.code, {
        type: 'extend',
        newDueAt: '1985-01-01T08:00:00+07:00',
        reason: 'Cần xác minh',
      });
      expect(issueOf(ancient)).toMatchObject({ path: 'newDueAt', rule: 'calendar.OUT_OF_RANGE' });
      // A transfer's limit that would fall past the calendar (2100) is a 400 naming its value, not a 500: the schema
      // bounds it (at most 999, src/shared/limits.ts) before `calendarAt` would have to.
      const transfer = await act(d.code, {
        type: 'transfer',
        agency: 'Công an xã',
        agencyLimit: { value: 100_000, unit: 'working_day' },
      });
      expect(issueOf(transfer)).toMatchObject({ path: 'agencyLimit.value', rule: 'too_big' });
      const yearOn = formatInstant(oneYearAfter(due));
      const ok = await act(d.code, { type: 'extend', newDueAt: yearOn, reason: 'Cần xác minh' });
      expect(ok.statusCode).toBe(200);
      expect(ok.json().dueAt).toBe(yearOn);
    });
  });

describe('the shared helpers', () => {
  it('tells plain one-line and multi-line text from control and bidi characters', () => {
    expect(isPlainLine('Nguyễn Thị Ánh – Đắk Lắk (Буй)')).toBe(true);
    expect(isPlainText('Dòng 1\n\tDòng 2\r\n')).toBe(true);
    for (const c of [
      '\u0000',
      '\u001B',
      '\u007F',
      '\u0085',
      '\u009F',
      '\u202A',
      '\u202E',
      '\u2066',
      '\u2069',
    ])
      expect([isPlainText(`a${c}b`), isPlainLine(`a${c}b`)], JSON.stringify(c)).toEqual([false, false]);
    for (const c of ['\n', '\r', '\t', '\u2028', '\u200E', '\u200F'])
      expect([isPlainText(`a${c}b`), isPlainLine(`a${c}b`)], JSON.stringify(c)).toEqual([true, false]);
    expect(findUnplainText({ a: ['ok', { b: 'x\u202Ey' }] })).toBe('a.1.b');
    expect(findUnplainText({ a: 'ok' })).toBeUndefined();
  });

  it('moves an instant one calendar year on (29 February to 1 March)', () => {
    expect(oneYearAfter(Date.UTC(2027, 3, 14, 10, 30))).toBe(Date.UTC(2028, 3, 14, 10, 30));
    expect(oneYearAfter(Date.UTC(2028, 1, 29))).toBe(Date.UTC(2029, 2, 1));
  });

  it('refuses a report period outside the calendar, naming the field', () => {
    expect(() => resolvePeriod('1989-12-01', '1990-01-31')).toThrow(
      expect.objectContaining({
        issues: [expect.objectContaining({ path: 'from', rule: 'calendar.OUT_OF_RANGE' })],
      }),
    );
    expect(resolvePeriod('1990-01-01', '1990-01-31').from).toBe('1990-01-01');
  });
});
