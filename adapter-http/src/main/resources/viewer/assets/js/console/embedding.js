// Embedding (docs/console.md, embed; docs/embedding.md): the token builder (which filters the
// visitor may set, must set, and which are fixed; lifetime; downloads) that mints a token through
// POST /api/v1/embed/dashboards/{id} and shows the iframe and the signing code for a backend, the
// company's signing keys (an admin creates one, its secret shown once, and retires old ones) and
// the origins allowed to frame embeds.
import { h, append, clear, announce, uid } from '../dom.js';
import { seg } from '../api.js';
import { buildMintBody } from './policy.js';
import { iframeSnippet, javaSnippet, nodeSnippet, pythonSnippet } from './snippets.js';
import { valueChooser } from './value-chooser.js';
import { ownerDashboardApi, failed } from './dashboards.js';
import { busy, clearErrors, codeBlock, confirmAction, copyBox, dataTable, formatTime, inputField, pageHeader, say, selectField, showError } from './ui.js';
import { createField } from '../fields.js';

const LIFETIMES = [
  { value: '900', label: '15 minutes' },
  { value: '3600', label: '1 hour' },
  { value: '86400', label: '1 day' },
  { value: '604800', label: '7 days' },
  { value: '2592000', label: '30 days (the longest)' },
];

/** The key a backend should sign with: the newest active one. */
export function signingKey(keys) {
  return (keys || []).filter((k) => k.active).sort((a, b) => String(b.created_at).localeCompare(String(a.created_at)))[0] || null;
}

export function embedView(ctx) {
  return {
    loading: 'Loading…',
    load: async (signal) => {
      const [boards, keys, company] = await Promise.all([
        ctx.session.call('GET', '/api/v1/dashboards', { signal }),
        ctx.session.call('GET', '/api/v1/embed/keys', { signal }),
        ctx.session.call('GET', '/api/v1/company', { signal }),
      ]);
      return { boards: boards.dashboards || [], keys: keys.keys || [], company };
    },
    render(root, data) {
      document.title = 'Embed · Console';
      const admin = ctx.me && ctx.me.role === 'admin';
      const state = { keys: data.keys };
      const keysPanel = keysSection(ctx, state, admin);
      root.append(pageHeader('Embed', { lead: 'Show a dashboard inside your own web application, in an iframe whose address carries a signed embed token.' }),
        builder(ctx, data, state, keysPanel),
        keysPanel.element,
        originsSection(ctx, data.company, admin));
      root.querySelector('h1').focus();
      return { destroy: () => keysPanel.destroy && keysPanel.destroy() };
    },
    fail: (root, e) => failed(root, e, 'The embed settings could not be loaded'),
  };
}

