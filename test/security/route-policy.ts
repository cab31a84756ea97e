/**
 * Who may call every route of the API, stated apart from the code (accounts/policy.ts, the services) so that the
 * authorisation matrix (authorization-matrix.test.ts) checks the code against it, and one sample request per
 * route that reaches the handler (a schema-valid body: Fastify validates before the handler, so an invalid body
 * would answer 400 to everyone, anonymous included, and test nothing). The fuzz test (api-fuzz.test.ts) starts
 * from the same samples.
 *
 * A new route needs an entry here: the matrix fails with "route X has no entry in the policy table".
 * A new role needs a line in REACH, HOME and the groups below (each is typed `Record<Role, …>` or checked
 * against ROLES, so TypeScript names what is missing).
 */
import { ROLES, type Role } from '../../src/server/accounts/roles.ts';

/** Where the target is, seen from the caller: the caller's commune, another commune of its province, elsewhere. */
export type Place = 'own' | 'province' | 'elsewhere';
export const PLACES: readonly Place[] = ['own', 'province', 'elsewhere'];
export type Caller = Role | 'anonymous';

/** The commune of each place (test/support/factories.ts LAM_DONG_SAMPLE): two of Lâm Đồng (68), one of Hà Nội. */
export const PLACE_UNIT: Record<Place, string> = { own: '25000', province: '25015', elsewhere: '00004' };
export const PLACE_PROVINCE: Record<Place, string> = { own: '68', province: '68', elsewhere: '01' };

/** Where each role's account sits: commune staff in the own commune, the province's officers in the province. */
export const HOME: Record<Role, string> = {
  system_admin: '68',
  province_supervisor: '68',
  province_inspector: '68',
  commune_leader: PLACE_UNIT.own,
  specialist: PLACE_UNIT.own,
  counter_officer: PLACE_UNIT.own,
};

/** How far each role sees (docs/SECURITY.md, accounts/scope.ts). */
export const REACH: Record<Role, 'everywhere' | 'province' | 'commune'> = {
  system_admin: 'everywhere',
  province_supervisor: 'province',
  province_inspector: 'province',
  commune_leader: 'commune',
  specialist: 'commune',
  counter_officer: 'commune',
};

export function reaches(role: Role, place: Place): boolean {
  const reach = REACH[role];
  return reach === 'everywhere' || place === 'own' || (reach === 'province' && place === 'province');
}

/** Whether a caller gets through to a route on a target at a place. */
export type Rule = (caller: Caller, place: Place) => boolean;

/** Everybody, signed in or not (the public doors, reference data, the web app). */
export const anyone: Rule = () => true;
/** Any signed-in officer; the route has no tenant target (or filters its answer to the caller's scope). */
export const anyOfficer: Rule = (c) => c !== 'anonymous';
/** These roles, wherever the target is (the route's answer is the caller's scope, or there is no tenant). */
export const roles =
  (...who: Role[]): Rule =>
  (c) =>
    c !== 'anonymous' && who.includes(c);
/** These roles, on a target within their reach. */
export const inScope =
  (...who: Role[]): Rule =>
  (c, p) =>
    c !== 'anonymous' && who.includes(c) && reaches(c, p);

// The role groups of the policies (accounts/policy.ts), restated.
/** Every role: read routes that answer any officer within their reach. */
const ALL: Role[] = [...ROLES];
const INTAKE: Role[] = ['counter_officer', 'commune_leader', 'system_admin'];
const PROCESS: Role[] = ['specialist', 'commune_leader', 'system_admin'];
const DECIDE: Role[] = ['commune_leader', 'system_admin'];
const PETITION_RECEIVE: Role[] = ['counter_officer', 'specialist', 'commune_leader', 'system_admin'];
const PETITION_HANDLE: Role[] = ['specialist', 'commune_leader', 'system_admin'];
const PROVINCE_EDITORS: Role[] = ['system_admin', 'province_supervisor'];
const RECEPTION_RECORD: Role[] = ['counter_officer', 'specialist', 'commune_leader', 'system_admin'];
/** A province's own data (its catalog overrides): its officers and the system admin, never another province's. */
const ownProvince =
  (...who: Role[]): Rule =>
  (c, p) =>
    c !== 'anonymous' && (c === 'system_admin' || (who.includes(c) && p !== 'elsewhere'));
