// Picks values of one dashboard filter from its real options, for the share dialog (allowed
// values, a fixed value) and the token builder (fixed params): a static select lists its options,
// a dynamic one searches the owner's options route (GET /api/v1/dashboards/{id}/filters/{slug}/options),
// both through the viewer pages' picker (picker.js); dates, numbers and text get an input.
import { h, uid } from '../dom.js';
import { createField } from '../fields.js';
import { decimalText } from '../decimal.js';
import { pickerControl } from '../picker.js';

/** A number filter's value: a JSON number when the text is exactly one, else its decimal text. */
export function numberValue(text) {
  const n = Number(text);
  return Number.isFinite(n) && String(n) === text ? n : text;
}

/**
 * @param filter the dashboard's filter definition ({slug, label, kind, options})
 * @param multiple several values (allowed values, a multi_select's fixed value) or one
 * @param loadOptions (slug, search, signal) => Promise<{options}>, for dynamic options
 * @param label the group's name, e.g. "Allowed values of Status"
 * @returns {element, read() -> {value} | {error}, destroy()}
 */
export function valueChooser(filter, { multiple, loadOptions, label }) {
  const base = uid(`v-${filter.slug}`);
  const source = filter.options && filter.options.source;
  if (filter.kind === 'select' || filter.kind === 'multi_select') {
    const picker = pickerControl({ ...filter, label, default: null, mode: 'free' }, base, {
      multiple,
      options: source === 'static' ? filter.options.values : undefined,
      remote: source === 'dynamic' ? loadOptions : undefined,
      onChange: () => {},
      noneLabel: 'None',
    });
    const element = h('div', { class: 'field field--picker value-chooser', dataset: { chooser: filter.slug } }, picker.element);
    return { element, read: picker.read, destroy: picker.destroy };
  }
  const type = filter.kind === 'date' ? 'date' : filter.kind === 'number' ? 'number' : 'text';
  const input = h('input', { id: base, type, class: 'input', autocomplete: 'off', step: type === 'number' ? 'any' : null });
  if (filter.default !== null && filter.default !== undefined) input.value = String(filter.default);
  const field = createField({ id: base, label, control: input, className: 'value-chooser', dataset: { chooser: filter.slug } });
  return {
    element: field.element,
    read() {
      if (type === 'number') {
        const { value, error } = decimalText(input.value, { badInput: input.validity.badInput });
        return error ? { error } : { value: value === undefined ? undefined : numberValue(value) };
      }
      return { value: input.value === '' ? undefined : input.value };
    },
    destroy() {},
  };
}
