import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../../test/support/db.ts';
import { TEST_NOW } from '../../../test/support/clock.ts';
import { createUser } from '../accounts/account.service.ts';
import { connect } from '../db/connect.ts';
import { ensureReferenceData } from './reference-data.ts';
import { demoRefusal, type DemoProbe } from './demo-guard.ts';
import { DEMO_USERNAMES, seedDemo } from './demo-seed.ts';
import { probeDemoDatabase } from './demo.repository.ts';

const EMPTY: DemoProbe = {
  marked: false,
  otherAccounts: [],
  accounts: 0,
  dossiers: 0,
  importedDossiers: 0,
  petitions: 0,
  tasks: 0,
};

describe('demoRefusal', () => {
  it('lets the demo seed an empty database and run again on its own', () => {
    expect(demoRefusal(EMPTY)).toBeUndefined();
    expect(demoRefusal({ ...EMPTY, marked: true, accounts: 8, dossiers: 142, petitions: 6 })).toBeUndefined();
  });

  it('refuses accounts that are not the demo accounts, marked or not', () => {
    expect(demoRefusal({ ...EMPTY, marked: true, accounts: 9, otherAccounts: ['quantri'] })).toBe(
      'holds an account that is not a demo account (quantri)',
    );
    expect(demoRefusal({ ...EMPTY, accounts: 40, otherAccounts: ['a.b', 'c.d', 'e.f', 'g.h'] })).toBe(
      'holds accounts that are not demo accounts (a.b, c.d, e.f, …)',
    );
  });

  it('refuses imported dossiers, and any data in a database the demo did not seed', () => {
    expect(demoRefusal({ ...EMPTY, marked: true, accounts: 8, importedDossiers: 1 })).toBe(
      'holds 1 imported dossier',
    );
    expect(demoRefusal({ ...EMPTY, dossiers: 300, tasks: 1 })).toBe(
      'holds data the demo did not make (300 dossiers, 1 task)',
    );
    expect(demoRefusal({ ...EMPTY, accounts: 1 })).toBe('holds data the demo did not make (1 account)');
  });
});

describe('probeDemoDatabase (SQLite: the demo never runs on PostgreSQL)', () => {
  let t: TestDb;
  beforeEach(async () => {
    t = await openTestDb('sqlite');
    await ensureReferenceData(t.db, TEST_NOW);
  });
  afterEach(async () => t.dispose());

  const probe = () => probeDemoDatabase(t.db, DEMO_USERNAMES);
  const account = (username: string) =>
    t.db.transaction().execute((trx) =>
      createUser(
        trx,
        null,
        {
          username,
          displayName: username,
          unitCode: '68',
          roles: ['system_admin'],
          password: 'long-password',
        },
        TEST_NOW,
      ),
    );

  it('reads an unmigrated database as empty', async () => {
    const fresh = await connect('sqlite::memory:');
    try {
      expect(await probeDemoDatabase(fresh.db, DEMO_USERNAMES)).toEqual(EMPTY);
    } finally {
      await fresh.close();
    }
  });

  it('a migrated empty database: allowed; seeded by the demo: marked, allowed', async () => {
    expect(demoRefusal(await probe())).toBeUndefined();
    await seedDemo(t.db, 'motcua-demo', TEST_NOW);
    const seeded = await probe();
    expect(seeded).toMatchObject({ marked: true, accounts: DEMO_USERNAMES.length, otherAccounts: [] });
    expect(demoRefusal(seeded)).toBeUndefined();
  });

  it('the demo seeded, then a real account: refused, naming it', async () => {
    await seedDemo(t.db, 'motcua-demo', TEST_NOW);
    await account('quantri');
    expect(demoRefusal(await probe())).toBe('holds an account that is not a demo account (quantri)');
  });

  it('a real administrator who happens to be called admin: refused (the demo did not seed it)', async () => {
    await account('admin');
    expect(demoRefusal(await probe())).toBe('holds data the demo did not make (1 account)');
  });
});
