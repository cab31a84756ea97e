export const ROLES = [
  'system_admin',
  'province_supervisor',
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
