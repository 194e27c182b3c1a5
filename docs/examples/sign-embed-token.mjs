// Signs an embed token for the dashboard sharing service with nothing but Node.js's own crypto
// (Node 16+; no npm package). See docs/embedding.md for what each claim means.
//
//   EMBED_KID=... EMBED_SECRET=... COMPANY_SLUG=acme DASHBOARD_ID=... \
//   ALLOWED_PARAMS=period_start,period_end FIXED_PARAMS='{"region":"west"}' \
//   node sign-embed-token.mjs
import { createHmac, randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';

export function signEmbedToken({
  kid, secret, companySlug, dashboardId,
  allowedParams = [], requiredParams = [], fixedParams = {}, expiresInSeconds = 3600,
}) {
  const now = Math.floor(Date.now() / 1000);
  const header = { alg: 'HS256', typ: 'embed+jwt', kid };
  const claims = {
    iss: companySlug,
    aud: 'embed',
    sub: dashboardId,
    company: companySlug,
    allowed_params: allowedParams,
    required_params: requiredParams,
    fixed_params: fixedParams,
    iat: now,
    exp: now + expiresInSeconds,
    jti: randomUUID(),
  };
  const encode = (json) => Buffer.from(JSON.stringify(json), 'utf8').toString('base64url');
  const signingInput = `${encode(header)}.${encode(claims)}`;
  // The secret is base64url text: the HMAC key is the 32 bytes it encodes, not the text itself.
  const key = Buffer.from(secret, 'base64url');
  const signature = createHmac('sha256', key).update(signingInput).digest('base64url');
  return `${signingInput}.${signature}`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const list = (value) => (value ? value.split(',').map((s) => s.trim()).filter(Boolean) : []);
  const env = process.env;
  for (const name of ['EMBED_KID', 'EMBED_SECRET', 'COMPANY_SLUG', 'DASHBOARD_ID']) {
    if (!env[name]) {
      console.error(`${name} is required`);
      process.exit(2);
    }
  }
  process.stdout.write(signEmbedToken({
    kid: env.EMBED_KID,
    secret: env.EMBED_SECRET,
    companySlug: env.COMPANY_SLUG,
    dashboardId: env.DASHBOARD_ID,
    allowedParams: list(env.ALLOWED_PARAMS),
    requiredParams: list(env.REQUIRED_PARAMS),
    fixedParams: env.FIXED_PARAMS ? JSON.parse(env.FIXED_PARAMS) : {},
    expiresInSeconds: env.EXPIRES_IN ? Number(env.EXPIRES_IN) : 3600,
  }) + '\n');
}
