// One control per filter the viewer may use, chosen by kind and effective mode (resolve/info
// `filters`): fixed = read-only and locked; selectable = only its allowed values; free = dates,
// numbers, text, static selects inline, dynamic selects searching the options endpoint.
import { h, clear, debounce, uid } from './dom.js';
import { isAbort } from './api.js';

const SEARCH_DEBOUNCE_MS = 250;
const LOCAL_SEARCH_FROM = 9;

const key = (value) => JSON.stringify(value);
const labelOf = (options, value) => {
  const found = (options || []).find((o) => key(o.value) === key(value));
  return found ? found.label : String(value);
};

/**
 * @param filter one entry of resolve/info `filters`
 * @param loadOptions (slug, search, signal) => Promise<{options}> for dynamic selects
 * @param onChange called when the viewer changes the value
 */
export function createFilterControl(filter, { loadOptions, onChange }) {
  const base = uid(`f-${filter.slug}`);
  if (filter.mode === 'fixed') return fixedControl(filter, base);
  if (filter.kind === 'multi_select') {
    if (filter.mode === 'selectable') return pickerControl(filter, base, { multiple: true, options: filter.allowed_values, onChange });
    if (filter.options_source === 'dynamic') return pickerControl(filter, base, { multiple: true, remote: loadOptions, onChange });
    return pickerControl(filter, base, { multiple: true, options: filter.options, onChange });
  }
  if (filter.mode === 'selectable') return selectControl(filter, base, filter.allowed_values, false, onChange);
  if (filter.kind === 'select') {
    if (filter.options_source === 'dynamic') return pickerControl(filter, base, { multiple: false, remote: loadOptions, onChange });
    return selectControl(filter, base, filter.options, !filter.required, onChange);
  }
  return inputControl(filter, base, onChange);
}

function field(filter, base, extraClass, ...children) {
  const error = h('p', { class: 'field-error', id: `${base}-error`, hidden: true });
  const element = h('div', { class: `field ${extraClass}`, dataset: { filter: filter.slug, kind: filter.kind, mode: filter.mode } }, ...children, error);
  return { element, error };
}

function withErrors(control, fieldParts, describedEl) {
  const describe = (on) => {
    const ids = (describedEl.getAttribute('aria-describedby') || '').split(' ').filter((id) => id && id !== fieldParts.error.id);
    if (on) ids.push(fieldParts.error.id);
    if (ids.length) describedEl.setAttribute('aria-describedby', ids.join(' '));
    else describedEl.removeAttribute('aria-describedby');
  };
  return {
    ...control,
    element: fieldParts.element,
    setError(message) {
      fieldParts.error.textContent = message;
      fieldParts.error.hidden = false;
      fieldParts.element.classList.add('field--invalid');
      describedEl.setAttribute('aria-invalid', 'true');
      describe(true);
    },
    clearError() {
      fieldParts.error.textContent = '';
      fieldParts.error.hidden = true;
      fieldParts.element.classList.remove('field--invalid');
      describedEl.removeAttribute('aria-invalid');
      describe(false);
    },
  };
}

function displayValue(filter, value) {
  if (value === null || value === undefined) return 'Not set';
  const options = filter.allowed_values && filter.allowed_values.length ? filter.allowed_values : filter.options;
  if (Array.isArray(value)) return value.map((v) => labelOf(options, v)).join(', ');
  return labelOf(options, value);
}

function fixedControl(filter, base) {
  const hintId = `${base}-hint`;
  const input = h('input', {
    id: base, type: 'text', class: 'input input--locked', readonly: true, 'aria-readonly': 'true',
    value: displayValue(filter, filter.default), 'aria-describedby': hintId,
  });
  const parts = field(filter, base, 'field--fixed',
    h('label', { for: base }, filter.label, ' ', h('span', { class: 'lock-badge' }, 'Locked')),
    input,
    h('p', { class: 'field-hint', id: hintId }, 'Set by whoever shared this dashboard; it cannot be changed.'));
  return withErrors({ slug: filter.slug, value: () => undefined, reflect() {} }, parts, input);
}

