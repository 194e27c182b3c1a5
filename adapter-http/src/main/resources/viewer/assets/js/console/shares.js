// A dashboard's shares (docs/console.md, share dialog): the list with status and share stats
// (GET /api/v1/shares/{id}/stats), rotate (the new URL shown once), revoke (after a confirmation),
// and the share dialog that creates a public link or a link bound to a share context, with a
// policy per filter, an expiry and the downloads switch.
import { h, clear, announce, uid } from '../dom.js';
import { seg } from '../api.js';
import { createField } from '../fields.js';
import { buildPolicies, describePolicies, MODE_HINTS, MODE_LABELS, modesFor, policySlugAt } from './policy.js';
import { valueChooser } from './value-chooser.js';
import { busy, clearErrors, confirmAction, copyBox, dataTable, formatTime, inputField, localToIso, say, showError } from './ui.js';

const STATUS_LABELS = { active: 'Active', revoked: 'Revoked', expired: 'Expired' };

export function sharesSection(ctx, doc, api) {
  const editor = ctx.me && (ctx.me.role === 'admin' || ctx.me.role === 'editor');
  const once = h('div', { class: 'once-slot', id: 'share-once' });
  const slot = h('div', { class: 'form-slot' });
  const list = h('div', { class: 'shares-list' }, h('p', { class: 'page-loading' }, 'Loading the shares…'));
  const create = editor ? h('button', { type: 'button', class: 'button', id: 'new-share' }, 'New share…') : null;
  const element = h('section', { class: 'panel shares', 'aria-labelledby': 'shares-title', id: 'shares' },
    h('div', { class: 'panel-head' }, h('h2', { id: 'shares-title' }, 'Shares'), create),
    once, slot, list);
  let contexts = [];
  let closed = false;

  function showOnce(title, share) {
    clear(once);
    once.append(h('div', { class: 'once', role: 'status' },
      h('h3', {}, title),
      copyBox({ label: 'Share URL', value: share.url, hint: 'Shown only now: copy it and send it to the people who should see the dashboard. The service keeps only a hash of it.' }).element));
    once.querySelector('input').focus();
  }

  async function load() {
    const [answer, contextAnswer] = await Promise.all([
      ctx.session.call('GET', `/api/v1/dashboards/${seg(doc.id)}/shares`),
      ctx.session.call('GET', '/api/v1/share-contexts').catch(() => ({ share_contexts: [] })),
    ]);
    contexts = contextAnswer.share_contexts || [];
    const shares = answer.shares || [];
    const stats = await Promise.all(shares.map((s) => ctx.session.call('GET', `/api/v1/shares/${seg(s.id)}/stats`).catch(() => null)));
    if (closed) return;
    render(shares, stats);
  }

  function reload() {
    return load().catch((e) => { if (e.status !== 401) say(slot, e.message, 'error'); });
  }

  function render(shares, stats) {
    clear(list);
    const contextName = (id) => (contexts.find((c) => c.id === id) || { name: 'a share context' }).name;
    list.append(dataTable({
      caption: 'Shares of this dashboard',
      columns: ['Name', 'Who may open it', 'Filters', 'Downloads', 'Expires', 'Status', 'Views', 'Last viewed', 'Actions'],
      rows: shares.map((s, i) => ({ share: s, stats: stats[i] })),
      rowData: ({ share }) => ({ share: share.id, status: share.status }),
      empty: 'Not shared yet.',
      cells: ({ share, stats: st }) => {
        const policies = describePolicies(share.share_filter_policies, doc.filters);
        const actions = [];
        if (editor && share.status === 'active') {
          const rotate = h('button', { type: 'button', class: 'button button--quiet button--small', dataset: { action: 'rotate' }, 'aria-label': `New URL for ${share.name}` }, 'New URL');
          rotate.addEventListener('click', busy(rotate, 'Working…', async () => {
            const yes = await confirmAction({ title: `A new URL for ${share.name}?`, message: 'The current URL stops working at once; the new one is shown once.', confirm: 'Make a new URL', danger: false });
            if (!yes) return;
            try {
              const rotated = await ctx.session.call('POST', `/api/v1/shares/${seg(share.id)}/rotate-token`);
              showOnce(`New URL for ${share.name}`, rotated);
              announce('New URL made. The old one no longer works.');
            } catch (e) {
              if (e.status !== 401) say(slot, e.message, 'error');
            }
          }));
          const revoke = h('button', { type: 'button', class: 'button button--danger button--small', dataset: { action: 'revoke' }, 'aria-label': `Revoke ${share.name}` }, 'Revoke');
          revoke.addEventListener('click', async () => {
            const yes = await confirmAction({ title: `Revoke ${share.name}?`, message: 'Everyone with this link loses access at once. This cannot be undone.', confirm: 'Revoke' });
            if (!yes) return;
            try {
              await ctx.session.call('DELETE', `/api/v1/shares/${seg(share.id)}`);
              announce(`${share.name} is revoked.`);
              await reload();
            } catch (e) {
              if (e.status !== 401) say(slot, e.message, 'error');
            }
          });
          actions.push(rotate, revoke);
        }
        if (ctx.me && ctx.me.role === 'admin') {
          actions.push(h('a', { href: `/console/admin/audit?share_id=${encodeURIComponent(share.id)}`, class: 'button button--quiet button--small', 'aria-label': `Events of ${share.name}` }, 'Events'));
        }
        return [
          share.name,
          share.share_context_id ? `People of ${contextName(share.share_context_id)}` : 'Anyone with the link',
          policies.length ? h('ul', { class: 'plain-list' }, policies.map((p) => h('li', {}, p))) : 'All free',
          share.downloads ? 'Allowed' : 'No',
          formatTime(share.expires_at),
          h('span', { class: `status status--${share.status}`, dataset: { status: share.status } }, STATUS_LABELS[share.status] || share.status),
          h('span', { dataset: { views: '' } }, st ? String(st.views) : '—'),
          st ? formatTime(st.last_viewed_at) : '—',
          h('span', { class: 'row-actions' }, actions),
        ];
      },
    }));
  }

  if (create) {
    create.addEventListener('click', () => openShareDialog(ctx, doc, api, contexts, {
      onCreated: () => reload(),
    }));
  }
  reload();
  return { element, reload, destroy() { closed = true; } };
}

