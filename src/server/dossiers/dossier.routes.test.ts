import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/db.ts';
import { openTestApp, type TestApp } from '../../../test/support/app.ts';
import { buildIntake, seedCentre } from '../../../test/support/dossiers.ts';

for (const dialect of DIALECTS) {
  describe(`dossiers API on ${dialect}`, () => {
    let h: TestApp;
    let counter: string;
    let leader: string;
    let other: string;
    beforeAll(async () => {
      h = await openTestApp(dialect, async (t) => {
        await seedCentre(t.db);
      });
      counter = await h.login('tiepnhan.dilinh');
      leader = await h.login('lanhdao.dilinh');
      other = await h.login('tiepnhan.giahiep');
    });
    afterAll(async () => h?.close());

    const post = (cookie: string, body: unknown, key?: string) =>
      h.app.inject({
        method: 'POST',
        url: '/api/dossiers',
        payload: body as object,
        headers: { cookie, ...(key ? { 'idempotency-key': key } : {}) },
      });

    it('POST /api/dossiers answers 201 with code, status, receivedAt and dueAt', async () => {
      const res = await post(counter, buildIntake());
      expect(res.statusCode).toBe(201);
      const body = res.json();
      expect(body.code).toMatch(/^000\.00\.68\.25000-\d{6}-\d{4}$/);
      expect(body).toMatchObject({ status: 'received', unitCode: '25000', channel: 'direct' });
      expect(body.receivedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/);
      expect(body.dueAt).toMatch(/T17:30:00\+07:00$/);
      expect(body.applicant.idNumber).toBe('068*******34'); // masked
    });

    it('gives the same dossier for the same Idempotency-Key, and 409 for a different body', async () => {
      const first = await post(counter, buildIntake(), 'retry-key-1');
      const again = await post(counter, buildIntake(), 'retry-key-1');
      expect(again.statusCode).toBe(201);
      expect(again.json().code).toBe(first.json().code);
      const rows = await h.t.db
        .selectFrom('dossiers')
        .select('code')
        .where('idempotency_key', '=', 'retry-key-1')
        .execute();
      expect(rows).toHaveLength(1);
      const different = await post(counter, buildIntake({ channel: 'postal' }), 'retry-key-1');
      expect(different.statusCode).toBe(409);
      expect(different.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    });

    it('answers 400 naming applicant.idNumber for a bad CCCD, in the language asked for', async () => {
      const body = buildIntake({ applicant: { kind: 'person', name: 'Lê Văn C', idNumber: '12345678901' } });
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/dossiers',
        payload: body,
        headers: { cookie: counter, 'accept-language': 'en' },
      });
      expect(res.statusCode).toBe(400);
      const issue = res.json().error.details.issues[0];
      expect(issue).toMatchObject({
        path: 'applicant.idNumber',
        rule: 'cccd.format',
        message: 'a CCCD number has exactly 12 digits',
      });
      const missing = await post(counter, { ...buildIntake(), applicant: { name: 'X' } });
      expect(missing.json().error.details.issues.map((i: { path: string }) => i.path)).toEqual(
        expect.arrayContaining(['applicant.name', 'applicant.idNumber']),
      );
    });

    it('GET /api/dossiers/:code: 401 without session, 404 for another commune, the dossier with actions', async () => {
      const { code } = (await post(counter, buildIntake())).json();
      expect((await h.app.inject({ method: 'GET', url: `/api/dossiers/${code}` })).statusCode).toBe(401);
      expect(
        (await h.app.inject({ method: 'GET', url: `/api/dossiers/${code}`, headers: { cookie: other } }))
          .statusCode,
      ).toBe(404);
      const res = await h.app.inject({
        method: 'GET',
        url: `/api/dossiers/${code}`,
        headers: { cookie: leader },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().actions).toEqual([
        expect.objectContaining({ seq: 1, type: 'intake_receive', toStatus: 'received' }),
      ]);
      expect(res.json().allowedActions).toContain('assign');
    });

    it('POST /api/dossiers/:code/actions moves the dossier, or answers 409 with the allowed actions', async () => {
      const { code } = (await post(counter, buildIntake())).json();
      const illegal = await h.app.inject({
        method: 'POST',
        url: `/api/dossiers/${code}/actions`,
        payload: { type: 'deliver' },
        headers: { cookie: leader },
      });
      expect(illegal.statusCode).toBe(409);
      expect(illegal.json().error).toMatchObject({
        code: 'ILLEGAL_TRANSITION',
        details: { status: 'received', allowedActions: expect.arrayContaining(['assign']) },
      });
      const assigned = await h.app.inject({
        method: 'POST',
        url: `/api/dossiers/${code}/actions`,
        payload: { type: 'assign' },
        headers: { cookie: leader },
      });
      expect(assigned.statusCode).toBe(200);
      expect(assigned.json()).toMatchObject({ status: 'processing', assignee: 'chuyenvien.a' });
    });

    it('reveals personal data only on request, and audits the read', async () => {
      const { code } = (await post(counter, buildIntake())).json();
      const res = await h.app.inject({
        method: 'GET',
        url: `/api/dossiers/${code}/applicant`,
        headers: { cookie: leader },
      });
      expect(res.json()).toMatchObject({ idNumber: '068090001234', phone: '0912345678' });
      const audit = await h.t.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'dossier.read_personal_data')
        .where('target_id', '=', code)
        .execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ actor_username: 'lanhdao.dilinh', unit_code: '25000' });
    });

    it('GET /api/dossiers: folded search over names and codes, cursor pagination, scope', async () => {
      await post(
        counter,
        buildIntake({ applicant: { kind: 'person', name: 'Đặng Thị Hồng', idNumber: '068190001111' } }),
      );
      const found = await h.app.inject({
        method: 'GET',
        url: '/api/dossiers?q=dang%20thi%20hong',
        headers: { cookie: leader },
      });
      expect(found.json().items.map((d: { applicant: { name: string } }) => d.applicant.name)).toEqual([
        'Đặng Thị Hồng',
      ]);
      const page1 = await h.app.inject({
        method: 'GET',
        url: '/api/dossiers?limit=2',
        headers: { cookie: leader },
      });
      const { items, nextCursor } = page1.json();
      expect(items).toHaveLength(2);
      const page2 = await h.app.inject({
        method: 'GET',
        url: `/api/dossiers?limit=2&cursor=${nextCursor}`,
        headers: { cookie: leader },
      });
      const codes2 = page2.json().items.map((d: { code: string }) => d.code);
      expect(codes2.some((c: string) => items.map((d: { code: string }) => d.code).includes(c))).toBe(false);
      const otherView = await h.app.inject({
        method: 'GET',
        url: '/api/dossiers',
        headers: { cookie: other },
      });
      expect(otherView.json().items).toEqual([]);
    });

    it('the public lookup shows progress and a masked name, given the phone’s last four digits', async () => {
      const { code } = (await post(counter, buildIntake())).json();
      const res = await h.app.inject({ method: 'GET', url: `/api/public/dossiers/${code}?verify=5678` });
      expect(res.statusCode).toBe(200);
      expect(res.json().applicantName).toBe('Nguyễn V*** A***');
      expect(Object.keys(res.json()).sort()).toEqual([
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
      expect(
        (
          await h.app.inject({
            method: 'GET',
            url: '/api/public/dossiers/000.00.68.25000-000000-9999?verify=5678',
          })
        ).statusCode,
      ).toBe(404);
    });

    it('a citizen submits online; an officer accepts it and the clock starts then', async () => {
      const { procedureCode, applicant } = buildIntake();
      const body = { unitCode: '25000', procedureCode, applicant };
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/public/dossiers',
        payload: body,
        headers: { 'idempotency-key': 'citizen-1' },
      });
      expect(res.statusCode).toBe(201);
      const submitted = res.json();
      expect(submitted).toMatchObject({ status: 'submitted', receivedAt: null, dueAt: null });
      expect(submitted.acceptBy).toMatch(/\+07:00$/);
      const retry = await h.app.inject({
        method: 'POST',
        url: '/api/public/dossiers',
        payload: body,
        headers: { 'idempotency-key': 'citizen-1' },
      });
      expect(retry.json().code).toBe(submitted.code);
      const accepted = await h.app.inject({
        method: 'POST',
        url: `/api/dossiers/${submitted.code}/actions`,
        payload: { type: 'accept_online' },
        headers: { cookie: counter },
      });
      expect(accepted.statusCode).toBe(200);
      expect(accepted.json()).toMatchObject({ status: 'received', channel: 'online' });
      expect(accepted.json().dueAt).toMatch(/T17:30:00\+07:00$/);
      const lookup = await h.app.inject({
        method: 'GET',
        url: `/api/public/dossiers/${submitted.code}?verify=5678`,
      });
      expect(lookup.json().status).toBe('received');
    });

    it('GET /api/procedures?unit= lists the catalog in the API shape', async () => {
      const res = await h.app.inject({ method: 'GET', url: '/api/procedures?unit=25000' });
      expect(res.statusCode).toBe(200);
      const birth = res.json().items.find((p: { code: string }) => p.code === '1.001193');
      expect(birth).toMatchObject({
        name: 'Thủ tục đăng ký khai sinh',
        field: 'Hộ tịch',
        level: 'commune',
        limit: { value: 0, unit: 'working_day' },
      });
      expect(birth.components.length).toBeGreaterThan(0);
      expect(typeof birth.fee).toBe('number');
      expect((await h.app.inject({ method: 'GET', url: '/api/procedures?unit=99999' })).statusCode).toBe(404);
    });
  });
}