function inputControl(filter, base, onChange) {
  const type = filter.kind === 'date' ? 'date' : filter.kind === 'number' ? 'number' : 'text';
  const input = h('input', {
    id: base, name: filter.slug, type, class: 'input', required: filter.required || null,
    inputmode: type === 'number' ? 'decimal' : null, step: type === 'number' ? 'any' : null, autocomplete: 'off',
  });
  if (filter.default !== null && filter.default !== undefined) input.value = String(filter.default);
  input.addEventListener('change', () => onChange());
  const parts = field(filter, base, `field--${type}`, h('label', { for: base }, filter.label), input);
  return withErrors({
    slug: filter.slug,
    value() {
      if (input.value === '') return undefined;
      if (type === 'number') return Number(input.value);
      return input.value;
    },
    reflect(effective) {
      if (input.value === '' && effective !== null && effective !== undefined && document.activeElement !== input) {
        input.value = String(effective);
      }
    },
  }, parts, input);
}

function selectControl(filter, base, options, allowAll, onChange) {
  const list = options || [];
  const select = h('select', { id: base, name: filter.slug, class: 'input' },
    allowAll ? h('option', { value: '' }, 'All') : null,
    list.map((o, i) => h('option', { value: String(i) }, o.label)));
  const selectDefault = (value) => {
    const index = list.findIndex((o) => key(o.value) === key(value));
    if (index >= 0) select.value = String(index);
  };
  if (filter.default !== null && filter.default !== undefined) selectDefault(filter.default);
  select.addEventListener('change', () => onChange());
  const parts = field(filter, base, 'field--select', h('label', { for: base }, filter.label), select);
  return withErrors({
    slug: filter.slug,
    value: () => (select.value === '' ? undefined : list[Number(select.value)].value),
    reflect(effective) {
      if (select.value === '' && effective !== null && effective !== undefined && !allowAll) selectDefault(effective);
    },
  }, parts, select);
}

/**
 * A labelled group of checkboxes (multi) or radios (single) with an optional search box: remote
 * (the options endpoint, debounced) for dynamic filters, local for long static or allowed lists.
 * Chosen values stay listed as removable chips even when a search hides them.
 */
