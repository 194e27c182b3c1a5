// One shape for every form field, filters and sign-in alike: a label, the control, an optional
// hint, and an error paragraph that is tied to the control (aria-invalid, aria-describedby) only
// while it shows, so a screen reader reads the error with the field and never a stale one.
import { h } from './dom.js';

/** The aria-describedby value with `id` added (on) or removed, other ids kept in order; null when empty. */
export function describedBy(current, id, on) {
  const ids = String(current || '').split(/\s+/).filter((each) => each && each !== id);
  if (on) ids.push(id);
  return ids.length ? ids.join(' ') : null;
}

export function describe(el, id, on) {
  const value = describedBy(el.getAttribute('aria-describedby'), id, on);
  if (value) el.setAttribute('aria-describedby', value);
  else el.removeAttribute('aria-describedby');
}

/**
 * @param id the control's id; the error is `${id}-error`, the hint `${id}-hint`
 * @param label the label's content (text or nodes), or null when the control names itself (a fieldset's legend)
 * @param control the input, select or fieldset the error belongs to
 * @param hint optional text after the control, read with it
 * @param className, dataset on the wrapper
 * @returns {element, setError(message), clearError()}
 */
export function createField({ id, label = null, control, hint = null, className = '', dataset }) {
  const error = h('p', { class: 'field-error', id: `${id}-error`, hidden: true });
  const hintEl = hint ? h('p', { class: 'field-hint', id: `${id}-hint` }, hint) : null;
  if (hintEl) describe(control, hintEl.id, true);
  const element = h('div', { class: className ? `field ${className}` : 'field', dataset },
    label === null ? null : h('label', { for: id }, label), control, hintEl, error);
  return {
    element,
    setError(message) {
      error.textContent = message;
      error.hidden = false;
      element.classList.add('field--invalid');
      control.setAttribute('aria-invalid', 'true');
      describe(control, error.id, true);
    },
    clearError() {
      error.textContent = '';
      error.hidden = true;
      element.classList.remove('field--invalid');
      control.removeAttribute('aria-invalid');
      describe(control, error.id, false);
    },
  };
}
