// One fetch wrapper for every flow: JSON in and out (or a file out, for exports), errors as
// ApiError with the API's error model (error_code, message, details, request_id, company_slug).

export class ApiError extends Error {
  constructor(status, body, retryAfter) {
    super((body && body.message) || `The server answered ${status}.`);
    this.name = 'ApiError';
    this.status = status;
    this.code = (body && body.error_code) || (status === 0 ? 'NETWORK' : 'HTTP_' + status);
    this.details = (body && body.details) || {};
    this.requestId = body && body.request_id;
    this.companySlug = body && body.company_slug;
    this.retryAfter = retryAfter ? Number(retryAfter) : null;
  }

  get filterSlug() {
    return this.details && this.details.filter_slug;
  }
}

/**
 * @param file the answer is a download, not JSON: resolves {blob, filename}; `file` is its media
 *   type (errors still come as JSON)
 */
export async function request(method, url, { body, headers = {}, signal, file } = {}) {
  const init = {
    method,
    headers: { Accept: file ? `${file}, application/json` : 'application/json', ...headers },
    credentials: 'omit',
    cache: 'no-store',
    referrerPolicy: 'no-referrer',
    signal,
  };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(url, init);
  } catch (e) {
    if (isAbort(e)) throw e;
    throw new ApiError(0, { error_code: 'NETWORK', message: 'The server could not be reached. Check your connection and try again.' });
  }
  if (response.status === 204) return null;
  if (file && response.ok) {
    return { blob: await response.blob(), filename: attachmentName(response.headers.get('Content-Disposition')) };
  }
  let data = null;
  try {
    data = await response.json();
  } catch (e) {
    data = null;
  }
  if (!response.ok) {
    throw new ApiError(response.status, data, response.headers.get('Retry-After'));
  }
  return data;
}

export const seg = (value) => encodeURIComponent(value);

/** The file name of `Content-Disposition: attachment; filename="..."`, or null. */
export function attachmentName(disposition) {
  const match = /filename="([^"]+)"/.exec(disposition || '');
  return match ? match[1] : null;
}

export function withQuery(path, query) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, value);
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

export function isAbort(e) {
  return e && e.name === 'AbortError';
}
