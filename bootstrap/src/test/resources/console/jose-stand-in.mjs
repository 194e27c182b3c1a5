// Stands in for npm's jose where no npm registry is reachable (ConsoleBrowserTest): the one call the
// console's Node.js snippet makes, new SignJWT(payload).setProtectedHeader(header).sign(key), computed
// as RFC 7515 defines HS256 over the compact serialization. With the real jose installed, the test uses it.
import { createHmac } from 'node:crypto';

const part = (json) => Buffer.from(JSON.stringify(json), 'utf8').toString('base64url');

export class SignJWT {
  constructor(payload) {
    this.payload = payload;
  }

  setProtectedHeader(header) {
    this.header = header;
    return this;
  }

  async sign(key) {
    if (this.header.alg !== 'HS256' || !(key instanceof Uint8Array)) throw new Error('HS256 with a byte key only');
    const input = `${part(this.header)}.${part(this.payload)}`;
    return `${input}.${createHmac('sha256', key).update(input).digest('base64url')}`;
  }
}
