// A number filter's value travels as the decimal text the viewer typed ("12.50"), never through
// Number(): a double rounds long or precise values (0.1 + 0.2, 12345678901234567.89) and drops
// the trailing zeros. The server's number filter takes a JSON string of exactly this shape
// (docs/viewer.md), and checks the precision itself.
const DECIMAL = /^-?\d{1,38}(\.\d{1,38})?([eE][+-]?\d{1,3})?$/;

export const NUMBER_HINT = 'Enter a number such as 12.50.';

/**
 * What to send for a number field: {value: text} (value undefined when the field is empty) or
 * {error: message}. badInput is the field's validity.badInput: text an <input type=number>
 * refused reads as '' there, and must not pass for an empty field.
 */
export function decimalText(typed, { badInput = false } = {}) {
  if (badInput) return { error: NUMBER_HINT };
  const text = String(typed ?? '').trim();
  if (text === '') return { value: undefined };
  // An <input type=number> takes ".5" and "-.5"; the server's shape wants the leading zero.
  const value = text.replace(/^(-?)\./, '$10.');
  return DECIMAL.test(value) ? { value } : { error: NUMBER_HINT };
}