function pickerControl(filter, base, { multiple, options, remote, onChange }) {
  const legendId = `${base}-legend`;
  const listId = `${base}-list`;
  const statusId = `${base}-status`;
  let selected = [];
  let shown = options || [];
  let seq = 0;
  let inflight = null;

  const initial = filter.default;
  if (Array.isArray(initial)) selected = initial.map((v) => ({ value: v, label: labelOf(options, v) }));
  else if (initial !== null && initial !== undefined) selected = [{ value: initial, label: labelOf(options, initial) }];

  const chips = h('div', { class: 'chips', 'aria-live': 'polite' });
  const list = h('div', { class: 'picker-options', id: listId, role: 'group', 'aria-label': `${filter.label} options` });
  const status = h('p', { class: 'picker-status muted', id: statusId });
  const useSearch = Boolean(remote) || shown.length >= LOCAL_SEARCH_FROM;
  const searchId = `${base}-search`;
  const search = useSearch ? h('input', {
    id: searchId, type: 'search', class: 'input picker-search', autocomplete: 'off', spellcheck: 'false',
    placeholder: 'Type to search…', 'aria-controls': listId, 'aria-describedby': statusId,
  }) : null;

  const isSelected = (value) => selected.some((s) => key(s.value) === key(value));

  function renderChips() {
    clear(chips);
    // Without a search box every choice is visible with its checkbox: chips would repeat them.
    if (!selected.length || !useSearch) {
      if (selected.length) return;
      chips.append(h('span', { class: 'chips-empty' }, filter.mode === 'selectable' ? 'All allowed values' : 'All'));
      return;
    }
    for (const s of selected) {
      chips.append(h('button', {
        type: 'button', class: 'chip', 'aria-label': `Remove ${s.label}`,
        onclick: () => { toggle(s, false); },
      }, s.label, h('span', { class: 'chip-x', 'aria-hidden': 'true' }, '×')));
    }
  }

  function renderList() {
    clear(list);
    const name = `${base}-choice`;
    const entries = multiple ? shown : [{ value: null, label: 'All' }, ...shown];
    for (const option of entries) {
      const checked = option.value === null ? selected.length === 0 : isSelected(option.value);
      const input = h('input', { type: multiple ? 'checkbox' : 'radio', name, checked: checked || null, dataset: { value: key(option.value) } });
      input.addEventListener('change', () => {
        if (multiple) toggle(option, input.checked);
        else choose(option.value === null ? null : option);
      });
      list.append(h('label', { class: 'option' }, input, h('span', {}, option.label)));
    }
    if (!shown.length) list.append(h('p', { class: 'muted picker-empty' }, 'No matching options.'));
  }

  function toggle(option, on) {
    if (on && !isSelected(option.value)) selected = [...selected, { value: option.value, label: option.label }];
    if (!on) selected = selected.filter((s) => key(s.value) !== key(option.value));
    renderChips();
    renderList();
    onChange();
  }

  function choose(option) {
    selected = option ? [{ value: option.value, label: option.label }] : [];
    renderChips();
    renderList();
    onChange();
  }

  function setStatus(text) {
    status.textContent = text;
  }

  async function fetchRemote(term) {
    seq += 1;
    const mine = seq;
    if (inflight) inflight.abort();
    inflight = new AbortController();
    list.setAttribute('aria-busy', 'true');
    setStatus('Loading options…');
    try {
      const answer = await remote(filter.slug, term, inflight.signal);
      if (mine !== seq) return;
      shown = answer.options || [];
      // Labels of chosen values come from the first answer that lists them.
      selected = selected.map((s) => ({ value: s.value, label: labelOf(shown, s.value) !== String(s.value) ? labelOf(shown, s.value) : s.label }));
      renderChips();
      renderList();
      setStatus(`${shown.length} ${shown.length === 1 ? 'option' : 'options'}${term ? ` matching “${term}”` : ''}.`);
    } catch (e) {
      if (isAbort(e) || mine !== seq) return;
      shown = [];
      renderList();
      setStatus(e.message ? `Options could not be loaded: ${e.message}` : 'Options could not be loaded.');
    } finally {
      if (mine === seq) list.removeAttribute('aria-busy');
    }
  }

  function filterLocal(term) {
    const needle = term.trim().toLowerCase();
    shown = (options || []).filter((o) => !needle || String(o.label).toLowerCase().includes(needle));
    renderList();
    setStatus(`${shown.length} ${shown.length === 1 ? 'option' : 'options'}.`);
  }

  if (search) {
    const remoteSearch = debounce(() => fetchRemote(search.value.trim() || null), SEARCH_DEBOUNCE_MS);
    search.addEventListener('input', () => (remote ? remoteSearch() : filterLocal(search.value)));
    // Enter in the search box searches; it must not submit the filter form.
    search.addEventListener('keydown', (event) => { if (event.key === 'Enter') event.preventDefault(); });
  }

  const fieldset = h('fieldset', { class: 'picker', 'aria-describedby': statusId },
    h('legend', { id: legendId }, filter.label),
    h('div', { class: 'picker-selected' }, h('span', { class: 'visually-hidden' }, 'Selected: '), chips),
    search ? h('label', { for: searchId, class: 'picker-search-label' }, `Search ${filter.label.toLowerCase()}`) : null,
    search,
    list,
    status);
  const parts = field(filter, base, `field--picker${multiple ? ' field--multi' : ''}`, fieldset);

  renderChips();
  renderList();
  if (remote) fetchRemote(null);

  return withErrors({
    slug: filter.slug,
    value() {
      if (!selected.length) return undefined;
      return multiple ? selected.map((s) => s.value) : selected[0].value;
    },
    reflect(effective) {
      if (!selected.length && Array.isArray(effective) && effective.length && filter.mode === 'selectable') {
        selected = effective.map((v) => ({ value: v, label: labelOf(options, v) }));
        renderChips();
        renderList();
      }
    },
  }, parts, fieldset);
}
