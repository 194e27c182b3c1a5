// The portal's routes and the host that shows one view at a time. The signed-in views are hash
// routes of one page, so that Back and a bookmark work: '' or '#' = the list,
// '#dashboard=<slug>&context=<id>' = one dashboard in one share context. The sign-in link of a
// code mail is '#email=<email>&code=<code>' (docs/viewer.md): it only fills the code form.
import { h, clear } from './dom.js';
import { latestOnly } from './latest.js';

/** location.hash -> {view: 'list'} or {view: 'dashboard', dashboard, context} */
export function parseRoute(hash) {
  const params = new URLSearchParams(String(hash || '').replace(/^#/, ''));
  const dashboard = params.get('dashboard');
  const context = params.get('context');
  return dashboard && context ? { view: 'dashboard', dashboard, context } : { view: 'list' };
}

/**
 * location.hash -> {email, code} when it is a code mail's sign-in link, else null. The values
 * are only shown in the form: nothing is sent until the person presses the button.
 */
export function parseSignIn(hash) {
  const params = new URLSearchParams(String(hash || '').replace(/^#/, ''));
  const email = (params.get('email') || '').trim();
  const code = (params.get('code') || '').trim();
  return email && code ? { email, code } : null;
}

/** The href of a route, the inverse of parseRoute. */
export function formatRoute(route) {
  if (route.view !== 'dashboard') return '#';
  return `#${new URLSearchParams({ dashboard: route.dashboard, context: route.context })}`;
}

/**
 * Shows views in `root`, one at a time. A view is {render(root, data) => handle?} with, when it
 * needs an answer first, {loading: text, load(signal) => Promise<data>, fail(root, error)};
 * render draws into an empty root.
 * Showing another view destroys the current one's handle and aborts and drops its pending load,
 * so a slow answer never draws over the view the person moved on to.
 */
export function createViewHost(root) {
  const loads = latestOnly();
  let current = null;

  function unmount() {
    loads.cancel();
    if (current && current.destroy) current.destroy();
    current = null;
  }

  function show(view) {
    unmount();
    clear(root);
    if (!view.load) {
      current = view.render(root) || null;
      return Promise.resolve();
    }
    root.append(h('p', { class: 'page-loading' }, view.loading || 'Loading…'));
    return loads.run((signal) => view.load(signal), {
      onResult: (data) => {
        clear(root);
        current = view.render(root, data) || null;
      },
      onError: (e) => view.fail(root, e),
    });
  }

  return { show, unmount };
}