/** One filter's fieldset in the dialog: the mode radios and, when needed, the value chooser. */
function policyRow(filter, api) {
  const id = uid(`policy-${filter.slug}`);
  const name = `${id}-mode`;
  const holder = h('div', { class: 'policy-values' });
  let chooser = null;
  let mode = 'free';
  const hint = h('p', { class: 'field-hint', id: `${id}-mode-hint` }, MODE_HINTS.free);
  const radios = modesFor(filter).map((m) => {
    const input = h('input', { type: 'radio', name, value: m, checked: m === 'free' || null, dataset: { mode: m } });
    input.addEventListener('change', () => { if (input.checked) setMode(m); });
    return h('label', { class: 'option' }, input, h('span', {}, MODE_LABELS[m]));
  });
  function setMode(m) {
    mode = m;
    hint.textContent = MODE_HINTS[m];
    if (chooser) chooser.destroy();
    chooser = null;
    clear(holder);
    if (m === 'selectable') {
      chooser = valueChooser(filter, { multiple: true, loadOptions: api.options, label: `Allowed values of ${filter.label}` });
    } else if (m === 'fixed') {
      chooser = valueChooser(filter, { multiple: filter.kind === 'multi_select', loadOptions: api.options, label: `Fixed value of ${filter.label}` });
    }
    if (chooser) holder.append(chooser.element);
  }
  const fieldset = h('fieldset', { class: 'policy', dataset: { policy: filter.slug }, 'aria-describedby': hint.id },
    h('legend', {}, filter.label, h('span', { class: 'muted' }, ` (${filter.kind.replace('_', ' ')})`)),
    h('div', { class: 'policy-modes', role: 'radiogroup', 'aria-label': `What viewers may do with ${filter.label}` }, radios),
    hint, holder);
  const field = createField({ id, control: fieldset, className: 'field--policy' });
  return {
    slug: filter.slug,
    field,
    element: field.element,
    choice() {
      if (mode === 'selectable') {
        const { value } = chooser.read();
        return { mode, values: value || [] };
      }
      if (mode === 'fixed') {
        const { value, error } = chooser.read();
        return { mode, value, error };
      }
      return { mode };
    },
    destroy() { if (chooser) chooser.destroy(); },
  };
}

/**
 * The share dialog: a modal form; on success the same dialog shows the URL, once, to copy.
 * @param contexts the company's share contexts ({id, name})
 */