/** Account management (finding 1): in detail, role by role, in src/server/accounts/account.manage.matrix.test.ts. */
const ACCOUNT_MANAGERS: Role[] = ['system_admin', 'province_supervisor'];

/** The real targets of one place, made by test/security/tenants.ts. */
export interface Targets {
  unit: string;
  province: string;
  /** A dossier received at the counter (status received). */
  dossier: string;
  /** Its public lookup digits. */
  verify: string;
  /** A scanned component of that dossier. */
  attachment: string;
  /** A feedback petition, received. */
  petition: string;
  /** A denunciation, received. */
  denunciation: string;
  /** A task assigned by the commune's leader to `person`, assigned. */
  task: string;
  /** A citizen reception (feedback forwarded to another agency: a reply is due). */
  reception: string;
  /** A counter officer of the commune (the target of account management). */
  user: string;
  /** A specialist of the commune (the person tasks are given to). */
  person: string;
  /** A portal upload, declared (no bytes yet). */
  upload: string;
  /** A blank form attached to TEMPLATE_COMPONENT of procedure 1.004873. */
  template: string;
}

/** A component of procedure 1.004873 that the tests attach a blank form to. */
export const TEMPLATE_COMPONENT = 'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân theo mẫu';

export interface SampleContext {
  /** The targets at the place the call is about. */
  at: Targets;
  /** A number unique to this call (usernames, phone numbers that must not repeat). */
  seq: number;
}

/** A request, by parts: the harness builds the URL from the route's template (`:name` → params.name). */
export interface Sample {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  /** Raw bytes with this content type instead of JSON. */
  raw?: { contentType: string; bytes: Buffer };
}

export interface RouteCase {
  /** Tells several cases of one route apart (a dossier action by its policy). */
  label?: string;
  who: Rule;
  /** False when the target's place does not matter: called once, at the own place. */
  placed: boolean;
  sample: (ctx: SampleContext) => Sample;
  /** Signs the caller in again for this call only (logout ends the session it is given). */
  freshSession?: boolean;
}

const PERIOD = { from: '2026-11-01', to: '2026-11-30' };
const MINIMAL_PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

const publicCase = (sample: RouteCase['sample'] = () => ({})): RouteCase => ({
  who: anyone,
  placed: false,
  sample,
});
const officerCase = (sample: RouteCase['sample'] = () => ({})): RouteCase => ({
  who: anyOfficer,
  placed: false,
  sample,
});
const placed = (who: Rule, sample: RouteCase['sample'], label?: string): RouteCase => ({
  who,
  placed: true,
  sample,
  label,
});

const dossierForm = placed(inScope(...ALL), ({ at }) => ({ params: { code: at.dossier } }));
const intakeBody = (unitCode: string, phone = '0912345678') => ({
  procedureCode: '1.004873',
  channel: 'direct',
  unitCode,
  applicant: {
    kind: 'person',
    name: 'Nguyễn Văn An',
    idNumber: '068090001234',
    phone,
    address: 'Thôn 1, Xã Di Linh, Lâm Đồng',
  },
  decision: 'receive',
  paper: false,
});
export const petitionBody = (kind: string, unitCode: string) => ({
  kind,
  channel: 'direct',
  subject: 'Chậm trả kết quả',
  content: 'Hồ sơ của tôi đã quá hạn nhưng chưa được trả kết quả, đề nghị xem xét.',
  petitioner: { name: 'Nguyễn Văn An', idNumber: '068090001234', phone: '0912345678', address: 'Thôn 1' },
  unitCode,
});
export const receptionBody = (unitCode: string) => ({
  unitCode,
  citizen: { name: 'Lê Văn Cường', idNumber: '068090001234', address: 'Thôn 2' },
  peopleCount: 1,
  kind: 'feedback',
  content: 'Đề nghị sửa đường liên thôn bị sạt lở sau mưa lớn.',
  handling: 'forwarded',
  forwardedTo: 'Sở Xây dựng',
});
export const taskBody = (assignee: string) => ({
  assignee,
  work: 'Kiểm tra hồ sơ tồn đọng',
  responsibility: 'Báo cáo đúng hạn',
  product: 'Báo cáo bằng văn bản',
  authority: 'Kế hoạch của UBND xã',
  limit: { value: 3, unit: 'working_day' },
});
const unitQuery = ({ at }: SampleContext) => ({ query: { unit: at.unit, ...PERIOD } });

