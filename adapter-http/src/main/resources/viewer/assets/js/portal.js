// GET /portal/{company_slug}: email -> one-time code -> the dashboards shared with this person ->
// one dashboard in one of its share contexts (guide flow 2). Views are hash routes of one page:
// '' = the list, '#dashboard=<slug>&context=<id>' = a dashboard.
import { request, seg, withQuery } from './api.js';
import { h, clear, announce, pathSegment } from './dom.js';
import { mountDashboard } from './dashboard.js';
import { showState } from './states.js';
import { PortalSession } from './session.js';

const main = document.getElementById('main');
const nav = document.getElementById('portal-nav');
const signedInAs = document.getElementById('signed-in-as');
const brand = document.getElementById('portal-brand');
const company = pathSegment(2);
const portalApi = `/api/v1/share-portal/${seg(company)}/dashboards`;

let current = null;
let endedNotice = null;
const session = new PortalSession(company, {
  onEnded: () => {
    endedNotice = 'Your session has ended. Sign in again to continue.';
    route();
  },
});

function setNav() {
  nav.hidden = !session.signedIn;
  signedInAs.textContent = session.email ? `Signed in as ${session.email}` : '';
}

function unmount() {
  if (current && current.destroy) current.destroy();
  current = null;
}

function fieldWithError(id, labelText, input, hint) {
  const error = h('p', { class: 'field-error', id: `${id}-error`, hidden: true });
  const hintEl = hint ? h('p', { class: 'field-hint', id: `${id}-hint` }, hint) : null;
  input.id = id;
  if (hintEl) input.setAttribute('aria-describedby', hintEl.id);
  const element = h('div', { class: 'field' }, h('label', { for: id }, labelText), hintEl, input, error);
  return {
    element,
    show(message) {
      error.textContent = message;
      error.hidden = false;
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', [hintEl && hintEl.id, error.id].filter(Boolean).join(' '));
      element.classList.add('field--invalid');
      input.focus();
      announce(message);
    },
    reset() {
      error.hidden = true;
      input.removeAttribute('aria-invalid');
      if (hintEl) input.setAttribute('aria-describedby', hintEl.id);
      else input.removeAttribute('aria-describedby');
      element.classList.remove('field--invalid');
    },
  };
}

function throttledMessage(e) {
  return e.retryAfter ? `Too many attempts. Try again in ${e.retryAfter} seconds.` : 'Too many attempts. Try again a little later.';
}

function showEmailStep(prefill = '') {
  unmount();
  setNav();
  clear(main);
  document.title = 'Sign in · shared dashboards';
  const input = h('input', { type: 'email', name: 'email', class: 'input', autocomplete: 'email', required: true, spellcheck: 'false' });
  input.value = prefill;
  const email = fieldWithError('portal-email', 'Email address', input);
  const button = h('button', { type: 'submit', class: 'button' }, 'Send me a code');
  const form = h('form', { class: 'auth-form', novalidate: true, 'aria-labelledby': 'login-title' },
    email.element, button);
  main.append(h('section', { class: 'auth-card', 'aria-labelledby': 'login-title' },
    h('h1', { id: 'login-title' }, 'Sign in to see dashboards shared with you'),
    endedNotice ? h('p', { class: 'notice', role: 'status' }, endedNotice) : null,
    h('p', {}, 'Enter your email address. If dashboards are shared with it, we will email you a one-time code.'),
    form));
  endedNotice = null;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    email.reset();
    const value = input.value.trim();
    if (!/^[^\s@]+@[^\s@]+$/.test(value)) {
      email.show('Enter an email address such as name@example.com.');
      return;
    }
    button.disabled = true;
    button.textContent = 'Sending…';
    try {
      await request('POST', '/api/v1/share-auth/request', { body: { company_slug: company, email: value } });
      showCodeStep(value);
    } catch (e) {
      email.show(e.status === 429 ? throttledMessage(e) : e.message);
      button.disabled = false;
      button.textContent = 'Send me a code';
    }
  });
  input.focus();
}

function showCodeStep(email) {
  clear(main);
  document.title = 'Enter your code · shared dashboards';
  const input = h('input', {
    type: 'text', name: 'code', class: 'input input--code', inputmode: 'numeric', autocomplete: 'one-time-code',
    required: true, spellcheck: 'false', maxlength: '20',
  });
  const code = fieldWithError('portal-code', 'One-time code', input, 'Eight digits, for example 1234-5678. It is valid for 10 minutes.');
  const button = h('button', { type: 'submit', class: 'button' }, 'Sign in');
  const form = h('form', { class: 'auth-form', novalidate: true, 'aria-labelledby': 'code-title' }, code.element, button);
  main.append(h('section', { class: 'auth-card', 'aria-labelledby': 'code-title' },
    h('h1', { id: 'code-title' }, 'Check your email'),
    h('p', {}, 'If ', h('strong', {}, email), ' may see dashboards here, a code is on its way to it.'),
    form,
    h('p', { class: 'auth-alt' },
      h('button', { type: 'button', class: 'button button--quiet', onclick: () => showEmailStep(email) }, 'Use another email address'))));
  announce('A code is on its way if this email may see dashboards. Enter it to sign in.');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    code.reset();
    const value = input.value.trim();
    if (!value) {
      code.show('Enter the code from the email.');
      return;
    }
    button.disabled = true;
    button.textContent = 'Signing in…';
    try {
      const answer = await request('POST', '/api/v1/share-auth/verify', { body: { company_slug: company, email, code: value } });
      session.store(answer, email);
      announce('Signed in.');
      route();
    } catch (e) {
      const message = e.code === 'CODE_INVALID'
        ? 'That code is wrong, used or expired. Check the email, or ask for a new code.'
        : e.status === 429 ? throttledMessage(e) : e.message;
      code.show(message);
      button.disabled = false;
      button.textContent = 'Sign in';
    }
  });
  input.focus();
}

