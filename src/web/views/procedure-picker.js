/* global setTimeout, clearTimeout */
/**
 * Picking the procedure at the counter: a search over the catalogue (marks ignored by the server), each result
 * with its time limit, fee and whether the commune decides it or receives and forwards it (liên thông).
 */
import { api, query } from '../lib/api.js';
import { h, replace } from '../lib/dom.js';
import { feeText, limitText } from '../lib/format.js';
import { t } from '../lib/i18n.js';
import { errorText, loading } from '../lib/ui.js';

/**
 * @typedef {{name: string, copies: number, kind: string, form?: string | null, required: boolean}} Component
 * @typedef {{code: string, name: string, field: string, level: string, competentAgency: string, onlineLevel: string,
 *   limit: {value: number, unit: string, cutoff: string | null}, fee: number, feeText: string,
 *   appliedLimit?: AppliedLimit | null,
 *   components: Component[], route: 'process_here' | 'forward', competence?: Record<string, unknown>,
 *   notes?: string | null}} Procedure
 * @typedef {{value: number, unit: string, cutoff: string | null, kind: 'standard' | 'area', areaClasses: string[],
 *   basis: string | null}} AppliedLimit
 */

/**
 * The limit intake will apply in the officer's commune: the area limit of a mountainous, border, island or hardship
 * commune when the procedure has one (issue 11), else the procedure's own.
 * @param {Procedure} p
 */
export function limitToApply(p) {
  return p.appliedLimit ?? p.limit;
}

/** @param {Procedure} p */
function limitCell(p) {
  const applied = p.appliedLimit;
  if (!applied || applied.kind !== 'area') return limitText(p.limit);
  return h(
    'span',
    { class: 'area-limit' },
    h(
      'strong',
      null,
      t('intake.areaLimit', {
        areas: applied.areaClasses.map((a) => t(`area.${a}`)).join(', '),
        limit: limitText(applied),
        standard: limitText(p.limit),
      }),
    ),
    applied.basis
      ? h('span', { class: 'muted small' }, ` · ${t('intake.areaLimitBasis', { basis: applied.basis })}`)
      : null,
  );
}

/**
 * @param {{onPick: (p: Procedure) => void}} opts
 */
export function procedurePicker(opts) {
  const input = h('input', {
    type: 'search',
    id: 'proc-q',
    autocomplete: 'off',
    placeholder: t('intake.procedureSearchPlaceholder'),
    'aria-controls': 'proc-results',
  });
  const results = h('ul', { id: 'proc-results', class: 'proc-results', 'aria-live': 'polite' });
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  let seq = 0;

  async function search() {
    const mine = ++seq;
    replace(results, h('li', null, loading()));
    try {
      const res = await api(`/api/procedures${query({ q: input.value.trim() })}`);
      if (mine !== seq) return;
      /** @type {Procedure[]} */
      const items = res.items;
      if (!items.length) return void replace(results, h('li', { class: 'muted' }, t('intake.noProcedure')));
      replace(results, ...items.slice(0, 40).map(resultItem));
      if (items.length > 40)
        results.append(h('li', { class: 'muted' }, t('intake.moreProcedures', { n: items.length - 40 })));
    } catch (e) {
      if (mine === seq) replace(results, h('li', { class: 'error-text' }, errorText(e)));
    }
  }

  /** @param {Procedure} p */
  function resultItem(p) {
    return h(
      'li',
      null,
      h(
        'button',
        { type: 'button', class: 'proc-item', onclick: () => opts.onPick(p) },
        h('span', { class: 'proc-name' }, p.name),
        h(
          'span',
          { class: 'proc-meta' },
          `${p.code} · ${p.field} · ${limitText(limitToApply(p))} · ${feeText(p.fee)}`,
          p.route === 'forward' ? h('span', { class: 'badge badge-amber' }, t('intake.forwardBadge')) : null,
        ),
      ),
    );
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void search(), 250);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      clearTimeout(timer);
      void search();
    }
  });
  void search();
  return {
    element: h(
      'div',
      { class: 'proc-picker', 'data-path': 'procedureCode' },
      h('label', { for: 'proc-q' }, t('intake.procedureSearch')),
      input,
      h('p', { class: 'field-error', hidden: true }),
      results,
    ),
    focus: () => input.focus(),
  };
}

/**
 * The chosen procedure: limit, fee, competence; a clear notice when another agency decides it.
 * @param {Procedure} p
 * @param {string | null} duePreview ISO instant of the due if received now
 */
export function procedureSummary(p, duePreview) {
  const forward = p.route === 'forward';
  return h(
    'div',
    { class: 'proc-summary' },
    h('p', { class: 'proc-title' }, h('strong', null, p.name)),
    h(
      'dl',
      { class: 'facts' },
      h('dt', null, t('intake.procCode')),
      h('dd', null, p.code),
      h('dt', null, t('intake.field')),
      h('dd', null, p.field),
      h('dt', null, t('intake.limit')),
      h('dd', null, limitCell(p)),
      h('dt', null, t('intake.fee')),
      h('dd', null, p.feeText || feeText(p.fee)),
      h('dt', null, t('intake.competence')),
      h('dd', null, forward ? p.competentAgency : t('intake.competenceHere')),
      duePreview ? h('dt', null, t('intake.duePreview')) : null,
      duePreview ? h('dd', { class: 'due-preview' }, duePreview) : null,
    ),
    forward
      ? h(
          'p',
          { class: 'alert alert-warn', role: 'note' },
          t('intake.forwardNotice', { agency: p.competentAgency }),
        )
      : null,
    // the province's notes on the procedure (its override): for the officer at the counter
    p.notes
      ? h(
          'p',
          { class: 'alert alert-info pre-line', role: 'note' },
          h('strong', null, `${t('catalog.notes')}: `),
          p.notes,
        )
      : null,
  );
}
