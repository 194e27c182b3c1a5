import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { element } from './fake-dom.js';
import { ApiError, attachmentName, request } from '../../main/resources/viewer/assets/js/api.js';
import { createDownloadButton, DOWNLOADABLE } from '../../main/resources/viewer/assets/js/download.js';

const announced = [];
const saved = [];

beforeEach(() => {
  announced.length = 0;
  saved.length = 0;
  const announcer = element('div');
  globalThis.document.getElementById = (id) => (id === 'announcer' ? announcer : null);
  globalThis.window.setTimeout = (fn) => { fn(); if (announcer.textContent) announced.push(announcer.textContent); return 0; };
  globalThis.document.body = element('body');
  globalThis.URL.createObjectURL = (blob) => { saved.push({ blob }); return 'blob:fake'; };
  globalThis.URL.revokeObjectURL = () => {};
});

const head = { slug: 'top_customers', title: 'Top customers', visualization: 'table' };
const settle = () => new Promise((resolve) => setImmediate(resolve));

test('only tables and charts can be downloaded', () => {
  assert.deepEqual([...DOWNLOADABLE].sort(), ['bar', 'line', 'pie', 'table']);
  assert.equal(DOWNLOADABLE.has('number'), false);
});

test('the button names its widget, is busy while the file is prepared and announces the saved file', async () => {
  let finish;
  const asked = [];
  const { element: actions, button } = createDownloadButton(head, (slug) => {
    asked.push(slug);
    return new Promise((resolve) => { finish = resolve; });
  });
  assert.equal(button.getAttribute('aria-label'), 'Download Top customers as CSV');
  assert.equal(button.getAttribute('type'), 'button');
  assert.equal(actions.children[1].getAttribute('role'), 'status');

  button.dispatch('click');
  assert.deepEqual(asked, ['top_customers']);
  assert.equal(button.disabled, true);
  assert.equal(button.getAttribute('aria-busy'), 'true');
  assert.match(announced.at(-1), /Preparing Top customers/);

  finish({ blob: 'csv bytes', filename: 'sales-top_customers-2026-01-02.csv' });
  await settle();
  assert.equal(saved.length, 1);
  const link = globalThis.document.clicked.at(-1);
  assert.equal(link.tagName, 'A');
  assert.equal(link.getAttribute('download'), 'sales-top_customers-2026-01-02.csv');
  assert.equal(link.getAttribute('href'), 'blob:fake');
  assert.equal(link.parentNode, null, 'the link is removed once clicked');
  assert.equal(button.disabled, false);
  assert.equal(button.hasAttribute('aria-busy'), false);
  assert.equal(announced.at(-1), 'Top customers downloaded as sales-top_customers-2026-01-02.csv.');
});

test('a refused download says why, beside the button and to screen readers', async () => {
  const { element: actions, button } = createDownloadButton(head, () => Promise.reject(
    new ApiError(403, { error_code: 'FORBIDDEN', message: 'Downloads are not enabled for this dashboard.' })));
  button.dispatch('click');
  await settle();
  assert.equal(saved.length, 0);
  assert.equal(actions.children[1].textContent, 'Downloads are not enabled for this dashboard.');
  assert.match(announced.at(-1), /failed: Downloads are not enabled/);
});

test('filters that cannot be sent start no download', () => {
  const { button } = createDownloadButton(head, () => null);
  button.dispatch('click');
  assert.equal(button.disabled, undefined);
  assert.equal(saved.length, 0);
});

test('the file name comes from Content-Disposition', () => {
  assert.equal(attachmentName('attachment; filename="sales-overview-top_customers-2026-01-02.csv"'),
    'sales-overview-top_customers-2026-01-02.csv');
  assert.equal(attachmentName(null), null);
  assert.equal(attachmentName('inline'), null);
});

test('a file request answers the body as a blob with its name, and an error as the API error', async () => {
  const sent = [];
  globalThis.fetch = async (url, init) => {
    sent.push({ url, init });
    if (url.endsWith('/refused')) {
      return new Response(JSON.stringify({ error_code: 'FORBIDDEN', message: 'No.', details: { reason: 'downloads_disabled' } }),
        { status: 403, headers: { 'Content-Type': 'application/json' } });
    }
    return new Response('a,b\r\n1,2\r\n', { status: 200, headers: { 'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="d-w-2026-01-02.csv"' } });
  };
  const file = await request('POST', '/x/export', { body: { parameters: {} }, file: 'text/csv' });
  assert.equal(file.filename, 'd-w-2026-01-02.csv');
  assert.equal(await file.blob.text(), 'a,b\r\n1,2\r\n');
  assert.equal(sent[0].init.headers.Accept, 'text/csv, application/json');

  await assert.rejects(request('POST', '/x/refused', { body: {}, file: 'text/csv' }), (e) =>
    e instanceof ApiError && e.code === 'FORBIDDEN' && e.details.reason === 'downloads_disabled');
});
