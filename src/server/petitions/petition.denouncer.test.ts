/**
 * Denouncer confidentiality (Law on Denunciation 2018 Art. 47; docs/SECURITY.md): a denunciation leaves the server
 * with no character of the denouncer's name, ID number, phone or address, for every officer (the leader included:
 * the leader reads the identity through the audited reveal only), its typed text redacted; every view of it is
 * audited, and no audit entry holds the identity.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldVietnamese } from '../../shared/text/fold.ts';
import { DIALECTS } from '../../../test/support/db.ts';
import { openTestApp, type TestApp } from '../../../test/support/app.ts';
import { buildIntake, seedCentre } from '../../../test/support/dossiers.ts';

const DENOUNCER = {
  name: 'Trần Thị Bích Hạnh',
  idNumber: '068190004321',
  phone: '0987654321',
  address: 'Số 7 Lê Lợi, Thôn Kao Kuil, Di Linh',
};
const denunciation = {
  kind: 'denunciation',
  channel: 'direct',
  subject: 'Tố cáo cán bộ địa chính — bà Trần Thị Bích Hạnh',
  content:
    'Tôi là TRẦN THỊ BÍCH HẠNH, CCCD 068 190 004 321, điện thoại 0987.654.321, ở số 7 Lê Lợi, thôn Kao Kuil. ' +
    'Ông cán bộ địa chính xã đòi 5 triệu đồng mới làm thủ tục. Bà Bích Hạnh có người làm chứng.',
  petitioner: DENOUNCER,
};

/** Every fragment of the identity a leak could show (masks, initials, digits, the name's parts and words). */
const FRAGMENTS = [
  DENOUNCER.name,
  'Bích Hạnh',
  'Thị Bích',
  'Trần Thị',
  'Hạnh',
  'Bích',
  DENOUNCER.idNumber,
  '4321',
  '321',
  '0987',
  '654',
  'Lê Lợi',
  'Kao Kuil',
  'T. T. B. H.',
];

/** The fragments found in a body, compared folded (no case, no diacritics). */
function leaks(body: string): string[] {
  const folded = foldVietnamese(body);
  return FRAGMENTS.filter((f) => folded.includes(foldVietnamese(f)));
}

const OFFICERS = [
  'tiepnhan.dilinh', // counter officer who received it
  'chuyenvien.a', // specialist
  'tinh.lamdong', // province supervisor
  'thanhtra.lamdong', // province inspector
  'quantri', // system admin: runs the machine, resolves no denunciation
  'lanhdao.dilinh', // the deciding leader: the identity only through the reveal
] as const;

