/**
 * The tenants of the security tests: the units of two provinces (Lâm Đồng's two communes, Hà Nội's ward), an
 * officer of every role, and in each commune a dossier, a feedback petition, a denunciation, a task and two
 * accounts to act on, so every route with a :code has a real target in every tenant.
 */
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { createUser } from '../../src/server/accounts/account.service.ts';
import { ROLES, type Role } from '../../src/server/accounts/roles.ts';
import { ensureCatalog } from '../../src/server/procedures/procedure.service.ts';
import type { DialectName } from '../../src/server/db/connect.ts';
import { openTestApp, TEST_PASSWORD, type TestApp } from '../support/app.ts';
import { insertUnits, LAM_DONG_SAMPLE } from '../support/factories.ts';
import { TEST_NOW } from '../support/clock.ts';
import {
  HOME,
  PLACE_PROVINCE,
  PLACE_UNIT,
  PLACES,
  petitionBody,
  taskBody,
  receptionBody,
  TEMPLATE_COMPONENT,
  urlOf,
  type Place,
  type Sample,
  type Targets,
} from './route-policy.ts';

export const actorName = (role: Role): string => `actor.${role.replaceAll('_', '-')}`;

/** Tables whose row counts a refused request must leave as they were (audit_log: the audit chain's length). */
export const WATCHED_TABLES = [
  'users',
  'sessions',
  'staff_fields',
  'audit_log',
  'settings',
  'calendar_versions',
  'procedures',
  'dossiers',
  'attachments',
  'dossier_actions',
  'dossier_dues',
  'dossier_suspensions',
  'idempotency_keys',
  'petitions',
  'petition_actions',
  'tasks',
  'task_actions',
] as const;
export type RowCounts = Record<(typeof WATCHED_TABLES)[number], number>;

/** The watched tables' row counts, in one query. */
export async function rowCounts(h: TestApp): Promise<RowCounts> {
  const columns = WATCHED_TABLES.map((t) => `(select count(*) from ${t}) as ${t}`).join(', ');
  const { rows } = await sql<Record<string, string | number>>`select ${sql.raw(columns)}`.execute(h.t.db);
  return Object.fromEntries(Object.entries(rows[0]!).map(([k, v]) => [k, Number(v)])) as RowCounts;
}

/** The tables whose counts differ, as `table before → after` (audit_log left out when `auditAllowed`). */
export function changedTables(before: RowCounts, after: RowCounts, auditAllowed: boolean): string[] {
  return WATCHED_TABLES.filter((t) => after[t] !== before[t] && !(auditAllowed && t === 'audit_log')).map(
    (t) => `${t} ${before[t]} → ${after[t]}`,
  );
}

export interface Tenants {
  h: TestApp;
  /** Each role's session cookie. */
  cookies: Map<Role, string>;
  targets: Record<Place, Targets>;
  /** Sends a route's sample as a caller (no cookie: anonymous), each call from its own client address. */
  send(method: string, template: string, sample: Sample, cookie?: string): Promise<LightMyRequestResponse>;
}

const MINIMAL_PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

let address = 0;
/** A loopback address of its own for every call: the portal's per-address limits never mix tests' calls. */
const nextAddress = () => {
  address++;
  return `127.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`;
};

/** A request to a URL as a caller (no cookie: anonymous), from a client address of its own. */
export function requestTo(
  method: string,
  url: string,
  cookie?: string,
): InjectOptions & { headers: Record<string, string> } {
  const headers: Record<string, string> = { 'accept-language': 'vi' };
  if (cookie) headers.cookie = cookie;
  return { method: method as InjectOptions['method'], url, headers, remoteAddress: nextAddress() };
}

/** A route's sample as an inject request. */
export function injectOptions(
  method: string,
  template: string,
  sample: Sample,
  cookie?: string,
): InjectOptions {
  const options = requestTo(method, urlOf(template, sample), cookie);
  if (sample.raw) {
    options.headers['content-type'] = sample.raw.contentType;
    options.payload = sample.raw.bytes;
  } else if (sample.body !== undefined) options.payload = sample.body as InjectOptions['payload'];
  return options;
}

