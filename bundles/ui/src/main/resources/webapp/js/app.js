// Boot and hash router of the agents' UI. Hash routes (#/tickets/ALX-1) keep every page a static file, so the
// server needs no fallback rules; each view renders into <main> and returns a cleanup (to stop its polling).
import { api, onUnauthorized } from './api.js';
import { replace, h, errorBox } from './dom.js';
import { currentSession, clearSession } from './session.js';
import { loginView } from './views/login.js';
import { queueView } from './views/queue.js';
import { ticketView } from './views/ticket.js';
import { crashGroupView } from './views/crash-group.js';
import { articleView } from './views/article.js';

const routes = [
  [/^\/login$/, loginView, false],
  [/^\/tickets$/, queueView, true],
  [/^\/tickets\/([^/]+)$/, ticketView, true],
  [/^\/crash-groups\/([^/]+)$/, crashGroupView, true],
  [/^\/articles\/([^/]+)$/, articleView, true],
];

let cleanup = null;
let flash = null;

/** Goes to a route, e.g. navigate('/tickets/ALX-1'). */
export function navigate(path) {
  const target = `#${path}`;
  if (location.hash === target) render();
  else location.hash = target;
}

/** A message the next page shows once (e.g. "signed out"). */
export function setFlash(message) {
  flash = message;
}

function parseHash() {
  const raw = location.hash.slice(1) || '/tickets';
  const [path, search = ''] = raw.split('?');
  return { path: path === '/' ? '/tickets' : path, params: new URLSearchParams(search) };
}

async function render() {
  if (location.hash && !location.hash.startsWith('#/')) return; // in-page anchors, e.g. the skip link
  const { path, params } = parseHash();
  const main = document.getElementById('main');
  if (cleanup) {
    try { cleanup(); } catch { /* a view's cleanup must not block navigation */ }
    cleanup = null;
  }
  const session = currentSession();
  const match = routes.find(([pattern]) => pattern.test(path));
  if (!match) {
    updateChrome(session);
    replace(main, h('h1', { tabindex: '-1' }, 'Page not found'), h('p', {}, h('a', { href: '#/tickets' }, 'Back to the ticket queue')));
    focusHeading(main);
    return;
  }
  const [pattern, view, needsLogin] = match;
  if (needsLogin && !session) {
    const back = location.hash.slice(1);
    location.replace(`#/login${back && back !== '/login' ? `?next=${encodeURIComponent(back)}` : ''}`);
    return;
  }
  updateChrome(session);
  const args = pattern.exec(path).slice(1).map(decodeURIComponent);
  const message = flash;
  flash = null;
  try {
    cleanup = (await view(main, { args, params, session, navigate, message })) ?? null;
  } catch (e) {
    replace(main, h('h1', { tabindex: '-1' }, 'Something went wrong'), errorBox(e));
  }
  focusHeading(main);
}

// After a route change focus goes to the new page's heading, so screen readers announce the page and the next
// Tab continues from the top of the content.
function focusHeading(main) {
  const heading = main.querySelector('h1');
  if (!heading) return;
  document.title = `${heading.textContent} · Alexandria`;
  const active = document.activeElement;
  if (active && active !== main && main.contains(active)) return; // the view chose (e.g. the first form field)
  heading.setAttribute('tabindex', '-1');
  heading.focus();
}

function updateChrome(session) {
  document.getElementById('main-nav').hidden = !session;
  document.getElementById('session').hidden = !session;
  if (session) {
    document.getElementById('session-user').textContent = `${session.user} (${session.roles.join(', ') || 'no role'})`;
  }
}

document.getElementById('logout').addEventListener('click', () => {
  clearSession();
  setFlash('You are signed out.');
  navigate('/login');
});

document.querySelector('.skip-link').addEventListener('click', (event) => {
  event.preventDefault();
  document.getElementById('main').focus();
});

onUnauthorized(() => {
  setFlash('Your sign-in is no longer accepted; please sign in again.');
  navigate('/login');
});

window.addEventListener('hashchange', render);
render();

export { api };
