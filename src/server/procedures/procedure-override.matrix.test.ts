/**
 * Who may edit the national catalog, override a province's terms and read the overrides: every role, in its own
 * province and in another, against the rule written out here independently of policy.ts.
 */
import { describe, expect, it } from 'vitest';
import { can } from '../accounts/policy.ts';
import { ROLES, type Actor, type Role } from '../accounts/roles.ts';

const actor = (role: Role): Actor => ({
  id: role,
  username: role,
  displayName: role,
  roles: [role],
  unitCode: role === 'province_supervisor' || role === 'system_admin' ? '68' : '25000',
  provinceCode: '68',
});

const OWN = { provinceCode: '68', unitCode: '' };
const OTHER = { provinceCode: '01', unitCode: '' };

/** The rule of security issue 10, finding 2. */
const EXPECTED: Record<
  Role,
  { edit: boolean; overrideOwn: boolean; overrideOther: boolean; readOther: boolean }
> = {
  system_admin: { edit: true, overrideOwn: true, overrideOther: true, readOther: true },
  province_supervisor: { edit: false, overrideOwn: true, overrideOther: false, readOther: false },
  province_inspector: { edit: false, overrideOwn: false, overrideOther: false, readOther: false },
  commune_leader: { edit: false, overrideOwn: false, overrideOther: false, readOther: false },
  specialist: { edit: false, overrideOwn: false, overrideOther: false, readOther: false },
  counter_officer: { edit: false, overrideOwn: false, overrideOther: false, readOther: false },
};

describe('the catalog policies', () => {
  it.each(ROLES)('%s', (role) => {
    const a = actor(role);
    expect({
      edit: can(a, 'catalog.edit'),
      overrideOwn: can(a, 'catalog.override', OWN),
      overrideOther: can(a, 'catalog.override', OTHER),
      readOther: can(a, 'catalog.read_overrides', OTHER),
    }).toEqual(EXPECTED[role]);
    expect(can(a, 'catalog.read_overrides', OWN)).toBe(true); // every officer reads their province's terms
  });
});
