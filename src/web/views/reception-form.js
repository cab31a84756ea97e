/**
 * Recording a reception (`/tiep-cong-dan/moi`, POST /api/reception): when, the citizen (name, ID number, address),
 * how many came (5 or more: a delegation), the kind and content, and how it was handled: guided, received as a
 * petition (lodged in the same transaction), or forwarded to the competent agency. After the 2025 reform there are
 * no districts: a commune forwards to the province level or the competent agency.
 */
import { h, icon } from '../lib/dom.js';
import { t } from '../lib/i18n.js';
import { link, navigate } from '../lib/router.js';
import { hasAbility } from '../lib/session.js';
import { field, formAlert, keyedSubmit, radios, radioValue, toast } from '../lib/ui.js';
import { RECEPTION_HANDLINGS, RECEPTION_KINDS, receptionHref } from './reception.js';

/** @type {import('../lib/router.js').View} */
export function receptionFormView(main) {
  main.append(
    link('/tiep-cong-dan', { class: 'back' }, icon('back'), ' ', t('reception.back')),
    h('h1', null, t('reception.form.title')),
  );
  if (!hasAbility('reception.record')) {
    main.append(h('p', { class: 'alert alert-info' }, t('reception.form.notAllowed')));
    return;
  }
  const name = field({
    label: t('reception.citizen.name'),
    path: 'citizen.name',
    required: true,
    maxlength: 200,
  });
  const idNumber = field({
    label: t('reception.citizen.idNumber'),
    path: 'citizen.idNumber',
    inputmode: 'numeric',
    maxlength: 12,
  });
  const address = field({ label: t('reception.citizen.address'), path: 'citizen.address', maxlength: 300 });
  const phone = field({
    label: t('reception.citizen.phone'),
    path: 'citizen.phone',
    inputmode: 'tel',
    maxlength: 13,
    hint: t('reception.citizen.phoneHint'),
  });
  const people = field({
    label: t('reception.col.people'),
    path: 'peopleCount',
    type: 'number',
    value: '1',
    hint: t('reception.form.peopleHint'),
  });
  const kind = radios(
    'kind',
    t('reception.col.kind'),
    RECEPTION_KINDS.map((k) => [k, t(`reception.kind.${k}`)]),
    'feedback',
  );
  const content = field({
    label: t('reception.content'),
    path: 'content',
    type: 'textarea',
    required: true,
    rows: 4,
    maxlength: 5000,
  });
  const subject = field({ label: t('reception.form.subject'), path: 'subject', maxlength: 300 });
  const forwardedTo = field({
    label: t('reception.forwardedTo'),
    path: 'forwardedTo',
    maxlength: 300,
    hint: t('reception.form.forwardHint'),
  });
  const sync = () => {
    const hv = radioValue(form, 'handling');
    subject.hidden = hv !== 'petition';
    forwardedTo.hidden = hv !== 'forwarded';
  };
  const handling = radios(
    'handling',
    t('reception.col.handling'),
    RECEPTION_HANDLINGS.map((x) => [x, t(`reception.handling.${x}`)]),
    'guided',
    sync,
  );
  const button = h('button', { type: 'submit', class: 'btn btn-primary' }, t('reception.form.submit'));
  const form = /** @type {HTMLFormElement} */ (
    h(
      'form',
      { class: 'card form', novalidate: true, 'data-testid': 'reception-form' },
      formAlert(),
      h(
        'fieldset',
        null,
        h('legend', null, t('reception.citizen.heading')),
        name,
        idNumber,
        address,
        phone,
        people,
      ),
      kind,
      content,
      handling,
      subject,
      forwardedTo,
      h('p', { class: 'hint' }, t('reception.form.replyHint')),
      button,
    )
  );
  sync();
  const text = (/** @type {{control: {value: string}}} */ f) => f.control.value.trim() || undefined;
  keyedSubmit(form, /** @type {HTMLButtonElement} */ (button), {
    path: '/api/reception',
    read: () => {
      const hv = radioValue(form, 'handling');
      return {
        citizen: {
          name: text(name) ?? '',
          idNumber: text(idNumber),
          address: text(address),
          phone: text(phone),
        },
        peopleCount: Number(people.control.value) || 1,
        kind: radioValue(form, 'kind'),
        content: text(content) ?? '',
        handling: hv,
        subject: hv === 'petition' ? text(subject) : undefined,
        forwardedTo: hv === 'forwarded' ? text(forwardedTo) : undefined,
      };
    },
    retryHint: t('reception.form.retry'),
    done: (r) => {
      toast(t('reception.form.done', { code: r.code }), 'success');
      navigate(receptionHref(r.code));
    },
  });
  main.append(h('p', { class: 'lead' }, t('reception.form.lead')), form);
  name.control.focus();
}
