// The audit log (admins; docs/console.md, audit log): GET /api/v1/audit/events with its filters,
// newest first, a page at a time (next_cursor), and the same filters as a CSV download
// (GET /api/v1/audit/events.csv, fetched with the Authorization header and saved as a file).
import { h, clear, announce } from '../dom.js';
import { withQuery } from '../api.js';
import { save } from '../download.js';
import { failed } from './dashboards.js';
import { busy, dataTable, formatTime, inputField, localToIso, pageHeader, say, selectField, showError } from './ui.js';

export const EVENT_TYPES = [
  'share.resolved', 'dashboard.executed', 'filter.options', 'widget.exported', 'portal.code_requested', 'portal.signed_in',
  'portal.sign_in_failed', 'portal.signed_out', 'embed.viewed', 'owner.signed_in', 'owner.sign_in_failed',
  'dashboard.created', 'dashboard.updated', 'dashboard.deleted', 'share.created', 'share.updated', 'share.revoked',
  'share.token_rotated', 'context.created', 'context.updated', 'context.deleted', 'member.added', 'member.removed',
  'session.revoked', 'embed.token_issued', 'embed.tokens_revoked', 'embed_key.created', 'embed_key.retired',
  'company.updated', 'owner.invited', 'owner.updated', 'owner.removed', 'api_key.created', 'api_key.revoked',
  'company.created', 'company.suspended', 'company.activated',
];

const FILTERS = ['from', 'to', 'type', 'dashboard_id', 'share_id', 'context_id', 'actor'];

/** The query of the filter form's values: times to RFC 3339, types as a comma list, empties left out. */
export function auditQuery(values) {
  const query = {};
  for (const name of FILTERS) {
    let value = String(values[name] || '').trim();
    if (!value) continue;
    if (name === 'from' || name === 'to') value = localToIso(value) || value;
    if (name === 'type') value = value.split(/[\s,]+/).filter(Boolean).join(',');
    query[name] = value;
  }
  if (values.limit) query.limit = String(values.limit);
  return query;
}

/** Who did it, in words. */
export function actorText(actor) {
  if (!actor) return '—';
  switch (actor.type) {
    case 'email': return actor.email;
    case 'owner': return actor.email || actor.id;
    case 'api_key': return `API key ${actor.name || actor.id}`;
    case 'embed': return `embed token ${actor.jti || ''}`.trim();
    case 'anonymous': return 'anonymous';
    case 'operator': return 'operator';
    default: return actor.type || '—';
  }
}

