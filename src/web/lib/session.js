/**
 * The signed-in officer and what the interface offers them. The server decides every permission; the interface
 * only hides what the officer can never use, from the server's own answers: the policies they pass on their unit
 * (`abilities` in the sign-in answer and `GET /api/auth/me`, from POLICIES in src/server/accounts/policy.ts) for
 * whole pages and links ('province.wide': the reports' unit picker), and each record's `allowedActions`,
 * `abilities` and (dossiers) `documents` for what is offered on it (never a copy of a rule here).
 */
import { api, setCsrfToken } from './api.js';

/**
 * @typedef {import('../../server/accounts/roles.ts').Role} Role
 * @typedef {Omit<import('zod').infer<typeof import('../../server/accounts/account.schemas.ts').ZMe>, 'abilities'>} Me
 * @typedef {{code: string, name: string, type: string, provinceCode: string, provinceName: string}} Unit
 */

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

/**
 * Whether the officer passes a dossier policy on their unit (the intake screen, "new dossier").
 * @param {'intake' | 'process' | 'decide'} policy
 */
export function can(policy) {
  return hasAbility(`dossier.${policy}`);
}

/**
 * Whether the officer passes a petition policy on their unit (lodging, a denouncer's identity).
 * @param {'receive' | 'handle' | 'decide' | 'read_denouncer'} policy
 */
export function canPetition(policy) {
  return hasAbility(`petition.${policy}`);
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
