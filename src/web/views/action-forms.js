/**
 * The small form of each dossier action (POST /api/dossiers/:code/actions). Each action lists the fields it
 * needs; the server checks them again and its per-field errors are shown in place.
 */
import { actionForm, putText } from '../lib/action-card.js';
import { api } from '../lib/api.js';
import { h } from '../lib/dom.js';
import { parseTimeInput } from '../lib/format.js';
import { t } from '../lib/i18n.js';
import { session } from '../lib/session.js';
import { dateField, dateValue, field, setFieldError } from '../lib/ui.js';
import { MAX } from '../../shared/limits.ts';

/** @typedef {'note' | 'noteRequired' | 'assignee' | 'missing' | 'agency' | 'agencyLimit' | 'reason' | 'reasonOptional' | 'newDueAt' | 'stopKind' | 'deliveryMethod' | 'rating'} Part */

/** @type {Record<string, Part[]>} */
export const ACTION_FIELDS = {
  accept_online: ['note'],
  request_correction: ['missing', 'note'],
  refuse_online: ['reason', 'note'],
  assign: ['assignee', 'note'],
  request_supplement: ['missing', 'note'],
  receive_supplement: ['note'],
  transfer: ['agency', 'agencyLimit', 'note'],
  transfer_result: ['agency', 'note'],
  submit_for_approval: ['note'],
  counter_submit: ['note'],
  counter_resolve: ['note'],
  send_back: ['note'],
  approve: ['note'],
  refuse: ['reason', 'note'],
  extend: ['newDueAt', 'reason'],
  stop: ['stopKind', 'reason'],
  withdraw: ['reasonOptional'],
  deliver: ['deliveryMethod', 'rating', 'note'],
  correct_result: ['noteRequired'],
};

/** Actions that end or turn back a dossier: shown as "danger" buttons. */
export const DANGER = new Set(['refuse', 'stop', 'withdraw', 'request_correction', 'refuse_online']);

/** @type {Promise<{username: string, displayName: string, roles: string[], unitCode: string, disabled: boolean}[]> | null} */
let specialists = null;

/** The commune's specialists, for the assign form (leaders may list users; others get a text field). */
export function loadSpecialists() {
  specialists ??= api('/api/users')
    .then((r) =>
      /** @type {any[]} */ (r.items).filter(
        (u) => u.roles.includes('specialist') && !u.disabled && u.unitCode === session.me?.unitCode,
      ),
    )
    .catch(() => {
      specialists = null;
      return [];
    });
  return specialists;
}

/**
 * Builds the form of one action.
 * @param {any} dossier
 * @param {string} type
 * @param {import('../lib/action-card.js').ActionFormCallbacks} cb
 */
