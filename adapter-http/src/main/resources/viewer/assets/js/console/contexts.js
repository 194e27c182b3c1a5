// Share contexts (docs/console.md): named groups of people who sign in to the portal by email.
// The list with a create form; one context with rename and delete, its members (an address or a
// whole domain, optionally until a date) and the portal sessions it admits, each revocable.
import { h, clear, announce } from '../dom.js';
import { seg } from '../api.js';
import { hrefOf } from './router.js';
import { failed } from './dashboards.js';
import { busy, clearErrors, confirmAction, dataTable, formatTime, inputField, localToIso, pageHeader, say, selectField, showError } from './ui.js';

const canEdit = (me) => me && (me.role === 'admin' || me.role === 'editor');

/** Messages for the member form's refusals (docs/api.md, share contexts). */
export function memberProblem(e) {
  const reason = e.details && e.details.reason;
  if (reason === 'public_email_domain') {
    return 'This is a public email provider: anyone can have an address there. Add such people one by one by address.';
  }
  if (e.code === 'CONFLICT') return 'This address or domain is already a member.';
  return e.message;
}

export function contextsView(ctx) {
  return {
    loading: 'Loading the share contexts…',
    load: (signal) => ctx.session.call('GET', '/api/v1/share-contexts', { signal }),
    render(root, answer) {
      document.title = 'Share contexts · Console';
      const list = answer.share_contexts || [];
      root.append(pageHeader('Share contexts', { lead: 'A share context is a group of people outside the company who sign in by email to see the dashboards shared with it.' }),
        dataTable({
          caption: 'Share contexts',
          columns: ['Name', 'Description', 'Created'],
          rows: list,
          rowData: (c) => ({ context: c.id }),
          cells: (c) => [h('a', { href: hrefOf({ view: 'context', id: c.id }) }, c.name), c.description || '', formatTime(c.created_at)],
          empty: 'No share contexts yet.',
        }));
      if (canEdit(ctx.me)) {
        const name = inputField({ label: 'Name', name: 'name', required: true });
        const description = inputField({ label: 'Description', name: 'description', hint: 'Optional.' });
        const slot = h('div', { class: 'form-slot' });
        const submit = h('button', { type: 'submit', class: 'button' }, 'Create share context');
        const form = h('form', { class: 'inline-form', novalidate: true, 'aria-labelledby': 'new-context-title', id: 'new-context' },
          slot, name.field.element, description.field.element, submit);
        const fields = { name: name.field, description: description.field };
        form.addEventListener('submit', async (event) => {
          event.preventDefault();
          clearErrors(fields, slot);
          if (!name.input.value.trim()) { name.field.setError('Give the context a name.'); name.input.focus(); return; }
          const body = { name: name.input.value.trim() };
          if (description.input.value.trim()) body.description = description.input.value.trim();
          submit.disabled = true;
          try {
            const created = await ctx.session.call('POST', '/api/v1/share-contexts', { body });
            announce(`${created.name} created.`);
            ctx.go(hrefOf({ view: 'context', id: created.id }));
          } catch (e) {
            if (e.status !== 401) showError(e, { fields, slot });
          } finally {
            submit.disabled = false;
          }
        });
        root.append(h('section', { class: 'panel', 'aria-labelledby': 'new-context-title' }, h('h2', { id: 'new-context-title' }, 'New share context'), form));
      }
      root.querySelector('h1').focus();
    },
    fail: (root, e) => failed(root, e, 'The share contexts could not be loaded'),
  };
}

export function contextView(ctx, route) {
  const base = `/api/v1/share-contexts/${seg(route.id)}`;
  return {
    loading: 'Loading the share context…',
    load: (signal) => ctx.session.call('GET', base, { signal }),
    render(root, context) {
      document.title = `${context.name} · Console`;
      const editor = canEdit(ctx.me);
      const heading = pageHeader(context.name, { lead: context.description || null });
      root.append(h('p', { class: 'back' }, h('a', { href: hrefOf({ view: 'contexts' }), class: 'back-link' }, '← All share contexts')), heading);
      if (editor) root.append(settings(ctx, base, context, heading));
      root.append(members(ctx, base, editor), sessions(ctx, base, editor));
      root.querySelector('h1').focus();
    },
    fail: (root, e) => failed(root, e, 'The share context could not be loaded'),
  };
}

