import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from '../../main/resources/viewer/assets/js/api.js';
import { OwnerSession, TOKEN_KEY } from '../../main/resources/viewer/assets/js/console/owner-session.js';

function storage() {
  const map = new Map();
  return { getItem: (k) => (map.has(k) ? map.get(k) : null), setItem: (k, v) => map.set(k, String(v)), removeItem: (k) => map.delete(k), map };
}

test('the token goes only in the Authorization header, and a 401 ends the session once', async () => {
  const store = storage();
  const sent = [];
  const ended = [];
  let answer = { ok: true };
  const session = new OwnerSession(store, {
    onExpired: (e) => ended.push(e.code),
    send: async (method, url, options) => {
      sent.push({ method, url, options });
      if (answer instanceof Error) throw answer;
      return answer;
    },
  });
  assert.equal(session.signedIn, false);
  session.store({ access_token: 'tok', expires_in: 3600 });
  assert.equal(store.getItem(TOKEN_KEY), 'tok');
  assert.deepEqual(await session.call('GET', '/api/v1/dashboards', { body: { a: 1 } }), { ok: true });
  assert.deepEqual(sent[0].options.headers, { Authorization: 'Bearer tok' });
  assert.ok(!sent[0].url.includes('tok'));

  answer = new ApiError(403, { error_code: 'FORBIDDEN' });
  await assert.rejects(session.call('GET', '/x'), (e) => e.code === 'FORBIDDEN');
  assert.equal(session.signedIn, true, 'a 403 is no reason to sign out');

  answer = new ApiError(401, { error_code: 'TOKEN_INVALID' });
  await assert.rejects(session.call('GET', '/x'));
  assert.equal(session.signedIn, false);
  assert.deepEqual(ended, ['TOKEN_INVALID']);
});

test('a token past its lifetime is not sent at all', async () => {
  const store = storage();
  const ended = [];
  let sent = 0;
  const session = new OwnerSession(store, { onExpired: () => ended.push(1), send: async () => { sent += 1; } });
  session.store({ access_token: 'tok', expires_in: 1 });
  assert.equal(session.expired(Date.now() + 2000), true);
  store.setItem('dashshare.console.expires-at', String(Date.now() - 1));
  await assert.rejects(session.call('GET', '/x'), (e) => e.status === 401);
  assert.equal(sent, 0);
  assert.deepEqual(ended, [1]);
});

test('a token stored by the invite page alone (no expiry) is used', async () => {
  const store = storage();
  store.setItem(TOKEN_KEY, 'from-invite');
  const seen = [];
  const session = new OwnerSession(store, { send: async (m, u, o) => { seen.push(o.headers.Authorization); return {}; } });
  await session.call('GET', '/api/v1/auth/me');
  assert.deepEqual(seen, ['Bearer from-invite']);
});

test('signing out forgets the token before telling the server', async () => {
  const store = storage();
  const calls = [];
  const session = new OwnerSession(store, { send: async (m, u, o) => { calls.push([m, u, o.headers.Authorization, store.getItem(TOKEN_KEY)]); } });
  session.store({ access_token: 'tok', expires_in: 60 });
  await session.logout();
  assert.deepEqual(calls, [['POST', '/api/v1/auth/logout', 'Bearer tok', null]]);
});
