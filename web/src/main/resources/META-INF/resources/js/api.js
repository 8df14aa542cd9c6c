// The pages' only way to the API: same-origin session cookie, 401 → sign-in page, problem+json errors shown
// to the user (RFC 9457 detail, else title), the XSRF-TOKEN cookie echoed as X-XSRF-TOKEN on writes.
import { t } from './i18n.js';

/** An API answer other than 2xx; problem is the parsed problem+json body when there was one. */
export class ApiError extends Error {
  constructor(status, message, problem) {
    super(message);
    this.status = status;
    this.problem = problem;
  }
}

function cookie(name) {
  const prefix = `${name}=`;
  const found = document.cookie.split('; ').find((c) => c.startsWith(prefix));
  return found ? decodeURIComponent(found.slice(prefix.length)) : null;
}

/** Shows an error message in a dismissable bar at the top of the page. */
export function showError(message) {
  let bar = document.getElementById('ga-error');
  if (!bar) {
    bar = document.createElement('div');
    bar.id = 'ga-error';
    bar.className = 'ga-error';
    bar.setAttribute('role', 'alert');
    bar.addEventListener('click', () => bar.remove());
    document.body.append(bar);
  }
  bar.textContent = message;
}

async function problemOf(response) {
  const type = response.headers.get('Content-Type') || '';
  if (!type.includes('json')) return null;
  try {
    return await response.json();
  } catch {
    return null;
  }
}

async function request(url, options = {}) {
  const headers = {
    Accept: 'application/json, application/geo+json, application/problem+json',
    // tells the server not to send a Basic challenge (no browser password dialog)
    'X-Requested-With': 'XMLHttpRequest',
    ...options.headers,
  };
  let response;
  try {
    response = await fetch(url, { ...options, headers, credentials: 'same-origin' });
  } catch (e) {
    showError(t('error.network'));
    throw e;
  }
  if (response.status === 401) {
    window.location.href = 'login.html';
    throw new ApiError(401, 'unauthorized', null);
  }
  if (!response.ok) {
    const problem = await problemOf(response);
    const message = problem?.detail || problem?.title || `${t('error.request')} (${response.status})`;
    showError(message);
    throw new ApiError(response.status, message, problem);
  }
  if (response.status === 204) return null;
  return options.blob ? response.blob() : response.json();
}

/** GET a JSON or GeoJSON document. */
export function getJSON(url) {
  return request(url);
}

/** POST a JSON body and read the JSON answer (null on 204). */
export function postJSON(url, body) {
  const headers = { 'Content-Type': 'application/json' };
  const token = cookie('XSRF-TOKEN');
  if (token) headers['X-XSRF-TOKEN'] = token;
  return request(url, { method: 'POST', headers, body: JSON.stringify(body) });
}

/** POST with no body to a session endpoint (sign-out), carrying the XSRF token; redirects are not followed. */
export function postForm(url) {
  const headers = { 'X-Requested-With': 'XMLHttpRequest' };
  const token = cookie('XSRF-TOKEN');
  if (token) headers['X-XSRF-TOKEN'] = token;
  return fetch(url, { method: 'POST', headers, credentials: 'same-origin', redirect: 'manual' });
}

/** POST a JSON body and read the answer as a Blob (a generated file). */
export function postJSONForBlob(url, body) {
  const headers = { 'Content-Type': 'application/json' };
  const token = cookie('XSRF-TOKEN');
  if (token) headers['X-XSRF-TOKEN'] = token;
  return request(url, { method: 'POST', headers, body: JSON.stringify(body), blob: true });
}

/** PUT a JSON body and read the JSON answer. */
export function putJSON(url, body) {
  const headers = { 'Content-Type': 'application/json' };
  const token = cookie('XSRF-TOKEN');
  if (token) headers['X-XSRF-TOKEN'] = token;
  return request(url, { method: 'PUT', headers, body: JSON.stringify(body) });
}

/** POST a multipart form (a file upload) and read the JSON answer. */
export function postMultipart(url, formData) {
  const headers = {};
  const token = cookie('XSRF-TOKEN');
  if (token) headers['X-XSRF-TOKEN'] = token;
  return request(url, { method: 'POST', headers, body: formData });
}
