import { test } from 'node:test';
import assert from 'node:assert/strict';
import { element } from './fake-dom.js';
import { createViewHost, formatRoute, parseRoute, parseSignIn } from '../../main/resources/viewer/assets/js/portal-router.js';

test('no hash, or one without both a dashboard and a context, is the list', () => {
  for (const hash of ['', '#', '#dashboard=sales', '#context=c1', '#dashboard=&context=c1', '#theme=dark']) {
    assert.deepEqual(parseRoute(hash), { view: 'list' }, hash);
  }
  assert.deepEqual(parseRoute(undefined), { view: 'list' });
});

test('a dashboard and a context are one dashboard', () => {
  assert.deepEqual(parseRoute('#dashboard=sales-overview&context=8f0c'), { view: 'dashboard', dashboard: 'sales-overview', context: '8f0c' });
  assert.deepEqual(parseRoute('#context=8f0c&dashboard=sales-overview'), { view: 'dashboard', dashboard: 'sales-overview', context: '8f0c' });
});

test('a dashboard route is formatted as the list links it', () => {
  assert.equal(formatRoute({ view: 'dashboard', dashboard: 'sales-overview', context: '8f0c' }), '#dashboard=sales-overview&context=8f0c');
  assert.equal(formatRoute({ view: 'list' }), '#');
});

test('formatting and parsing give back the route, whatever characters it holds', () => {
  for (const route of [
    { view: 'dashboard', dashboard: 'a&b=c', context: 'x y#z' },
    { view: 'dashboard', dashboard: 'ventes-été', context: '%2F/?' },
    { view: 'list' },
  ]) {
    assert.deepEqual(parseRoute(formatRoute(route)), route);
  }
});

test('a code mail link is a sign-in with its email and code, and no route', () => {
  assert.deepEqual(parseSignIn('#email=jane%2Btag@customer.com&code=1234-5678'), { email: 'jane+tag@customer.com', code: '1234-5678' });
  assert.deepEqual(parseSignIn('#code=12345678&email=a@b.example'), { email: 'a@b.example', code: '12345678' });
  assert.deepEqual(parseRoute('#email=a@b.example&code=1234-5678'), { view: 'list' });
});

test('without both an email and a code there is no sign-in link', () => {
  for (const hash of ['', '#', '#email=a@b.example', '#code=1234-5678', '#email=&code=1', '#dashboard=s&context=c', undefined]) {
    assert.equal(parseSignIn(hash), null, String(hash));
  }
});

function shell() {
  const root = element('main');
  return { root, log: [], host: createViewHost(root) };
}

/** A view whose load answers when the test says. */
function slowView(name, log) {
  const view = { loading: `Loading ${name}` };
  view.load = (signal) => new Promise((resolve) => {
    view.signal = signal;
    view.answer = resolve;
  });
  view.render = (root, data) => {
    log.push(`${name} drew ${data}`);
    root.append(`${name}: ${data}`);
    return { destroy: () => log.push(`${name} destroyed`) };
  };
  view.fail = (root, e) => log.push(`${name} failed ${e.message}`);
  return view;
}

test('a view that loads shows its loading text, then draws its answer', async () => {
  const { root, log, host } = shell();
  const list = slowView('list', log);
  const shown = host.show(list);
  assert.equal(root.textContent, 'Loading list');
  list.answer('3 dashboards');
  await shown;
  assert.equal(root.textContent, 'list: 3 dashboards');
  assert.deepEqual(log, ['list drew 3 dashboards']);
});

test('moving on while a view loads aborts its load and never draws its late answer', async () => {
  const { root, log, host } = shell();
  const dashboard = slowView('dashboard', log);
  const first = host.show(dashboard);
  const second = host.show({ render: (r) => { r.append('sign in'); } });
  assert.equal(dashboard.signal.aborted, true);
  dashboard.answer('late');
  await Promise.all([first, second]);
  assert.equal(root.textContent, 'sign in');
  assert.deepEqual(log, []);
});

test('the view shown before is destroyed when another is shown', async () => {
  const { root, log, host } = shell();
  const list = slowView('list', log);
  const shown = host.show(list);
  list.answer('A');
  await shown;
  host.show({ render() {} });
  assert.deepEqual(log, ['list drew A', 'list destroyed']);
  assert.equal(root.textContent, '');
});
