/**
 * The signed-in officer and what the interface offers them. The server decides every permission; the interface
 * only hides what the officer can never use, from the server's own list of the policies they pass (`abilities` in
 * the sign-in answer and `GET /api/auth/me`, from POLICIES in src/server/accounts/policy.ts).
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

/** Which policy each petition action needs (mirror of ACTION_POLICY in src/server/petitions/petition.service.ts). */
export const PETITION_ACTION_POLICY = /** @type {const} */ ({
  request_info: 'handle',
  receive_info: 'receive',
  accept: 'decide',
  reject: 'decide',
  extend: 'decide',
  resolve: 'decide',
  publish: 'handle',
  withdraw: 'receive',
});

/** @type {{me: Me | null, unit: Unit | null, abilities: string[] | null}} */
export const session = { me: null, unit: null, abilities: null };

/**
 * Whether the officer passes a policy of the server on their own unit ('task.assign', 'users.list'…). Hides
 * buttons only; the server checks every call.
 * @param {string} ability
 */
export function hasAbility(ability) {
  return session.abilities?.includes(ability) ?? false;
}

/** @param {'intake' | 'process' | 'decide'} policy a dossier policy */
export function can(policy) {
  return hasAbility(`dossier.${policy}`);
}

/** @param {string} action */
export function canAct(action) {
  const policy = /** @type {Record<string, 'intake' | 'process' | 'decide'>} */ (ACTION_POLICY)[action];
  return policy ? can(policy) : false;
}

/**
 * @typedef {'receive' | 'handle' | 'decide' | 'read_denouncer'} PetitionPolicy
 * @param {PetitionPolicy} policy
 */
export function canPetition(policy) {
  return hasAbility(`petition.${policy}`);
}

/** @param {string} action a petition action (accept, resolve…) */
export function canPetitionAct(action) {
  const policy = /** @type {Record<string, PetitionPolicy>} */ (PETITION_ACTION_POLICY)[action];
  return policy ? canPetition(policy) : false;
}

/** Province-wide users (supervisor, admin) pick a commune in reports. */
export function isProvinceWide() {
  return Boolean(session.me?.roles.some((r) => r === 'province_supervisor' || r === 'system_admin'));
}

/** Loads the current session, if any. @returns {Promise<Me | null>} */
export async function loadSession() {
  try {
    const me = await api('/api/auth/me', { retries: 1 });
    session.me = /** @type {Me} */ (me);
    session.abilities = abilitiesOf(me);
  } catch {
    session.me = null;
    session.abilities = null;
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
  session.abilities = abilitiesOf(res);
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
    session.abilities = null;
  }
}

/**
 * The server's list of the officer's abilities, when the answer has one.
 * @param {any} res
 * @returns {string[] | null}
 */
function abilitiesOf(res) {
  return Array.isArray(res?.abilities) ? res.abilities.map(String) : null;
}
