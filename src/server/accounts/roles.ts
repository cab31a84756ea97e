export const ROLES = [
  'system_admin',
  'province_supervisor',
  'province_inspector',
  'commune_leader',
  'specialist',
  'counter_officer',
] as const;
export type Role = (typeof ROLES)[number];

/** The signed-in officer as every service and policy sees it. */
export interface Actor {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  unitCode: string;
  provinceCode: string;
}

/**
 * Rank of each role in user management: an officer may give and manage only roles ranked below their own
 * (policy.ts, grantRefusal and manageRefusal). The two commune staff roles are peers.
 */
export const ROLE_RANK = {
  system_admin: 4,
  province_supervisor: 3,
  /** Reviews the province's audit log (who read whose data, who was refused): given by the system admin only. */
  province_inspector: 3,
  commune_leader: 2,
  specialist: 1,
  counter_officer: 1,
} as const satisfies Record<Role, number>;

/**
 * From this rank up, accounts are the system admin's alone: a commune leader decides dossiers and reads a
 * denouncer's identity (Law on Denunciations 2018 Art. 47), so nobody below may create or change one.
 */
export const LEADER_RANK = ROLE_RANK.commune_leader;

/** The rank of an account: its highest role's (0 for none). */
export const rankOf = (roles: readonly Role[]): number => Math.max(0, ...roles.map((r) => ROLE_RANK[r]));