for (const dialect of DIALECTS) {
  describe(`denouncer confidentiality on ${dialect}`, () => {
    let h: TestApp;
    let code: string;

    beforeAll(async () => {
      h = await openTestApp(dialect, async (t) => {
        await seedCentre(t.db);
      });
      await h.user('thanhtra.lamdong', '68', ['province_inspector']);
      await h.user('lanhdao.giahiep', '25015', ['commune_leader']);
      await h.user('quantri', '68', ['system_admin']);
      const counter = await h.login('tiepnhan.dilinh');
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/petitions',
        payload: denunciation,
        headers: { cookie: counter },
      });
      expect(res.statusCode).toBe(201);
      code = res.json().code;
      expect(leaks(res.body)).toEqual([]); // the officer who typed it gets it back redacted too
    });
    afterAll(async () => h?.close());

    const get = async (url: string, username: string) =>
      h.app.inject({ method: 'GET', url, headers: { cookie: await h.login(username) } });
    const auditOf = (action: string) =>
      h.t.db
        .selectFrom('audit_log')
        .selectAll()
        .where('target_id', '=', code)
        .where('action', '=', action)
        .execute();

    it.each(OFFICERS)('shows %s no character of the identity in the register or the page', async (who) => {
      const list = await get('/api/petitions?kind=denunciation', who);
      expect(list.statusCode).toBe(200);
      expect(list.json().items.map((p: { code: string }) => p.code)).toContain(code);
      expect(leaks(list.body)).toEqual([]);
      const page = await get(`/api/petitions/${code}`, who);
      expect(page.statusCode).toBe(200);
      expect(leaks(page.body)).toEqual([]);
      expect(page.json().petitioner).toEqual({
        confidential: true,
        name: '(Người tố cáo được giữ bí mật)',
        idNumber: null,
        phone: null,
        address: null,
      });
      // the content is there, the identity is not
      expect(page.json().content).toContain('Ông cán bộ địa chính xã đòi 5 triệu đồng');
      expect(page.json().content).toContain('[đã ẩn]');
    });

    it('gives the leader the identity and the text as typed through the reveal only, audited', async () => {
      const before = (await auditOf('petition.read_personal_data')).length;
      const res = await get(`/api/petitions/${code}/petitioner`, 'lanhdao.dilinh');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        ...DENOUNCER,
        subject: denunciation.subject,
        content: denunciation.content,
        dossierCode: null,
      });
      const after = await auditOf('petition.read_personal_data');
      expect(after).toHaveLength(before + 1);
      expect(after.at(-1)).toMatchObject({
        actor_username: 'lanhdao.dilinh',
        unit_code: '25000',
        chain: '68',
      });
    });

    it.each(['tiepnhan.dilinh', 'chuyenvien.a', 'tinh.lamdong', 'thanhtra.lamdong', 'quantri'])(
      'refuses %s the reveal, and audits the refusal',
      async (who) => {
        const res = await get(`/api/petitions/${code}/petitioner`, who);
        expect(res.statusCode).toBe(403);
        expect(leaks(res.body)).toEqual([]);
        const refused = await auditOf('petition.read_personal_data_refused');
        expect(refused.map((r) => r.actor_username)).toContain(who);
      },
    );

    it('hides the denunciation from another commune’s leader altogether', async () => {
      const list = await get('/api/petitions', 'lanhdao.giahiep');
      expect(list.json().items.map((p: { code: string }) => p.code)).not.toContain(code);
      expect((await get(`/api/petitions/${code}`, 'lanhdao.giahiep')).statusCode).toBe(404);
      expect((await get(`/api/petitions/${code}/petitioner`, 'lanhdao.giahiep')).statusCode).toBe(404);
    });

    it('offers no search by the identity (no oracle): unknown filters change nothing', async () => {
      const all = await get('/api/petitions', 'chuyenvien.a');
      for (const q of ['q', 'name', 'petitioner', 'idNumber', 'phone', 'search']) {
        const probe = await get(`/api/petitions?${q}=${encodeURIComponent(DENOUNCER.name)}`, 'chuyenvien.a');
        expect(probe.json()).toEqual(all.json());
        const miss = await get(`/api/petitions?${q}=${encodeURIComponent('Không Ai Cả')}`, 'chuyenvien.a');
        expect(miss.json()).toEqual(all.json());
      }
    });

    it('audits every view of the page, with the viewer and never the identity', async () => {
      const before = (await auditOf('petition.view')).length;
      for (const who of OFFICERS) expect((await get(`/api/petitions/${code}`, who)).statusCode).toBe(200);
      const views = await auditOf('petition.view');
      expect(views).toHaveLength(before + OFFICERS.length);
      expect(views.slice(before).map((v) => v.actor_username)).toEqual([...OFFICERS]);
      expect(views.every((v) => v.unit_code === '25000' && v.chain === '68')).toBe(true);
      const every = await h.t.db.selectFrom('audit_log').selectAll().where('target_id', '=', code).execute();
      // (the details: usernames such as "thanhtra" contain "hanh" by chance)
      expect(every.length).toBeGreaterThan(OFFICERS.length);
      expect(leaks(JSON.stringify(every.map((r) => [r.details, r.target_id, r.target_type])))).toEqual([]);
    });

    it('redacts the identity from the log’s free text too', async () => {
      const leader = await h.login('lanhdao.dilinh');
      const res = await h.app.inject({
        method: 'POST',
        url: `/api/petitions/${code}/actions`,
        payload: { type: 'reject', reason: 'Bà Bích Hạnh (0987654321) đã rút đơn bằng lời' },
        headers: { cookie: leader },
      });
      expect(res.statusCode).toBe(200);
      expect(leaks(res.body)).toEqual([]);
      const page = await get(`/api/petitions/${code}`, 'chuyenvien.a');
      const reject = page.json().actions.find((a: { type: string }) => a.type === 'reject');
      expect(reject.payload.reason).toBe('Bà [đã ẩn] ([đã ẩn]) đã rút đơn bằng lời');
    });

    it('shows the dossier a denunciation is about through the reveal only (its applicant may be the denouncer)', async () => {
      const counter = await h.login('tiepnhan.dilinh');
      const dossier = await h.app.inject({
        method: 'POST',
        url: '/api/dossiers',
        payload: buildIntake(),
        headers: { cookie: counter },
      });
      const dossierCode = dossier.json().code as string;
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/petitions',
        payload: { ...denunciation, dossierCode },
        headers: { cookie: counter },
      });
      expect(res.json().dossierCode).toBeNull();
      const about = res.json().code as string;
      for (const who of OFFICERS) {
        expect((await get(`/api/petitions/${about}`, who)).json().dossierCode).toBeNull();
        const list = (await get('/api/petitions?kind=denunciation', who)).json();
        expect(list.items.find((p: { code: string }) => p.code === about).dossierCode).toBeNull();
      }
      const full = await get(`/api/petitions/${about}/petitioner`, 'lanhdao.dilinh');
      expect(full.json().dossierCode).toBe(dossierCode);
    });

    it('keeps complaints and feedback as before: the name shown, the rest masked, no view audited', async () => {
      const counter = await h.login('tiepnhan.dilinh');
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/petitions',
        payload: { ...denunciation, kind: 'feedback', subject: 'Phản ánh chậm trả' },
        headers: { cookie: counter },
      });
      const feedback = res.json();
      expect(feedback.petitioner).toMatchObject({ confidential: false, name: DENOUNCER.name });
      expect(feedback.petitioner.idNumber).not.toBe(DENOUNCER.idNumber);
      expect(feedback.content).toBe(denunciation.content);
      await get(`/api/petitions/${feedback.code}`, 'chuyenvien.a');
      const views = await h.t.db
        .selectFrom('audit_log')
        .select('action')
        .where('target_id', '=', feedback.code)
        .where('action', '=', 'petition.view')
        .execute();
      expect(views).toEqual([]);
    });
  });
}
