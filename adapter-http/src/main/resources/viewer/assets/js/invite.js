// The invite link's page (docs/api.md, owners): the token travels in the URL's fragment, which no
// server and no log ever sees; it is read once and removed from the address bar and history.
// The invited owner chooses a password; the API's password rules answer at the field.
import { request } from './api.js';
import { h, clear, announce } from './dom.js';
import { createField } from './fields.js';

const REASONS = {
  too_short: 'Use at least 12 characters.',
  too_long: 'Use at most 256 characters.',
  is_email: 'Your password must not be your email address.',
  common: 'This password is one of the most common ones. Choose another, for example a few unrelated words.',
};

/** The session the console continues with (docs/api.md, auth). */
const SESSION_KEY = 'dashshare.console.access-token';

export function readToken(location, history) {
  const token = location.hash.length > 1 ? decodeURIComponent(location.hash.slice(1)) : '';
  if (token) history.replaceState(null, '', location.pathname);
  return token;
}

export function passwordProblem(password, confirmation) {
  if ([...password].length < 12) return REASONS.too_short;
  if ([...password].length > 256) return REASONS.too_long;
  if (password !== confirmation) return 'The two passwords differ.';
  return null;
}

function invalidLink(root) {
  root.append(h('section', { class: 'auth-card', 'aria-labelledby': 'invite-title' },
    h('h1', { id: 'invite-title' }, 'This invitation link does not work'),
    h('p', {}, 'It may have been used already, replaced by a newer invitation, or be older than 7 days. '
      + 'Ask an admin of your company to invite you again.')));
}

async function welcome(root, answer) {
  try {
    sessionStorage.setItem(SESSION_KEY, answer.access_token);
  } catch (e) {
    // Storage refused (private mode): the account is ready all the same.
  }
  let me = null;
  try {
    me = await request('GET', '/api/v1/auth/me', { headers: { Authorization: `Bearer ${answer.access_token}` } });
  } catch (e) {
    me = null;
  }
  clear(root);
  root.append(h('section', { class: 'auth-card', 'aria-labelledby': 'invite-title' },
    h('h1', { id: 'invite-title', tabindex: '-1' }, 'Your account is ready'),
    me ? h('p', {}, `You are signed in as ${me.email}, ${me.role} of ${me.company.name}.`) : null,
    h('p', {}, 'From now on, sign in with your email address and the password you just chose.'),
    h('p', {}, h('a', { class: 'button', href: '/console/dashboards', id: 'open-console' }, 'Open the console'))));
  root.querySelector('h1').focus();
  announce('Your account is ready.');
}

export function render(root, token) {
  clear(root);
  if (!token) {
    invalidLink(root);
    return;
  }
  const password = h('input', { type: 'password', name: 'new-password', class: 'input', autocomplete: 'new-password', required: true });
  const confirmation = h('input', { type: 'password', name: 'confirm-password', class: 'input', autocomplete: 'new-password', required: true });
  password.id = 'invite-password';
  confirmation.id = 'invite-confirm';
  const field = createField({ id: 'invite-password', label: 'Password', control: password,
    hint: 'At least 12 characters. A few unrelated words make a strong password that is easy to remember.' });
  const confirmField = createField({ id: 'invite-confirm', label: 'The same password again', control: confirmation });
  const submit = h('button', { type: 'submit', class: 'button' }, 'Set my password');
  const form = h('form', { class: 'auth-form', novalidate: true, 'aria-labelledby': 'invite-title' },
    field.element, confirmField.element, submit);
  const fail = (text) => {
    field.setError(text);
    password.focus();
    announce(text);
  };
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    field.clearError();
    const problem = passwordProblem(password.value, confirmation.value);
    if (problem) {
      fail(problem);
      return;
    }
    submit.disabled = true;
    submit.textContent = 'Saving…';
    try {
      await welcome(root, await request('POST', '/api/v1/auth/accept-invite', { body: { token, password: password.value } }));
    } catch (e) {
      submit.disabled = false;
      submit.textContent = 'Set my password';
      if (e.code === 'TOKEN_INVALID') {
        clear(root);
        invalidLink(root);
        return;
      }
      fail((e.details && REASONS[e.details.reason]) || e.message);
    }
  });
  root.append(h('section', { class: 'auth-card', 'aria-labelledby': 'invite-title' },
    h('h1', { id: 'invite-title' }, 'Accept your invitation'),
    h('p', {}, 'Choose the password you will sign in with.'),
    form));
  password.focus();
}

if (typeof document !== 'undefined' && document.getElementById('main')) {
  const main = document.getElementById('main');
  render(main, readToken(window.location, window.history));
  // Another link pasted into this tab changes only the fragment: no new page load.
  window.addEventListener('hashchange', () => {
    const token = readToken(window.location, window.history);
    if (token) render(main, token);
  });
}