export function openShareDialog(ctx, doc, api, contexts, { onCreated }) {
  const opener = document.activeElement;
  const titleId = uid('share-dialog-title');
  const body = h('div', { class: 'dialog-body' });
  const dialog = h('dialog', { class: 'dialog dialog--share', 'aria-labelledby': titleId, id: 'share-dialog' },
    h('h2', { id: titleId }, `Share ${doc.name}`), body);
  const rows = (doc.filters || []).map((f) => policyRow(f, api));

  const name = inputField({ label: 'Name', name: 'name', hint: 'For you and your team, e.g. “Customer A, Q1 review”. Viewers do not see it.', value: `${doc.name} link` });
  const audienceName = uid('audience');
  const publicRadio = h('input', { type: 'radio', name: audienceName, value: 'public', checked: true, id: `${audienceName}-public` });
  const contextRadio = h('input', { type: 'radio', name: audienceName, value: 'context', id: `${audienceName}-context`, disabled: contexts.length ? null : true });
  const contextSelect = h('select', { id: uid('share-context'), class: 'input', disabled: true },
    contexts.map((c) => h('option', { value: c.id }, c.name)));
  const contextField = createField({ id: contextSelect.id, label: 'Share context', control: contextSelect,
    hint: contexts.length ? 'Its members sign in with a one-time code sent to their email address.' : 'No share context yet: create one under Share contexts first.' });
  const syncAudience = () => { contextSelect.disabled = !contextRadio.checked; };
  publicRadio.addEventListener('change', syncAudience);
  contextRadio.addEventListener('change', syncAudience);
  const audience = h('fieldset', { class: 'audience' },
    h('legend', {}, 'Who may open it'),
    h('label', { class: 'option', for: publicRadio.id }, publicRadio, h('span', {}, 'Anyone with the link (public link)')),
    h('label', { class: 'option', for: contextRadio.id }, contextRadio, h('span', {}, 'Only people of a share context, after signing in by email')),
    contextField.element);
  const audienceField = createField({ id: uid('audience-field'), control: audience });

  const expiry = inputField({ label: 'Expires', type: 'datetime-local', name: 'expires_at', hint: 'Optional, in your time zone. Empty: the link works until you revoke it.' });
  const downloadsBox = h('input', { type: 'checkbox', id: uid('downloads'), name: 'downloads' });
  const downloads = h('div', { class: 'field field--check' },
    h('label', { class: 'option', for: downloadsBox.id }, downloadsBox, h('span', {}, 'Viewers may download table and chart widgets as CSV')));

  const slot = h('div', { class: 'form-slot' });
  const submit = h('button', { type: 'submit', class: 'button', id: 'create-share' }, 'Create link');
  const cancel = h('button', { type: 'button', class: 'button button--quiet' }, 'Cancel');
  const form = h('form', { class: 'share-form', novalidate: true, 'aria-labelledby': titleId },
    slot, name.field.element, audienceField.element,
    rows.length ? h('section', { class: 'policies', 'aria-labelledby': `${titleId}-filters` },
      h('h3', { id: `${titleId}-filters` }, 'Filters'),
      h('p', { class: 'muted' }, 'For each filter, what a viewer of this link may do.'),
      rows.map((r) => r.element)) : null,
    expiry.field.element, downloads,
    h('div', { class: 'dialog-actions' }, submit, cancel));
  body.append(form);

  const close = () => {
    rows.forEach((r) => r.destroy());
    dialog.close();
    dialog.remove();
    if (opener && opener.isConnected) opener.focus();
  };
  cancel.addEventListener('click', close);
  dialog.addEventListener('cancel', (event) => { event.preventDefault(); close(); });

  const fields = { name: name.field, expires_at: expiry.field, share_context_id: contextField };
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors({ ...fields, ...Object.fromEntries(rows.map((r) => [r.slug, r.field])) }, slot);
    const choices = Object.fromEntries(rows.map((r) => [r.slug, r.choice()]));
    const { policies, problems } = buildPolicies(doc.filters || [], choices);
    let first = null;
    if (!name.input.value.trim()) {
      name.field.setError('Give the share a name.');
      first = first || name.input;
    }
    for (const p of problems) {
      const row = rows.find((r) => r.slug === p.slug);
      row.field.setError(p.message);
      first = first || row.element.querySelector('input');
    }
    if (first) {
      first.focus();
      announce('Some fields need attention.');
      return;
    }
    const request = { name: name.input.value.trim(), share_type: 'link', share_filter_policies: policies, downloads: downloadsBox.checked };
    if (contextRadio.checked) request.share_context_id = contextSelect.value;
    const expires = localToIso(expiry.input.value);
    if (expires) request.expires_at = expires;
    submit.disabled = true;
    try {
      const share = await ctx.session.call('POST', `/api/v1/dashboards/${seg(doc.id)}/shares`, { body: request });
      created(share);
      onCreated(share);
    } catch (e) {
      if (e.status === 401) { close(); return; }
      const target = showError(e, {
        slot,
        fields: (field) => {
          const slug = policySlugAt(field, policies) || (e.details && e.details.filter_slug);
          const row = slug && rows.find((r) => r.slug === slug);
          return row ? row.field : fields[field];
        },
      });
      const control = target && target === name.field ? name.input : slot;
      if (control && control.focus) control.focus();
    } finally {
      submit.disabled = false;
    }
  });

  function created(share) {
    rows.forEach((r) => r.destroy());
    clear(body);
    const done = h('button', { type: 'button', class: 'button', id: 'share-done' }, 'Done');
    done.addEventListener('click', close);
    const box = copyBox({ label: 'Share URL', value: share.url, hint: 'Shown only now: the service keeps only a hash of it. Copy it and send it to the people who should see the dashboard.' });
    body.append(h('div', { class: 'once', role: 'status' },
      h('p', {}, h('strong', {}, `${share.name} is ready.`),
        share.share_context_id ? ' People of the share context sign in by email to open it.' : ' Anyone with this URL can open the dashboard.'),
      box.element,
      h('p', {}, h('a', { href: share.url, target: '_blank', rel: 'noopener noreferrer', id: 'open-share' }, 'Open the link in a new tab'))),
    h('div', { class: 'dialog-actions' }, done));
    announce('Share created. Its URL is shown once.');
    box.input.focus();
  }

  document.body.append(dialog);
  dialog.showModal();
  name.input.focus();
  name.input.select();
  return dialog;
}
