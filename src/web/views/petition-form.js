/**
 * Lodging a complaint, denunciation or feedback (`/don-thu/moi`, POST /api/petitions): the kind, with one line on
 * each; channel, subject and content; the petitioner; the dossier it is about (`?dossier=` fills it in); and only
 * for the kind that needs them: the date the contested decision was received or known (complaints, for the 90-day
 * limit), first or second resolution, complex, remote area. The submission carries an Idempotency-Key, reused
 * when retrying after a network failure; the server's field errors land on their fields.
 */
import { PETITION_KINDS } from '../../shared/petition/petition.ts';
import { h, icon } from '../lib/dom.js';
import { t } from '../lib/i18n.js';
import { link, navigate, petitionHref } from '../lib/router.js';
import { canPetition } from '../lib/session.js';
import { dateField, dateValue, field, formAlert, keyedSubmit, radios, radioValue, toast } from '../lib/ui.js';
import { channels, checkField, kindText } from './petition-parts.js';
import { MAX } from '../../shared/limits.ts';

/** @param {string} value */
function kindFieldset(value) {
  return h(
    'fieldset',
    { class: 'radios kind-choice', 'data-path': 'kind' },
    h('legend', null, t('petitions.form.kind')),
    ...PETITION_KINDS.map((k) =>
      h(
        'label',
        { class: 'radio radio-described' },
        h('input', { type: 'radio', name: 'kind', value: k, checked: k === value }),
        ' ',
        h(
          'span',
          null,
          h('strong', null, kindText(k)),
          h('span', { class: 'hint radio-hint' }, t(`petitions.kindHelp.${k}`)),
        ),
      ),
    ),
    h('p', { class: 'field-error', hidden: true }),
  );
}

