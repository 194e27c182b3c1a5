// GET /portal/{company_slug}: email -> one-time code -> the dashboards shared with this person ->
// one dashboard in one of its share contexts (guide flow 2). This module holds the page: its
// session, header and the choice of view; the routes are in portal-router.js, the views in
// portal-sign-in.js, portal-list.js and portal-dashboard.js.
import { seg } from './api.js';
import { announce, pathSegment } from './dom.js';
import { PortalSession } from './session.js';
import { createViewHost, parseRoute, parseSignIn } from './portal-router.js';
import { codeView, emailView } from './portal-sign-in.js';
import { listView } from './portal-list.js';
import { dashboardView } from './portal-dashboard.js';

const ENDED = 'Your session has ended. Sign in again to continue.';
const BRAND = 'Shared dashboards';

const nav = document.getElementById('portal-nav');
const signedInAs = document.getElementById('signed-in-as');
const brand = document.getElementById('portal-brand');
const company = pathSegment(2);
const host = createViewHost(document.getElementById('main'));

let notice = null;
const session = new PortalSession(company, {
  onEnded: () => {
    notice = ENDED;
    route();
  },
});

function show(view) {
  nav.hidden = !session.signedIn;
  signedInAs.textContent = session.email ? `Signed in as ${session.email}` : '';
  return host.show(view);
}

const ctx = {
  company,
  session,
  portalApi: `/api/v1/share-portal/${seg(company)}/dashboards`,
  takeNotice() {
    const text = notice;
    notice = null;
    return text;
  },
  setBrand(owner) {
    if (owner) brand.textContent = `${owner.name} · shared dashboards`;
  },
  showEmail: (prefill) => show(emailView(ctx, prefill)),
  showCode: (email, code) => show(codeView(ctx, email, code)),
  signedIn(answer, email) {
    session.store(answer, email);
    announce('Signed in.');
    route();
  },
  /** A refused share-access token ends the session: back to the email form, saying why. */
  sessionEnded(e) {
    if (e.code !== 'TOKEN_INVALID') return false;
    session.clear();
    notice = ENDED;
    route();
    return true;
  },
};

function route() {
  const link = parseSignIn(window.location.hash);
  if (link) {
    // The code must not stay in the address bar, the history or a bookmark.
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
    return ctx.showCode(link.email, link.code);
  }
  if (!session.signedIn) return ctx.showEmail();
  const where = parseRoute(window.location.hash);
  return show(where.view === 'dashboard' ? dashboardView(ctx, where) : listView(ctx));
}

async function signOut(everywhere) {
  host.unmount();
  await session.logout({ everywhere });
  if (window.location.hash) window.history.replaceState(null, '', window.location.pathname);
  brand.textContent = BRAND;
  ctx.showEmail();
  announce(everywhere ? 'Signed out on every device.' : 'Signed out.');
}

document.getElementById('logout').addEventListener('click', () => signOut(false));
document.getElementById('logout-everywhere').addEventListener('click', () => signOut(true));
window.addEventListener('hashchange', route);
route();
