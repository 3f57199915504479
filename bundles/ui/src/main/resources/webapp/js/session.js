// The signed-in user lives only in this tab's sessionStorage: closing the tab signs out, and other tabs
// (or other sites) never see the credentials.
const KEY = 'alexandria.session';

/** @returns {{user: string, roles: string[], auth: string} | null} */
export function currentSession() {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? JSON.parse(raw) : null;
  } catch {
    return null;
  }
}

export function saveSession(session) {
  sessionStorage.setItem(KEY, JSON.stringify(session));
}

export function clearSession() {
  sessionStorage.removeItem(KEY);
}

/** Base64 of "user:password" in UTF-8, as the REST edge decodes it (btoa alone fails beyond Latin-1). */
export function basicCredentials(user, password) {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

export function hasRole(session, ...roles) {
  return !!session && roles.some((r) => session.roles.includes(r));
}

/** Roles that may change tickets and decide on proposals (executives only read). */
export const WORKER_ROLES = ['agent', 'manager', 'admin'];
