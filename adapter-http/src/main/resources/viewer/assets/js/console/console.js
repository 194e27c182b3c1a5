// GET /console/...: the owners' console (docs/console.md). This module holds the page: the owner
// session, the navigation (links for admins only where only admins may go), and the choice of
// view by path; each view is its own module and talks to the owner API only.
import { h, clear, announce } from '../dom.js';
import { createViewHost } from '../portal-router.js';
import { showState } from '../states.js';
import { OwnerSession } from './owner-session.js';
import { ADMIN_VIEWS, afterSignIn, hrefOf, parseRoute } from './router.js';
import { accountView, signInView } from './auth.js';
import { dashboardsView, dashboardView, editorView } from './dashboards.js';
import { contextsView, contextView } from './contexts.js';
import { embedView } from './embedding.js';
import { apiKeysView, ownersView } from './team.js';
import { auditView } from './audit.js';

const NEXT_KEY = 'dashshare.console.next';
const EXPIRED = 'Your session has ended (it expired, or you were signed out). Sign in again to continue.';

const main = document.getElementById('main');
const nav = document.getElementById('console-nav');
const host = createViewHost(main);
let notice = null;
let ending = false;

const session = new OwnerSession(window.sessionStorage, {
  onExpired: () => {
    if (ending) return;
    ending = true;
    notice = EXPIRED;
    remember(window.location.pathname + window.location.search);
    go('/console/sign-in', { replace: true });
  },
});

function remember(path) {
  try {
    window.sessionStorage.setItem(NEXT_KEY, path);
  } catch (e) {
    // not kept: the person lands on the dashboards
  }
}

function takeNext() {
  try {
    const next = window.sessionStorage.getItem(NEXT_KEY);
    window.sessionStorage.removeItem(NEXT_KEY);
    return next;
  } catch (e) {
    return null;
  }
}

/** Moves to another console path without a page load. */
function go(href, { replace = false } = {}) {
  if (replace) window.history.replaceState(null, '', href);
  else window.history.pushState(null, '', href);
  route();
}

const LINKS = [
  { view: 'dashboards', text: 'Dashboards', also: ['dashboard', 'dashboard-new', 'dashboard-edit'] },
  { view: 'contexts', text: 'Share contexts', also: ['context'] },
  { view: 'embed', text: 'Embed' },
  { view: 'owners', text: 'Owners', admin: true },
  { view: 'api-keys', text: 'API keys', admin: true },
  { view: 'audit', text: 'Audit log', admin: true },
];

function renderNav(me, where) {
  clear(nav);
  nav.hidden = !me;
  if (!me) return;
  const links = LINKS.filter((l) => !l.admin || me.role === 'admin').map((l) => {
    const current = l.view === where.view || (l.also || []).includes(where.view);
    return h('li', {}, h('a', { href: hrefOf({ view: l.view }), class: 'console-link', 'aria-current': current ? 'page' : null, dataset: { nav: l.view } }, l.text));
  });
  const signOut = h('button', { type: 'button', class: 'button button--quiet', id: 'sign-out' }, 'Sign out');
  signOut.addEventListener('click', async () => {
    await session.logout();
    notice = 'You are signed out.';
    go('/console/sign-in');
  });
  nav.append(
    h('ul', { class: 'console-links' }, links),
    h('div', { class: 'console-account' },
      h('span', { class: 'signed-in-as', id: 'signed-in-as' }, `${me.email} · ${me.role} · ${me.company.name}`),
      h('a', { href: hrefOf({ view: 'account' }), class: 'console-link', 'aria-current': where.view === 'account' ? 'page' : null }, 'Account'),
      signOut));
}

const ctx = {
  session,
  go,
  get me() {
    return session.me;
  },
  takeNotice() {
    const text = notice;
    notice = null;
    return text;
  },
  signedIn(answer) {
    session.store(answer);
    ending = false;
    announce('Signed in.');
    go(afterSignIn(takeNext()), { replace: true });
  },
};

const VIEWS = {
  dashboards: dashboardsView,
  dashboard: dashboardView,
  'dashboard-new': editorView,
  'dashboard-edit': editorView,
  contexts: contextsView,
  context: contextView,
  embed: embedView,
  account: accountView,
  owners: ownersView,
  'api-keys': apiKeysView,
  audit: auditView,
};

async function route() {
  const where = parseRoute(window.location.pathname);
  if (where.view === 'sign-in') {
    renderNav(null, where);
    if (session.signedIn && !notice) {
      go('/console/dashboards', { replace: true });
      return;
    }
    host.show(signInView(ctx));
    return;
  }
  if (!session.signedIn) {
    remember(window.location.pathname + window.location.search);
    window.history.replaceState(null, '', '/console/sign-in');
    route();
    return;
  }
  ending = false;
  let me;
  try {
    me = await session.whoAmI();
  } catch (e) {
    if (e.status !== 401) showState(main, { kind: 'error', title: 'The console could not be loaded', message: e.message });
    return;
  }
  renderNav(me, where);
  if (where.view === 'not-found' || (ADMIN_VIEWS.has(where.view) && me.role !== 'admin')) {
    host.unmount();
    showState(main, {
      kind: 'error',
      title: where.view === 'not-found' ? 'There is no such page' : 'For admins only',
      message: where.view === 'not-found' ? 'The address does not name a console page.' : 'Only an admin of your company may open this page.',
      action: { href: '/console/dashboards', text: 'Dashboards' },
    });
    return;
  }
  await host.show(VIEWS[where.view](ctx, where));
}

// Links inside the console move without a page load; other links (the invite page, viewer pages) load.
document.addEventListener('click', (event) => {
  const link = event.target.closest && event.target.closest('a[href]');
  if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  if (link.target || link.hasAttribute('download')) return;
  const url = new URL(link.href, window.location.href);
  if (url.origin !== window.location.origin || !url.pathname.startsWith('/console') || url.pathname.startsWith('/console/invite')) return;
  if (parseRoute(url.pathname).view === 'not-found') return;
  event.preventDefault();
  go(url.pathname + url.search);
});
window.addEventListener('popstate', route);

route();
