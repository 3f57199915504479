import { api } from '../api.js';
import { h, replace, uid, errorBox } from '../dom.js';
import { basicCredentials, saveSession, currentSession } from '../session.js';

/** Sign-in: the credentials are checked against GET /api/v1/me and kept for this tab only. */
export function loginView(main, { params, navigate, message }) {
  const next = params.get('next') || '/tickets';
  const userId = uid('user');
  const passwordId = uid('password');
  const status = h('div', { class: 'form-status', 'aria-live': 'assertive' });
  if (message) status.append(h('p', { class: 'notice' }, message));
  const submit = h('button', { type: 'submit', class: 'button-primary' }, 'Sign in');
  const form = h('form', { class: 'login-form', novalidate: true },
    h('div', { class: 'field' },
      h('label', { for: userId }, 'User name'),
      h('input', { id: userId, name: 'user', autocomplete: 'username', required: true, autocapitalize: 'none', spellcheck: 'false' })),
    h('div', { class: 'field' },
      h('label', { for: passwordId }, 'Password'),
      h('input', { id: passwordId, name: 'password', type: 'password', autocomplete: 'current-password', required: true })),
    status,
    submit);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const user = form.elements.user.value.trim();
    const password = form.elements.password.value;
    replace(status);
    if (!user || !password) {
      status.append(errorBox({ message: 'Enter your user name and password.' }));
      return;
    }
    submit.disabled = true;
    submit.textContent = 'Signing in…';
    const auth = basicCredentials(user, password);
    try {
      const me = await api('/api/v1/me', { auth });
      saveSession({ user: me.name, roles: me.roles ?? [], auth });
      navigate(next.startsWith('/') ? next : '/tickets');
    } catch (e) {
      status.append(errorBox(e.status === 401 ? { message: 'Wrong user name or password.' } : e, e.status === 401 ? null : 'Cannot sign in'));
      form.elements.password.select();
    } finally {
      submit.disabled = false;
      submit.textContent = 'Sign in';
    }
  });

  const signedIn = currentSession();
  replace(main,
    h('div', { class: 'login-page' },
      h('h1', {}, 'Sign in to Alexandria'),
      h('p', { class: 'hint' }, 'Use your platform account (the same as for the REST API).'),
      signedIn ? h('p', { class: 'notice' }, `You are signed in as ${signedIn.user}. `, h('a', { href: '#/tickets' }, 'Go to the queue')) : null,
      form));
  form.elements.user.focus();
}
