import { test } from 'node:test';
import assert from 'node:assert/strict';
import './fake-dom.js';
import { decimalText, NUMBER_HINT } from '../../main/resources/viewer/assets/js/decimal.js';
import { collectParameters, createFilterControl } from '../../main/resources/viewer/assets/js/filters.js';

// The server's number filter shape (FilterKind in sharing-domain), to hold the client to it.
const SERVER_DECIMAL = /^-?\d{1,38}(\.\d{1,38})?([eE][+-]?\d{1,3})?$/;

test('a typed decimal is sent as its text, trailing zeros and all', () => {
  assert.deepEqual(decimalText('12.50'), { value: '12.50' });
  assert.equal(JSON.stringify({ minimum: decimalText('12.50').value }), '{"minimum":"12.50"}');
});

test('digits a double would round are kept exactly', () => {
  const long = '12345678901234567890123456789012345678.12345678901234567890123456789012345678';
  assert.equal(decimalText(long).value, long);
  assert.equal(decimalText('0.30000000000000000001').value, '0.30000000000000000001');
  assert.notEqual(String(Number(long)), long);
});

test('what the server accepts passes, with a leading zero added to .5 as a number input allows it', () => {
  for (const typed of ['0', '-0', '5', '-12.5', '1e5', '1.5E+10', '2e-3', ' 7 ']) {
    const { value } = decimalText(typed);
    assert.match(value, SERVER_DECIMAL, typed);
  }
  assert.equal(decimalText('.5').value, '0.5');
  assert.equal(decimalText('-.25').value, '-0.25');
});

test('what the server would refuse is an error, not a request', () => {
  const tooLong = '1'.repeat(39);
  for (const typed of ['abc', '1.', '+5', '1,5', '1e1234', '1e', '--1', tooLong, `1.${tooLong}`, 'Infinity', 'NaN', '0x10']) {
    assert.deepEqual(decimalText(typed), { error: NUMBER_HINT }, typed);
    assert.doesNotMatch(typed.replace(/^(-?)\./, '$10.'), SERVER_DECIMAL, typed);
  }
});

test('an empty field sends nothing, but text the number input refused is an error', () => {
  assert.deepEqual(decimalText(''), { value: undefined });
  assert.deepEqual(decimalText('   '), { value: undefined });
  assert.deepEqual(decimalText('', { badInput: true }), { error: NUMBER_HINT });
});

function numberControl(defaultValue = null) {
  const control = createFilterControl({ slug: 'minimum', label: 'Minimum', kind: 'number', mode: 'free', required: false, default: defaultValue },
    { loadOptions: null, onChange() {} });
  return { control, input: control.element.find('input') };
}

test('a number filter puts its text in the execute parameters', () => {
  const { control, input } = numberControl();
  assert.equal(input.getAttribute('type'), 'number');
  input.value = '12.50';
  assert.deepEqual(collectParameters([control]), { parameters: { minimum: '12.50' }, problems: [] });
});

test('a number filter starts from its default as text', () => {
  const { control } = numberControl(5);
  assert.deepEqual(collectParameters([control]).parameters, { minimum: '5' });
});

test('a number filter with refused text is a problem and no parameter', () => {
  const { control, input } = numberControl(5);
  input.value = '';
  input.validity.badInput = true;
  assert.deepEqual(collectParameters([control]), { parameters: {}, problems: [{ control, message: NUMBER_HINT }] });
});
