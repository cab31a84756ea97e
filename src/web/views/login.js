/**
 * Sign-in. The demo hint is a small note pointing to the README (the accounts exist only with --demo), and
 * citizens are pointed to the public lookup.
 */
import { h } from '../lib/dom.js';
import { t } from '../lib/i18n.js';
import { link, navigate } from '../lib/router.js';
import { signIn } from '../lib/session.js';
import { clearIssues, field, formAlert, showError } from '../lib/ui.js';
import { MAX } from '../../shared/limits.ts';

/** @type {import('../lib/router.js').View} */
export function loginView(main, ctx) {
  const next = ctx.query.get('next');
  const target = next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
  const user = field({
    label: t('login.username'),
    path: 'username',
    autocomplete: 'username',
    required: true,
    maxlength: MAX.username,
  });
  const pass = field({
    label: t('login.password'),
    path: 'password',
    type: 'password',
    autocomplete: 'current-password',
    required: true,
    maxlength: 1024,
  });
  const button = h('button', { type: 'submit', class: 'btn btn-primary btn-block' }, t('login.submit'));
  const form = h(
    'form',
    { class: 'card login-card', novalidate: true },
    h('h1', null, t('login.title')),
    h('p', { class: 'login-lead' }, t('login.lead')),
    ctx.query.get('expired') ? h('p', { class: 'alert alert-info' }, t('login.expired')) : null,
    formAlert(),
    user,
    pass,
    button,
    h('p', { class: 'hint demo-note' }, t('login.demoNote')),
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearIssues(form);
    button.disabled = true;
    button.textContent = t('login.signingIn');
    try {
      await signIn(user.control.value.trim(), pass.control.value);
      navigate(target, { replace: true });
    } catch (err) {
      button.disabled = false;
      button.textContent = t('login.submit');
      showError(form, err);
    }
  });
  main.append(
    h(
      'div',
      { class: 'login-page' },
      form,
      h('p', { class: 'login-public' }, t('login.citizen'), ' ', link('/tra-cuu', null, t('nav.lookup'))),
    ),
  );
  user.control.focus();
}
