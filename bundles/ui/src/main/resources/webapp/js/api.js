// The one way the UI talks to the platform: the REST API with the signed-in user's HTTP Basic credentials.
// Errors arrive as application/problem+json (RFC 9457); ApiError carries the problem so views show `detail`.
import { currentSession, clearSession } from './session.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem ?? {};
  }
}

let unauthorizedHandler = () => {};
/** Called when the platform stops accepting the stored credentials (password changed, user removed). */
export function onUnauthorized(handler) {
  unauthorizedHandler = handler;
}

/**
 * @param {string} path e.g. /api/v1/tickets?limit=5
 * @param {{method?: string, body?: any, auth?: string}} options auth overrides the session (login check)
 */
export async function api(path, { method = 'GET', body, auth } = {}) {
  const credentials = auth ?? currentSession()?.auth;
  const headers = { Accept: 'application/json, application/problem+json' };
  if (credentials) headers.Authorization = `Basic ${credentials}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    // credentials 'omit': the Authorization header is ours; no cookies, and no browser login prompt on 401
    response = await fetch(path, {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit', cache: 'no-store',
    });
  } catch (e) {
    throw new ApiError(0, { title: 'Network error', detail: `The platform cannot be reached (${e.message}).` });
  }
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  let data = null;
  if (type.includes('json')) {
    try {
      data = await response.json();
    } catch {
      data = null;
    }
  }
  if (!response.ok) {
    const problem = data && typeof data === 'object' ? data
      : { title: response.statusText || 'Error', detail: `The platform answered HTTP ${response.status}.` };
    const error = new ApiError(response.status, problem);
    if (response.status === 401 && auth === undefined && credentials) {
      clearSession();
      unauthorizedHandler(error);
    }
    throw error;
  }
  return data;
}

/** Query string from an object, leaving out empty values; arrays are joined by commas. */
export function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export const enc = encodeURIComponent;
