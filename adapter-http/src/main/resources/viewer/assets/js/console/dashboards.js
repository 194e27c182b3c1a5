// The dashboards: the list, one dashboard (the owner preview drawn by the viewer pages' own
// modules, dashboard.js with an owner api, and its shares), and the JSON editor for creating and
// editing one (PRODUCT document, docs/api.md#dashboards), whose INVALID_REQUEST answers are shown
// at the member they name.
import { h, clear, announce } from '../dom.js';
import { seg } from '../api.js';
import { dashboardApi } from '../dashboard-api.js';
import { mountDashboard } from '../dashboard.js';
import { showState } from '../states.js';
import { createField } from '../fields.js';
import { hrefOf } from './router.js';
import { confirmAction, dataTable, formatTime, pageHeader, say } from './ui.js';
import { locate, spans, JsonSyntaxError } from './json-locate.js';
import { sharesSection } from './shares.js';

export const canEdit = (me) => me && (me.role === 'admin' || me.role === 'editor');

export function dashboardsView(ctx) {
  return {
    loading: 'Loading the dashboards…',
    load: (signal) => ctx.session.call('GET', '/api/v1/dashboards', { signal }),
    render(root, answer) {
      document.title = 'Dashboards · Console';
      const boards = answer.dashboards || [];
      const actions = canEdit(ctx.me) ? [h('a', { class: 'button', href: hrefOf({ view: 'dashboard-new' }) }, 'New dashboard')] : [];
      root.append(pageHeader('Dashboards', { lead: 'Open a dashboard to preview it, share it or edit it.', actions }),
        dataTable({
          caption: 'Dashboards',
          columns: ['Name', 'Slug', 'Data source', 'Version', 'Updated'],
          rows: boards,
          rowData: (b) => ({ dashboard: b.slug }),
          cells: (b) => [h('a', { href: hrefOf({ view: 'dashboard', id: b.id }), class: 'dash-link' }, b.name), b.slug, b.data_source, String(b.version), formatTime(b.updated_at)],
          empty: 'No dashboards yet.',
        }));
      announce(`${boards.length} ${boards.length === 1 ? 'dashboard' : 'dashboards'}.`);
      root.querySelector('h1').focus();
    },
    fail: (root, e) => failed(root, e, 'The dashboards could not be loaded'),
  };
}

export function failed(root, e, title) {
  if (e.status === 401) return;
  showState(root, {
    kind: 'error',
    title: e.status === 404 ? 'Not found' : title,
    message: e.status === 404 ? 'It does not exist, or it was deleted.' : e.message,
    detail: e.requestId ? `Reference: ${e.requestId}` : null,
  });
}

/** The owner's dashboard document as the viewer modules' "shared dashboard" (every filter free). */
export function asShared(doc) {
  return {
    dashboard: {
      slug: doc.slug, name: doc.name, description: doc.description, version: doc.version,
      widgets: (doc.widgets || []).map((w) => ({ slug: w.slug, title: w.title, visualization: w.visualization })),
    },
    downloads: true,
    filters: (doc.filters || []).map((f) => {
      const source = f.options ? f.options.source : null;
      return {
        slug: f.slug, label: f.label, kind: f.kind, required: Boolean(f.required), mode: 'free',
        default: f.default === undefined ? null : f.default,
        allowed_values: [], options_source: source,
        options: source === 'static' ? f.options.values || [] : [],
      };
    }),
  };
}

/** The owner routes of one dashboard, in the shape dashboard.js and the pickers call. */
export function ownerDashboardApi(ctx, id) {
  return dashboardApi({
    base: `/api/v1/dashboards/${seg(id)}`,
    call: (method, url, options) => ctx.session.call(method, url, options),
  });
}

export function dashboardView(ctx, route) {
  let preview = null;
  let shares = null;
  return {
    loading: 'Loading the dashboard…',
    load: (signal) => ctx.session.call('GET', `/api/v1/dashboards/${seg(route.id)}`, { signal }),
    render(root, doc) {
      const api = ownerDashboardApi(ctx, doc.id);
      const editor = canEdit(ctx.me);
      const actions = h('div', { class: 'console-toolbar' },
        h('a', { href: hrefOf({ view: 'dashboards' }), class: 'back-link' }, '← All dashboards'),
        h('span', { class: 'muted' }, ` · ${doc.slug} · version ${doc.version} · data source ${doc.data_source}`),
        h('span', { class: 'console-actions' },
          editor ? h('a', { class: 'button button--quiet', href: hrefOf({ view: 'dashboard-edit', id: doc.id }) }, 'Edit as JSON') : null,
          h('a', { class: 'button button--quiet', href: `${hrefOf({ view: 'embed' })}?dashboard=${encodeURIComponent(doc.id)}` }, 'Embed…')));
      const previewRoot = h('div', { class: 'owner-preview' });
      const note = h('p', { class: 'muted owner-note' }, 'Owner preview: every filter is free here. Shares decide what their viewers may do.');
      root.append(previewRoot);
      preview = mountDashboard(previewRoot, asShared(doc), api, { before: h('div', {}, actions, note), onFatal: () => {} });
      document.title = `${doc.name} · Console`;
      shares = sharesSection(ctx, doc, api);
      root.append(shares.element);
      root.focus({ preventScroll: true });
      return { destroy() { if (preview) preview.destroy(); if (shares) shares.destroy(); } };
    },
    fail: (root, e) => failed(root, e, 'The dashboard could not be loaded'),
  };
}

