// The portal's list: every dashboard shared with the signed-in person, once per share context
// it comes through.
import { h, announce } from './dom.js';
import { showState } from './states.js';
import { formatRoute } from './portal-router.js';

/** @param ctx {session, portalApi, setBrand(company), sessionEnded(error) => handled} */
export function listView(ctx) {
  return {
    loading: 'Loading your dashboards…',
    load: (signal) => ctx.session.call('GET', ctx.portalApi, { signal }),
    render(root, answer) {
      ctx.setBrand(answer.company);
      document.title = answer.company ? `${answer.company.name} · shared dashboards` : 'Shared dashboards';
      const entries = [];
      for (const board of answer.dashboards || []) {
        for (const context of board.contexts || []) entries.push({ board, context, many: board.contexts.length > 1 });
      }
      root.append(h('section', { class: 'portal-list', 'aria-labelledby': 'list-title' },
        h('h1', { id: 'list-title' }, 'Dashboards shared with you'),
        entries.length
          ? h('ul', { class: 'dash-list' }, entries.map(({ board, context, many }) => h('li', { class: 'dash-item' },
            h('a', { href: formatRoute({ view: 'dashboard', dashboard: board.slug, context: context.id }), class: 'dash-link' },
              h('span', { class: 'dash-link-title' }, board.name),
              many ? h('span', { class: 'dash-link-context' }, ` (${context.name})`) : null),
            board.description ? h('p', { class: 'muted' }, board.description) : null,
            h('p', { class: 'dash-meta' }, 'Shared through ', context.name))))
          : h('p', {}, 'No dashboards are shared with you at the moment.')));
      announce(`${entries.length} ${entries.length === 1 ? 'dashboard' : 'dashboards'} shared with you.`);
      root.focus({ preventScroll: true });
    },
    fail(root, e) {
      if (!ctx.sessionEnded(e)) showState(root, { kind: 'error', title: 'Your dashboards could not be loaded', message: e.message });
    },
  };
}
