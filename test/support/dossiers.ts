import type { Kysely } from 'kysely';
import type { Database } from '../../src/server/db/schema.ts';
import { createUser } from '../../src/server/accounts/account.service.ts';
import type { Actor, Role } from '../../src/server/accounts/roles.ts';
import { ensureCatalog } from '../../src/server/procedures/procedure.service.ts';
import type { TCreateDossierRequest } from '../../src/server/dossiers/dossier.schemas.ts';
import { insertUnits, LAM_DONG_SAMPLE } from './factories.ts';
import { TEST_NOW } from './clock.ts';

/** Local time (UTC+7) → epoch ms: at(2026, 3, 2, 9) is Monday 2 March 2026 09:00. */
export const at = (y: number, m: number, d: number, h = 0, min = 0): number =>
  Date.UTC(y, m - 1, d, h - 7, min);

export interface Staff {
  counter: Actor;
  specialistA: Actor;
  specialistB: Actor;
  leader: Actor;
  otherCounter: Actor;
  supervisor: Actor;
}

/** Units, the catalog and a commune's staff for lifecycle tests. */
export async function seedCentre(db: Kysely<Database>): Promise<Staff> {
  await insertUnits(db, LAM_DONG_SAMPLE);
  await ensureCatalog(db, TEST_NOW);
  const make = (username: string, unitCode: string, roles: Role[]) =>
    db.transaction().execute((trx) =>
      createUser(
        trx,
        null,
        {
          username,
          displayName: username,
          password: 'test-password',
          unitCode,
          roles,
        },
        TEST_NOW,
      ),
    );
  return {
    counter: await make('tiepnhan.dilinh', '25000', ['counter_officer']),
    specialistA: await make('chuyenvien.a', '25000', ['specialist']),
    specialistB: await make('chuyenvien.b', '25000', ['specialist']),
    leader: await make('lanhdao.dilinh', '25000', ['commune_leader']),
    otherCounter: await make('tiepnhan.giahiep', '25015', ['counter_officer']),
    supervisor: await make('tinh.lamdong', '68', ['province_supervisor']),
  };
}

/** A valid intake request; CCCD 068090001234 = Lâm Đồng, male, born 1990. */
export function buildIntake(overrides: Partial<TCreateDossierRequest> = {}): TCreateDossierRequest {
  return {
    procedureCode: '1.004873',
    channel: 'direct',
    applicant: {
      kind: 'person',
      name: 'Nguyễn Văn An',
      idNumber: '068090001234',
      phone: '0912345678',
      address: 'Thôn 1, Xã Di Linh, Lâm Đồng',
    },
    decision: 'receive',
    paper: false,
    ...overrides,
  };
}
