// GET /s/{token}: the public link page (guide flow 1).
import { seg } from './api.js';
import { dashboardApi } from './dashboard-api.js';
import { pathSegment } from './dom.js';
import { openDashboard } from './dashboard.js';
import { showFailure } from './states.js';

const main = document.getElementById('main');
const base = `/api/v1/public/shares/${seg(pathSegment(2))}`;
const api = dashboardApi({ base, resolvePath: `${base}/resolve` });

async function start() {
  try {
    const { shared } = await openDashboard(main, api, { onFatal: (e) => showFailure(main, e) });
    const brand = document.querySelector('.brand');
    if (brand && shared.company) brand.textContent = `${shared.company.name} · shared dashboard`;
  } catch (e) {
    showFailure(main, e);
  }
}

start();