function builder(ctx, data, state, keysPanel) {
  const wanted = new URLSearchParams(window.location.search).get('dashboard');
  const dashboard = selectField({
    label: 'Dashboard', name: 'dashboard',
    options: data.boards.map((b) => ({ value: b.id, label: b.name })),
    value: data.boards.some((b) => b.id === wanted) ? wanted : undefined,
  });
  const rowsHolder = h('div', { class: 'token-rows' });
  const lifetime = selectField({ label: 'Lifetime', name: 'expires_in', options: LIFETIMES, value: '3600',
    hint: 'Mint a token per page view or visitor session; keep it short.' });
  const downloadsBox = h('input', { type: 'checkbox', id: uid('embed-downloads') });
  const slot = h('div', { class: 'form-slot' });
  const result = h('div', { class: 'token-result', id: 'token-result' });
  const mint = h('button', { type: 'submit', class: 'button', id: 'mint-token' }, 'Mint a token');
  const revoke = h('button', { type: 'button', class: 'button button--quiet' }, 'Revoke every token of this dashboard');
  let doc = null;
  let rows = [];

  function row(filter, api) {
    const id = uid(`embed-${filter.slug}`);
    const box = (what, label) => {
      const input = h('input', { type: 'checkbox', id: `${id}-${what}`, dataset: { param: what } });
      return { input, label: h('label', { class: 'option', for: input.id }, input, h('span', {}, label)) };
    };
    const allowed = box('allowed', 'Visitor may set it');
    const required = box('required', 'Visitor must set it');
    const fixed = box('fixed', 'Fixed value');
    const holder = h('div', { class: 'policy-values' });
    let chooser = null;
    fixed.input.addEventListener('change', () => {
      if (chooser) chooser.destroy();
      chooser = null;
      clear(holder);
      if (fixed.input.checked) {
        chooser = valueChooser(filter, { multiple: filter.kind === 'multi_select', loadOptions: api.options, label: `Fixed value of ${filter.label}` });
        holder.append(chooser.element);
      }
    });
    required.input.addEventListener('change', () => { if (required.input.checked) allowed.input.checked = true; });
    allowed.input.addEventListener('change', () => { if (!allowed.input.checked) required.input.checked = false; });
    const fieldset = h('fieldset', { class: 'policy', dataset: { param: filter.slug } },
      h('legend', {}, filter.label, h('span', { class: 'muted' }, ` (${filter.slug}, ${filter.kind.replace('_', ' ')})`)),
      h('div', { class: 'policy-modes' }, allowed.label, required.label, fixed.label), holder);
    const field = createField({ id, control: fieldset, className: 'field--policy' });
    return {
      slug: filter.slug,
      field,
      element: field.element,
      read() {
        const out = { allowed: allowed.input.checked, required: required.input.checked, fixed: fixed.input.checked };
        if (out.fixed && chooser) Object.assign(out, chooser.read());
        return out;
      },
      destroy() { if (chooser) chooser.destroy(); },
    };
  }

  async function choose() {
    rows.forEach((r) => r.destroy());
    rows = [];
    clear(rowsHolder);
    clear(result);
    doc = null;
    if (!dashboard.input.value) return;
    rowsHolder.append(h('p', { class: 'page-loading' }, 'Loading its filters…'));
    try {
      doc = await ctx.session.call('GET', `/api/v1/dashboards/${seg(dashboard.input.value)}`);
    } catch (e) {
      if (e.status !== 401) say(slot, e.message, 'error');
      return;
    }
    const api = ownerDashboardApi(ctx, doc.id);
    rows = (doc.filters || []).map((f) => row(f, api));
    clear(rowsHolder);
    append(rowsHolder, [rows.length
      ? [h('p', { class: 'muted' }, 'A filter the visitor may not set keeps its fixed value, else the dashboard’s default. Scope rows to your customer with a fixed value.'), rows.map((r) => r.element)]
      : h('p', { class: 'muted' }, 'This dashboard has no filters.')]);
  }
  dashboard.input.addEventListener('change', choose);

  const form = h('form', { class: 'token-form', novalidate: true, 'aria-labelledby': 'builder-title', id: 'token-builder' },
    slot, dashboard.field.element, rowsHolder, lifetime.field.element,
    h('div', { class: 'field field--check' }, h('label', { class: 'option', for: downloadsBox.id }, downloadsBox, h('span', {}, 'Visitors may download table and chart widgets as CSV'))),
    h('div', { class: 'console-actions' }, mint, revoke));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(Object.fromEntries(rows.map((r) => [r.slug, r.field])), slot);
    clear(result);
    if (!doc) { say(slot, 'Choose a dashboard first.', 'error'); return; }
    const { body, problems } = buildMintBody(doc.filters || [], Object.fromEntries(rows.map((r) => [r.slug, r.read()])),
      { expiresIn: Number(lifetime.input.value), downloads: downloadsBox.checked });
    if (problems.length) {
      problems.forEach((p) => { const r = rows.find((x) => x.slug === p.slug); if (r) r.field.setError(p.message); else say(slot, p.message, 'error'); });
      const first = rows.find((x) => x.slug === problems[0].slug);
      if (first) first.element.querySelector('input').focus();
      announce(problems[0].message);
      return;
    }
    mint.disabled = true;
    try {
      const minted = await ctx.session.call('POST', `/api/v1/embed/dashboards/${seg(doc.id)}`, { body });
      // The first mint creates the company's first key: list them again for its kid.
      const keys = await ctx.session.call('GET', '/api/v1/embed/keys');
      state.keys = keys.keys || [];
      keysPanel.render();
      showResult(minted, body);
    } catch (e) {
      if (e.status !== 401) {
        showError(e, { slot, fields: (field, err) => { const r = rows.find((x) => x.slug === (err.details && err.details.filter_slug)); return r ? r.field : null; } });
      }
    } finally {
      mint.disabled = false;
    }
  });

  revoke.addEventListener('click', async () => {
    if (!doc) { say(slot, 'Choose a dashboard first.', 'error'); return; }
    const yes = await confirmAction({ title: `Revoke every embed token of ${doc.name}?`, message: 'Every token issued until now stops working at once, whoever signed it. Tokens minted afterwards work.', confirm: 'Revoke tokens' });
    if (!yes) return;
    try {
      await ctx.session.call('POST', `/api/v1/embed/dashboards/${seg(doc.id)}/revoke-tokens`, { body: {} });
      say(slot, 'Every token issued until now is refused.', 'success');
    } catch (e) {
      if (e.status !== 401) say(slot, e.message, 'error');
    }
  });

  function showResult(minted, body) {
    clear(result);
    const key = signingKey(state.keys);
    const values = { kid: key ? key.kid : 'YOUR_KEY_ID', companySlug: ctx.me.company.slug, dashboardId: doc.id, body, baseUrl: window.location.origin };
    const tabs = [
      { id: 'node', label: 'Node.js (jose)', code: nodeSnippet(values) },
      { id: 'java', label: 'Java (nimbus-jose-jwt)', code: javaSnippet(values) },
      { id: 'python', label: 'Python (PyJWT)', code: pythonSnippet(values) },
    ];
    result.append(h('section', { class: 'once', 'aria-labelledby': 'minted-title' },
      h('h3', { id: 'minted-title', tabindex: '-1' }, 'Your embed'),
      h('p', {}, `A token valid until ${formatTime(minted.expires_at)}. `,
        h('a', { href: minted.embed_url, target: '_blank', rel: 'noopener noreferrer', id: 'open-embed' }, 'Open the embed page in a new tab')),
      copyBox({ label: 'Embed URL', value: minted.embed_url }).element,
      codeBlock({ label: 'Iframe', code: iframeSnippet(minted.embed_url, doc.name) }).element,
      h('h3', {}, 'Sign tokens in your backend instead'),
      h('p', { class: 'muted' }, `The same claims, signed with your key ${values.kid}. The secret stays in your backend: the code reads it from EMBED_SECRET. `
        + 'Only origins listed under “Allowed origins” may frame the page.'),
      tabs.map((t) => h('div', { class: 'snippet', dataset: { snippet: t.id } }, codeBlock({ label: t.label, code: t.code }).element))));
    result.querySelector('h3').focus();
    announce('Token minted. The embed URL and the signing code follow.');
  }

  if (dashboard.input.value) choose();
  return h('section', { class: 'panel', 'aria-labelledby': 'builder-title' },
    h('h2', { id: 'builder-title' }, 'Token builder'), form, result);
}