const TEMPLATE = {
  slug: 'new-dashboard',
  name: 'New dashboard',
  description: '',
  data_source: 'demo',
  filters: [
    { slug: 'period_start', label: 'From', kind: 'date', required: false, default: '2025-01-01' },
  ],
  widgets: [
    { slug: 'revenue', title: 'Revenue', visualization: 'number', sql: 'select sum(amount) as revenue from demo.orders where order_date >= :period_start' },
  ],
};

/**
 * An INVALID_REQUEST answer placed in the document: where (line, selection range) and what.
 * @returns {message, where: {start, end, line, column, label, path} | null}
 */
export function placeError(text, e) {
  const field = e.details && e.details.field;
  const where = field && field !== 'body' ? locate(text, field) : null;
  const reason = e.details && e.details.reason ? ` (${e.details.reason})` : '';
  return { message: `${e.message}${reason}`, field: field || null, where };
}

export function editorView(ctx, route) {
  const creating = route.view === 'dashboard-new';
  return {
    loading: 'Loading the dashboard…',
    load: creating ? undefined : (signal) => ctx.session.call('GET', `/api/v1/dashboards/${seg(route.id)}`, { signal }),
    render(root, doc) {
      const title = creating ? 'New dashboard' : `Edit ${doc.name}`;
      document.title = `${title} · Console`;
      const area = h('textarea', { id: 'dashboard-json', class: 'input input--source json-editor', spellcheck: 'false', rows: '28', autocomplete: 'off' });
      area.value = JSON.stringify(creating ? TEMPLATE : doc, null, 2);
      const field = createField({ id: 'dashboard-json', label: 'Dashboard document (JSON)', control: area,
        hint: 'Filters, widgets and their SQL, as GET /api/v1/dashboards/{id} answers it (docs/api.md). Parameters in SQL are filter slugs: :period_start.' });
      const where = h('p', { class: 'json-where', id: 'dashboard-json-where', hidden: true });
      const goTo = h('button', { type: 'button', class: 'button button--quiet', hidden: true }, 'Show it in the document');
      field.element.append(h('div', { class: 'json-error-actions' }, where, goTo));
      const slot = h('div', { class: 'form-slot' });
      const submit = h('button', { type: 'submit', class: 'button' }, creating ? 'Create dashboard' : 'Save changes');
      const cancel = h('a', { class: 'button button--quiet', href: creating ? hrefOf({ view: 'dashboards' }) : hrefOf({ view: 'dashboard', id: doc.id }) }, 'Cancel');
      const remove = creating ? null : h('button', { type: 'button', class: 'button button--danger' }, 'Delete dashboard');
      let range = null;
      const select = () => {
        if (!range) return;
        area.focus();
        area.setSelectionRange(range.start, range.end);
        // Scroll the selection into view: about one line per 1.5em.
        const line = area.value.slice(0, range.start).split('\n').length;
        area.scrollTop = Math.max(0, (line - 3) * parseFloat(getComputedStyle(area).lineHeight || '20'));
      };
      goTo.addEventListener('click', select);
      const clearProblem = () => { field.clearError(); where.hidden = true; goTo.hidden = true; range = null; clear(slot); };
      const problem = (message, place) => {
        field.setError(message);
        if (place) {
          where.textContent = `At ${place.path || 'the document'}: ${place.label}.`;
          where.hidden = false;
          goTo.hidden = false;
          range = place;
        }
        announce(message);
        select();
        if (!place) area.focus();
      };
      const form = h('form', { class: 'editor-form', novalidate: true, 'aria-labelledby': 'page-title' },
        slot, field.element, h('div', { class: 'console-actions' }, submit, cancel, remove));
      form.addEventListener('submit', async (event) => {
        event.preventDefault();
        clearProblem();
        let body;
        try {
          spans(area.value);
          body = JSON.parse(area.value);
        } catch (e) {
          const place = e instanceof JsonSyntaxError ? { start: e.offset, end: Math.min(e.offset + 1, area.value.length), path: null, label: e.message.replace(/^.* at /, '') } : null;
          problem(`This is not valid JSON: ${e.message}.`, place);
          return;
        }
        submit.disabled = true;
        try {
          const saved = creating
            ? await ctx.session.call('POST', '/api/v1/dashboards', { body })
            : await ctx.session.call('PUT', `/api/v1/dashboards/${seg(doc.id)}`, { body });
          announce(creating ? 'Dashboard created.' : 'Dashboard saved.');
          ctx.go(hrefOf({ view: 'dashboard', id: saved.id }));
        } catch (e) {
          if (e.status === 401) return;
          if (e.code === 'INVALID_REQUEST' || e.code === 'CONFLICT') {
            const placed = placeError(area.value, e);
            problem(placed.message, placed.where);
          } else {
            say(slot, e.message, 'error');
          }
        } finally {
          submit.disabled = false;
        }
      });
      if (remove) {
        remove.addEventListener('click', async () => {
          const yes = await confirmAction({ title: `Delete ${doc.name}?`, message: 'Its shares and embed tokens stop working at once. This cannot be undone.', confirm: 'Delete dashboard' });
          if (!yes) return;
          try {
            await ctx.session.call('DELETE', `/api/v1/dashboards/${seg(doc.id)}`);
            announce('Dashboard deleted.');
            ctx.go(hrefOf({ view: 'dashboards' }));
          } catch (e) {
            if (e.status !== 401) say(slot, e.message, 'error');
          }
        });
      }
      root.append(pageHeader(title, { lead: creating ? 'Write the dashboard as a JSON document; the API checks it when you create it.' : `Version ${doc.version}; saving makes version ${doc.version + 1}.` }), form);
      root.querySelector('h1').focus();
    },
    fail: (root, e) => failed(root, e, 'The dashboard could not be loaded'),
  };
}