export async function openTenants(dialect: DialectName): Promise<Tenants> {
  const h = await openTestApp(dialect, async (t) => {
    await insertUnits(t.db, LAM_DONG_SAMPLE);
    await ensureCatalog(t.db, TEST_NOW);
  });
  const make = (username: string, unitCode: string, roles: Role[]) =>
    h.t.db
      .transaction()
      .execute((trx) =>
        createUser(
          trx,
          null,
          { username, displayName: username, password: TEST_PASSWORD, unitCode, roles },
          TEST_NOW,
        ),
      );
  const cookies = new Map<Role, string>();
  for (const role of ROLES) {
    await make(actorName(role), HOME[role], [role]);
    cookies.set(role, await h.login(actorName(role)));
  }
  const send = (method: string, template: string, sample: Sample, cookie?: string) =>
    h.app.inject(injectOptions(method, template, sample, cookie));
  const admin = cookies.get('system_admin')!;
  const made = async (method: string, template: string, sample: Sample, field: string) => {
    const res = await send(method, template, sample, admin);
    if (res.statusCode !== 201) throw new Error(`${method} ${template}: ${res.statusCode} ${res.body}`);
    return String((res.json() as Record<string, unknown>)[field]);
  };

  const targets = {} as Record<Place, Targets>;
  const template = await made(
    'PUT',
    '/api/procedures/:code/templates',
    {
      params: { code: '1.004873' },
      query: { component: TEMPLATE_COMPONENT, name: 'mau-to-khai.pdf' },
      raw: { contentType: 'application/pdf', bytes: MINIMAL_PDF },
    },
    'id',
  );
  for (const place of PLACES) {
    const unit = PLACE_UNIT[place];
    // Officers of every commune role in each commune (the own commune's are also the actors above).
    for (const role of ['commune_leader', 'specialist', 'counter_officer'] as const)
      await make(`${place}.${role.replaceAll('_', '-')}`, unit, [role]);
    const user = `${place}.target`;
    const person = `${place}.person`;
    await make(user, unit, ['counter_officer']);
    await make(person, unit, ['specialist']);
    const intake = {
      procedureCode: '1.004873',
      channel: 'direct',
      unitCode: unit,
      applicant: { kind: 'person', name: 'Trần Thị Bình', idNumber: '068090001234', phone: '0912345678' },
      decision: 'receive',
      paper: false,
    };
    const dossier = await made('POST', '/api/dossiers', { body: intake }, 'code');
    const attachment = await made(
      'POST',
      '/api/dossiers/:code/attachments',
      {
        params: { code: dossier },
        query: { component: 'Tờ khai', name: 'to-khai.pdf' },
        raw: { contentType: 'application/pdf', bytes: MINIMAL_PDF },
      },
      'id',
    );
    targets[place] = {
      unit,
      province: PLACE_PROVINCE[place],
      dossier,
      verify: '5678',
      attachment,
      petition: await made('POST', '/api/petitions', { body: petitionBody('feedback', unit) }, 'code'),
      denunciation: await made(
        'POST',
        '/api/petitions',
        { body: petitionBody('denunciation', unit) },
        'code',
      ),
      task: await made('POST', '/api/tasks', { body: taskBody(person) }, 'id'),
      reception: await made('POST', '/api/reception', { body: receptionBody(unit) }, 'code'),
      user,
      person,
      upload: await made(
        'POST',
        '/api/public/uploads',
        { body: { fileName: 'to-khai.pdf', size: 100 } },
        'id',
      ),
      template, // national: one for every place
    };
  }
  // The province supervisor of the other province: every role has an officer in both provinces.
  await make('elsewhere.province-supervisor', PLACE_PROVINCE.elsewhere, ['province_supervisor']);
  return { h, cookies, targets, send };
}
