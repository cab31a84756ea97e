/* global HTMLInputElement, Event */
/**
 * The applicant part of the intake form: person (CCCD, birth date, sex) or organisation (tax code), contact
 * details, channel and paper. The server validates the CCCD against the birth date and sex; its errors land
 * on these fields by their API paths (`applicant.idNumber`, …).
 */
import { h, replace } from '../lib/dom.js';
import { t } from '../lib/i18n.js';
import { dateField, dateValue, field, radioValue, radios } from '../lib/ui.js';
import { MAX } from '../../shared/limits.ts';
import { looksLikeCccdQr, parseCccdQr } from '../../shared/identity/cccd-qr.ts';

export function applicantSection() {
  const kindBox = radios(
    'applicant.kind',
    t('intake.applicantKind'),
    [
      ['person', t('intake.kind.person')],
      ['organisation', t('intake.kind.organisation')],
    ],
    'person',
    (v) => applyKind(v),
  );
  const name = field({
    label: t('intake.name'),
    path: 'applicant.name',
    required: true,
    autocomplete: 'off',
    maxlength: MAX.name,
  });
  const idNumber = field({
    label: t('intake.idNumber'),
    path: 'applicant.idNumber',
    required: true,
    inputmode: 'numeric',
    maxlength: 400, // a CCCD QR scan is typed here whole (issue 12 item 7); a number alone is 12 digits
    autocomplete: 'off',
    hint: t('intake.idNumberHint'),
  });
  const qrStatus = h('p', { class: 'hint', role: 'status', 'data-qr-status': '' });
  const birthDate = dateField({
    label: t('intake.birthDate'),
    path: 'applicant.birthDate',
    hint: t('intake.birthDateHint'),
  });
  const sex = field({
    label: t('intake.sex'),
    path: 'applicant.sex',
    type: 'select',
    options: [
      ['', '—'],
      ['male', t('intake.sex.male')],
      ['female', t('intake.sex.female')],
    ],
  });
  const phone = field({
    label: t('intake.phone'),
    path: 'applicant.phone',
    type: 'tel',
    inputmode: 'tel',
    maxlength: 13,
  });
  const email = field({
    label: t('intake.email'),
    path: 'applicant.email',
    type: 'email',
    maxlength: MAX.email,
  });
  const address = field({
    label: t('intake.address'),
    path: 'applicant.address',
    maxlength: MAX.address,
  });
  const paper = h('input', { type: 'checkbox', name: 'paper', checked: true });
  // A birth registered abroad: the CCCD's first three digits are a country code (Law on Identification 2023 Art. 12).
  const abroadBox = h('input', { type: 'checkbox', name: 'applicant.birthRegisteredAbroad' });
  const abroad = h('label', { class: 'check' }, abroadBox, ' ', t('intake.abroad'));
  const channelBox = radios(
    'channel',
    t('intake.channel'),
    [
      ['direct', t('channel.direct')],
      ['postal', t('channel.postal')],
      ['online', t('channel.online')],
    ],
    'direct',
    (v) => {
      paper.checked = v !== 'online';
    },
  );
  const required = () => h('span', { class: 'req', 'aria-hidden': 'true' }, ' *');

  /** @param {string} kind */
  function applyKind(kind) {
    const org = kind === 'organisation';
    birthDate.hidden = org;
    sex.hidden = org;
    abroad.hidden = org;
    const idLabel = idNumber.querySelector('label');
    if (idLabel) replace(idLabel, t(org ? 'intake.taxCode' : 'intake.idNumber'), required());
    const hint = idNumber.querySelector('.hint');
    if (hint) hint.textContent = t(org ? 'intake.taxCodeHint' : 'intake.idNumberHint');
    const nameLabel = name.querySelector('label');
    if (nameLabel) replace(nameLabel, t(org ? 'intake.orgName' : 'intake.name'), required());
  }

  /**
   * A USB scanner types the CCCD's QR into the ID field: once it parses, ID, name, birth date (dd/MM/yyyy), sex and
   * address are filled. The scanner's final Enter must not submit the form.
   */
  function readQr() {
    const text = idNumber.control.value;
    if (!looksLikeCccdQr(text)) return false;
    const r = parseCccdQr(text);
    if (!r.ok) {
      qrStatus.textContent = t('intake.qr.invalid', { rule: t(`intake.${r.rule}`) });
      return true;
    }
    const v = r.value;
    const person = element.querySelector('input[name="applicant.kind"][value="person"]');
    if (person instanceof HTMLInputElement && !person.checked) person.click();
    idNumber.control.value = v.idNumber;
    name.control.value = v.name;
    birthDate.control.value = v.birthDate.split('-').reverse().join('/');
    sex.control.value = v.sex;
    address.control.value = v.address;
    qrStatus.textContent = t('intake.qr.read');
    element.dispatchEvent(new Event('input', { bubbles: true }));
    return true;
  }
  idNumber.control.addEventListener('input', () => void readQr());
  idNumber.control.addEventListener('keydown', (e) => {
    if (/** @type {KeyboardEvent} */ (e).key === 'Enter' && looksLikeCccdQr(idNumber.control.value)) {
      e.preventDefault();
      readQr();
    }
  });
  idNumber.append(qrStatus);

  const element = h(
    'section',
    { class: 'card', 'aria-labelledby': 'sec-app' },
    h('h2', { id: 'sec-app' }, t('intake.step.applicant')),
    h('div', { class: 'grid-2' }, kindBox, channelBox),
    h('label', { class: 'check' }, paper, ' ', t('intake.paper')),
    h('div', { class: 'grid-2' }, name, idNumber, birthDate, sex, phone, email),
    abroad,
    address,
  );

  /**
   * The request fields, or null when a typed date is invalid (the field is then marked and focused).
   * @returns {{channel: string, paper: boolean, applicant: Record<string, unknown>} | null}
   */
  function value() {
    const kind = radioValue(element, 'applicant.kind');
    const birth = kind === 'person' ? dateValue(birthDate) : '';
    if (birth === null) {
      birthDate.control.focus();
      return null;
    }
    /** @type {Record<string, unknown>} */
    const applicant = {
      kind,
      name: name.control.value.trim(),
      idNumber: idNumber.control.value.replace(/\s/g, ''),
    };
    const optional = (/** @type {string} */ key, /** @type {string} */ v) => {
      if (v.trim()) applicant[key] = v.trim();
    };
    optional('phone', phone.control.value.replace(/[\s.]/g, ''));
    optional('email', email.control.value);
    optional('address', address.control.value);
    if (kind === 'person') {
      optional('birthDate', birth);
      optional('sex', sex.control.value);
      if (abroadBox.checked) applicant.birthRegisteredAbroad = true;
    }
    return { channel: radioValue(element, 'channel'), paper: paper.checked, applicant };
  }

  return { element, value, focus: () => name.control.focus() };
}
