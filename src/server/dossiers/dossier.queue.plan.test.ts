/**
 * Each queue tab's count reads an index that holds its filter (issue 14: "indexes that serve each queue filter"):
 * no tab walks a commune's or a province's open dossiers reading rows to check their status. SQLite's plans (the
 * embedded database a commune runs; PostgreSQL's planner chooses by statistics, so its plans are not pinned here).
 * The two status tabs had walked (unit_code, work_due_at) reading each row's status: 12 ms a count at 4,000 open
 * dossiers in one commune.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../../test/support/db.ts';
import { queryPlan } from '../../../test/support/plan.ts';
import { QUEUE_TABS } from '../../shared/dossier/queue.ts';
import type { Scope } from '../platform/tenant.ts';
import { countQueueQuery } from './dossier.repository.ts';

const NOW = Date.UTC(2026, 11, 8, 2);
const scopes: [string, Scope][] = [
  ['a commune', { kind: 'unit', provinceCode: '68', unitCode: '25000' }],
  ['a province', { kind: 'province', provinceCode: '68' }],
];

describe('queue counts and their indexes (sqlite)', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb('sqlite');
  });
  afterAll(async () => t.dispose());

  const planOf = (scope: Scope, tab: (typeof QUEUE_TABS)[number]) =>
    queryPlan(
      t.db,
      'sqlite',
      countQueueQuery(
        t.db,
        { scope, tab, meId: 'u-1', now: NOW, soonBy: NOW + 8 * 3_600_000 },
        100,
      ).compile(),
    );

  for (const [name, scope] of scopes)
    for (const tab of QUEUE_TABS)
      it(`${name}, tab ${tab}: searched through an index, never a scan of the table`, async () => {
        const plan = await planOf(scope, tab);
        expect(plan).toMatch(/SEARCH dossiers USING (COVERING )?INDEX/);
        expect(plan).not.toMatch(/SCAN dossiers/);
        // The status tabs search by status inside the index (unit's or province's), not by reading rows.
        if (tab === 'awaiting_acceptance' || tab === 'awaiting_approval') expect(plan).toMatch(/status=\?/);
      });
});