/**
 * The policy table: `METHOD /url` as Fastify registered it → who may call it. HEAD twins of GET routes (Fastify's
 * exposeHeadRoutes) share their GET route's entry and handler.
 */
export const ROUTE_POLICY: Record<string, RouteCase | RouteCase[]> = {
  // The web app and its API documents: public.
  'GET /*': publicCase(() => ({ params: { '*': '' } })),
  'GET /api/docs': publicCase(),
  'GET /api/docs/static/index.html': publicCase(),
  'GET /api/docs/static/swagger-initializer.js': publicCase(),
  'GET /api/docs/static/*': publicCase(() => ({ params: { '*': 'swagger-ui.css' } })),
  'GET /api/docs/json': publicCase(),
  'GET /api/docs/yaml': publicCase(),
  'GET /api/health': publicCase(),

  // Signing in and out.
  'POST /api/auth/login': publicCase(() => ({ body: { username: 'nobody.here', password: '' } })),
  'POST /api/auth/logout': { ...publicCase(), freshSession: true },
  'GET /api/auth/me': officerCase(),

  // Accounts (finding 1). Listing: the managers and commune leaders, each sees their scope's accounts.
  'GET /api/users': {
    who: roles('system_admin', 'province_supervisor', 'commune_leader'),
    placed: false,
    sample: () => ({}),
  },
  'POST /api/users': placed(inScope(...ACCOUNT_MANAGERS), ({ at, seq }) => ({
    body: {
      username: `made.${seq}`,
      displayName: 'Cán bộ mới',
      password: 'long-enough',
      unitCode: at.unit,
      roles: ['counter_officer'],
    },
  })),
  'POST /api/users/:username/disable': placed(inScope(...ACCOUNT_MANAGERS), ({ at }) => ({
    params: { username: at.user },
  })),
  'POST /api/users/:username/enable': placed(inScope(...ACCOUNT_MANAGERS), ({ at }) => ({
    params: { username: at.user },
  })),
  'POST /api/users/:username/password': placed(inScope(...ACCOUNT_MANAGERS), ({ at }) => ({
    params: { username: at.user },
    body: { password: 'another-password' },
  })),
  // Leave of a commune officer (issue 12 item 3): the commune's leader (and the system admin).
  // The leave screen's list: every officer (a manager sees the scope's staff, anyone else their own leave).
  'GET /api/staff-leave': placed(anyOfficer, ({ at }) => ({ query: { unit: at.unit } })),
  'PUT /api/users/:username/leave': placed(inScope(...DECIDE, 'province_supervisor'), ({ at }) => ({
    params: { username: at.user },
    body: { from: '2026-12-07', until: '2026-12-08' },
  })),

  // Reference data: public.
  'GET /api/units': publicCase(() => ({ query: { province: '68' } })),
  'GET /api/units/:code': publicCase(() => ({ params: { code: '25000' } })),
  'GET /api/provinces': publicCase(),
  'GET /api/procedures': publicCase(() => ({ query: { q: 'khai sinh' } })),
  'GET /api/procedures/export.json': publicCase(),
  'GET /api/procedures/export.xlsx': publicCase(),
  'GET /api/procedures/:code': publicCase(() => ({ params: { code: '1.004873' } })),
  // Finding 2: the national catalog is the system admin's alone; a province overrides its fee, notes and extra
  // components (its supervisor), read by its officers.
  'POST /api/procedures/import': {
    who: roles('system_admin'),
    placed: false,
    sample: () => ({ body: { items: [] } }),
  },
  // Blank forms of the national catalog: the system admin's, like the catalog itself.
  'PUT /api/procedures/:code/templates': {
    who: roles('system_admin'),
    placed: false,
    sample: () => ({
      params: { code: '1.004873' },
      // another component than the target's, which the public download reads
      query: {
        component: 'Giấy xác nhận tình trạng hôn nhân đã được cấp trước đây (trường hợp cấp lại)',
        name: 'mau.pdf',
      },
      raw: { contentType: 'application/pdf', bytes: MINIMAL_PDF },
    }),
  },
  'GET /api/procedures/:code/overrides': placed(ownProvince(...ALL), ({ at }) => ({
    params: { code: '1.004873' },
    query: { province: at.province },
  })),
  // expectedVersion 0: the first save goes through, later ones are a 409 past the policy (allowed either way).
  'PUT /api/procedures/:code/overrides': placed(ownProvince('province_supervisor'), ({ at }) => ({
    params: { code: '1.004873' },
    query: { province: at.province },
    body: {
      expectedVersion: 0,
      feeAmount: null,
      feeNote: null,
      notes: 'Ma trận phân quyền',
      extraComponents: [],
    },
  })),
  'DELETE /api/procedures/:code/overrides': placed(ownProvince('province_supervisor'), ({ at }) => ({
    params: { code: '1.004873' },
    query: { province: at.province, expectedVersion: '0' },
  })),

  // The audit log (finding 4): a system admin's every chain, a province inspector's its province's (the answer is
  // the reader's scope whatever `unit` asks for).
  'GET /api/audit': {
    who: roles('system_admin', 'province_inspector'),
    placed: false,
    sample: () => ({ query: { action: 'petition.' } }),
  },
  'GET /api/calendar/:province/:year': publicCase(() => ({ params: { province: '68', year: '2026' } })),
  'POST /api/calendar/due': publicCase(() => ({
    body: { received: '2026-12-08T09:00:00+07:00', limit: 3, unit: 'working_day' },
  })),
  'GET /api/calendar/:province': placed(anyOfficer, ({ at }) => ({ params: { province: at.province } })),
  'PUT /api/calendar/:province': placed(inScope(...PROVINCE_EDITORS), ({ at }) => ({
    params: { province: at.province },
    body: { override: {}, note: 'ma trận phân quyền' },
  })),

  // Signing certificates (docs/SIGNING.md): the system admin, or a province supervisor for its province's units.
  // The sample is not a PKCS#12 file: a caller let through gets 400 (signing.not_pkcs12), or 409 without a signing key.
  'POST /api/signing/certificates': placed(ownProvince('province_supervisor'), ({ at }) => ({
    body: { unitCode: at.unit, p12: Buffer.from('not a pkcs12 file').toString('base64'), password: 'x' },
  })),
  'GET /api/signing/certificates': {
    who: roles('system_admin', 'province_supervisor'),
    placed: false,
    sample: () => ({}),
  },

  // Routing rules per commune (issue 12 item 3): read by its officers, set by its leader only.
  'GET /api/routing-rules': placed(inScope(...ALL), ({ at }) => ({ query: { unit: at.unit } })),
  'PUT /api/routing-rules/:code': placed(inScope('commune_leader'), ({ at }) => ({
    params: { code: '2.000815' },
    body: { unit: at.unit, mode: 'leader_assigns' },
  })),

  // Dossiers.
  'POST /api/dossiers/reassign-absent': placed(inScope(...DECIDE), ({ at }) => ({ body: { unit: at.unit } })),
  'POST /api/dossiers': placed(inScope(...INTAKE), ({ at }) => ({ body: intakeBody(at.unit) })),
  'GET /api/dossiers': placed(anyOfficer, ({ at }) => ({ query: { unit: at.unit } })),
  'GET /api/dossiers/counts': placed(anyOfficer, ({ at }) => ({ query: { unit: at.unit } })),
  // A batch is refused (403) to all but who decides; its items are judged one by one (per-item results).
  'POST /api/dossiers/bulk-actions': placed(roles(...DECIDE), ({ at }) => ({
    body: { type: 'approve', codes: [at.dossier] },
  })),
  'GET /api/dossiers/:code': placed(inScope(...ALL), ({ at }) => ({ params: { code: at.dossier } })),
  'GET /api/dossiers/:code/applicant': placed(inScope(...ALL), ({ at }) => ({
    params: { code: at.dossier },
  })),
  // Each case is an action the dossier's status (received) forbids: past the policy, a 409 and no change.
  'POST /api/dossiers/:code/actions': [
    placed(
      inScope(...DECIDE),
      ({ at }) => ({ params: { code: at.dossier }, body: { type: 'approve' } }),
      'decide',
    ),
    placed(
      inScope(...INTAKE),
      ({ at }) => ({ params: { code: at.dossier }, body: { type: 'receive_supplement' } }),
      'intake',
    ),
    placed(
      inScope(...PROCESS),
      ({ at }) => ({ params: { code: at.dossier }, body: { type: 'correct_result', note: 'x' } }),
      'process',
    ),
  ],
  'POST /api/dossiers/:code/attachments': placed(inScope(...new Set([...INTAKE, ...PROCESS])), ({ at }) => ({
    params: { code: at.dossier },
    query: { component: 'Tờ khai', name: 'scan.pdf' },
    raw: { contentType: 'application/pdf', bytes: MINIMAL_PDF },
  })),
  'GET /api/dossiers/:code/attachments': placed(inScope(...ALL), ({ at }) => ({
    params: { code: at.dossier },
  })),
  'GET /api/dossiers/:code/attachments/:id': placed(inScope(...ALL), ({ at }) => ({
    params: { code: at.dossier, id: at.attachment },
  })),
  // The result document (docs/ELECTRONIC-RESULTS.md): the processing officers attach the draft (the specialist
  // only when assigned: the sample dossier is received, so everyone past the policy gets 409 result.not_processing).
  'POST /api/dossiers/:code/result': placed(inScope(...PROCESS), ({ at }) => ({
    params: { code: at.dossier },
    raw: { contentType: 'application/pdf', bytes: MINIMAL_PDF },
  })),
  'GET /api/dossiers/:code/result': dossierForm,
  // No result yet: 409 result.none past the checks.
  'GET /api/dossiers/:code/result.pdf': dossierForm,
  'GET /api/dossiers/:code/documents/receipt.pdf': dossierForm,
  'GET /api/dossiers/:code/documents/refusal.pdf': dossierForm,
  'GET /api/dossiers/:code/documents/supplement-request.pdf': dossierForm,
  'GET /api/dossiers/:code/documents/stop-notice.pdf': dossierForm,
  'GET /api/dossiers/:code/documents/extension.pdf': dossierForm,
  'GET /api/dossiers/:code/documents/control-sheet.pdf': dossierForm,
  'GET /api/registers/dossiers.pdf': placed(inScope(...ALL), unitQuery),
  'GET /api/registers/dossiers.xlsx': placed(inScope(...ALL), unitQuery),

  // The public portal: anyone (limited per address; the harness gives each call its own).
  'POST /api/public/dossiers': publicCase(({ seq }) => {
    const { procedureCode, applicant } = intakeBody(PLACE_UNIT.own, `09${String(seq).padStart(8, '0')}`);
    return { body: { unitCode: PLACE_UNIT.own, procedureCode, applicant } };
  }),
  'GET /api/public/dossiers/:code': publicCase(({ at }) => ({
    params: { code: at.dossier },
    query: { verify: at.verify },
  })),
  // Its catalog, uploads, feedback and ratings (docs/PORTAL.md).
  'GET /api/public/units': publicCase(() => ({ query: { q: 'di linh' } })),
  'GET /api/public/units/:unitCode/procedures': publicCase(({ at }) => ({
    params: { unitCode: at.unit },
    query: { q: 'ket hon' },
  })),
  'GET /api/public/units/:unitCode/procedures/:code': publicCase(({ at }) => ({
    params: { unitCode: at.unit, code: '1.004873' },
  })),
  'GET /api/public/templates/:id': publicCase(({ at }) => ({ params: { id: at.template } })),
  'POST /api/public/uploads': publicCase(() => ({ body: { fileName: 'don.pdf', size: 2048 } })),
  'GET /api/public/uploads/:id': publicCase(({ at }) => ({ params: { id: at.upload } })),
  // No Content-Range: a 400 past the doors (a valid chunk is the route test's).
  'PUT /api/public/uploads/:id': publicCase(({ at }) => ({
    params: { id: at.upload },
    raw: { contentType: 'application/octet-stream', bytes: MINIMAL_PDF },
  })),
  'POST /api/public/feedback': publicCase(({ at, seq }) => ({
    body: {
      unitCode: at.unit,
      procedureCode: '1.004873',
      subject: 'Hướng dẫn chưa rõ',
      content: 'Trang thủ tục chưa ghi rõ cần mang giấy tờ gì khi nhận kết quả.',
      petitioner: { name: 'Nguyễn Văn An', phone: `09${String(seq).padStart(8, '0')}` },
    },
  })),
  'GET /api/public/feedback/:code': publicCase(({ at }) => ({
    params: { code: at.petition },
    query: { verify: '5678' },
  })),
  // The dossier is not delivered: a 409 past the doors.
  'POST /api/public/dossiers/:code/rating': publicCase(({ at }) => ({
    params: { code: at.dossier },
    body: { verify: at.verify, rating: 5 },
  })),
  // Signed results: verification, the QR's check, the citizen's one-time code and download (a received dossier
  // has no result: 409 result.not_available past the checks).
  'POST /api/public/verify': publicCase(() => ({
    raw: { contentType: 'application/pdf', bytes: MINIMAL_PDF },
  })),
  'GET /api/public/results/:code/:resultId': publicCase(({ at }) => ({
    params: { code: at.dossier, resultId: '00000000-0000-4000-8000-000000000000' },
  })),
  'POST /api/public/dossiers/:code/result-code': publicCase(({ at }) => ({
    params: { code: at.dossier },
    body: { verify: at.verify },
  })),
  'POST /api/public/dossiers/:code/result.pdf': publicCase(({ at }) => ({
    params: { code: at.dossier },
    body: { verify: at.verify, code: '123456' },
  })),

  // Reports: every officer on their own scope.
  'GET /api/reports/period': placed(inScope(...ALL), unitQuery),
  'GET /api/reports/brief': placed(inScope(...ALL), unitQuery),
  'GET /api/reports/dashboard': placed(inScope(...ALL), unitQuery),

  // Petitions (complaints, denunciations, feedback).
  'POST /api/petitions': placed(inScope(...PETITION_RECEIVE), ({ at }) => ({
    body: petitionBody('feedback', at.unit),
  })),
  'GET /api/petitions': placed(anyOfficer, ({ at }) => ({ query: { unit: at.unit } })),
  'GET /api/petitions/:code': [
    placed(inScope(...ALL), ({ at }) => ({ params: { code: at.petition } }), 'feedback'),
    placed(inScope(...ALL), ({ at }) => ({ params: { code: at.denunciation } }), 'denunciation'),
  ],
  'GET /api/petitions/:code/petitioner': [
    placed(inScope(...ALL), ({ at }) => ({ params: { code: at.petition } }), 'feedback'),
    // Law on Denunciation 2018 Art. 47, 56: the denouncer's identity, the commune leader's only (not the admin's).
    placed(inScope('commune_leader'), ({ at }) => ({ params: { code: at.denunciation } }), 'denunciation'),
  ],
  // Actions the petition's status (received) forbids: past the policy, a 409 and no change.
  'POST /api/petitions/:code/actions': [
    placed(
      inScope(...DECIDE),
      ({ at }) => ({ params: { code: at.petition }, body: { type: 'resolve' } }),
      'decide',
    ),
    placed(
      inScope(...PETITION_HANDLE),
      ({ at }) => ({ params: { code: at.petition }, body: { type: 'publish' } }),
      'handle',
    ),
    placed(
      inScope(...PETITION_RECEIVE),
      ({ at }) => ({ params: { code: at.petition }, body: { type: 'receive_info' } }),
      'receive',
    ),
  ],
  'GET /api/petition-rules/:province': placed(anyOfficer, ({ at }) => ({
    params: { province: at.province },
  })),
  'PUT /api/petition-rules/:province': placed(inScope(...PROVINCE_EDITORS), ({ at }) => ({
    params: { province: at.province },
    body: {},
  })),

  // Citizen reception (Law on Citizen Reception 2013): the commune's officers record; the schedule is its leader's.
  'GET /api/reception': placed(anyOfficer, ({ at }) => ({ query: { unit: at.unit } })),
  'POST /api/reception': placed(inScope(...RECEPTION_RECORD), ({ at }) => ({ body: receptionBody(at.unit) })),
  'GET /api/reception/:code': placed(inScope(...ALL), ({ at }) => ({ params: { code: at.reception } })),
  'GET /api/reception/:code/citizen': placed(inScope(...ALL), ({ at }) => ({
    params: { code: at.reception },
  })),
  // The first allowed reply records it, later ones are a 409 past the policy.
  'POST /api/reception/:code/reply': placed(inScope(...RECEPTION_RECORD), ({ at }) => ({
    params: { code: at.reception },
    body: { note: 'Đã chuyển và báo cho công dân' },
  })),
  'GET /api/reception-schedule/:unitCode': placed(inScope(...ALL), ({ at }) => ({
    params: { unitCode: at.unit },
  })),
  // Art. 15.2.d: the chairman receives at least one day a week; the commune's own leader (or the admin) sets it.
  'PUT /api/reception-schedule/:unitCode': placed(
    (c, p) => c === 'system_admin' || (c === 'commune_leader' && p === 'own'),
    ({ at }) => ({
      params: { unitCode: at.unit },
      body: {
        slots: [
          {
            weekday: 4,
            fromTime: '07:30',
            toTime: '11:30',
            hostRole: 'chairman',
            hostName: 'Nguyễn Văn Tâm',
            hostTitle: 'Chủ tịch UBND xã',
            place: 'Trụ sở UBND xã',
          },
        ],
        exceptions: [],
      },
    }),
  ),
  'GET /api/public/reception-schedule/:unitCode': publicCase(({ at }) => ({ params: { unitCode: at.unit } })),

  // Leaders' tasks: a task is seen by its person and the commune's leaders only.
  'POST /api/tasks': placed(inScope(...DECIDE), ({ at }) => ({ body: taskBody(at.person) })),
  'GET /api/tasks': officerCase(),
  'GET /api/tasks/:id': placed(inScope(...DECIDE), ({ at }) => ({ params: { id: at.task } })),
  // accept: the task is only assigned, so a 409 past the check.
  'POST /api/tasks/:id/actions': placed(inScope(...DECIDE), ({ at }) => ({
    params: { id: at.task },
    body: { type: 'accept' },
  })),

  // Notifications: each officer's own in-app notices (the answer is the caller's list).
  'GET /api/notifications': officerCase(),
  // A notice that is nobody's (the sample's id): 404 to every officer, as another officer's notice is; marking
  // one's own read is tested in src/server/notifications/notification.routes.test.ts.
  'POST /api/notifications/:id/read': {
    who: () => false,
    placed: false,
    sample: () => ({ params: { id: '00000000-0000-4000-8000-000000000000' } }),
  },
};

export const casesOf = (entry: RouteCase | RouteCase[]): RouteCase[] => [entry].flat();

/** The URL of a route template with a sample's params and query. */
export function urlOf(template: string, sample: Sample): string {
  const path = template.replace(/:([A-Za-z]+)|\*/g, (whole, name: string | undefined) => {
    const value = sample.params?.[name ?? '*'];
    if (value === undefined) throw new Error(`${template}: the sample has no ${whole}`);
    return name === undefined ? value : encodeURIComponent(value);
  });
  const query = new URLSearchParams(sample.query ?? {}).toString();
  return query ? `${path}?${query}` : path;
}
