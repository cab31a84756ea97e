/**
 * Reports and dashboards read a replica when the server has one (DATABASE_REPLICA_URL, docs/OPERATIONS.md): the
 * answer's X-Motcua-Replica-Lag-Ms header says how far behind the primary its figures are, and the page says so.
 */
import { h } from './dom.js';
import { num, t } from './i18n.js';

export const REPLICA_LAG_HEADER = 'x-motcua-replica-lag-ms';

/**
 * A line naming the replica's lag, or null when the answer came from the primary.
 * @param {string | null} lag the header's value: milliseconds, or `unknown`
 */
export function replicaNote(lag) {
  if (lag === null) return null;
  const ms = Number(lag);
  const text = !Number.isFinite(ms)
    ? t('replica.lagUnknown')
    : ms < 1000
      ? t('replica.current')
      : t('replica.lag', { seconds: num(Math.round(ms / 1000)) });
  return h('p', { class: 'muted replica-note', role: 'note', 'data-testid': 'replica-lag' }, text);
}

/**
 * GETs a report's JSON and the replica note for it.
 * @param {(path: string, options: import('./api.js').ApiOptions) => Promise<any>} api
 * @param {string} path
 * @returns {Promise<{ body: any, note: HTMLElement | null }>}
 */
export async function fetchWithReplicaNote(api, path) {
  /** @type {string | null} */
  let lag = null;
  const body = await api(path, { onHeaders: (headers) => (lag = headers.get(REPLICA_LAG_HEADER)) });
  return { body, note: replicaNote(lag) };
}
