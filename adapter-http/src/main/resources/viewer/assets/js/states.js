// Full-page states: a link that no longer works, a dashboard that needs a sign-in, a failure.
import { h, clear, announce } from './dom.js';

export function showState(root, { title, message, action, detail, kind = 'info' }) {
  clear(root);
  const headingId = 'state-title';
  root.append(h('section', { class: `state state--${kind}`, 'aria-labelledby': headingId, dataset: { state: kind } },
    h('h1', { id: headingId }, title),
    h('p', {}, message),
    action ? h('p', {}, h('a', { class: 'button', href: action.href }, action.text)) : null,
    detail ? h('p', { class: 'muted state-detail' }, detail) : null));
  document.title = title;
  announce(title);
  root.focus({ preventScroll: true });
}

/** The full-page state for an API failure that ends the page (TOKEN_INVALID, AUTH_REQUIRED, ...). */
export function showFailure(root, error, { what = 'link' } = {}) {
  if (error.code === 'TOKEN_INVALID') {
    showState(root, {
      kind: 'token-invalid',
      title: what === 'embed' ? 'This dashboard is not available' : 'This link does not work any more',
      message: what === 'embed'
        ? 'The embedded dashboard could not be opened: its access has expired or been withdrawn. Reloading the page may help.'
        : 'It may have been revoked, it may have expired, or it may be mistyped. Ask whoever shared it with you for a new link.',
    });
  } else if (error.code === 'AUTH_REQUIRED') {
    const slug = error.companySlug;
    showState(root, {
      kind: 'auth-required',
      title: 'Sign in to see this dashboard',
      message: 'This dashboard is shared with specific people. Sign in with your email address to open it.',
      action: slug ? { href: `/portal/${encodeURIComponent(slug)}`, text: 'Sign in' } : null,
    });
  } else {
    showState(root, {
      kind: 'error',
      title: 'The dashboard could not be loaded',
      message: error.message || 'Something went wrong. Try again in a moment.',
      detail: error.requestId ? `Reference: ${error.requestId}` : null,
    });
  }
}

export const ENDS_PAGE = new Set(['TOKEN_INVALID', 'AUTH_REQUIRED']);
