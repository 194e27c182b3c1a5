// The owner's access token for this tab: in sessionStorage (gone when the tab closes, never a
// cookie, never localStorage), sent only in the Authorization header, so no other site can use it
// (no CSRF) and no URL or log carries it. The invite page stores it under the same key, so an
// owner who has just accepted an invite arrives signed in. A refused token (401: expired, signed
// out elsewhere, password changed, owner disabled) ends the session: onExpired sends the person
// back to the sign-in page with a message.
import { ApiError, request } from '../api.js';

export const TOKEN_KEY = 'dashshare.console.access-token';
const EXPIRES_KEY = 'dashshare.console.expires-at';

export class OwnerSession {
  /** @param storage sessionStorage (or a stand-in); @param onExpired (error) => void */
  constructor(storage, { onExpired = () => {}, send = request } = {}) {
    this.storage = storage;
    this.onExpired = onExpired;
    this.send = send;
    this.me = null;
  }

  get token() {
    try {
      return this.storage.getItem(TOKEN_KEY);
    } catch (e) {
      return null;
    }
  }

  get signedIn() {
    return Boolean(this.token);
  }

  /** Keeps a login or accept-invite answer. */
  store(answer) {
    try {
      this.storage.setItem(TOKEN_KEY, answer.access_token);
      this.storage.setItem(EXPIRES_KEY, String(Date.now() + (Number(answer.expires_in) || 0) * 1000));
    } catch (e) {
      // Storage refused: nothing to keep the session in.
    }
    this.me = null;
  }

  /** Whether the token's lifetime has passed by the clock of this tab (the server decides anyway). */
  expired(now = Date.now()) {
    try {
      const at = Number(this.storage.getItem(EXPIRES_KEY));
      return Boolean(at) && now >= at;
    } catch (e) {
      return false;
    }
  }

  clear() {
    try {
      this.storage.removeItem(TOKEN_KEY);
      this.storage.removeItem(EXPIRES_KEY);
    } catch (e) {
      // nothing stored
    }
    this.me = null;
  }

  /** An owner API call with the token; a 401 ends the session. */
  async call(method, url, options = {}) {
    const token = this.token;
    if (!token || this.expired()) {
      const e = new ApiError(401, { error_code: 'TOKEN_INVALID', message: 'Your session has expired.' });
      this.end(e);
      throw e;
    }
    try {
      return await this.send(method, url, { ...options, headers: { ...(options.headers || {}), Authorization: `Bearer ${token}` } });
    } catch (e) {
      if (e.status === 401) this.end(e);
      throw e;
    }
  }

  end(e) {
    this.clear();
    this.onExpired(e);
  }

  /** GET /api/v1/auth/me, once per session. */
  async whoAmI() {
    if (!this.me) this.me = await this.call('GET', '/api/v1/auth/me');
    return this.me;
  }

  async logout() {
    const token = this.token;
    this.clear();
    if (!token) return;
    try {
      await this.send('POST', '/api/v1/auth/logout', { headers: { Authorization: `Bearer ${token}` } });
    } catch (e) {
      // The token is gone from this tab either way; it expires on the server.
    }
  }
}
