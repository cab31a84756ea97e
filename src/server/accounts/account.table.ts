import type { Insertable, Selectable, Updateable } from 'kysely';

export interface UserTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  unit_code: string;
  province_code: string;
  roles: string; // JSON array of Role
  disabled: number; // 0/1
  failed_attempts: number;
  locked_until: number | null; // epoch ms
  /** Leave (nghỉ phép), inclusive ISO dates in Vietnam's calendar: skipped by auto-assign meanwhile. */
  leave_from: string | null;
  leave_until: string | null;
  created_at: number;
  updated_at: number;
}

export interface SessionTable {
  id: string; // sha256(token), hex
  user_id: string;
  csrf_token: string;
  created_at: number;
  expires_at: number;
  ip: string;
  user_agent: string;
}

export interface StaffFieldTable {
  user_id: string;
  field: string;
}

export type UserRow = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type SessionRow = Selectable<SessionTable>;
