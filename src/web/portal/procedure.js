/**
 * A procedure's page for the chosen commune (`/cong-dan/thu-tuc?xa=25000&ma=1.004873`): components with their
 * blank forms (Mẫu đơn) where an administrator attached one, fee, limit (the commune's area limit where it
 * applies), where and how to submit, legal basis; then "submit online" and "feedback on this procedure".
 */
import { api, query } from '../lib/api.js';
import { h } from '../lib/dom.js';
import { feeText, limitText } from '../lib/format.js';
import { t } from '../lib/i18n.js';
import { link } from '../lib/router.js';
import { chosenCommune } from './commune.js';

/** @param {string} label @param {import('../lib/dom.js').Child} value */
const fact = (label, value) => [h('dt', null, label), h('dd', null, value)];

/** @param {number} bytes */
const sizeText = (bytes) => `${Math.max(1, Math.round(bytes / 1024))} KB`;

/** @type {import('../lib/router.js').View} */
export async function procedureView(main, ctx) {
  const unit = ctx.query.get('xa') ?? chosenCommune()?.code ?? '';
  const code = ctx.query.get('ma') ?? '';
  if (!/^\d{5}$/.test(unit) || !code) {
    main.append(h('h1', null, t('portal.procedure.title')), link('/cong-dan', null, t('portal.nav.catalog')));
    return;
  }
  const p = await api(`/api/public/units/${unit}/procedures/${encodeURIComponent(code)}`);
  if (!ctx.alive()) return;
  const where =
    p.route === 'forward'
      ? t('portal.procedure.whereForward', { unit: p.unit.name, agency: p.competentAgency })
      : t('portal.procedure.where', { unit: p.unit.name });
  const components = h(
    'ol',
    { class: 'components', 'data-testid': 'components' },
    ...p.components.map((/** @type {any} */ c) =>
      h(
        'li',
        null,
        c.name,
        ' ',
        h(
          'span',
          { class: 'hint' },
          `(${t(`portal.kind.${c.kind}`)}${c.copies > 1 ? `, ${c.copies}` : ''}${c.required ? '' : `, ${t('portal.procedure.optional')}`})`,
        ),
        c.form ? h('div', { class: 'hint' }, c.form) : null,
        c.note ? h('div', { class: 'hint' }, c.note) : null,
        c.template
          ? h(
              'div',
              null,
              h(
                'a',
                { href: c.template.url, download: c.template.fileName, 'data-testid': 'template-link' },
                t('portal.procedure.template'),
              ),
              ` (${c.template.fileName}, ${sizeText(c.template.size)})`,
            )
          : null,
      ),
    ),
  );
  const area =
    p.limit.kind === 'area' && p.limit.basis
      ? h('div', { class: 'hint' }, t('portal.procedure.areaLimit', { basis: p.limit.basis }))
      : null;
  main.append(
    h('p', null, link(`/cong-dan${query({ xa: unit })}`, null, `← ${t('portal.nav.catalog')}`)),
    h('h1', { 'data-testid': 'procedure-name' }, p.name),
    h(
      'dl',
      { class: 'facts card' },
      ...fact(t('portal.procedure.code'), p.code),
      ...fact(t('portal.catalog.field'), p.field),
      ...fact(t('portal.procedure.agency'), p.competentAgency),
      ...fact(t('portal.procedure.limit'), [limitText(p.limit), area]),
      ...fact(t('portal.procedure.fee'), [feeText(p.fee), h('div', { class: 'hint' }, p.feeText)]),
      ...fact(t('portal.procedure.whereLabel'), where),
      ...fact(
        t('portal.procedure.how'),
        t(p.onlineLevel === 'full' ? 'portal.procedure.howFull' : 'portal.procedure.howPartial'),
      ),
    ),
    h('p', { class: 'alert alert-info', hidden: !p.notes }, p.notes ?? ''),
    h('h2', null, t('portal.procedure.components')),
    components,
    h('h2', null, t('portal.procedure.legalBasis')),
    h('ul', null, ...p.legalBasis.map((/** @type {string} */ b) => h('li', null, b))),
    h(
      'p',
      { class: 'actions' },
      link(
        `/cong-dan/nop${query({ xa: unit, ma: p.code })}`,
        { class: 'btn btn-primary', 'data-testid': 'submit-online' },
        t('portal.procedure.submitOnline'),
      ),
      ' ',
      link(
        `/cong-dan/phan-anh${query({ xa: unit, ma: p.code })}`,
        { class: 'btn' },
        t('portal.procedure.feedback'),
      ),
    ),
  );
}