function keysSection(ctx, state, admin) {
  const slot = h('div', { class: 'form-slot' });
  const once = h('div', { class: 'once-slot', id: 'key-once' });
  const list = h('div', {});
  const create = admin ? h('button', { type: 'button', class: 'button', id: 'create-key' }, 'Create a signing key') : null;
  const element = h('section', { class: 'panel', 'aria-labelledby': 'keys-title', id: 'embed-keys' },
    h('div', { class: 'panel-head' }, h('h2', { id: 'keys-title' }, 'Signing keys'), create),
    h('p', { class: 'muted' }, 'Tokens are signed with a key of your company (HS256). Create a new key before retiring an old one; tokens signed with a retired key are refused at once.'),
    slot, once, list);

  async function reload() {
    try {
      state.keys = (await ctx.session.call('GET', '/api/v1/embed/keys')).keys || [];
      render();
    } catch (e) {
      if (e.status !== 401) say(slot, e.message, 'error');
    }
  }

  function render() {
    clear(list);
    list.append(dataTable({
      caption: 'Signing keys',
      columns: ['Key id (kid)', 'Algorithm', 'Created', 'Retired', 'Status', admin ? 'Actions' : ''].filter(Boolean),
      rows: state.keys,
      rowData: (k) => ({ kid: k.kid }),
      empty: 'No key yet: the first token minted here creates one.',
      cells: (k) => {
        const cells = [h('code', {}, k.kid), k.algorithm, formatTime(k.created_at), formatTime(k.retired_at), k.active ? 'Active' : 'Retired'];
        if (admin) {
          if (k.active) {
            const retire = h('button', { type: 'button', class: 'button button--danger button--small', 'aria-label': `Retire key ${k.kid}` }, 'Retire');
            retire.addEventListener('click', async () => {
              const yes = await confirmAction({ title: `Retire key ${k.kid}?`, message: 'Every token signed with it is refused at once. This cannot be undone.', confirm: 'Retire' });
              if (!yes) return;
              try {
                await ctx.session.call('POST', `/api/v1/embed/keys/${seg(k.kid)}/retire`);
                announce(`Key ${k.kid} retired.`);
                reload();
              } catch (e) {
                if (e.status !== 401) say(slot, e.message, 'error');
              }
            });
            cells.push(retire);
          } else {
            cells.push('');
          }
        }
        return cells;
      },
    }));
  }

  if (create) {
    create.addEventListener('click', busy(create, 'Creating…', async () => {
      try {
        const key = await ctx.session.call('POST', '/api/v1/embed/keys');
        clear(once);
        once.append(h('div', { class: 'once', role: 'status' },
          h('h3', {}, `New key ${key.kid}`),
          copyBox({ label: 'Secret', value: key.secret, hint: 'Shown only now. Put it in your backend’s secret store (as EMBED_SECRET for the code above); it must never reach a browser.' }).element));
        once.querySelector('input').focus();
        announce('Key created. Its secret is shown once.');
        reload();
      } catch (e) {
        if (e.status !== 401) say(slot, e.message, 'error');
      }
    }));
  }
  render();
  return { element, render, reload };
}

