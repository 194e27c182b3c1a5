import { test } from 'node:test';
import assert from 'node:assert/strict';
import { passwordProblem, readToken } from '../../main/resources/viewer/assets/js/invite.js';

test('the token is read from the fragment once and the address bar is cleaned', () => {
  const replaced = [];
  const history = { replaceState: (state, title, url) => replaced.push(url) };
  assert.equal(readToken({ hash: '#abc_DEF-123', pathname: '/console/invite' }, history), 'abc_DEF-123');
  assert.deepEqual(replaced, ['/console/invite']);
  assert.equal(readToken({ hash: '', pathname: '/console/invite' }, history), '');
  assert.equal(replaced.length, 1);
});

test('length is counted in characters and both entries must match', () => {
  assert.match(passwordProblem('short', 'short'), /12 characters/);
  assert.equal(passwordProblem('é'.repeat(12), 'é'.repeat(12)), null);
  assert.match(passwordProblem('x'.repeat(257), 'x'.repeat(257)), /256/);
  assert.match(passwordProblem('a good long password', 'a good long passwort'), /differ/);
  assert.equal(passwordProblem('a good long password', 'a good long password'), null);
});
