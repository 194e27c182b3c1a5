import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildMintBody, buildPolicies, describePolicies, modesFor, policySlugAt } from '../../main/resources/viewer/assets/js/console/policy.js';

const FILTERS = [
  { slug: 'period_start', label: 'From', kind: 'date' },
  { slug: 'status', label: 'Status', kind: 'multi_select' },
  { slug: 'region', label: 'Region', kind: 'select' },
  { slug: 'customer', label: 'Customer', kind: 'text' },
];

test('free filters send no policy; the other modes send exactly what the API takes', () => {
  const { policies, problems } = buildPolicies(FILTERS, {
    period_start: { mode: 'fixed', value: '2025-01-01' },
    status: { mode: 'selectable', values: ['Active', 'Pending'] },
    region: { mode: 'disabled' },
  });
  assert.deepEqual(problems, []);
  assert.deepEqual(policies, [
    { filter_slug: 'period_start', filter_kind: 'date', mode: 'fixed', value: '2025-01-01' },
    { filter_slug: 'status', filter_kind: 'multi_select', mode: 'selectable', allowed_values: ['Active', 'Pending'] },
    { filter_slug: 'region', filter_kind: 'select', mode: 'disabled' },
  ]);
});

test('a selectable filter without values or a fixed one without a value is refused before sending', () => {
  const { policies, problems } = buildPolicies(FILTERS, {
    status: { mode: 'selectable', values: [] },
    region: { mode: 'fixed', value: undefined },
    customer: { mode: 'fixed', value: '' },
    period_start: { mode: 'fixed', error: 'Enter a date.' },
  });
  assert.deepEqual(policies, []);
  assert.deepEqual(problems.map((p) => p.slug), ['period_start', 'status', 'region', 'customer']);
  assert.equal(problems[0].message, 'Enter a date.');
});

test('a fixed multi_select takes a list; an empty list is no value', () => {
  assert.deepEqual(buildPolicies(FILTERS, { status: { mode: 'fixed', value: ['Closed'] } }).policies,
    [{ filter_slug: 'status', filter_kind: 'multi_select', mode: 'fixed', value: ['Closed'] }]);
  assert.equal(buildPolicies(FILTERS, { status: { mode: 'fixed', value: [] } }).problems.length, 1);
});

test('selectable is offered only where there are options to pick from', () => {
  assert.deepEqual(modesFor({ kind: 'select' }), ['free', 'selectable', 'fixed', 'disabled']);
  assert.deepEqual(modesFor({ kind: 'date' }), ['free', 'fixed', 'disabled']);
  assert.equal(buildPolicies(FILTERS, { customer: { mode: 'selectable', values: ['x'] } }).problems.length, 1);
});

test('an API error about share_filter_policies[i] points at the filter of the i-th policy sent', () => {
  const policies = [{ filter_slug: 'status' }, { filter_slug: 'region' }];
  assert.equal(policySlugAt('share_filter_policies[1].allowed_values[0]', policies), 'region');
  assert.equal(policySlugAt('share_filter_policies[0]', policies), 'status');
  assert.equal(policySlugAt('share_filter_policies[7].mode', policies), null);
  assert.equal(policySlugAt('name', policies), null);
  assert.equal(policySlugAt(undefined, policies), null);
});

test('policies read as one line each, by the filter label', () => {
  assert.deepEqual(describePolicies([
    { filter_slug: 'status', mode: 'selectable', allowed_values: ['Active', 'Pending'] },
    { filter_slug: 'region', mode: 'fixed', value: 'north' },
    { filter_slug: 'gone', mode: 'disabled' },
  ], FILTERS), ['Status: selectable (Active, Pending)', 'Region: fixed (north)', 'gone: disabled']);
});

test('the mint body: required implies allowed, fixed values are kept, lifetime is bounded', () => {
  const { body, problems } = buildMintBody(FILTERS, {
    period_start: { allowed: true, required: true },
    status: { allowed: true },
    region: { fixed: true, value: 'west' },
  }, { expiresIn: 900, downloads: true });
  assert.deepEqual(problems, []);
  assert.deepEqual(body, {
    allowed_params: ['period_start', 'status'], required_params: ['period_start'],
    fixed_params: { region: 'west' }, expires_in: 900, downloads: true,
  });
  const bad = buildMintBody(FILTERS, { status: { required: true }, region: { fixed: true } }, { expiresIn: 40 * 24 * 3600 });
  assert.deepEqual(bad.problems.map((p) => p.slug), ['status', 'region', null]);
});
