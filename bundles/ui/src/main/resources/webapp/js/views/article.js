import { api, enc } from '../api.js';
import { h, replace, section, errorBox, announce } from '../dom.js';
import { label } from '../format.js';
import { facts, time, loading } from '../components.js';
import { parse, toDom } from '../markdown.js';
import { hasRole, WORKER_ROLES } from '../session.js';

/** A knowledge-base article, its Markdown rendered safely, with the agent's helpful / not helpful feedback. */
export async function articleView(main, { args, session }) {
  const id = args[0];
  replace(main, h('h1', {}, 'Article'), loading());
  let article;
  try {
    article = await api(`/api/v1/kb/articles/${enc(id)}`);
  } catch (e) {
    replace(main, h('h1', {}, 'Article'), errorBox(e, 'Cannot load the article'));
    return null;
  }
  const body = h('div', { class: 'markdown' });
  body.append(toDom(parse(article.body, { topLevel: 2 })));

  const feedback = h('div', { class: 'feedback' });
  if (hasRole(session, ...WORKER_ROLES)) {
    const status = h('p', { class: 'form-status', 'aria-live': 'polite' });
    const send = async (helpful) => {
      try {
        await api(`/api/v1/kb/articles/${enc(article.id)}/feedback`, { method: 'POST', body: { helpful } });
        replace(status, 'Thank you, your feedback was recorded.');
        announce('Feedback recorded');
      } catch (e) {
        replace(status, errorBox(e, 'Feedback not recorded'));
      }
    };
    replace(feedback, h('p', {}, 'Did this article help?'),
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'button-secondary', onclick: () => send(true) }, 'Yes, helpful'),
        h('button', { type: 'button', class: 'button-secondary', onclick: () => send(false) }, 'Not helpful')),
      status);
  }

  replace(main,
    h('article', { class: 'kb-article' },
      h('header', { class: 'ticket-head' },
        h('p', { class: 'crumbs' }, h('a', { href: '#/tickets' }, 'Ticket queue'), ' / Knowledge base'),
        h('h1', {}, article.title),
        facts([
          ['Status', label(article.status)], ['Product', article.product],
          ['Tags', article.tags?.length ? article.tags.join(', ') : null],
          ['Version', String(article.version)], ['Updated', time(article.updated)], ['Author', article.author],
        ])),
      body,
      article.questions?.length ? section('Customers ask', 'panel questions', h('ul', {}, article.questions.map((q) => h('li', {}, q)))) : null,
      feedback));
  return null;
}