/** @type {import('../lib/router.js').View} */
export function petitionFormView(main, ctx) {
  main.append(
    link('/don-thu', { class: 'back' }, icon('back'), ' ', t('petitions.back')),
    h('h1', null, t('petitions.form.title')),
  );
  if (!canPetition('receive')) {
    main.append(h('p', { class: 'alert alert-info' }, t('petitions.form.notAllowed')));
    return;
  }
  const dossier = ctx.query.get('dossier') ?? '';
  const presetKind =
    PETITION_KINDS.find((k) => k === ctx.query.get('kind')) ?? (dossier ? 'feedback' : 'complaint');

  const kindBox = kindFieldset(presetKind);
  const channel = field({
    label: t('petitions.form.channel'),
    path: 'channel',
    type: 'select',
    options: channels().map((c) => [c, t(`petitions.channel.${c}`)]),
  });
  const subject = field({
    label: t('petitions.form.subject'),
    path: 'subject',
    required: true,
    maxlength: 300,
    hint: t('petitions.form.subjectHint'),
  });
  const content = field({
    label: t('petitions.form.content'),
    path: 'content',
    type: 'textarea',
    rows: 6,
    required: true,
    maxlength: MAX.longText,
  });
  const dossierCode = field({
    label: t('petitions.form.dossierCode'),
    path: 'dossierCode',
    value: dossier,
    maxlength: 64,
    autocomplete: 'off',
    hint: t('petitions.form.dossierCodeHint'),
  });
  const name = field({
    label: t('petitions.form.name'),
    path: 'petitioner.name',
    required: true,
    maxlength: MAX.name,
    autocomplete: 'off',
  });
  const idNumber = field({
    label: t('petitions.form.idNumber'),
    path: 'petitioner.idNumber',
    inputmode: 'numeric',
    maxlength: 13,
    autocomplete: 'off',
  });
  const phone = field({
    label: t('intake.phone'),
    path: 'petitioner.phone',
    type: 'tel',
    inputmode: 'tel',
    maxlength: 13,
  });
  const address = field({
    label: t('intake.address'),
    path: 'petitioner.address',
    maxlength: MAX.address,
  });
  const denouncerNote = h('p', { class: 'alert alert-info' }, t('petitions.form.denouncerNote'));

  const knownAt = dateField({
    label: t('petitions.form.knownAt'),
    path: 'knownAt',
    hint: t('petitions.form.knownAtHint'),
  });
  const instance = radios(
    'instance',
    t('petitions.form.instance'),
    [
      ['1', t('petitions.instance.1')],
      ['2', t('petitions.instance.2')],
    ],
    '1',
  );
  const complex = checkField('complex', t('petitions.form.complex'));
  const remote = checkField('remote', t('petitions.form.remote'));
  // Denunciations checked in several places: 10 working days to accept instead of 7 (Law on Denunciation Art. 24.1).
  const multiPlace = checkField('multiPlace', t('petitions.form.multiPlace'));
  const caseSection = h(
    'section',
    { class: 'card', 'aria-labelledby': 'sec-pcase' },
    h('h2', { id: 'sec-pcase' }, t('petitions.form.case')),
    knownAt,
    instance,
    complex,
    remote,
    multiPlace,
  );

  /** Shows only the fields the chosen kind uses. @param {string} kind */
  function applyKind(kind) {
    const complaint = kind === 'complaint';
    knownAt.hidden = !complaint;
    instance.hidden = !complaint;
    remote.hidden = !complaint;
    multiPlace.hidden = kind !== 'denunciation';
    complex.hidden = kind === 'feedback';
    caseSection.hidden = kind === 'feedback';
    complex.text.textContent = t(
      kind === 'denunciation' ? 'petitions.form.veryComplex' : 'petitions.form.complex',
    );
    denouncerNote.hidden = kind !== 'denunciation';
  }
  kindBox.addEventListener('change', () => applyKind(radioValue(kindBox, 'kind')));

  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, t('petitions.form.submit'));
  const form = h(
    'form',
    { class: 'petition-form', novalidate: true },
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'sec-pkind' },
      h('h2', { id: 'sec-pkind' }, t('petitions.form.what')),
      kindBox,
      h('div', { class: 'grid-2' }, channel, dossierCode),
      subject,
      content,
    ),
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'sec-ppet' },
      h('h2', { id: 'sec-ppet' }, t('petitions.form.petitioner')),
      denouncerNote,
      h('div', { class: 'grid-2' }, name, idNumber, phone, address),
    ),
    caseSection,
    formAlert(),
    h(
      'div',
      { class: 'actions-row' },
      submit,
      link('/don-thu', { class: 'btn btn-link' }, t('common.cancel')),
    ),
  );
  applyKind(presetKind);

  /** The request body, or null when a typed date is invalid (the field is then marked and focused). */
  function body() {
    const kind = radioValue(kindBox, 'kind');
    const known = kind === 'complaint' ? dateValue(knownAt) : '';
    if (known === null) {
      knownAt.control.focus();
      return null;
    }
    const val = (/** @type {{control: {value: string}}} */ f) => f.control.value.trim();
    /** @type {Record<string, unknown>} */
    const petitioner = { name: val(name) };
    const id = idNumber.control.value.replace(/\s/g, '');
    const tel = phone.control.value.replace(/[\s.]/g, '');
    if (id) petitioner.idNumber = id;
    if (tel) petitioner.phone = tel;
    if (val(address)) petitioner.address = val(address);
    /** @type {Record<string, unknown>} */
    const out = {
      kind,
      channel: channel.control.value,
      subject: val(subject),
      content: val(content),
      petitioner,
    };
    if (val(dossierCode)) out.dossierCode = val(dossierCode);
    if (kind === 'complaint') {
      if (known) out.knownAt = `${known}T00:00:00+07:00`;
      out.instance = Number(radioValue(instance, 'instance') || '1');
      out.remote = remote.input.checked;
    }
    if (kind !== 'feedback') out.complex = complex.input.checked;
    if (kind === 'denunciation') out.multiPlace = multiPlace.input.checked;
    return out;
  }

  keyedSubmit(form, submit, {
    path: '/api/petitions',
    read: body,
    done: (p) => {
      toast(t('petitions.form.saved', { code: p.code }), 'success');
      if (p.lodgedLate) toast(t('petitions.lodgedLate'));
      navigate(petitionHref(p.code), { replace: true });
    },
    retryHint: t('petitions.form.retryHint'),
  });

  main.append(form);
}
