// The console's routes: real paths under /console (the server answers the same shell on each,
// PageController), so that Back, reload and bookmarks work. parseRoute and hrefOf are inverses.

const ID = /^[0-9a-fA-F-]{36}$/;
const ADMIN_PAGES = { owners: 'owners', 'api-keys': 'api-keys', audit: 'audit' };

/** location.pathname -> {view, id?} ('not-found' for anything else). */
export function parseRoute(pathname) {
  const parts = String(pathname || '').replace(/\/+$/, '').split('/').slice(1);
  if (parts[0] !== 'console') return { view: 'not-found' };
  const [, section, id, sub] = parts;
  if (!section) return { view: 'dashboards' };
  if (section === 'sign-in' && !id) return { view: 'sign-in' };
  if (section === 'account' && !id) return { view: 'account' };
  if (section === 'embed' && !id) return { view: 'embed' };
  if (section === 'dashboards') {
    if (!id) return { view: 'dashboards' };
    if (id === 'new' && !sub) return { view: 'dashboard-new' };
    if (ID.test(id) && !sub) return { view: 'dashboard', id: id.toLowerCase() };
    if (ID.test(id) && sub === 'edit') return { view: 'dashboard-edit', id: id.toLowerCase() };
  }
  if (section === 'contexts') {
    if (!id) return { view: 'contexts' };
    if (ID.test(id) && !sub) return { view: 'context', id: id.toLowerCase() };
  }
  if (section === 'admin' && ADMIN_PAGES[id] && !sub) return { view: ADMIN_PAGES[id] };
  return { view: 'not-found' };
}

/** The path of a route. */
export function hrefOf(route) {
  switch (route.view) {
    case 'sign-in': return '/console/sign-in';
    case 'account': return '/console/account';
    case 'embed': return '/console/embed';
    case 'dashboard-new': return '/console/dashboards/new';
    case 'dashboard': return `/console/dashboards/${route.id}`;
    case 'dashboard-edit': return `/console/dashboards/${route.id}/edit`;
    case 'contexts': return '/console/contexts';
    case 'context': return `/console/contexts/${route.id}`;
    case 'owners': return '/console/admin/owners';
    case 'api-keys': return '/console/admin/api-keys';
    case 'audit': return '/console/admin/audit';
    default: return '/console/dashboards';
  }
}

/** Views only an admin may open: the links are not shown to other roles (and the API refuses them). */
export const ADMIN_VIEWS = new Set(['owners', 'api-keys', 'audit']);

/**
 * Where to go after signing in: the page the person was sent away from, if it is a console page
 * (never another site, never the sign-in page itself).
 */
export function afterSignIn(next) {
  const route = parseRoute(next);
  if (route.view === 'not-found' || route.view === 'sign-in') return '/console/dashboards';
  return hrefOf(route);
}
