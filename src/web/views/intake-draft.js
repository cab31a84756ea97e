/* global localStorage, HTMLInputElement, HTMLSelectElement, HTMLTextAreaElement, Event */
/**
 * The draft of a half-filled intake form (issue 12 item 7): kept in the browser's local storage under the officer's
 * name on every change, so it survives navigation, a reload and an expired session; restored when the officer
 * opens the intake form again; cleared on submit and on a confirmed cancel. Never sent anywhere.
 */

/** @typedef {{procedureCode: string | null, values: Record<string, string | boolean>, savedAt: string}} Draft */

/** @param {string} username */
const keyOf = (username) => `motcua.intakeDraft:${username}`;

/** The key of a control in the draft: its name (radios by name and value), a checklist line by its index. */
function controlKey(/** @type {Element} */ el) {
  if (!(
    el instanceof HTMLInputElement ||
    el instanceof HTMLSelectElement ||
    el instanceof HTMLTextAreaElement
  ))
    return null;
  if (el.id === 'proc-q') return null;
  if (el instanceof HTMLInputElement && el.dataset.i !== undefined) return `component.${el.dataset.i}`;
  if (!el.name) return null;
  return el instanceof HTMLInputElement && el.type === 'radio' ? `${el.name}=${el.value}` : el.name;
}

/**
 * @param {HTMLFormElement} form
 * @param {string} username
 */
export function intakeDraft(form, username) {
  const key = keyOf(username);
  let dirty = false;
  return {
    get dirty() {
      return dirty;
    },
    /** @param {string | null} procedureCode */
    save(procedureCode) {
      /** @type {Record<string, string | boolean>} */
      const values = {};
      for (const el of form.querySelectorAll('input, select, textarea')) {
        const k = controlKey(el);
        if (!k) continue;
        const c = /** @type {HTMLInputElement} */ (el);
        values[k] = c.type === 'checkbox' || c.type === 'radio' ? c.checked : c.value;
      }
      const typed = Object.entries(values).some(
        ([k, v]) => typeof v === 'string' && v.trim() && !k.includes('='),
      );
      dirty = typed || procedureCode !== null;
      if (!dirty) return void localStorage.removeItem(key);
      /** @type {Draft} */
      const draft = { procedureCode, values, savedAt: new Date().toISOString() };
      localStorage.setItem(key, JSON.stringify(draft));
    },
    /** @returns {Draft | null} */
    load() {
      try {
        const raw = localStorage.getItem(key);
        return raw ? /** @type {Draft} */ (JSON.parse(raw)) : null;
      } catch {
        return null;
      }
    },
    /** Puts the saved values back into the form's controls (after the procedure's checklist is drawn). */
    apply(/** @type {Draft} */ draft) {
      for (const el of form.querySelectorAll('input, select, textarea')) {
        const k = controlKey(el);
        if (!k || !(k in draft.values)) continue;
        const c = /** @type {HTMLInputElement} */ (el);
        const v = draft.values[k];
        if (c.type === 'radio') {
          if (v === true && !c.checked) c.click();
        } else if (c.type === 'checkbox') c.checked = v === true;
        else c.value = String(v);
      }
      for (const el of form.querySelectorAll('[data-i]')) el.dispatchEvent(new Event('change'));
      dirty = true;
    },
    clear() {
      localStorage.removeItem(key);
      dirty = false;
    },
  };
}
