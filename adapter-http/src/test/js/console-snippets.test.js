import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { claimsOf, iframeSnippet, javaSnippet, nodeSnippet, pythonSnippet } from '../../main/resources/viewer/assets/js/console/snippets.js';

const VALUES = {
  kid: 'q3Yy0p1bYc8cWm4M',
  companySlug: 'acme',
  dashboardId: '1ff16ef1-d2e8-4c8f-9e8b-59730744ff9e',
  baseUrl: 'https://sharing.example.com',
  body: { allowed_params: ['period_start', 'status'], required_params: ['period_start'], fixed_params: { region: 'west', status: ['Active'] }, expires_in: 900, downloads: true },
};

test('the claims are the documented set for the mint body', () => {
  assert.deepEqual(claimsOf(VALUES), {
    iss: 'acme', aud: 'embed', sub: VALUES.dashboardId, company: 'acme',
    allowed_params: ['period_start', 'status'], required_params: ['period_start'],
    fixed_params: { region: 'west', status: ['Active'] }, downloads: true,
  });
});

test('every snippet carries the real kid, company and dashboard id, and never a secret', () => {
  for (const code of [nodeSnippet(VALUES), javaSnippet(VALUES), pythonSnippet(VALUES)]) {
    assert.match(code, /q3Yy0p1bYc8cWm4M/);
    assert.match(code, /1ff16ef1-d2e8-4c8f-9e8b-59730744ff9e/);
    assert.match(code, /"acme"|'acme'/);
    assert.match(code, /EMBED_SECRET/);
    assert.match(code, /embed\+jwt/);
    assert.match(code, /900/);
  }
  assert.match(javaSnippet(VALUES), /\.claim\("fixed_params", Map\.of\("region", "west", "status", List\.of\("Active"\)\)\)/);
  assert.match(javaSnippet(VALUES), /\.claim\("downloads", true\)/);
  assert.match(pythonSnippet(VALUES), /"fixed_params": \{"region": "west", "status": \["Active"\]\},/);
  assert.match(pythonSnippet(VALUES), /"downloads": True,/);
  assert.match(pythonSnippet({ ...VALUES, body: { ...VALUES.body, downloads: false } }), /"downloads": False,/);
});

test('the iframe escapes its attributes', () => {
  assert.equal(iframeSnippet('https://x.test/embed/d/a.b.c', 'Sales "Q1" <b>'),
    '<iframe src="https://x.test/embed/d/a.b.c" title="Sales &quot;Q1&quot; &lt;b>" width="100%" height="800" loading="lazy"></iframe>');
});

// npm's jose is not on this machine (no registry cache): a stand-in with the one call the snippet
// makes, SignJWT(payload).setProtectedHeader(header).sign(key), computed as RFC 7515 says.
const JOSE_STAND_IN = `import { createHmac } from 'node:crypto';
const part = (json) => Buffer.from(JSON.stringify(json), 'utf8').toString('base64url');
export class SignJWT {
  constructor(payload) { this.payload = payload; }
  setProtectedHeader(header) { this.header = header; return this; }
  async sign(key) {
    if (this.header.alg !== 'HS256' || !(key instanceof Uint8Array)) throw new Error('HS256 with a byte key only');
    const input = part(this.header) + '.' + part(this.payload);
    return input + '.' + createHmac('sha256', key).update(input).digest('base64url');
  }
}
`;

test('the Node.js snippet runs and signs the claims with the decoded secret under the kid', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sign-embed-'));
  try {
    mkdirSync(join(dir, 'node_modules', 'jose'), { recursive: true });
    writeFileSync(join(dir, 'node_modules', 'jose', 'package.json'), '{"name": "jose", "type": "module", "main": "index.js"}');
    writeFileSync(join(dir, 'node_modules', 'jose', 'index.js'), JOSE_STAND_IN);
    writeFileSync(join(dir, 'sign-embed.mjs'), nodeSnippet(VALUES));
    const secretBytes = randomBytes(32);
    const secret = secretBytes.toString('base64url');
    const before = Math.floor(Date.now() / 1000);
    const printed = execFileSync(process.execPath, ['sign-embed.mjs'], { cwd: dir, env: { ...process.env, EMBED_SECRET: secret } }).toString().trim();
    assert.ok(printed.startsWith('https://sharing.example.com/embed/d/'), printed);
    const token = printed.slice('https://sharing.example.com/embed/d/'.length);
    const [header, claims, signature] = token.split('.');
    const decode = (segment) => JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    assert.deepEqual(decode(header), { alg: 'HS256', typ: 'embed+jwt', kid: 'q3Yy0p1bYc8cWm4M' });
    const c = decode(claims);
    assert.deepEqual({ ...c, iat: 0, exp: 0, jti: '' }, { ...claimsOf(VALUES), iat: 0, exp: 0, jti: '' });
    assert.ok(c.iat >= before && c.exp === c.iat + 900 && c.jti.length > 10);
    assert.equal(signature, createHmac('sha256', secretBytes).update(`${header}.${claims}`).digest('base64url'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