function settings(ctx, base, context, heading) {
  const name = inputField({ label: 'Name', name: 'name', value: context.name });
  const description = inputField({ label: 'Description', name: 'description', value: context.description || '', hint: 'Empty removes it.' });
  const slot = h('div', { class: 'form-slot' });
  const save = h('button', { type: 'submit', class: 'button' }, 'Save');
  const remove = h('button', { type: 'button', class: 'button button--danger', id: 'delete-context' }, 'Delete share context');
  const fields = { name: name.field, description: description.field };
  const form = h('form', { class: 'inline-form', novalidate: true, 'aria-labelledby': 'context-settings-title' },
    slot, name.field.element, description.field.element, h('div', { class: 'console-actions' }, save, remove));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(fields, slot);
    if (!name.input.value.trim()) { name.field.setError('The name cannot be empty.'); name.input.focus(); return; }
    save.disabled = true;
    try {
      const updated = await ctx.session.call('PATCH', base, { body: { name: name.input.value.trim(), description: description.input.value.trim() || null } });
      heading.querySelector('h1').textContent = updated.name;
      document.title = `${updated.name} · Console`;
      say(slot, 'Saved.', 'success');
    } catch (e) {
      if (e.status !== 401) showError(e, { fields, slot });
    } finally {
      save.disabled = false;
    }
  });
  remove.addEventListener('click', async () => {
    const yes = await confirmAction({ title: `Delete ${context.name}?`, message: 'Its members lose access to every dashboard shared with it, at once.', confirm: 'Delete' });
    if (!yes) return;
    try {
      await ctx.session.call('DELETE', base);
      announce('Share context deleted.');
      ctx.go(hrefOf({ view: 'contexts' }));
    } catch (e) {
      if (e.status !== 401) say(slot, e.message, 'error');
    }
  });
  return h('section', { class: 'panel', 'aria-labelledby': 'context-settings-title' }, h('h2', { id: 'context-settings-title' }, 'Name and description'), form);
}

function members(ctx, base, editor) {
  const slot = h('div', { class: 'form-slot' });
  const list = h('div', {}, h('p', { class: 'page-loading' }, 'Loading the members…'));
  const section = h('section', { class: 'panel', 'aria-labelledby': 'members-title', id: 'members' }, h('h2', { id: 'members-title' }, 'Members'), slot, list);

  async function load() {
    try {
      const answer = await ctx.session.call('GET', `${base}/members`);
      clear(list);
      list.append(dataTable({
        caption: 'Members',
        columns: ['Who', 'Kind', 'Expires', 'Last sign-in', 'Added', editor ? 'Actions' : ''].filter(Boolean),
        rows: answer.members || [],
        rowData: (m) => ({ member: m.id }),
        empty: 'No members yet: nobody can sign in.',
        cells: (m) => {
          const who = m.member_type === 'email_domain' ? `anyone@${m.domain}` : m.email;
          const cells = [who, m.member_type === 'email_domain' ? 'Whole domain' : 'Email address', formatTime(m.expires_at),
            formatTime(m.last_sign_in_at), formatTime(m.created_at)];
          if (editor) {
            const remove = h('button', { type: 'button', class: 'button button--danger button--small', 'aria-label': `Remove ${who}` }, 'Remove');
            remove.addEventListener('click', async () => {
              const yes = await confirmAction({ title: `Remove ${who}?`, message: 'Their access ends at once, even in a session already open.', confirm: 'Remove' });
              if (!yes) return;
              try {
                await ctx.session.call('DELETE', `${base}/members/${seg(m.id)}`);
                announce(`${who} removed.`);
                load();
              } catch (e) {
                if (e.status !== 401) say(slot, e.message, 'error');
              }
            });
            cells.push(remove);
          }
          return cells;
        },
      }));
    } catch (e) {
      if (e.status !== 401) say(slot, e.message, 'error');
    }
  }

  if (editor) {
    const kind = selectField({ label: 'Kind', name: 'member_type', options: [
      { value: 'external_email', label: 'One email address' },
      { value: 'email_domain', label: 'Everyone at a domain' },
    ] });
    const who = inputField({ label: 'Email address', name: 'email', type: 'email', hint: 'They sign in with a one-time code sent to this address.' });
    const whoLabel = who.field.element.querySelector('label');
    const whoHint = who.field.element.querySelector('.field-hint');
    kind.input.addEventListener('change', () => {
      const domain = kind.input.value === 'email_domain';
      whoLabel.textContent = domain ? 'Domain' : 'Email address';
      who.input.type = domain ? 'text' : 'email';
      who.input.name = domain ? 'domain' : 'email';
      whoHint.textContent = domain
        ? 'Every address exactly at this domain (not its subdomains), such as customer.com. Public email providers are refused.'
        : 'They sign in with a one-time code sent to this address.';
    });
    const expires = inputField({ label: 'Expires', type: 'datetime-local', name: 'expires_at', hint: 'Optional, in your time zone.' });
    const formSlot = h('div', { class: 'form-slot' });
    const add = h('button', { type: 'submit', class: 'button' }, 'Add member');
    const fields = { email: who.field, domain: who.field, expires_at: expires.field, member_type: kind.field };
    const form = h('form', { class: 'inline-form', novalidate: true, 'aria-labelledby': 'add-member-title', id: 'add-member' },
      formSlot, kind.field.element, who.field.element, expires.field.element, add);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clearErrors(fields, formSlot);
      const value = who.input.value.trim();
      if (!value) { who.field.setError('Enter an address or a domain.'); who.input.focus(); return; }
      const body = kind.input.value === 'email_domain' ? { member_type: 'email_domain', domain: value } : { member_type: 'external_email', email: value };
      const at = localToIso(expires.input.value);
      if (at) body.expires_at = at;
      add.disabled = true;
      try {
        await ctx.session.call('POST', `${base}/members`, { body });
        // The kind stays: adding several domains (or addresses) in a row is the usual case.
        who.input.value = '';
        expires.input.value = '';
        say(formSlot, `${value} added.`, 'success');
        load();
        who.input.focus();
      } catch (e) {
        if (e.status !== 401) {
          const target = showError(e, { fields, slot: formSlot, describe: memberProblem });
          (target === expires.field ? expires.input : who.input).focus();
        }
      } finally {
        add.disabled = false;
      }
    });
    section.append(h('h3', { id: 'add-member-title' }, 'Add a member'), form);
  }
  load();
  return section;
}

