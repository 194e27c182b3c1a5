// A dashboard drawn from its flow's API: title and description, the filters the viewer may use,
// and every widget. Any filter change re-executes; the newest answer wins.
import { h, clear, announce, uid, debounce } from './dom.js';
import { isAbort } from './api.js';
import { createFilterControl } from './filters.js';
import { createWidgetCard } from './widgets.js';
import { ENDS_PAGE } from './states.js';

const FILTER_ERRORS = new Set(['SHARE_FILTER_POLICY_VIOLATION', 'FILTER_DISABLED_BY_POLICY', 'INVALID_PARAMETER']);

/**
 * @param root element to fill
 * @param shared resolve/info/portal-dashboard answer
 * @param api {execute(parameters, signal), options(slug, search, signal)}
 * @param opts {titled, onFatal(error)} onFatal takes errors that end the page (TOKEN_INVALID, ...)
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

  const cards = (board.widgets || []).map(createWidgetCard);
  const widgetsTitle = uid('widgets-title');
  section.append(h('section', { class: 'widgets-region', 'aria-labelledby': widgetsTitle },
    h('h2', { id: widgetsTitle, class: 'visually-hidden' }, 'Widgets'),
    h('div', { class: 'widgets' }, cards.map((c) => c.element))));
  root.append(section);

  let seq = 0;
  let inflight = null;

  function parameters() {
    const values = {};
    for (const control of controls) {
      const value = control.value();
      if (value !== undefined) values[control.slug] = value;
    }
    return values;
  }

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

  async function run() {
    scheduleRun.cancel();
    seq += 1;
    const mine = seq;
    if (inflight) inflight.abort();
    inflight = new AbortController();
    setLoading(true);
    announce('Loading the dashboard…');
    try {
      const result = await api.execute(parameters(), inflight.signal);
      if (mine !== seq) return;
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
    } catch (e) {
      if (isAbort(e) || mine !== seq) return;
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
    } finally {
      if (mine === seq) setLoading(false);
    }
  }

  run();
  return {
    run,
    rerender: () => cards.forEach((c) => c.rerender()),
    destroy() {
      scheduleRun.cancel();
      if (inflight) inflight.abort();
      cards.forEach((c) => c.destroy());
    },
  };
}
