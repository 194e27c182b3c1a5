import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dashboardApi } from '../../main/resources/viewer/assets/js/dashboard-api.js';

function recordingCall() {
  const calls = [];
  const call = (method, url, options) => {
    calls.push({ method, url, body: options.body, signal: options.signal });
    return Promise.resolve({});
  };
  return { calls, call };
}

test('a token flow resolves at its own step and executes and searches options under its base', async () => {
  const { calls, call } = recordingCall();
  const base = '/api/v1/public/shares/tok';
  const api = dashboardApi({ base, resolvePath: `${base}/resolve`, call });
  const signal = new AbortController().signal;
  await api.resolve(signal);
  await api.execute({ minimum: '12.50' }, signal);
  await api.options('region/x', 'Nor th', signal);
  await api.options('region', null, signal);
  assert.deepEqual(calls.map(({ method, url, body }) => ({ method, url, body })), [
    { method: 'GET', url: '/api/v1/public/shares/tok/resolve', body: undefined },
    { method: 'POST', url: '/api/v1/public/shares/tok/execute', body: { parameters: { minimum: '12.50' } } },
    { method: 'GET', url: '/api/v1/public/shares/tok/filters/region%2Fx/options?search=Nor+th', body: undefined },
    { method: 'GET', url: '/api/v1/public/shares/tok/filters/region/options', body: undefined },
  ]);
  assert.ok(calls.every((c) => c.signal === signal));
});

test('a scope travels with every call: in the execute body and in every query', async () => {
  const { calls, call } = recordingCall();
  const api = dashboardApi({ base: '/api/v1/share-portal/acme/dashboards/sales', scope: { context_id: 'c1' }, call });
  await api.resolve();
  await api.execute({ status: ['Active'] });
  await api.options('customer', 'Hoo');
  assert.deepEqual(calls.map(({ url, body }) => ({ url, body })), [
    { url: '/api/v1/share-portal/acme/dashboards/sales?context_id=c1', body: undefined },
    { url: '/api/v1/share-portal/acme/dashboards/sales/execute', body: { context_id: 'c1', parameters: { status: ['Active'] } } },
    { url: '/api/v1/share-portal/acme/dashboards/sales/filters/customer/options?context_id=c1&search=Hoo', body: undefined },
  ]);
});

test('a widget export posts the execute parameters, the scope and the format, and asks for a file', async () => {
  const calls = [];
  const call = (method, url, options) => { calls.push({ method, url, ...options }); return Promise.resolve({}); };
  const portal = dashboardApi({ base: '/api/v1/share-portal/acme/dashboards/sales', scope: { context_id: 'c1' }, call });
  const embed = dashboardApi({ base: '/api/embed/d/tok', resolvePath: '/api/embed/d/tok/info', call });
  await portal.exportWidget('top_customers', { region: 'north' });
  await embed.exportWidget('a/b', {});
  assert.deepEqual(calls.map(({ method, url, body, file }) => ({ method, url, body, file })), [
    { method: 'POST', url: '/api/v1/share-portal/acme/dashboards/sales/widgets/top_customers/export',
      body: { context_id: 'c1', parameters: { region: 'north' }, format: 'csv' }, file: 'text/csv' },
    { method: 'POST', url: '/api/embed/d/tok/widgets/a%2Fb/export', body: { parameters: {}, format: 'csv' }, file: 'text/csv' },
  ]);
});
