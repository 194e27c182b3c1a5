// What the token builder shows (docs/console.md, embed): the iframe for a minted token, and code
// that signs the same claims in the customer's backend (docs/embedding.md) for Node.js (jose),
// Java (nimbus-jose-jwt) and Python (PyJWT). The real kid, company and dashboard id are filled
// in; the secret never is: the code reads it from the environment.

/** The claims a backend signs for this mint body; times are computed by the code at run time. */
export function claimsOf({ companySlug, dashboardId, body }) {
  return {
    iss: companySlug,
    aud: 'embed',
    sub: dashboardId,
    company: companySlug,
    allowed_params: body.allowed_params || [],
    required_params: body.required_params || [],
    fixed_params: body.fixed_params || {},
    downloads: Boolean(body.downloads),
  };
}

export function iframeSnippet(embedUrl, title = 'Dashboard') {
  return `<iframe src="${escapeAttribute(embedUrl)}" title="${escapeAttribute(title)}" width="100%" height="800" loading="lazy"></iframe>`;
}

function escapeAttribute(text) {
  return String(text).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}


/** Node.js 18+ with npm's jose (v5). Prints the iframe's src. */
export function nodeSnippet({ kid, companySlug, dashboardId, body, baseUrl }) {
  const claims = claimsOf({ companySlug, dashboardId, body });
  const lines = Object.entries(claims).map(([name, value]) => `  ${name}: ${JSON.stringify(value)},`);
  return `// npm install jose   (save as sign-embed.mjs, run: EMBED_SECRET=... node sign-embed.mjs)
import { SignJWT } from 'jose';
import { randomUUID } from 'node:crypto';

// The embed key's secret, from your secret store. Never send it to a browser.
const secret = process.env.EMBED_SECRET;
// The HMAC key is the 32 bytes the base64url secret encodes, not its text.
const key = Buffer.from(secret, 'base64url');
const now = Math.floor(Date.now() / 1000);

const token = await new SignJWT({
${lines.join('\n')}
  iat: now,
  exp: now + ${body.expires_in},
  jti: randomUUID(),
})
  .setProtectedHeader({ alg: 'HS256', typ: 'embed+jwt', kid: ${JSON.stringify(kid)} })
  .sign(key);

console.log(${JSON.stringify(`${baseUrl}/embed/d/`)} + token);
`;
}

function javaValue(value) {
  if (Array.isArray(value)) return `List.of(${value.map(javaValue).join(', ')})`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    return `Map.of(${entries.map(([k, v]) => `${JSON.stringify(k)}, ${javaValue(v)}`).join(', ')})`;
  }
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}

/** Java 17 with com.nimbusds:nimbus-jose-jwt. */
export function javaSnippet({ kid, companySlug, dashboardId, body, baseUrl }) {
  const claims = claimsOf({ companySlug, dashboardId, body });
  return `// Maven: com.nimbusds:nimbus-jose-jwt (9.x or 10.x)
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

public final class SignEmbed {
    public static void main(String[] args) throws Exception {
        // The embed key's secret, from your secret store. Never send it to a browser.
        String secret = System.getenv("EMBED_SECRET");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.HS256)
                .type(new JOSEObjectType("embed+jwt"))
                .keyID(${JSON.stringify(kid)})
                .build();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(${JSON.stringify(claims.iss)})
                .audience("embed")
                .subject(${JSON.stringify(claims.sub)})
                .claim("company", ${JSON.stringify(claims.company)})
                .claim("allowed_params", ${javaValue(claims.allowed_params)})
                .claim("required_params", ${javaValue(claims.required_params)})
                .claim("fixed_params", ${javaValue(claims.fixed_params)})
                .claim("downloads", ${claims.downloads})
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(${body.expires_in})))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        // The HMAC key is the 32 bytes the base64url secret encodes, not its text.
        jwt.sign(new MACSigner(Base64.getUrlDecoder().decode(secret)));
        System.out.println(${JSON.stringify(`${baseUrl}/embed/d/`)} + jwt.serialize());
    }
}
`;
}

function pythonValue(value) {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (Array.isArray(value)) return `[${value.map(pythonValue).join(', ')}]`;
  if (typeof value === 'object') {
    return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${pythonValue(v)}`).join(', ')}}`;
  }
  return JSON.stringify(value);
}

/** Python 3 with PyJWT. */
export function pythonSnippet({ kid, companySlug, dashboardId, body, baseUrl }) {
  const claims = claimsOf({ companySlug, dashboardId, body });
  const lines = Object.entries(claims).map(([name, value]) => `    ${JSON.stringify(name)}: ${pythonValue(value)},`);
  return `# pip install PyJWT
import base64
import os
import time
import uuid

import jwt

# The embed key's secret, from your secret store. Never send it to a browser.
secret = os.environ["EMBED_SECRET"]
# The HMAC key is the 32 bytes the base64url secret encodes, not its text.
key = base64.urlsafe_b64decode(secret + "=" * (-len(secret) % 4))
now = int(time.time())

claims = {
${lines.join('\n')}
    "iat": now,
    "exp": now + ${body.expires_in},
    "jti": str(uuid.uuid4()),
}
token = jwt.encode(claims, key, algorithm="HS256", headers={"kid": ${JSON.stringify(kid)}, "typ": "embed+jwt"})
print(${JSON.stringify(`${baseUrl}/embed/d/`)} + token)
`;
}
