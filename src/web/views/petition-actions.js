/**
 * The small form of each petition action (POST /api/petitions/:code/actions): only the fields the action needs —
 * reject and extend a reason, request_info what is missing, resolve the conclusion (from the kind's list) and the
 * result, accept whether the case is complex (and, for a complaint, from a remote area). The server checks them
 * again; its per-field errors are shown in place, in the chosen language.
 */
import { CONCLUSIONS } from '../../shared/petition/petition.ts';
import { actionForm, putText } from '../lib/action-card.js';
import { t } from '../lib/i18n.js';
import { field } from '../lib/ui.js';
import { checkField } from './petition-parts.js';
import { MAX } from '../../shared/limits.ts';

/** Actions that end a petition without a resolution: shown as "danger" buttons. */
export const PETITION_DANGER = new Set(['reject', 'withdraw']);

/**
 * The fields of one action, and how to read them into the request.
 * @param {import('../../server/petitions/petition.schemas.ts').TPetition} p the petition
 * @param {string} type
 * @returns {{fields: HTMLElement[], read: (req: Record<string, unknown>) => boolean}}
 */
function partsOf(p, type) {
  const text = (
    /** @type {string} */ path,
    /** @type {string} */ label,
    rows = 3,
    maxlength = /** @type {number} */ (MAX.note),
  ) => field({ label, path, type: 'textarea', rows, required: true, maxlength });
  if (type === 'extend') {
    const reason = text('reason', t('act.reason'));
    // Each extension is a written decision (Decree 31/2019 Art. 3): its number and date.
    const decision = field({
      label: t('petitions.act.decision'),
      path: 'decision',
      required: true,
      maxlength: 200,
    });
    return {
      fields: [reason, decision],
      read: (req) => putText(req, 'reason', reason) && putText(req, 'decision', decision),
    };
  }
  if (type === 'reject') {
    const reason = text('reason', t('act.reason'));
    // A denunciation outside the commune's competence is forwarded (Art. 24.2): to whom, when it is.
    const forwardedTo =
      p.kind === 'denunciation'
        ? field({ label: t('petitions.act.forwardedTo'), path: 'forwardedTo', maxlength: 300 })
        : null;
    return {
      fields: forwardedTo ? [reason, forwardedTo] : [reason],
      read: (req) => {
        if (!putText(req, 'reason', reason)) return false;
        if (forwardedTo && forwardedTo.control.value.trim() !== '')
          req.forwardedTo = forwardedTo.control.value.trim();
        return true;
      },
    };
  }
  if (type === 'request_info') {
    const missing = text('missing', t('petitions.act.missing'), 4);
    return { fields: [missing], read: (req) => putText(req, 'missing', missing) };
  }
  if (type === 'resolve') {
    const conclusion = field({
      label: t('petitions.act.conclusion'),
      path: 'conclusion',
      type: 'select',
      required: true,
      options: [
        ['', t('petitions.act.chooseConclusion')],
        ...CONCLUSIONS[p.kind].map(
          (c) => /** @type {[string, string]} */ ([c, t(`petitions.conclusion.${c}`)]),
        ),
      ],
    });
    const result = text(
      'result',
      t(p.kind === 'feedback' ? 'petitions.act.answer' : 'petitions.act.result'),
      5,
      MAX.longText,
    );
    return {
      fields: [conclusion, result],
      read: (req) => putText(req, 'conclusion', conclusion) && putText(req, 'result', result),
    };
  }
  if (type === 'accept' && p.kind === 'denunciation') {
    // Law on Denunciation 2018 Art. 30.1: ordinary (no extension), complex (one), especially complex (two).
    const levels = ['normal', 'complex', 'very_complex'];
    const complexity = field({
      label: t('petitions.form.complexity'),
      path: 'complexity',
      type: 'select',
      options: levels.map((l) => /** @type {[string, string]} */ ([l, t(`petitions.complexity.${l}`)])),
      value: levels[p.complexity] ?? 'normal',
    });
    return {
      fields: [complexity],
      read: (req) => {
        req.complexity = complexity.control.value;
        return true;
      },
    };
  }
  if (type === 'accept' && p.kind !== 'feedback') {
    const complex = checkField(
      'complex',
      t(p.kind === 'denunciation' ? 'petitions.form.veryComplex' : 'petitions.form.complex'),
      p.complex,
    );
    const remote = p.kind === 'complaint' ? checkField('remote', t('petitions.form.remote'), p.remote) : null;
    return {
      fields: remote ? [complex, remote] : [complex],
      read: (req) => {
        req.complex = complex.input.checked;
        if (remote) req.remote = remote.input.checked;
        return true;
      },
    };
  }
  return { fields: [], read: () => true };
}

/**
 * Builds the form of one action.
 * @param {import('../../server/petitions/petition.schemas.ts').TPetition} p the petition
 * @param {string} type
 * @param {import('../lib/action-card.js').ActionFormCallbacks} cb
 */
export function petitionActionForm(p, type, cb) {
  const parts = partsOf(p, type);
  const note = field({
    label: t('act.note'),
    path: 'note',
    type: 'textarea',
    rows: 2,
    maxlength: MAX.note,
  });
  return actionForm({
    type,
    idPrefix: 'pact',
    title: t(`petitions.action.${type}`),
    help:
      type === 'extend'
        ? t('petitions.actionHelp.extend', { n: p.extensionCount })
        : t(`petitions.actionHelp.${type}`),
    fields: [...parts.fields, note],
    danger: PETITION_DANGER.has(type),
    path: `/api/petitions/${encodeURIComponent(p.code)}/actions`,
    read: (req) => parts.read(req) && putText(req, 'note', note),
    cb,
  });
}