function sessionFailure(e) {
  if (e.code === 'TOKEN_INVALID') {
    session.clear();
    endedNotice = 'Your session has ended. Sign in again to continue.';
    showEmailStep();
    return true;
  }
  return false;
}

async function showList() {
  unmount();
  setNav();
  clear(main);
  main.append(h('p', { class: 'page-loading' }, 'Loading your dashboards…'));
  let answer;
  try {
    answer = await session.call('GET', portalApi);
  } catch (e) {
    if (!sessionFailure(e)) showState(main, { kind: 'error', title: 'Your dashboards could not be loaded', message: e.message });
    return;
  }
  if (answer.company) brand.textContent = `${answer.company.name} · shared dashboards`;
  clear(main);
  document.title = answer.company ? `${answer.company.name} · shared dashboards` : 'Shared dashboards';
  const entries = [];
  for (const board of answer.dashboards || []) {
    for (const context of board.contexts || []) entries.push({ board, context, many: board.contexts.length > 1 });
  }
  main.append(h('section', { class: 'portal-list', 'aria-labelledby': 'list-title' },
    h('h1', { id: 'list-title' }, 'Dashboards shared with you'),
    entries.length
      ? h('ul', { class: 'dash-list' }, entries.map(({ board, context, many }) => h('li', { class: 'dash-item' },
        h('a', { href: `#${new URLSearchParams({ dashboard: board.slug, context: context.id })}`, class: 'dash-link' },
          h('span', { class: 'dash-link-title' }, board.name),
          many ? h('span', { class: 'dash-link-context' }, ` (${context.name})`) : null),
        board.description ? h('p', { class: 'muted' }, board.description) : null,
        h('p', { class: 'dash-meta' }, 'Shared through ', context.name))))
      : h('p', {}, 'No dashboards are shared with you at the moment.')));
  announce(`${entries.length} ${entries.length === 1 ? 'dashboard' : 'dashboards'} shared with you.`);
  main.focus({ preventScroll: true });
}

async function showDashboard(slug, contextId) {
  unmount();
  setNav();
  clear(main);
  main.append(h('p', { class: 'page-loading' }, 'Loading the dashboard…'));
  const base = `${portalApi}/${seg(slug)}`;
  const api = {
    execute: (parameters, signal) => session.call('POST', `${base}/execute`, { body: { context_id: contextId, parameters }, signal }),
    options: (filterSlug, search, signal) => session.call('GET',
      withQuery(`${base}/filters/${seg(filterSlug)}/options`, { context_id: contextId, search }), { signal }),
  };
  try {
    const shared = await session.call('GET', withQuery(base, { context_id: contextId }));
    const back = h('p', { class: 'back' }, h('a', { href: '#', class: 'back-link' }, '← All dashboards'),
      shared.context ? h('span', { class: 'dash-meta through' }, ' · Shared through ', shared.context.name) : null);
    current = mountDashboard(main, shared, api, {
      before: back,
      onFatal: (e) => { if (!sessionFailure(e)) showState(main, { kind: 'error', title: 'The dashboard could not be loaded', message: e.message }); },
    });
    main.focus({ preventScroll: true });
  } catch (e) {
    if (sessionFailure(e)) return;
    showState(main, {
      kind: 'error',
      title: 'This dashboard is not available',
      message: e.code === 'INVALID_CONTEXT_ID' || e.status === 404
        ? 'It is not shared with you (any more) through this group.'
        : e.message,
      action: { href: '#', text: 'All dashboards' },
    });
  }
}

function route() {
  if (!session.signedIn) {
    showEmailStep();
    return;
  }
  const params = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  if (params.get('dashboard') && params.get('context')) showDashboard(params.get('dashboard'), params.get('context'));
  else showList();
}

document.getElementById('logout').addEventListener('click', async () => {
  unmount();
  await session.logout();
  if (window.location.hash) window.history.replaceState(null, '', window.location.pathname);
  brand.textContent = 'Shared dashboards';
  showEmailStep();
  announce('Signed out.');
});
window.addEventListener('hashchange', route);
route();
