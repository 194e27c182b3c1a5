// Signing in (POST /api/v1/auth/login, with the company's slug when the email is an owner in
// several companies) and changing the password (POST /api/v1/auth/password). The invite page
// (/console/invite, invite.js) sets the first password.
import { h, announce } from '../dom.js';
import { request } from '../api.js';
import { clearErrors, inputField, pageHeader, say, showError } from './ui.js';

export const PASSWORD_REASONS = {
  too_short: 'Use at least 12 characters.',
  too_long: 'Use at most 256 characters.',
  is_email: 'Your password must not be your email address.',
  common: 'This password is one of the most common ones. Choose another, for example a few unrelated words.',
  wrong: 'This is not your current password.',
};

/** The text for a refused login (docs/api.md, auth). */
export function loginProblem(e) {
  if (e.code === 'RATE_LIMITED') {
    const minutes = Math.max(1, Math.ceil((e.retryAfter || 60) / 60));
    return `Too many attempts. Try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`;
  }
  if (e.status === 401) return 'The email address or the password is not right.';
  if (e.details && e.details.reason === 'company_slug_required') {
    return 'This email address belongs to more than one company: enter the company you want to sign in to.';
  }
  return e.message;
}

export function signInView(ctx) {
  return {
    render(root) {
      document.title = 'Sign in · Console';
      const email = inputField({ label: 'Email address', type: 'email', name: 'email', autocomplete: 'username', required: true });
      const password = inputField({ label: 'Password', type: 'password', name: 'password', autocomplete: 'current-password', required: true });
      const company = inputField({ label: 'Company', name: 'company_slug', hint: 'The company’s short name in its links, such as acme.' });
      company.field.element.hidden = true;
      const slot = h('div', { class: 'form-slot' });
      const submit = h('button', { type: 'submit', class: 'button' }, 'Sign in');
      const form = h('form', { class: 'auth-form', novalidate: true, 'aria-labelledby': 'page-title', id: 'sign-in-form' },
        slot, email.field.element, password.field.element, company.field.element, submit);
      const fields = { email: email.field, password: password.field, company_slug: company.field };
      form.addEventListener('submit', async (event) => {
        event.preventDefault();
        clearErrors(fields, slot);
        if (!email.input.value.trim() || !password.input.value) {
          say(slot, 'Enter your email address and your password.', 'error');
          (email.input.value.trim() ? password.input : email.input).focus();
          return;
        }
        const body = { email: email.input.value.trim(), password: password.input.value };
        if (!company.field.element.hidden && company.input.value.trim()) body.company_slug = company.input.value.trim().toLowerCase();
        submit.disabled = true;
        try {
          ctx.signedIn(await request('POST', '/api/v1/auth/login', { body }));
        } catch (e) {
          submit.disabled = false;
          if (e.details && e.details.reason === 'company_slug_required') {
            company.field.element.hidden = false;
            company.field.setError(loginProblem(e));
            company.input.focus();
            announce(loginProblem(e));
            return;
          }
          showError(e, { fields: e.details && e.details.field === 'company_slug' ? fields : {}, slot, describe: loginProblem });
          password.input.focus();
        }
      });
      const notice = ctx.takeNotice();
      root.append(h('section', { class: 'auth-card', 'aria-labelledby': 'page-title' },
        h('h1', { id: 'page-title' }, 'Sign in to the console'),
        notice ? h('p', { class: 'notice', role: 'status', id: 'sign-in-notice' }, notice) : null,
        form,
        h('p', { class: 'auth-alt muted' }, 'Invited by a colleague? Open the link in the invitation email to choose your password first.')));
      if (notice) announce(notice);
      email.input.focus();
    },
  };
}

export function accountView(ctx) {
  return {
    render(root) {
      document.title = 'Account · Console';
      const me = ctx.me;
      const current = inputField({ label: 'Current password', type: 'password', name: 'current_password', autocomplete: 'current-password' });
      const next = inputField({ label: 'New password', type: 'password', name: 'new_password', autocomplete: 'new-password',
        hint: 'At least 12 characters. A few unrelated words make a strong password that is easy to remember.' });
      const again = inputField({ label: 'The new password again', type: 'password', name: 'confirm_password', autocomplete: 'new-password' });
      const slot = h('div', { class: 'form-slot' });
      const submit = h('button', { type: 'submit', class: 'button' }, 'Change password');
      const fields = { current_password: current.field, new_password: next.field, password: next.field, confirm: again.field };
      const form = h('form', { class: 'auth-form', novalidate: true, 'aria-labelledby': 'password-title' },
        slot, current.field.element, next.field.element, again.field.element, submit);
      form.addEventListener('submit', async (event) => {
        event.preventDefault();
        clearErrors(fields, slot);
        if ([...next.input.value].length < 12) {
          next.field.setError(PASSWORD_REASONS.too_short);
          next.input.focus();
          return;
        }
        if (next.input.value !== again.input.value) {
          again.field.setError('The two new passwords differ.');
          again.input.focus();
          return;
        }
        submit.disabled = true;
        try {
          await ctx.session.call('POST', '/api/v1/auth/password',
            { body: { current_password: current.input.value, new_password: next.input.value } });
          form.reset();
          say(slot, 'Your password is changed. Your other sessions are signed out; this one goes on.', 'success');
        } catch (e) {
          const target = showError(e, { fields, slot, describe: (err) => (err.details && PASSWORD_REASONS[err.details.reason]) || loginProblem(err) });
          if (target === current.field) current.input.focus();
          else if (target) next.input.focus();
        } finally {
          submit.disabled = false;
        }
      });
      root.append(pageHeader('Account', { lead: me ? `${me.email}, ${me.role} of ${me.company.name} (${me.company.slug}).` : null }),
        h('section', { class: 'panel', 'aria-labelledby': 'password-title' },
          h('h2', { id: 'password-title' }, 'Change your password'),
          form));
      root.querySelector('h1').focus();
    },
  };
}
