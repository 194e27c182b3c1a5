// A dashboard drawn through an `api` object (dashboard-api.js): title and description, the
// filters the viewer may use, and every widget. It does not know which flow it is in: the public
// link, the embed and the portal each pass their own api. Any filter change re-executes; the
// newest answer wins. When the answer allows downloads, table and chart widgets get a button that
// exports them with the filters as they stand.
import { h, clear, announce, uid, debounce } from './dom.js';
import { latestOnly } from './latest.js';
import { collectParameters, createFilterControl } from './filters.js';
import { createWidgetCard } from './widgets.js';
import { createDownloadButton, DOWNLOADABLE } from './download.js';
import { ENDS_PAGE } from './states.js';

const FILTER_ERRORS = new Set(['SHARE_FILTER_POLICY_VIOLATION', 'FILTER_DISABLED_BY_POLICY', 'INVALID_PARAMETER']);

/**
 * Resolves the dashboard through `api`, then mounts it. A failed resolve is thrown: each page
 * explains it its own way.
 * @param before (shared) => a node shown above the title, or null
 * @returns {shared, dashboard} the resolve answer and mountDashboard's handle
 */
export async function openDashboard(root, api, { before, signal, ...options } = {}) {
  const shared = await api.resolve(signal);
  return { shared, dashboard: mountDashboard(root, shared, api, { ...options, before: before ? before(shared) : null }) };
}

/**
 * @param root element to fill
 * @param shared the resolve answer: {dashboard, filters, downloads}
 * @param api {execute(parameters, signal), options(slug, search, signal), exportWidget(slug, parameters)}
 * @param opts {titled, before, onFatal(error)} onFatal takes errors that end the page (TOKEN_INVALID, ...)
 * @returns {run(), rerender(), destroy()}
 */
export function mountDashboard(root, shared, api, { titled = true, onFatal, before } = {}) {
  clear(root);
  const board = shared.dashboard;
  const titleId = uid('dash-title');
  const headerChildren = [h('h1', { id: titleId, class: titled ? 'dash-title' : 'visually-hidden' }, board.name)];
  if (board.description) headerChildren.push(h('p', { class: 'dash-description', hidden: !titled }, board.description));
  const section = h('section', { class: 'dashboard', 'aria-labelledby': titleId, dataset: { dashboard: board.slug } },
    before || null,
    h('header', { class: 'dash-header' }, headerChildren));
  document.title = board.name;

  // Coalesces a burst of clicks (several checkboxes) into one query.
  const scheduleRun = debounce(() => run(), 120);
  const runs = latestOnly();

  const controls = (shared.filters || []).map((filter) => createFilterControl(filter, {
    loadOptions: api.options,
    onChange: scheduleRun,
  }));
  const formError = h('p', { class: 'form-error', role: 'alert', hidden: true });
  if (controls.length) {
    const filtersTitle = uid('filters-title');
    const form = h('form', { class: 'filters', 'aria-labelledby': filtersTitle, novalidate: true },
      h('h2', { id: filtersTitle, class: 'filters-title' }, 'Filters'),
      h('div', { class: 'filters-grid' }, controls.map((c) => c.element)),
      formError);
    // Enter in a text or number field applies it.
    form.addEventListener('submit', (event) => { event.preventDefault(); run(); });
    section.append(form);
  }

  const cards = (board.widgets || []).map((widget) => createWidgetCard(widget));
  if (shared.downloads && api.exportWidget) {
    (board.widgets || []).forEach((widget, i) => {
      if (DOWNLOADABLE.has(widget.visualization)) {
        cards[i].header.append(createDownloadButton(widget, (slug) => exportWidget(slug)).element);
      }
    });
  }
  const widgetsTitle = uid('widgets-title');
  section.append(h('section', { class: 'widgets-region', 'aria-labelledby': widgetsTitle },
    h('h2', { id: widgetsTitle, class: 'visually-hidden' }, 'Widgets'),
    h('div', { class: 'widgets' }, cards.map((c) => c.element))));
  root.append(section);

  function clearErrors() {
    controls.forEach((c) => c.clearError());
    formError.hidden = true;
    formError.textContent = '';
  }

  function setLoading(on) {
    section.setAttribute('aria-busy', on ? 'true' : 'false');
    section.classList.toggle('is-loading', on);
    cards.forEach((c) => c.setLoading(on));
  }

  function showResult(result) {
    clearErrors();
    const bySlug = new Map((result.widgets || []).map((w) => [w.slug, w]));
    cards.forEach((card, i) => {
      const widget = bySlug.get(board.widgets[i].slug);
      if (widget) card.render(widget);
    });
    const effective = result.parameters || {};
    controls.forEach((c) => c.reflect(effective[c.slug]));
    const failed = (result.widgets || []).filter((w) => w.error).length;
    announce(failed ? `Dashboard updated; ${failed} ${failed === 1 ? 'widget' : 'widgets'} could not be loaded.` : 'Dashboard updated.');
    section.dataset.runs = String((Number(section.dataset.runs) || 0) + 1);
  }

  function showError(e) {
    if (onFatal && ENDS_PAGE.has(e.code)) {
      onFatal(e);
      return;
    }
    clearErrors();
    const control = e.filterSlug && controls.find((c) => c.slug === e.filterSlug);
    if (control && FILTER_ERRORS.has(e.code)) {
      control.setError(e.message);
    } else {
      formError.textContent = e.message || 'The dashboard could not be updated.';
      formError.hidden = false;
      if (!controls.length) section.prepend(formError);
    }
    announce(e.message || 'The dashboard could not be updated.');
  }

  /** The export of one widget with the filters as they are now; null (and the fields say why) when they cannot be sent. */
  function exportWidget(slug) {
    const { parameters, problems } = collectParameters(controls);
    if (problems.length) {
      clearErrors();
      problems.forEach(({ control, message }) => control.setError(message));
      announce(problems[0].message);
      return null;
    }
    return api.exportWidget(slug, parameters);
  }

  function run() {
    scheduleRun.cancel();
    const { parameters, problems } = collectParameters(controls);
    if (problems.length) {
      // Text the server would refuse is not sent: the last answer stays, the field says why.
      runs.cancel();
      setLoading(false);
      clearErrors();
      problems.forEach(({ control, message }) => control.setError(message));
      announce(problems[0].message);
      return Promise.resolve();
    }
    setLoading(true);
    announce('Loading the dashboard…');
    return runs.run((signal) => api.execute(parameters, signal), {
      onResult: showResult,
      onError: showError,
      onSettled: () => setLoading(false),
    });
  }

  run();
  return {
    run,
    rerender: () => cards.forEach((c) => c.rerender()),
    destroy() {
      scheduleRun.cancel();
      runs.cancel();
      controls.forEach((c) => c.destroy && c.destroy());
      cards.forEach((c) => c.destroy());
    },
  };
}