function originsSection(ctx, company, admin) {
  const area = inputField({ label: 'Allowed origins', type: 'textarea', name: 'embed_origins',
    value: (company.embed_origins || []).join('\n'),
    hint: 'One per line, as scheme://host[:port] (https://app.example.com), no path and no wildcard. Only these sites may frame your embeds; empty: none may.',
    attrs: { rows: '4', readonly: admin ? null : true } });
  const slot = h('div', { class: 'form-slot' });
  const save = h('button', { type: 'submit', class: 'button' }, 'Save origins');
  const form = h('form', { class: 'inline-form', novalidate: true, 'aria-labelledby': 'origins-title', id: 'origins' },
    slot, area.field.element, admin ? save : h('p', { class: 'muted' }, 'Only an admin may change them.'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!admin) return;
    clearErrors({ origins: area.field }, slot);
    const origins = area.input.value.split(/\s+/).map((o) => o.trim()).filter(Boolean);
    save.disabled = true;
    try {
      const updated = await ctx.session.call('PUT', '/api/v1/company/embed-origins', { body: { embed_origins: origins } });
      area.input.value = (updated.embed_origins || []).join('\n');
      say(slot, 'Saved.', 'success');
    } catch (e) {
      if (e.status !== 401) showError(e, { slot, fields: (field) => (field && field.startsWith('embed_origins') ? area.field : null) });
    } finally {
      save.disabled = false;
    }
  });
  return h('section', { class: 'panel', 'aria-labelledby': 'origins-title' }, h('h2', { id: 'origins-title' }, 'Allowed origins'), form);
}
