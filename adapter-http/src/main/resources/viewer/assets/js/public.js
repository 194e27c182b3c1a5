// GET /s/{token}: the public link page (guide flow 1).
import { request, seg, withQuery } from './api.js';
import { pathSegment } from './dom.js';
import { mountDashboard } from './dashboard.js';
import { showFailure } from './states.js';

const main = document.getElementById('main');
const token = pathSegment(2);
const base = `/api/v1/public/shares/${seg(token)}`;

const api = {
  execute: (parameters, signal) => request('POST', `${base}/execute`, { body: { parameters }, signal }),
  options: (slug, search, signal) => request('GET', withQuery(`${base}/filters/${seg(slug)}/options`, { search }), { signal }),
};

async function start() {
  try {
    const shared = await request('GET', `${base}/resolve`);
    const brand = document.querySelector('.brand');
    if (brand && shared.company) brand.textContent = `${shared.company.name} · shared dashboard`;
    mountDashboard(main, shared, api, { onFatal: (e) => showFailure(main, e) });
  } catch (e) {
    showFailure(main, e);
  }
}

start();