export function auditView(ctx) {
  const initial = Object.fromEntries(new URLSearchParams(window.location.search));
  return {
    render(root) {
      document.title = 'Audit log · Console';
      const inputs = {
        from: inputField({ label: 'From', type: 'datetime-local', name: 'from', value: '' }),
        to: inputField({ label: 'To', type: 'datetime-local', name: 'to', value: '' }),
        type: inputField({ label: 'Types', name: 'type', value: initial.type, hint: 'Comma-separated, e.g. share.resolved, dashboard.executed.', attrs: { list: 'audit-types' } }),
        actor: inputField({ label: 'Actor', name: 'actor', value: initial.actor, hint: 'An email address or an id.' }),
        dashboard_id: inputField({ label: 'Dashboard id', name: 'dashboard_id', value: initial.dashboard_id }),
        share_id: inputField({ label: 'Share id', name: 'share_id', value: initial.share_id }),
        context_id: inputField({ label: 'Share context id', name: 'context_id', value: initial.context_id }),
      };
      const limit = selectField({ label: 'Per page', name: 'limit', options: ['50', '100', '500', '1000'].map((v) => ({ value: v, label: v })), value: '100' });
      const types = h('datalist', { id: 'audit-types' }, EVENT_TYPES.map((t) => h('option', { value: t })));
      const slot = h('div', { class: 'form-slot' });
      const apply = h('button', { type: 'submit', class: 'button' }, 'Show events');
      const csv = h('button', { type: 'button', class: 'button button--quiet', id: 'audit-csv' }, 'Download CSV');
      const form = h('form', { class: 'audit-filters', novalidate: true, 'aria-labelledby': 'audit-filters-title', id: 'audit-filters' },
        h('h2', { id: 'audit-filters-title', class: 'filters-title' }, 'Filters'),
        h('div', { class: 'filters-grid' }, Object.values(inputs).map((i) => i.field.element), limit.field.element), types,
        slot, h('div', { class: 'console-actions' }, apply, csv));
      const list = h('div', { class: 'audit-events', id: 'audit-events' });
      const more = h('button', { type: 'button', class: 'button button--quiet', id: 'audit-more', hidden: true }, 'Load more');
      const count = h('p', { class: 'muted', role: 'status' });
      let rows = [];
      let cursor = null;
      let query = {};

      const values = () => ({ ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, v.input.value])), limit: limit.input.value });
      const fields = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, v.field]));

      function draw() {
        clear(list);
        list.append(dataTable({
          caption: 'Audit events, newest first',
          columns: ['Time', 'Type', 'Flow', 'Actor', 'Outcome', 'Dashboard', 'Share', 'Rows', 'Client'],
          rows,
          rowData: (e) => ({ event: e.type, outcome: e.outcome }),
          empty: 'No events match.',
          cells: (e) => [formatTime(e.at), h('code', {}, e.type), e.flow, actorText(e.actor),
            h('span', { class: e.outcome === 'ok' ? 'status status--active' : 'status status--revoked' }, e.outcome),
            e.dashboard_id ? h('code', {}, e.dashboard_id.slice(0, 8)) : '—', e.share_id ? h('code', {}, e.share_id.slice(0, 8)) : '—',
            e.row_count === null || e.row_count === undefined ? '—' : String(e.row_count),
            e.client && e.client.ip ? e.client.ip : '—'],
        }));
        more.hidden = !cursor;
        count.textContent = `${rows.length} ${rows.length === 1 ? 'event' : 'events'} shown${cursor ? '; more are older' : ''}.`;
      }

      async function fetchPage(reset) {
        const q = { ...query };
        if (!reset && cursor) q.cursor = cursor;
        try {
          const answer = await ctx.session.call('GET', withQuery('/api/v1/audit/events', q));
          rows = reset ? answer.events || [] : [...rows, ...(answer.events || [])];
          cursor = answer.next_cursor || null;
          draw();
          announce(count.textContent);
        } catch (e) {
          if (e.status !== 401) showError(e, { fields, slot });
        }
      }

      form.addEventListener('submit', async (event) => {
        event.preventDefault();
        Object.values(fields).forEach((f) => f.clearError());
        clear(slot);
        query = auditQuery(values());
        await busy(apply, 'Loading…', () => fetchPage(true))();
      });
      more.addEventListener('click', busy(more, 'Loading…', () => fetchPage(false)));
      csv.addEventListener('click', busy(csv, 'Preparing…', async () => {
        clear(slot);
        const q = auditQuery(values());
        delete q.limit;
        try {
          const { blob, filename } = await ctx.session.call('GET', withQuery('/api/v1/audit/events.csv', q), { file: 'text/csv' });
          const name = filename || 'audit-events.csv';
          save(blob, name);
          say(slot, `Downloaded ${name}.`, 'success');
        } catch (e) {
          if (e.status !== 401) showError(e, { fields, slot });
        }
      }));

      root.append(pageHeader('Audit log', { lead: 'Every viewer request and every owner change, newest first.' }),
        h('section', { class: 'panel' }, form), count, list, more);
      query = auditQuery(values());
      fetchPage(true);
      root.querySelector('h1').focus();
    },
    fail: (root, e) => failed(root, e, 'The audit log could not be loaded'),
  };
}
