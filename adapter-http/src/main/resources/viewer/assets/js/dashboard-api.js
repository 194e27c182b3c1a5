// The object a dashboard view talks to (dashboard.js): resolve, execute, options and a widget's
// CSV export of one dashboard, whatever flow serves it. The public link and the embed differ only in their base
// path and resolve step; the portal adds its share context to every call and sends them with its
// session's token; an owner page passes its own base and call.
import { request, seg, withQuery } from './api.js';

/**
 * @param base the dashboard's API path; `${base}/execute`, `${base}/filters/{slug}/options` and
 *   `${base}/widgets/{slug}/export` follow
 * @param resolvePath what resolve() GETs (default: base)
 * @param scope fields every call carries: in the execute body beside `parameters`, in the query otherwise
 * @param call (method, url, {body, signal}) => Promise, default: a plain request
 */
export function dashboardApi({ base, resolvePath = base, scope = {}, call = request }) {
  return {
    resolve: (signal) => call('GET', withQuery(resolvePath, scope), { signal }),
    execute: (parameters, signal) => call('POST', `${base}/execute`, { body: { ...scope, parameters }, signal }),
    options: (slug, search, signal) => call('GET', withQuery(`${base}/filters/${seg(slug)}/options`, { ...scope, search }), { signal }),
    // The same parameters as execute; answers {blob, filename}.
    exportWidget: (slug, parameters, signal) => call('POST', `${base}/widgets/${seg(slug)}/export`,
      { body: { ...scope, parameters, format: 'csv' }, signal, file: 'text/csv' }),
  };
}
