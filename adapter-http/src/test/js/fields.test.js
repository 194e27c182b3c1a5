import { test } from 'node:test';
import assert from 'node:assert/strict';
import { element } from './fake-dom.js';
import { createField, describedBy } from '../../main/resources/viewer/assets/js/fields.js';

test('an id is added once, after the ids already there', () => {
  assert.equal(describedBy(null, 'e', true), 'e');
  assert.equal(describedBy('hint status', 'e', true), 'hint status e');
  assert.equal(describedBy('hint e', 'e', true), 'hint e');
});

test('removing an id keeps the others, and nothing is left as null', () => {
  assert.equal(describedBy('hint e status', 'e', false), 'hint status');
  assert.equal(describedBy('e', 'e', false), null);
  assert.equal(describedBy('  ', 'e', false), null);
});

test('a field labels its control and describes it by its hint', () => {
  const input = element('input');
  input.id = 'code';
  const field = createField({ id: 'code', label: 'One-time code', control: input, hint: 'Eight digits.', className: 'field--text' });
  const label = field.element.find('label');
  assert.equal(label.getAttribute('for'), 'code');
  assert.equal(label.textContent, 'One-time code');
  assert.equal(field.element.className, 'field field--text');
  assert.equal(input.getAttribute('aria-describedby'), 'code-hint');
  assert.equal(field.element.find('#code-hint').textContent, 'Eight digits.');
  assert.equal(field.element.find('#code-error').hidden, true);
  assert.equal(input.getAttribute('aria-invalid'), null);
});

test('an error shows as text, marks the control invalid and describes it until cleared', () => {
  const input = element('input');
  const field = createField({ id: 'code', label: 'One-time code', control: input, hint: 'Eight digits.' });
  const error = field.element.find('#code-error');

  field.setError('That code is <b>wrong</b>.');
  assert.equal(error.hidden, false);
  assert.equal(error.textContent, 'That code is <b>wrong</b>.');
  assert.equal(error.children.length, 0);
  assert.equal(input.getAttribute('aria-invalid'), 'true');
  assert.equal(input.getAttribute('aria-describedby'), 'code-hint code-error');
  assert.equal(field.element.classList.contains('field--invalid'), true);

  field.setError('Still wrong.');
  assert.equal(input.getAttribute('aria-describedby'), 'code-hint code-error');

  field.clearError();
  assert.equal(error.hidden, true);
  assert.equal(error.textContent, '');
  assert.equal(input.getAttribute('aria-invalid'), null);
  assert.equal(input.getAttribute('aria-describedby'), 'code-hint');
  assert.equal(field.element.classList.contains('field--invalid'), false);
});

test('a control that names itself gets no label, and keeps its own description', () => {
  const fieldset = element('fieldset');
  fieldset.setAttribute('aria-describedby', 'status');
  const field = createField({ id: 'f-status', control: fieldset, dataset: { filter: 'status' } });
  assert.equal(field.element.find('label'), null);
  assert.equal(field.element.dataset.filter, 'status');
  field.setError('Not allowed.');
  assert.equal(fieldset.getAttribute('aria-describedby'), 'status f-status-error');
  field.clearError();
  assert.equal(fieldset.getAttribute('aria-describedby'), 'status');
});