function sessions(ctx, base, editor) {
  const slot = h('div', { class: 'form-slot' });
  const list = h('div', {}, h('p', { class: 'page-loading' }, 'Loading the sessions…'));
  const section = h('section', { class: 'panel', 'aria-labelledby': 'sessions-title', id: 'sessions' },
    h('h2', { id: 'sessions-title' }, 'Signed-in people'),
    h('p', { class: 'muted' }, 'Portal sessions of the people this context admits now. Revoking one signs that person out at once.'),
    slot, list);
  async function load() {
    try {
      const answer = await ctx.session.call('GET', `${base}/sessions`);
      clear(list);
      list.append(dataTable({
        caption: 'Portal sessions',
        columns: ['Email', 'Signed in', 'Last seen', 'Ends', editor ? 'Actions' : ''].filter(Boolean),
        rows: answer.sessions || [],
        rowData: (s) => ({ session: s.id }),
        empty: 'Nobody is signed in.',
        cells: (s) => {
          const cells = [s.email, formatTime(s.created_at), formatTime(s.last_seen_at), formatTime(s.expires_at)];
          if (editor) {
            const revoke = h('button', { type: 'button', class: 'button button--danger button--small', 'aria-label': `Sign out ${s.email}` }, 'Sign out');
            revoke.addEventListener('click', busy(revoke, 'Working…', async () => {
              const yes = await confirmAction({ title: `Sign out ${s.email}?`, message: 'Their session ends now in every share context of the company; they can sign in again with a new code if they are still a member.', confirm: 'Sign out' });
              if (!yes) return;
              try {
                await ctx.session.call('DELETE', `${base}/sessions/${seg(s.id)}`);
                announce(`${s.email} is signed out.`);
                load();
              } catch (e) {
                if (e.status !== 401) say(slot, e.message, 'error');
              }
            }));
            cells.push(revoke);
          }
          return cells;
        },
      }));
    } catch (e) {
      if (e.status === 403) { clear(list); list.append(h('p', { class: 'muted' }, 'Your role may not see sessions.')); return; }
      if (e.status !== 401) say(slot, e.message, 'error');
    }
  }
  load();
  return section;
}
