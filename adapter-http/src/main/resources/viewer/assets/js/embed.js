// GET /embed/d/{token}: the iframe page. No page chrome; `#theme=dark`, `#bordered=false` and
// `#titled=false` adjust it, and the parent is told the content height on every change:
// {type: "dashshare:resize", height} via postMessage, so the host can size the iframe.
import { seg } from './api.js';
import { dashboardApi } from './dashboard-api.js';
import { pathSegment } from './dom.js';
import { openDashboard } from './dashboard.js';
import { showFailure } from './states.js';

const main = document.getElementById('main');
const base = `/api/embed/d/${seg(pathSegment(3))}`;
const api = dashboardApi({ base, resolvePath: `${base}/info` });
let dashboard = null;

function hashOptions() {
  const options = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  return {
    dark: options.get('theme') === 'dark',
    bordered: options.get('bordered') !== 'false',
    titled: options.get('titled') !== 'false',
  };
}

function applyLook() {
  const look = hashOptions();
  document.documentElement.dataset.theme = look.dark ? 'dark' : 'light';
  document.documentElement.classList.toggle('embed-borderless', !look.bordered);
  return look;
}

// Only a height crosses to the parent, and only origins the company configured may frame this
// page (frame-ancestors), so no target origin narrower than '*' is needed.
let lastHeight = -1;
function postHeight() {
  if (window.parent === window) return;
  const height = Math.ceil(main.getBoundingClientRect().height);
  if (height === lastHeight) return;
  lastHeight = height;
  window.parent.postMessage({ type: 'dashshare:resize', height }, '*');
}

async function start() {
  const look = applyLook();
  new ResizeObserver(postHeight).observe(main);
  postHeight();
  try {
    ({ dashboard } = await openDashboard(main, api, { titled: look.titled, onFatal: (e) => showFailure(main, e, { what: 'embed' }) }));
  } catch (e) {
    showFailure(main, e, { what: 'embed' });
  }
}

window.addEventListener('hashchange', () => {
  const before = document.querySelector('.dash-title, .dashboard h1');
  const look = applyLook();
  if (before) before.className = look.titled ? 'dash-title' : 'visually-hidden';
  const description = document.querySelector('.dash-description');
  if (description) description.hidden = !look.titled;
  if (dashboard) dashboard.rerender();
});
window.addEventListener('load', postHeight);

start();
