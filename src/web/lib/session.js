/**
 * The signed-in officer and what the interface offers them. The server decides every permission; these maps
 * only hide buttons a role can never use (they mirror ACTION_POLICY in src/server/dossiers/dossier.actions.ts
 * and POLICIES in src/server/accounts/policy.ts).
 */
import { api, setCsrfToken } from './api.js';

/**
 * @typedef {'system_admin' | 'province_supervisor' | 'commune_leader' | 'specialist' | 'counter_officer'} Role
 * @typedef {{username: string, displayName: string, roles: Role[], unitCode: string, provinceCode: string}} Me
 * @typedef {{code: string, name: string, type: string, provinceCode: string, provinceName: string}} Unit
 */

/** Which policy each dossier action needs. */
export const ACTION_POLICY = /** @type {const} */ ({
  accept_online: 'intake',
  request_correction: 'intake',
  assign: 'decide',
  request_supplement: 'process',
  receive_supplement: 'intake',
  transfer: 'process',
  transfer_result: 'process',
  submit_for_approval: 'process',
  send_back: 'decide',
  approve: 'decide',
  refuse: 'decide',
  extend: 'decide',
  stop: 'decide',
  withdraw: 'intake',
  deliver: 'intake',
  correct_result: 'process',
});

/** @type {Record<Role, ('intake' | 'process' | 'decide')[]>} */
const ROLE_POLICIES = {
  system_admin: ['intake', 'process', 'decide'],
  commune_leader: ['intake', 'process', 'decide'],
  specialist: ['process'],
  counter_officer: ['intake'],
  province_supervisor: [],
};

/** @type {{me: Me | null, unit: Unit | null}} */
export const session = { me: null, unit: null };

/** @param {'intake' | 'process' | 'decide'} policy */
export function can(policy) {
  return Boolean(session.me?.roles.some((r) => ROLE_POLICIES[r]?.includes(policy)));
}

/** @param {string} action */
export function canAct(action) {
  const policy = /** @type {Record<string, 'intake' | 'process' | 'decide'>} */ (ACTION_POLICY)[action];
  return policy ? can(policy) : false;
}

/** Province-wide users (supervisor, admin) pick a commune in reports. */
export function isProvinceWide() {
  return Boolean(session.me?.roles.some((r) => r === 'province_supervisor' || r === 'system_admin'));
}

/** Loads the current session, if any. @returns {Promise<Me | null>} */
export async function loadSession() {
  try {
    session.me = /** @type {Me} */ (await api('/api/auth/me', { retries: 1 }));
  } catch {
    session.me = null;
  }
  await loadUnit();
  return session.me;
}

async function loadUnit() {
  session.unit = null;
  if (!session.me) return;
  try {
    session.unit = /** @type {Unit} */ (await api(`/api/units/${session.me.unitCode}`));
  } catch {
    session.unit = null;
  }
}

/**
 * @param {string} username
 * @param {string} password
 */
export async function signIn(username, password) {
  const res = await api('/api/auth/login', { method: 'POST', body: { username, password }, retries: 0 });
  setCsrfToken(res.csrfToken);
  session.me = {
    username: res.username,
    displayName: res.displayName,
    roles: res.roles,
    unitCode: res.unitCode,
    provinceCode: res.provinceCode,
  };
  await loadUnit();
  return session.me;
}

export async function signOut() {
  try {
    await api('/api/auth/logout', { method: 'POST', retries: 1 });
  } finally {
    setCsrfToken(null);
    session.me = null;
    session.unit = null;
  }
}
