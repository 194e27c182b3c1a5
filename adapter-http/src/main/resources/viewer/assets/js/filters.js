// One control per filter the viewer may use, chosen by kind and effective mode (resolve/info
// `filters`): fixed = read-only and locked; selectable = only its allowed values; free = dates,
// numbers, text, static selects inline, dynamic selects searching the options endpoint.
//
// Every control is {slug, element, read(), reflect(effective), setError(message), clearError()}:
// read() gives {value} (undefined = not set) or {error} for what cannot be sent.
import { h, uid } from './dom.js';
import { createField } from './fields.js';
import { decimalText } from './decimal.js';
import { key, labelOf, pickerControl } from './picker.js';

/**
 * @param filter one entry of resolve/info `filters`
 * @param loadOptions (slug, search, signal) => Promise<{options}> for dynamic selects
 * @param onChange called when the viewer changes the value
 */
export function createFilterControl(filter, { loadOptions, onChange }) {
  const base = uid(`f-${filter.slug}`);
  if (filter.mode === 'fixed') return fixedControl(filter, base);
  if (filter.kind === 'multi_select') {
    if (filter.mode === 'selectable') return picker(filter, base, { multiple: true, options: filter.allowed_values, onChange });
    if (filter.options_source === 'dynamic') return picker(filter, base, { multiple: true, remote: loadOptions, onChange });
    return picker(filter, base, { multiple: true, options: filter.options, onChange });
  }
  if (filter.mode === 'selectable') return selectControl(filter, base, filter.allowed_values, false, onChange);
  if (filter.kind === 'select') {
    if (filter.options_source === 'dynamic') return picker(filter, base, { multiple: false, remote: loadOptions, onChange });
    return selectControl(filter, base, filter.options, !filter.required, onChange);
  }
  return inputControl(filter, base, onChange);
}

/** The execute `parameters` of the controls' values, and the controls whose text cannot be sent. */
export function collectParameters(controls) {
  const parameters = {};
  const problems = [];
  for (const control of controls) {
    const { value, error } = control.read();
    if (error) problems.push({ control, message: error });
    else if (value !== undefined) parameters[control.slug] = value;
  }
  return { parameters, problems };
}

/** The control with its field around it: label, error, and the filter's data attributes. */
function inField(filter, base, { className, label, control, hint }, behaviour) {
  const field = createField({
    id: base, label, control, hint, className,
    dataset: { filter: filter.slug, kind: filter.kind, mode: filter.mode },
  });
  return { slug: filter.slug, element: field.element, setError: field.setError, clearError: field.clearError, ...behaviour };
}

function displayValue(filter, value) {
  if (value === null || value === undefined) return 'Not set';
  const options = filter.allowed_values && filter.allowed_values.length ? filter.allowed_values : filter.options;
  if (Array.isArray(value)) return value.map((v) => labelOf(options, v)).join(', ');
  return labelOf(options, value);
}

function fixedControl(filter, base) {
  const input = h('input', {
    id: base, type: 'text', class: 'input input--locked', readonly: true, 'aria-readonly': 'true',
    value: displayValue(filter, filter.default),
  });
  return inField(filter, base, {
    className: 'field--fixed',
    label: [filter.label, ' ', h('span', { class: 'lock-badge' }, 'Locked')],
    control: input,
    hint: 'Set by whoever shared this dashboard; it cannot be changed.',
  }, { read: () => ({ value: undefined }), reflect() {} });
}

function inputControl(filter, base, onChange) {
  const type = filter.kind === 'date' ? 'date' : filter.kind === 'number' ? 'number' : 'text';
  const input = h('input', {
    id: base, name: filter.slug, type, class: 'input', required: filter.required || null,
    inputmode: type === 'number' ? 'decimal' : null, step: type === 'number' ? 'any' : null, autocomplete: 'off',
  });
  if (filter.default !== null && filter.default !== undefined) input.value = String(filter.default);
  input.addEventListener('change', () => onChange());
  return inField(filter, base, { className: `field--${type}`, label: filter.label, control: input }, {
    read() {
      if (type === 'number') return decimalText(input.value, { badInput: input.validity.badInput });
      return { value: input.value === '' ? undefined : input.value };
    },
    reflect(effective) {
      if (input.value === '' && !input.validity.badInput && effective !== null && effective !== undefined
          && document.activeElement !== input) {
        input.value = String(effective);
      }
    },
  });
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
  return inField(filter, base, { className: 'field--select', label: filter.label, control: select }, {
    read: () => ({ value: select.value === '' ? undefined : list[Number(select.value)].value }),
    reflect(effective) {
      if (select.value === '' && effective !== null && effective !== undefined && !allowAll) selectDefault(effective);
    },
  });
}

function picker(filter, base, settings) {
  const control = pickerControl(filter, base, settings);
  return inField(filter, base, {
    className: `field--picker${settings.multiple ? ' field--multi' : ''}`,
    control: control.element,
  }, { read: control.read, reflect: control.reflect, destroy: control.destroy });
}
