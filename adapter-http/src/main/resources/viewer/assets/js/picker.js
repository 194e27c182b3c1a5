// A labelled group of checkboxes (multi) or radios (single) with an optional search box: remote
// (the options endpoint, debounced, newest answer only) for dynamic filters, local for long
// static or allowed lists. Chosen values stay listed as removable chips even when a search hides
// them.
import { h, clear, debounce } from './dom.js';
import { latestOnly } from './latest.js';

const SEARCH_DEBOUNCE_MS = 250;
const LOCAL_SEARCH_FROM = 9;

/** Option values are JSON (strings, numbers); compared by their JSON text. */
export const key = (value) => JSON.stringify(value);

export function labelOf(options, value) {
  const found = (options || []).find((o) => key(o.value) === key(value));
  return found ? found.label : String(value);
}

const counted = (n) => `${n} ${n === 1 ? 'option' : 'options'}`;

/** @returns {element (the fieldset), read(), reflect(effective), destroy()} */
/**
 * @param noneLabel the single choice's "no value" entry (a viewer's "All"; the console's "None"
 *   when a value must be picked)
 */
export function pickerControl(filter, base, { multiple, options, remote, onChange, noneLabel = 'All' }) {
  const listId = `${base}-list`;
  const statusId = `${base}-status`;
  const searches = latestOnly();
  let selected = [];
  let shown = options || [];

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
      chips.append(h('span', { class: 'chips-empty' }, filter.mode === 'selectable' ? 'All allowed values' : noneLabel));
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
    const entries = multiple ? shown : [{ value: null, label: noneLabel }, ...shown];
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

  function changed() {
    renderChips();
    renderList();
    onChange();
  }

  function toggle(option, on) {
    if (on && !isSelected(option.value)) selected = [...selected, { value: option.value, label: option.label }];
    if (!on) selected = selected.filter((s) => key(s.value) !== key(option.value));
    changed();
  }

  function choose(option) {
    selected = option ? [{ value: option.value, label: option.label }] : [];
    changed();
  }

  function fetchRemote(term) {
    list.setAttribute('aria-busy', 'true');
    status.textContent = 'Loading options…';
    return searches.run((signal) => remote(filter.slug, term, signal), {
      onResult(answer) {
        shown = answer.options || [];
        // Labels of chosen values come from the first answer that lists them.
        selected = selected.map((s) => ({ value: s.value, label: labelOf(shown, s.value) !== String(s.value) ? labelOf(shown, s.value) : s.label }));
        renderChips();
        renderList();
        status.textContent = `${counted(shown.length)}${term ? ` matching “${term}”` : ''}.`;
      },
      onError(e) {
        shown = [];
        renderList();
        status.textContent = e.message ? `Options could not be loaded: ${e.message}` : 'Options could not be loaded.';
      },
      onSettled: () => list.removeAttribute('aria-busy'),
    });
  }

  function filterLocal(term) {
    const needle = term.trim().toLowerCase();
    shown = (options || []).filter((o) => !needle || String(o.label).toLowerCase().includes(needle));
    renderList();
    status.textContent = `${counted(shown.length)}.`;
  }

  const remoteSearch = debounce(() => fetchRemote(search.value.trim() || null), SEARCH_DEBOUNCE_MS);
  if (search) {
    search.addEventListener('input', () => (remote ? remoteSearch() : filterLocal(search.value)));
    // Enter in the search box searches; it must not submit the filter form.
    search.addEventListener('keydown', (event) => { if (event.key === 'Enter') event.preventDefault(); });
  }

  const element = h('fieldset', { class: 'picker', 'aria-describedby': statusId },
    h('legend', { id: `${base}-legend` }, filter.label),
    h('div', { class: 'picker-selected' }, h('span', { class: 'visually-hidden' }, 'Selected: '), chips),
    search ? h('label', { for: searchId, class: 'picker-search-label' }, `Search ${filter.label.toLowerCase()}`) : null,
    search,
    list,
    status);

  renderChips();
  renderList();
  if (remote) fetchRemote(null);

  return {
    element,
    read() {
      if (!selected.length) return { value: undefined };
      return { value: multiple ? selected.map((s) => s.value) : selected[0].value };
    },
    reflect(effective) {
      if (!selected.length && Array.isArray(effective) && effective.length && filter.mode === 'selectable') {
        selected = effective.map((v) => ({ value: v, label: labelOf(options, v) }));
        renderChips();
        renderList();
      }
    },
    destroy() {
      remoteSearch.cancel();
      searches.cancel();
    },
  };
}
