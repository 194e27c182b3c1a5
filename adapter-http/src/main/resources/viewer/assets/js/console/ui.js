// Small building blocks of the console pages: a value shown once with a copy button, a
// confirmation dialog, tables, dates, and the mapping of an API error onto a form's fields.
import { h, clear, announce, uid } from '../dom.js';
import { createField } from '../fields.js';

/** ISO time -> the reader's local date and time, or an em dash. */
export function formatTime(iso) {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? String(iso) : date.toLocaleString(document.documentElement.lang || 'en');
}

/** A datetime-local value (the reader's time zone) -> RFC 3339 UTC, or null when empty. */
export function localToIso(value) {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** A labelled input built for createField; returns {field, input}. */
export function inputField({ label, type = 'text', name, hint, required = false, value, autocomplete = 'off', attrs = {} }) {
  const id = uid(name || 'field');
  const input = h(type === 'textarea' ? 'textarea' : 'input', {
    id, name, class: 'input', type: type === 'textarea' ? null : type, required: required || null, autocomplete, ...attrs,
  });
  if (value !== undefined && value !== null) input.value = String(value);
  const field = createField({ id, label, control: input, hint });
  return { field, input };
}

/** A select with {value, label} options. */
export function selectField({ label, name, options, value, hint }) {
  const id = uid(name || 'select');
  const select = h('select', { id, name, class: 'input' }, options.map((o) => h('option', { value: o.value }, o.label)));
  if (value !== undefined) select.value = value;
  const field = createField({ id, label, control: select, hint });
  return { field, input: select };
}

async function copyText(text, input) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch (e) {
    // No clipboard permission (an insecure origin, a headless browser): copy the selection instead.
    input.focus();
    input.select();
    try {
      return document.execCommand('copy');
    } catch (ignored) {
      return false;
    }
  }
}

/**
 * A value shown once (a share URL, a secret, an API key): read-only, selected on focus, with a
 * Copy button and a status that says whether it worked.
 */
export function copyBox({ label, value, hint, className = '', multiline = false }) {
  const id = uid('copy');
  const input = h(multiline ? 'textarea' : 'input', {
    id, class: `input input--copy${multiline ? ' input--source' : ''}`, readonly: true, spellcheck: 'false', type: multiline ? null : 'text',
    rows: multiline ? String(Math.min(24, String(value).split('\n').length + 1)) : null,
    dataset: { copy: '' },
  });
  input.value = value;
  input.addEventListener('focus', () => input.select());
  const status = h('span', { class: 'copy-status', role: 'status' });
  const button = h('button', { type: 'button', class: 'button button--quiet copy-button', 'aria-describedby': id }, 'Copy');
  button.setAttribute('aria-label', `Copy ${typeof label === 'string' ? label.toLowerCase() : 'the value'}`);
  button.addEventListener('click', async () => {
    const ok = await copyText(input.value, input);
    status.textContent = ok ? 'Copied.' : 'Select the text and copy it by hand.';
    announce(status.textContent);
  });
  const field = createField({ id, label, control: input, hint, className: `field--copy ${className}`.trim() });
  field.element.append(h('div', { class: 'copy-actions' }, button, status));
  return { element: field.element, input, button };
}

/** A pre-formatted code block with a copy button (snippets). */
export function codeBlock({ label, code }) {
  return copyBox({ label, value: code, multiline: true, className: 'field--code' });
}

/**
 * Asks before something that cannot be undone. A modal <dialog>: focus moves into it, Escape
 * cancels, and focus returns to what opened it. Resolves true when confirmed.
 */
export function confirmAction({ title, message, confirm = 'Confirm', danger = true }) {
  return new Promise((resolve) => {
    const opener = document.activeElement;
    const titleId = uid('confirm-title');
    const ok = h('button', { type: 'button', class: danger ? 'button button--danger' : 'button', dataset: { confirm: '' } }, confirm);
    const cancel = h('button', { type: 'button', class: 'button button--quiet', dataset: { cancel: '' } }, 'Cancel');
    const dialog = h('dialog', { class: 'dialog dialog--confirm', 'aria-labelledby': titleId },
      h('h2', { id: titleId }, title),
      h('p', {}, message),
      h('div', { class: 'dialog-actions' }, ok, cancel));
    let answered = false;
    const close = (value) => {
      if (answered) return;
      answered = true;
      dialog.close();
      dialog.remove();
      if (opener && opener.focus && opener.isConnected) opener.focus();
      resolve(value);
    };
    ok.addEventListener('click', () => close(true));
    cancel.addEventListener('click', () => close(false));
    dialog.addEventListener('cancel', (event) => { event.preventDefault(); close(false); });
    document.body.append(dialog);
    dialog.showModal();
    cancel.focus();
  });
}

/** A table with a caption; `cells(row)` answers the row's cells (text or nodes). */
export function dataTable({ caption, columns, rows, cells, empty = 'Nothing yet.', rowData }) {
  const table = h('table', { class: 'data-table console-table' },
    h('caption', { class: 'visually-hidden' }, caption),
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, rows.length
      ? rows.map((row) => h('tr', { dataset: rowData ? rowData(row) : undefined }, cells(row).map((cell) => h('td', {}, cell))))
      : h('tr', {}, h('td', { colspan: columns.length, class: 'muted' }, empty))));
  return h('div', { class: 'table-wrap', role: 'region', 'aria-label': caption, tabindex: '0' }, table);
}

/** A page's heading, optional lead text and actions. */
export function pageHeader(title, { lead, actions = [] } = {}) {
  return h('header', { class: 'console-page-header' },
    h('div', {}, h('h1', { id: 'page-title', tabindex: '-1' }, title), lead ? h('p', { class: 'muted' }, lead) : null),
    actions.length ? h('div', { class: 'console-actions' }, actions) : null);
}

/** A message box inside a page (role=status for news, role=alert for failures). */
export function message(text, kind = 'info') {
  return h('p', { class: `notice notice--${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text);
}

/** Replaces the content of a slot with a message. */
export function say(slot, text, kind = 'info') {
  clear(slot);
  if (text) slot.append(message(text, kind));
  if (text) announce(text);
}

/**
 * Shows an API error on a form: at the field `details.field` names (through `fields`, a map of
 * field name -> createField handle, or a function field -> handle), else in the form's slot.
 * Answers the handle it used, or null.
 */
export function showError(e, { fields = {}, slot, describe = (err) => err.message } = {}) {
  const text = describe(e) || e.message || 'Something went wrong.';
  const key = e.details && e.details.field;
  const target = typeof fields === 'function' ? fields(key, e) : fields[key];
  if (target) {
    target.setError(text);
    announce(text);
    return target;
  }
  if (slot) say(slot, e.requestId ? `${text} (reference ${e.requestId})` : text, 'error');
  return null;
}

export function clearErrors(fields, slot) {
  Object.values(fields).forEach((f) => f && f.clearError && f.clearError());
  if (slot) clear(slot);
}

/** A button that shows it is busy while its action runs, and is re-enabled after. */
export function busy(button, text, action) {
  return async (...args) => {
    const before = button.textContent;
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
    if (text) button.textContent = text;
    try {
      return await action(...args);
    } finally {
      button.disabled = false;
      button.removeAttribute('aria-busy');
      button.textContent = before;
    }
  };
}
