// The portal's share-access session. The tokens live in this tab's sessionStorage only (never a
// cookie, never localStorage): gone when the tab closes, invisible to other sites and tabs. The
// access token is refreshed before it expires; refresh tokens rotate, so one refresh runs at a
// time (replaying a used refresh token ends the session by design).
import { ApiError, request } from './api.js';

const REFRESH_MARGIN_MS = 60_000;

export class PortalSession {
  constructor(companySlug, { onEnded } = {}) {
    this.storageKey = `dashshare.portal.${companySlug}`;
    this.onEnded = onEnded || (() => {});
    this.timer = null;
    this.refreshing = null;
    this.state = this.load();
    if (this.state) this.schedule();
  }

  load() {
    try {
      const raw = window.sessionStorage.getItem(this.storageKey);
      const state = raw ? JSON.parse(raw) : null;
      return state && state.accessToken && state.refreshToken ? state : null;
    } catch (e) {
      return null;
    }
  }

  get signedIn() {
    return Boolean(this.state);
  }

  get email() {
    return this.state ? this.state.email : null;
  }

  /** Keeps a verify or refresh answer. */
  store(answer, email) {
    const lifetimeMs = Math.max(Number(answer.expires_in) || 0, 1) * 1000;
    this.state = {
      accessToken: answer.access_token,
      refreshToken: answer.refresh_token,
      expiresAt: Date.now() + lifetimeMs,
      lifetimeMs,
      email: email || (this.state && this.state.email) || null,
    };
    try {
      window.sessionStorage.setItem(this.storageKey, JSON.stringify(this.state));
    } catch (e) {
      // Storage refused (private mode quotas): the session still lives in memory for this page.
    }
    this.schedule();
  }

  /** Ahead of expiry by a minute, or by a fifth of the lifetime when that is shorter. */
  schedule() {
    window.clearTimeout(this.timer);
    if (!this.state) return;
    const margin = Math.min(REFRESH_MARGIN_MS, this.state.lifetimeMs / 5);
    const delay = Math.max(this.state.expiresAt - Date.now() - margin, 1000);
    this.timer = window.setTimeout(() => { this.refresh().catch(() => {}); }, delay);
  }

  clear() {
    window.clearTimeout(this.timer);
    this.state = null;
    this.refreshing = null;
    try {
      window.sessionStorage.removeItem(this.storageKey);
    } catch (e) {
      // nothing stored
    }
  }

  refresh() {
    if (!this.state) return Promise.reject(new ApiError(401, { error_code: 'TOKEN_INVALID', message: 'Signed out.' }));
    if (!this.refreshing) {
      const used = this.state.refreshToken;
      this.refreshing = request('POST', '/api/v1/share-auth/refresh', { body: { refresh_token: used } })
        .then((answer) => { this.store(answer); return this.state.accessToken; })
        .catch((e) => {
          if (e.status === 401 || e.status === 400) {
            this.clear();
            this.onEnded(e);
          }
          throw e;
        })
        .finally(() => { this.refreshing = null; });
    }
    return this.refreshing;
  }

  async accessToken() {
    if (!this.state) throw new ApiError(401, { error_code: 'TOKEN_INVALID', message: 'Signed out.' });
    if (this.refreshing) return this.refreshing;
    if (Date.now() > this.state.expiresAt - 5000) return this.refresh();
    return this.state.accessToken;
  }

  /** An API call with the share-access token; one refresh and retry when the token was refused. */
  async call(method, url, options = {}) {
    const token = await this.accessToken();
    try {
      return await request(method, url, { ...options, headers: { Authorization: `Bearer ${token}` } });
    } catch (e) {
      if (e.code !== 'TOKEN_INVALID' || !this.state) throw e;
      const fresh = this.state.accessToken !== token ? this.state.accessToken : await this.refresh();
      return request(method, url, { ...options, headers: { Authorization: `Bearer ${fresh}` } });
    }
  }

  /** {everywhere: true} ends every session of this person at this company, on every device. */
  async logout({ everywhere = false } = {}) {
    const state = this.state;
    this.clear();
    if (!state) return;
    try {
      await request('POST', '/api/v1/share-auth/logout', {
        body: everywhere ? { refresh_token: state.refreshToken, everywhere: true } : { refresh_token: state.refreshToken },
        headers: { Authorization: `Bearer ${state.accessToken}` },
      });
    } catch (e) {
      // The tokens are gone from this tab either way; the server forgets them on expiry.
    }
  }
}
