// Admin pages (docs/console.md, admins): the company's owners (invite with a role, change a
// role, disable, enable, remove) and its API keys (create, the key shown once, revoke).
import { h, clear, announce } from '../dom.js';
import { seg } from '../api.js';
import { failed } from './dashboards.js';
import { busy, clearErrors, confirmAction, copyBox, dataTable, formatTime, inputField, localToIso, pageHeader, say, selectField, showError } from './ui.js';

export const ROLES = [
  { value: 'viewer', label: 'Viewer: sees and previews everything, changes nothing' },
  { value: 'editor', label: 'Editor: dashboards, shares, contexts, embed tokens' },
  { value: 'admin', label: 'Admin: everything, and the team, keys and audit log' },
];
const ROLE_NAMES = { viewer: 'Viewer', editor: 'Editor', admin: 'Admin' };

/** The text for a refused team change (docs/api.md, owners). */
export function teamProblem(e) {
  if (e.details && e.details.reason === 'last_admin') return 'The company needs at least one active admin: make someone else admin first.';
  if (e.code === 'CONFLICT' && e.details && e.details.field === 'email') return 'This email address is already an owner of the company.';
  return e.message;
}

export function ownersView(ctx) {
  return {
    loading: 'Loading the owners…',
    load: (signal) => ctx.session.call('GET', '/api/v1/owners', { signal }),
    render(root, answer) {
      document.title = 'Owners · Console';
      const slot = h('div', { class: 'form-slot' });
      const once = h('div', { class: 'once-slot', id: 'invite-once' });
      const list = h('div', {});

      async function reload() {
        try {
          draw((await ctx.session.call('GET', '/api/v1/owners')).owners || []);
        } catch (e) {
          if (e.status !== 401) say(slot, e.message, 'error');
        }
      }

      function patch(owner, body, done) {
        return async () => {
          try {
            await ctx.session.call('PATCH', `/api/v1/owners/${seg(owner.id)}`, { body });
            announce(done);
            say(slot, done, 'success');
            reload();
          } catch (e) {
            if (e.status !== 401) say(slot, teamProblem(e), 'error');
          }
        };
      }

      function draw(owners) {
        clear(list);
        list.append(dataTable({
          caption: 'Owners',
          columns: ['Email', 'Role', 'Status', 'Last sign-in', 'Since', 'Actions'],
          rows: owners,
          rowData: (o) => ({ owner: o.email }),
          cells: (o) => {
            const me = ctx.me && ctx.me.id === o.id;
            const role = h('select', { class: 'input input--small', 'aria-label': `Role of ${o.email}` },
              ROLES.map((r) => h('option', { value: r.value }, ROLE_NAMES[r.value])));
            role.value = o.role;
            const apply = h('button', { type: 'button', class: 'button button--quiet button--small', 'aria-label': `Change the role of ${o.email}` }, 'Change role');
            apply.addEventListener('click', () => {
              if (role.value === o.role) return;
              patch(o, { role: role.value }, `${o.email} is now ${ROLE_NAMES[role.value].toLowerCase()}.`)();
            });
            const actions = [];
            if (o.status === 'active' && !me) {
              const disable = h('button', { type: 'button', class: 'button button--danger button--small', 'aria-label': `Disable ${o.email}` }, 'Disable');
              disable.addEventListener('click', async () => {
                if (await confirmAction({ title: `Disable ${o.email}?`, message: 'They are signed out at once and cannot sign in until enabled again.', confirm: 'Disable' })) {
                  patch(o, { status: 'disabled' }, `${o.email} is disabled.`)();
                }
              });
              actions.push(disable);
            }
            if (o.status === 'disabled') {
              const enable = h('button', { type: 'button', class: 'button button--quiet button--small', 'aria-label': `Enable ${o.email}` }, 'Enable');
              enable.addEventListener('click', patch(o, { status: 'active' }, `${o.email} may sign in again.`));
              actions.push(enable);
            }
            if (!me) {
              const remove = h('button', { type: 'button', class: 'button button--danger button--small', 'aria-label': `Remove ${o.email}` }, o.status === 'invited' ? 'Withdraw invite' : 'Remove');
              remove.addEventListener('click', async () => {
                if (!await confirmAction({ title: `Remove ${o.email}?`, message: 'Their access and any pending invite end at once.', confirm: 'Remove' })) return;
                try {
                  await ctx.session.call('DELETE', `/api/v1/owners/${seg(o.id)}`);
                  say(slot, `${o.email} removed.`, 'success');
                  reload();
                } catch (e) {
                  if (e.status !== 401) say(slot, teamProblem(e), 'error');
                }
              });
              actions.push(remove);
            }
            return [me ? `${o.email} (you)` : o.email, h('span', { class: 'role-cell' }, role, apply), o.status, formatTime(o.last_login_at), formatTime(o.created_at), h('span', { class: 'row-actions' }, actions)];
          },
        }));
      }

      const email = inputField({ label: 'Email address', type: 'email', name: 'email' });
      const role = selectField({ label: 'Role', name: 'role', options: ROLES, value: 'editor' });
      const formSlot = h('div', { class: 'form-slot' });
      const submit = h('button', { type: 'submit', class: 'button' }, 'Send invite');
      const fields = { email: email.field, role: role.field };
      const form = h('form', { class: 'inline-form', novalidate: true, 'aria-labelledby': 'invite-title', id: 'invite-owner' },
        formSlot, email.field.element, role.field.element, submit);
      form.addEventListener('submit', async (event) => {
        event.preventDefault();
        clearErrors(fields, formSlot);
        if (!email.input.value.trim()) { email.field.setError('Enter their email address.'); email.input.focus(); return; }
        submit.disabled = true;
        try {
          const invited = await ctx.session.call('POST', '/api/v1/owners', { body: { email: email.input.value.trim(), role: role.input.value } });
          form.reset();
          role.input.value = 'editor';
          clear(once);
          once.append(h('div', { class: 'once', role: 'status' },
            h('h3', {}, `${invited.email} is invited`),
            copyBox({ label: 'Invite link', value: invited.invite_url, hint: 'Also sent by email. Shown only now; it works once, for 7 days.' }).element));
          reload();
        } catch (e) {
          if (e.status !== 401) showError(e, { fields, slot: formSlot, describe: teamProblem });
          email.input.focus();
        } finally {
          submit.disabled = false;
        }
      });
      root.append(pageHeader('Owners', { lead: 'The people of your company who manage dashboards and shares.' }), slot, list,
        h('section', { class: 'panel', 'aria-labelledby': 'invite-title' }, h('h2', { id: 'invite-title' }, 'Invite an owner'), form, once));
      draw(answer.owners || []);
      root.querySelector('h1').focus();
    },
    fail: (root, e) => failed(root, e, 'The owners could not be loaded'),
  };
}

