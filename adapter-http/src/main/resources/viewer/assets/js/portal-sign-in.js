// The portal's two sign-in views: the email form, then the one-time code form. Their errors
// show at the field, take focus and are announced: the person just pressed the form's button.
import { request } from './api.js';
import { h, announce } from './dom.js';
import { createField } from './fields.js';

function throttledMessage(e) {
  return e.retryAfter ? `Too many attempts. Try again in ${e.retryAfter} seconds.` : 'Too many attempts. Try again a little later.';
}

/**
 * The form of one field and a submit button: check() gives a message for what cannot be sent (or
 * null), send() makes the request, done(answer) moves on; a failure's message(e) shows at the
 * field and the button works again.
 */
function authForm({ id, label, input, hint, button, busyText, titleId, check, send, done, message }) {
  input.id = id;
  const field = createField({ id, label, control: input, hint });
  const submit = h('button', { type: 'submit', class: 'button' }, button);
  const form = h('form', { class: 'auth-form', novalidate: true, 'aria-labelledby': titleId }, field.element, submit);
  const fail = (text) => {
    field.setError(text);
    input.focus();
    announce(text);
  };
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    field.clearError();
    const value = input.value.trim();
    const problem = check(value);
    if (problem) {
      fail(problem);
      return;
    }
    submit.disabled = true;
    submit.textContent = busyText;
    try {
      done(await send(value), value);
    } catch (e) {
      fail(message(e));
      submit.disabled = false;
      submit.textContent = button;
    }
  });
  return form;
}

/**
 * @param ctx {company, takeNotice() => text|null, showCode(email)}
 * @param prefill the email to start with
 */
export function emailView(ctx, prefill = '') {
  return {
    render(root) {
      document.title = 'Sign in · shared dashboards';
      const input = h('input', { type: 'email', name: 'email', class: 'input', autocomplete: 'email', required: true, spellcheck: 'false' });
      input.value = prefill;
      const notice = ctx.takeNotice();
      root.append(h('section', { class: 'auth-card', 'aria-labelledby': 'login-title' },
        h('h1', { id: 'login-title' }, 'Sign in to see dashboards shared with you'),
        notice ? h('p', { class: 'notice', role: 'status' }, notice) : null,
        h('p', {}, 'Enter your email address. If dashboards are shared with it, we will email you a one-time code.'),
        authForm({
          id: 'portal-email', label: 'Email address', input, button: 'Send me a code', busyText: 'Sending…', titleId: 'login-title',
          check: (value) => (/^[^\s@]+@[^\s@]+$/.test(value) ? null : 'Enter an email address such as name@example.com.'),
          send: (value) => request('POST', '/api/v1/share-auth/request', { body: { company_slug: ctx.company, email: value } }),
          done: (answer, value) => ctx.showCode(value),
          message: (e) => (e.status === 429 ? throttledMessage(e) : e.message),
        })));
      input.focus();
    },
  };
}

/**
 * @param ctx {company, showEmail(prefill), signedIn(answer, email)}
 * @param email where the code went
 * @param prefill the code of a mail's sign-in link: filled in, but sent only when the button is pressed
 */
export function codeView(ctx, email, prefill = '') {
  return {
    render(root) {
      document.title = 'Enter your code · shared dashboards';
      const input = h('input', {
        type: 'text', name: 'code', class: 'input input--code', inputmode: 'numeric', autocomplete: 'one-time-code',
        required: true, spellcheck: 'false', maxlength: '20',
      });
      input.value = prefill;
      root.append(h('section', { class: 'auth-card', 'aria-labelledby': 'code-title' },
        h('h1', { id: 'code-title' }, prefill ? 'Sign in' : 'Check your email'),
        prefill
          ? h('p', {}, 'Signing in as ', h('strong', {}, email), ' with the code from your email.')
          : h('p', {}, 'If ', h('strong', {}, email), ' may see dashboards here, a code is on its way to it.'),
        authForm({
          id: 'portal-code', label: 'One-time code', input, hint: 'Eight digits, for example 1234-5678. It is valid for 10 minutes.',
          button: 'Sign in', busyText: 'Signing in…', titleId: 'code-title',
          check: (value) => (value ? null : 'Enter the code from the email.'),
          send: (value) => request('POST', '/api/v1/share-auth/verify', { body: { company_slug: ctx.company, email, code: value } }),
          done: (answer) => ctx.signedIn(answer, email),
          message: (e) => (e.code === 'CODE_INVALID'
            ? 'That code is wrong, used or expired. Check the email, or ask for a new code.'
            : e.status === 429 ? throttledMessage(e) : e.message),
        }),
        h('p', { class: 'auth-alt' },
          h('button', { type: 'button', class: 'button button--quiet', onclick: () => ctx.showEmail(email) }, 'Use another email address'))));
      if (prefill) {
        announce('The code from your email is filled in. Press Sign in.');
        root.querySelector('button[type="submit"]').focus();
      } else {
        announce('A code is on its way if this email may see dashboards. Enter it to sign in.');
        input.focus();
      }
    },
  };
}
