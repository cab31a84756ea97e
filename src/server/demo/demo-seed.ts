import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { createUser } from '../accounts/account.service.ts';
import type { Role } from '../accounts/roles.ts';
import { anyUser } from '../accounts/account.repository.ts';
import { demoAccountsNamed, insertDemoMark } from './demo.repository.ts';
import type { DemoSigner } from '../signing/demo-signing.ts';

export interface DemoAccount {
  username: string;
  displayName: string;
  unitCode: string;
  roles: Role[];
}

const LAM_DONG = '68';
const COMMUNES = [
  { slug: 'dilinh', code: '25000', name: 'Di Linh' },
  { slug: 'giahiep', code: '25015', name: 'Gia Hiệp' },
] as const;

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'admin', displayName: 'Quản trị hệ thống', unitCode: LAM_DONG, roles: ['system_admin'] },
  {
    username: 'tinh.lamdong',
    displayName: 'Giám sát tỉnh Lâm Đồng',
    unitCode: LAM_DONG,
    roles: ['province_supervisor'],
  },
  {
    username: 'thanhtra.lamdong',
    displayName: 'Thanh tra tỉnh Lâm Đồng',
    unitCode: LAM_DONG,
    roles: ['province_inspector'],
  },
  ...COMMUNES.flatMap((c): DemoAccount[] => [
    {
      username: `tiepnhan.${c.slug}`,
      displayName: `Cán bộ tiếp nhận xã ${c.name}`,
      unitCode: c.code,
      roles: ['counter_officer'],
    },
    {
      username: `chuyenvien.${c.slug}`,
      displayName: `Chuyên viên xã ${c.name}`,
      unitCode: c.code,
      roles: ['specialist'],
    },
    {
      username: `lanhdao.${c.slug}`,
      displayName: `Lãnh đạo Trung tâm xã ${c.name}`,
      unitCode: c.code,
      roles: ['commune_leader'],
    },
  ]),
];

/** The demo accounts' usernames: any other account is real data (demo-guard.ts). */
export const DEMO_USERNAMES: readonly string[] = DEMO_ACCOUNTS.map((a) => a.username);

/**
 * Seeds the demo into an empty database (no accounts yet): the demo accounts with one password, and the demo's
 * mark in `settings`. Returns the accounts created, or an empty list when the database already had accounts.
 * Callers check the database first (demo-guard.ts): this function only refuses a database with accounts.
 */
export async function seedDemo(db: Kysely<Database>, password: string, now: number): Promise<DemoAccount[]> {
  return db.transaction().execute(async (trx) => {
    if (await anyUser(trx)) return [];
    for (const account of DEMO_ACCOUNTS) await createUser(trx, null, { ...account, password }, now);
    await insertDemoMark(trx, now);
    return DEMO_ACCOUNTS;
  });
}

/** Who signs in the demo: each commune, and each commune's leader (src/server/signing/demo-signing.ts). */
export async function demoSigners(db: Kysely<Database>): Promise<DemoSigner[]> {
  const leaders = await demoAccountsNamed(
    db,
    DEMO_ACCOUNTS.filter((a) => a.roles.includes('commune_leader')).map((a) => a.username),
  );
  return COMMUNES.flatMap((c): DemoSigner[] => {
    const unit = { unitCode: c.code, provinceCode: LAM_DONG, unitName: `UBND xã ${c.name}` };
    const leader = leaders.find((l) => l.unit_code === c.code);
    return leader
      ? [unit, { ...unit, account: { id: leader.id, displayName: leader.display_name } }]
      : [unit];
  });
}