export function apiKeysView(ctx) {
  return {
    loading: 'Loading the API keys…',
    load: (signal) => ctx.session.call('GET', '/api/v1/api-keys', { signal }),
    render(root, answer) {
      document.title = 'API keys · Console';
      const slot = h('div', { class: 'form-slot' });
      const once = h('div', { class: 'once-slot', id: 'api-key-once' });
      const list = h('div', {});

      async function reload() {
        try {
          draw((await ctx.session.call('GET', '/api/v1/api-keys')).api_keys || []);
        } catch (e) {
          if (e.status !== 401) say(slot, e.message, 'error');
        }
      }

      function draw(keys) {
        clear(list);
        list.append(dataTable({
          caption: 'API keys',
          columns: ['Name', 'Role', 'Starts with', 'Created', 'Expires', 'Last used', 'Revoked', 'Actions'],
          rows: keys,
          rowData: (k) => ({ key: k.name }),
          empty: 'No API keys yet.',
          cells: (k) => {
            let action = '';
            if (!k.revoked_at) {
              action = h('button', { type: 'button', class: 'button button--danger button--small', 'aria-label': `Revoke ${k.name}` }, 'Revoke');
              action.addEventListener('click', busy(action, 'Working…', async () => {
                if (!await confirmAction({ title: `Revoke ${k.name}?`, message: 'Every backend using it is refused at once. This cannot be undone.', confirm: 'Revoke' })) return;
                try {
                  await ctx.session.call('DELETE', `/api/v1/api-keys/${seg(k.id)}`);
                  say(slot, `${k.name} revoked.`, 'success');
                  reload();
                } catch (e) {
                  if (e.status !== 401) say(slot, e.message, 'error');
                }
              }));
            }
            return [k.name, ROLE_NAMES[k.role] || k.role, h('code', {}, `${k.prefix}…`), formatTime(k.created_at), formatTime(k.expires_at), formatTime(k.last_used_at), formatTime(k.revoked_at), action];
          },
        }));
      }

      const name = inputField({ label: 'Name', name: 'name', hint: 'What uses it, e.g. “embed backend” or “CI”.' });
      const role = selectField({ label: 'Role', name: 'role', options: ROLES, value: 'editor', hint: 'Editor is enough to mint embed tokens and create shares.' });
      const expires = inputField({ label: 'Expires', type: 'datetime-local', name: 'expires_at', hint: 'Optional, in your time zone.' });
      const formSlot = h('div', { class: 'form-slot' });
      const submit = h('button', { type: 'submit', class: 'button' }, 'Create API key');
      const fields = { name: name.field, role: role.field, expires_at: expires.field };
      const form = h('form', { class: 'inline-form', novalidate: true, 'aria-labelledby': 'new-key-title', id: 'new-api-key' },
        formSlot, name.field.element, role.field.element, expires.field.element, submit);
      form.addEventListener('submit', async (event) => {
        event.preventDefault();
        clearErrors(fields, formSlot);
        if (!name.input.value.trim()) { name.field.setError('Give the key a name.'); name.input.focus(); return; }
        const body = { name: name.input.value.trim(), role: role.input.value };
        const at = localToIso(expires.input.value);
        if (at) body.expires_at = at;
        submit.disabled = true;
        try {
          const key = await ctx.session.call('POST', '/api/v1/api-keys', { body });
          form.reset();
          role.input.value = 'editor';
          clear(once);
          once.append(h('div', { class: 'once', role: 'status' },
            h('h3', {}, `${key.name} is ready`),
            copyBox({ label: 'API key', value: key.key, hint: 'Shown only now: the service keeps only a hash. Send it as Authorization: Bearer from your backend.' }).element));
          once.querySelector('input').focus();
          reload();
        } catch (e) {
          if (e.status !== 401) showError(e, { fields, slot: formSlot });
        } finally {
          submit.disabled = false;
        }
      });
      root.append(pageHeader('API keys', { lead: 'Keys let your backends and CI call the owner API with a role, without a person’s password.' }), slot,
        h('section', { class: 'panel', 'aria-labelledby': 'new-key-title' }, h('h2', { id: 'new-key-title' }, 'New API key'), form, once),
        list);
      draw(answer.api_keys || []);
      root.querySelector('h1').focus();
    },
    fail: (root, e) => failed(root, e, 'The API keys could not be loaded'),
  };
}
