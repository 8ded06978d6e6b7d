// HTTP: the dashboard's settings, the resilience endpoint's reads and its write operation.

/** A failed request, with its HTTP status (0 when the server could not be reached). */
export class HttpError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/**
 * The CSRF header the page was rendered with (<meta name="_csrf_header"> and <meta name="_csrf">), or
 * null when the application has no CSRF protection.
 */
function csrfHeader() {
  const name = document.querySelector('meta[name="_csrf_header"]')?.content;
  const token = document.querySelector('meta[name="_csrf"]')?.content;
  return name && token ? [name, token] : null;
}

async function send(url, init) {
  let response;
  try {
    // same-origin credentials: the session cookie (or cached basic credentials) of the page
    response = await fetch(url, { credentials: 'same-origin', cache: 'no-store', ...init });
  } catch (error) {
    throw new HttpError(0, `cannot reach the application (${error.message})`);
  }
  const body = await response.text();
  let json = null;
  try {
    json = body ? JSON.parse(body) : null;
  } catch {
    json = null;
  }
  if (!response.ok) {
    const detail = json && typeof json.error === 'string' ? `: ${json.error}` : '';
    throw new HttpError(response.status, `HTTP ${response.status}${detail}`);
  }
  if (json === null) {
    throw new HttpError(response.status, 'the answer was not JSON (a login page?)');
  }
  return json;
}

/** GETs a JSON document. */
export function getJson(url) {
  return send(url, { headers: { Accept: 'application/json' } });
}

/**
 * POSTs {"action": action} to one instance of the endpoint and answers the instance after the change.
 *
 * @param endpoint the endpoint's URL, such as /actuator/resilience
 * @param segment the pattern's path segment, such as circuitbreakers
 * @param name the display name (name or name[key]), encoded here
 */
export function postAction(endpoint, segment, name, action) {
  const headers = { Accept: 'application/json', 'Content-Type': 'application/json' };
  const csrf = csrfHeader();
  if (csrf) {
    headers[csrf[0]] = csrf[1];
  }
  const url = `${endpoint}/${segment}/${encodeURIComponent(name)}`;
  return send(url, { method: 'POST', headers, body: JSON.stringify({ action }) });
}

/** The URL of one instance's description (fields, config and latest events). */
export function instanceUrl(endpoint, segment, name) {
  return `${endpoint}/${segment}/${encodeURIComponent(name)}`;
}