export async function dossierActionForm(dossier, type, cb) {
  const parts = ACTION_FIELDS[type] ?? ['note'];
  /** @type {Record<string, ReturnType<typeof field>>} */
  const f = {};
  /** @type {import('../lib/dom.js').Child[]} */
  const body = [];
  for (const part of parts) {
    if (part === 'note' || part === 'noteRequired')
      body.push(
        (f.note = field({
          label: t(type === 'correct_result' ? 'act.correction' : 'act.note'),
          path: 'note',
          type: 'textarea',
          rows: 2,
          maxlength: MAX.note,
          required: part === 'noteRequired',
        })),
      );
    if (part === 'reason' || part === 'reasonOptional')
      body.push(
        (f.reason = field({
          label: t('act.reason'),
          path: 'reason',
          type: 'textarea',
          rows: 3,
          maxlength: MAX.note,
          required: part === 'reason',
        })),
      );
    if (part === 'missing')
      body.push(
        (f.missing = field({
          label: t('act.missing'),
          path: 'missing',
          type: 'textarea',
          rows: 4,
          required: true,
          maxlength: MAX.listItems * (MAX.listItem + 1), // one item (≤ MAX.listItem) per line
          hint: t('intake.onePerLine'),
        })),
      );
    if (part === 'agency') {
      const lead =
        dossier.transfers?.find((/** @type {any} */ x) => x.role === 'lead') ?? dossier.transfers?.[0];
      body.push(
        (f.agency = field({
          label: t('act.agency'),
          path: 'agency',
          required: true,
          maxlength: 300,
          value: type === 'transfer_result' ? (lead?.agency ?? '') : '',
        })),
      );
    }
    if (part === 'agencyLimit') {
      f.limitValue = field({
        label: t('act.agencyLimit'),
        path: 'agencyLimit.value',
        type: 'number',
        inputmode: 'numeric',
        hint: t('act.agencyLimitHint'),
      });
      f.limitUnit = field({
        label: t('act.agencyLimitUnit'),
        path: 'agencyLimit.unit',
        type: 'select',
        options: ['working_day', 'working_hour', 'calendar_day'].map((u) => [u, t(`unit.${u}`)]),
      });
      body.push(h('div', { class: 'grid-2' }, f.limitValue, f.limitUnit));
    }
    if (part === 'newDueAt') {
      f.newDate = dateField({ label: t('act.newDueDate'), path: 'newDueAt', required: true });
      f.newTime = field({
        label: t('act.newDueTime'),
        path: 'newDueTime',
        value: '17:30',
        inputmode: 'numeric',
        maxlength: 5,
      });
      body.push(
        h('p', { class: 'hint' }, t('act.extendHint')),
        h('div', { class: 'grid-2' }, f.newDate, f.newTime),
      );
    }
    if (part === 'stopKind')
      body.push(
        (f.stopKind = field({
          label: t('act.stopKind'),
          path: 'stopKind',
          type: 'select',
          options: ['no_competence', 'procedural_error', 'applicant_request', 'other'].map((k) => [
            k,
            t(`stopKind.${k}`),
          ]),
        })),
      );
    if (part === 'deliveryMethod')
      body.push(
        (f.deliveryMethod = field({
          label: t('act.deliveryMethod'),
          path: 'deliveryMethod',
          type: 'select',
          options: ['counter', 'postal', 'online'].map((k) => [k, t(`delivery.${k}`)]),
        })),
      );
    if (part === 'rating')
      body.push(
        (f.rating = field({
          label: t('act.rating'),
          path: 'rating',
          type: 'select',
          hint: t('act.ratingHint'),
          options: [
            ['', t('act.ratingNone')],
            ...[5, 4, 3, 2, 1].map((n) => /** @type {[string, string]} */ ([String(n), t(`rating.${n}`)])),
          ],
        })),
      );
    if (part === 'assignee') {
      const people = await loadSpecialists();
      f.assignee = people.length
        ? field({
            label: t('act.assignee'),
            path: 'assignee',
            type: 'select',
            options: [
              ['', t('act.assigneeAuto')],
              ...people.map(
                (u) => /** @type {[string, string]} */ ([u.username, `${u.displayName} (${u.username})`]),
              ),
            ],
          })
        : field({
            label: t('act.assignee'),
            path: 'assignee',
            hint: t('act.assigneeHint'),
            autocomplete: 'off',
          });
      body.push(f.assignee);
    }
  }

  /** @param {Record<string, unknown>} req */
  function read(req) {
    const val = (/** @type {string} */ k) => f[k]?.control.value.trim() ?? '';
    for (const k of ['note', 'reason', 'assignee']) if (f[k]) putText(req, k, f[k]);
    if (f.missing)
      req.missing = val('missing')
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean);
    if (f.agency) req.agency = val('agency');
    if (f.limitValue && val('limitValue') !== '')
      req.agencyLimit = { value: Number(val('limitValue')), unit: val('limitUnit') };
    if (f.stopKind) req.stopKind = val('stopKind');
    if (f.deliveryMethod) req.deliveryMethod = val('deliveryMethod');
    if (f.rating && val('rating') !== '') req.rating = Number(val('rating'));
    if (f.newDate) {
      const date = dateValue(f.newDate);
      if (date === null) return false;
      const time = parseTimeInput(val('newTime'));
      if (!time) {
        setFieldError(f.newTime, t('time.invalid'));
        return false;
      }
      if (date) req.newDueAt = `${date}T${time}:00+07:00`;
    }
    return true;
  }

  return actionForm({
    type,
    idPrefix: 'act',
    title: t(`action.${type}`),
    help: t(`actionHelp.${type}`),
    fields: body,
    danger: DANGER.has(type),
    path: `/api/dossiers/${encodeURIComponent(dossier.code)}/actions`,
    read,
    cb,
  });
}
