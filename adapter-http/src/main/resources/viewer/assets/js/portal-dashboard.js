// One dashboard in the portal, seen through one share context: the shared dashboard view with
// the portal's api (the context on every call, the session's token) and a way back to the list.
import { seg } from './api.js';
import { dashboardApi } from './dashboard-api.js';
import { h } from './dom.js';
import { mountDashboard } from './dashboard.js';
import { showState } from './states.js';
import { formatRoute } from './portal-router.js';

/**
 * @param ctx {session, portalApi, sessionEnded(error) => handled}
 * @param route {dashboard, context} from parseRoute
 */
export function dashboardView(ctx, route) {
  const api = dashboardApi({
    base: `${ctx.portalApi}/${seg(route.dashboard)}`,
    scope: { context_id: route.context },
    call: (method, url, options) => ctx.session.call(method, url, options),
  });
  const list = formatRoute({ view: 'list' });
  return {
    loading: 'Loading the dashboard…',
    load: (signal) => api.resolve(signal),
    render(root, shared) {
      const back = h('p', { class: 'back' }, h('a', { href: list, class: 'back-link' }, '← All dashboards'),
        shared.context ? h('span', { class: 'dash-meta through' }, ' · Shared through ', shared.context.name) : null);
      const dashboard = mountDashboard(root, shared, api, {
        before: back,
        onFatal: (e) => {
          if (!ctx.sessionEnded(e)) showState(root, { kind: 'error', title: 'The dashboard could not be loaded', message: e.message });
        },
      });
      root.focus({ preventScroll: true });
      return dashboard;
    },
    fail(root, e) {
      if (ctx.sessionEnded(e)) return;
      showState(root, {
        kind: 'error',
        title: 'This dashboard is not available',
        message: e.code === 'INVALID_CONTEXT_ID' || e.status === 404
          ? 'It is not shared with you (any more) through this group.'
          : e.message,
        action: { href: list, text: 'All dashboards' },
      });
    },
  };
}
