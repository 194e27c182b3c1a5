import { test } from 'node:test';
import assert from 'node:assert/strict';
import './fake-dom.js';
import { ApiError } from '../../main/resources/viewer/assets/js/api.js';
import { locate, spans, JsonSyntaxError } from '../../main/resources/viewer/assets/js/console/json-locate.js';
import { afterSignIn, hrefOf, parseRoute } from '../../main/resources/viewer/assets/js/console/router.js';
import { asShared, placeError } from '../../main/resources/viewer/assets/js/console/dashboards.js';
import { loginProblem } from '../../main/resources/viewer/assets/js/console/auth.js';
import { memberProblem } from '../../main/resources/viewer/assets/js/console/contexts.js';
import { teamProblem } from '../../main/resources/viewer/assets/js/console/team.js';
import { actorText, auditQuery } from '../../main/resources/viewer/assets/js/console/audit.js';
import { signingKey } from '../../main/resources/viewer/assets/js/console/embedding.js';
import { numberValue } from '../../main/resources/viewer/assets/js/console/value-chooser.js';

const DOC = `{
  "slug": "sales",
  "filters": [
    {"slug": "period_start", "kind": "date"},
    {"slug": "status", "kind": "multi_select", "options": {"source": "dynamic", "sql": "select 1"}}
  ],
  "widgets": [{"slug": "w", "sql": "select :nope"}]
}`;

const invalid = (field, message = 'bad') => new ApiError(400, { error_code: 'INVALID_REQUEST', message, details: { field } });

test('an INVALID_REQUEST field is found in the document text, member and line', () => {
  const placed = placeError(DOC, invalid('widgets[0].sql', 'unknown parameter :nope'));
  assert.equal(placed.where.path, 'widgets[0].sql');
  assert.equal(placed.where.line, 7);
  assert.equal(DOC.slice(placed.where.start, placed.where.end), '"sql": "select :nope"');
  assert.equal(placeError(DOC, invalid('filters[1].options.sql')).where.line, 5);
  // A missing member is shown at its object; an unknown path at the document.
  assert.equal(placeError(DOC, invalid('filters[0].label')).where.path, 'filters[0]');
  assert.equal(placeError(DOC, invalid('filters[0].label')).where.line, 4);
  assert.equal(placeError(DOC, invalid('data_source')).where.path, '');
  assert.equal(placeError(DOC, new ApiError(400, { error_code: 'INVALID_REQUEST', message: 'x', details: { field: 'body' } })).where, null);
});

test('a syntax error names its place; every value of a document has a span', () => {
  assert.throws(() => spans('{"a": [1, 2,]}'), (e) => e instanceof JsonSyntaxError && e.offset === 12 && /line 1, column 13/.test(e.message));
  assert.throws(() => spans('{"a": 1} x'), JsonSyntaxError);
  assert.throws(() => spans('{"a": "x\n"}'), JsonSyntaxError);
  assert.deepEqual([...spans('{"a": {"b": [true, null, -1.5e3, "\\"q"]}}').keys()].sort(),
    ['', 'a', 'a.b', 'a.b[0]', 'a.b[1]', 'a.b[2]', 'a.b[3]']);
  assert.equal(locate('{"a":', 'a'), null);
});

test('console paths and their routes are inverses; anything else is not a page', () => {
  const id = '1ff16ef1-d2e8-4c8f-9e8b-59730744ff9e';
  for (const route of [{ view: 'dashboards' }, { view: 'dashboard', id }, { view: 'dashboard-edit', id }, { view: 'dashboard-new' },
    { view: 'contexts' }, { view: 'context', id }, { view: 'embed' }, { view: 'account' }, { view: 'sign-in' },
    { view: 'owners' }, { view: 'api-keys' }, { view: 'audit' }]) {
    assert.deepEqual(parseRoute(hrefOf(route)), route);
  }
  assert.deepEqual(parseRoute('/console'), { view: 'dashboards' });
  assert.deepEqual(parseRoute('/console/'), { view: 'dashboards' });
  for (const path of ['/console/dashboards/x', '/console/admin/nope', '/console/contexts/1/x', '/elsewhere', '/console/invite']) {
    assert.equal(parseRoute(path).view, 'not-found', path);
  }
  assert.equal(afterSignIn('/console/contexts'), '/console/contexts');
  assert.equal(afterSignIn('https://evil.example/console'), '/console/dashboards');
  assert.equal(afterSignIn('/console/sign-in'), '/console/dashboards');
  assert.equal(afterSignIn(null), '/console/dashboards');
});

test('refusals read as what to do', () => {
  assert.match(loginProblem(new ApiError(401, { error_code: 'UNAUTHENTICATED' })), /not right/);
  assert.match(loginProblem(new ApiError(429, { error_code: 'RATE_LIMITED' }, '120')), /2 minutes/);
  assert.match(loginProblem(new ApiError(400, { error_code: 'INVALID_REQUEST', details: { reason: 'company_slug_required' } })), /more than one company/);
  assert.match(memberProblem(new ApiError(400, { error_code: 'INVALID_REQUEST', details: { field: 'domain', reason: 'public_email_domain' } })), /public email provider/);
  assert.match(teamProblem(new ApiError(409, { error_code: 'CONFLICT', details: { reason: 'last_admin' } })), /at least one active admin/);
});

test('the owner document becomes a viewer-shaped dashboard with every filter free', () => {
  const shared = asShared({ slug: 's', name: 'S', filters: [
    { slug: 'r', label: 'R', kind: 'select', options: { source: 'static', values: [{ label: 'N', value: 'n' }] } },
    { slug: 'd', label: 'D', kind: 'multi_select', options: { source: 'dynamic', sql: 'select' } },
    { slug: 'p', label: 'P', kind: 'date', default: '2025-01-01' }],
  widgets: [{ slug: 'w', title: 'W', visualization: 'bar', sql: 'select' }] });
  assert.deepEqual(shared.dashboard.widgets, [{ slug: 'w', title: 'W', visualization: 'bar' }]);
  assert.equal(shared.downloads, true);
  assert.deepEqual(shared.filters.map((f) => [f.mode, f.options_source, f.options.length, f.default]),
    [['free', 'static', 1, null], ['free', 'dynamic', 0, null], ['free', null, 0, '2025-01-01']]);
});

test('audit filters become the query; actors read as who', () => {
  assert.deepEqual(auditQuery({ type: ' share.created,  share.revoked ', share_id: ' abc ', actor: '', limit: '100' }),
    { type: 'share.created,share.revoked', share_id: 'abc', limit: '100' });
  assert.match(auditQuery({ from: '2026-01-02T03:04' }).from, /^2026-01-0\dT\d\d:04:00\.000Z$/);
  assert.equal(actorText({ type: 'email', email: 'a@b.test' }), 'a@b.test');
  assert.equal(actorText({ type: 'api_key', id: '1', name: 'ci' }), 'API key ci');
  assert.equal(actorText(null), '—');
});

test('the snippets use the newest active key; number values stay exact', () => {
  assert.equal(signingKey([{ kid: 'a', active: true, created_at: '2026-01-01T00:00:00Z' },
    { kid: 'b', active: true, created_at: '2026-02-01T00:00:00Z' }, { kid: 'c', active: false, created_at: '2026-03-01T00:00:00Z' }]).kid, 'b');
  assert.equal(signingKey([]), null);
  assert.equal(numberValue('12.5'), 12.5);
  assert.equal(numberValue('12.50'), '12.50');
  assert.equal(numberValue('12345678901234567.89'), '12345678901234567.89');
});
