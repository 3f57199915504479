import { api, query } from '../api.js';
import { h, replace, uid, announce, errorBox } from '../dom.js';
import { label } from '../format.js';
import { slaBadgeList, statusBadge, priorityBadge, time } from '../components.js';

const STATUSES = ['NEW', 'OPEN', 'PENDING', 'ON_HOLD', 'SOLVED', 'CLOSED'];
const OPEN_WORK = 'NEW,OPEN,PENDING,ON_HOLD';
const PRIORITIES = ['URGENT', 'HIGH', 'NORMAL', 'LOW'];
const SORTS = [
  ['-created', 'Newest first'], ['created', 'Oldest first'], ['-updated', 'Recently updated'],
  ['-priority', 'Highest priority'], ['priority', 'Lowest priority'], ['key', 'Key'],
];
const PAGE = 50;
/** Live updates: how often the visible part of the queue is fetched again. */
export const POLL_MS = 10_000;

/** Ticket queue with filters, sort, SLA badges, paging and live updates. */
export function queueView(main, { params }) {
  const filters = {
    q: params.get('q') ?? '',
    status: params.get('status') ?? OPEN_WORK,
    priority: params.get('priority') ?? '',
    assignee: params.get('assignee') ?? '',
    sort: params.get('sort') ?? '-created',
  };
  let tickets = [];
  let nextCursor = null;
  let known = new Map();
  let timer = null;
  let generation = 0;

  const field = (name, text, control) => {
    control.id = uid(name);
    control.name = name;
    return h('div', { class: 'field' }, h('label', { for: control.id }, text), control);
  };
  const select = (options, value) => h('select', {}, options.map(([v, t]) => h('option', { value: v, selected: v === value }, t)));
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Filter tickets' },
    field('q', 'Search', h('input', { type: 'search', value: filters.q, placeholder: 'Words or key' })),
    field('status', 'Status', select([[OPEN_WORK, 'Open work'], ['', 'Any status'], ...STATUSES.map((s) => [s, label(s)])], filters.status)),
    field('priority', 'Priority', select([['', 'Any priority'], ...PRIORITIES.map((p) => [p, label(p)])], filters.priority)),
    field('assignee', 'Assignee', h('input', { type: 'text', value: filters.assignee, placeholder: 'Login', autocomplete: 'off' })),
    field('sort', 'Sort by', select(SORTS, filters.sort)),
    h('div', { class: 'field field-button' }, h('button', { type: 'submit', class: 'button-primary' }, 'Apply')));

  const liveStatus = h('p', { class: 'live-status', role: 'status' });
  const tableBody = h('tbody');
  const table = h('table', { class: 'queue' },
    h('caption', { class: 'visually-hidden' }, 'Tickets matching the filters'),
    h('thead', {}, h('tr', {}, ['Key', 'Subject', 'Status', 'Priority', 'Assignee', 'SLA', 'Updated']
      .map((c) => h('th', { scope: 'col' }, c)))),
    tableBody);
  const results = h('div', { class: 'results' });
  const more = h('button', { type: 'button', class: 'button-secondary', hidden: true }, 'Load more tickets');

  const apply = () => {
    for (const key of Object.keys(filters)) filters[key] = form.elements[key].value.trim();
    const hash = `#/tickets${query(filters)}`;
    // replaceState: the URL is shareable without a hashchange that would rebuild the form under the user
    history.replaceState(null, '', hash);
    load(false);
  };
  form.addEventListener('submit', (e) => { e.preventDefault(); apply(); });
  for (const name of ['status', 'priority', 'sort']) form.elements[name].addEventListener('change', apply);
  more.addEventListener('click', () => load(true));

  async function fetchPage(cursor, limit) {
    return api(`/api/v1/tickets${query({ ...filters, cursor, limit })}`);
  }

  async function load(append) {
    const mine = ++generation;
    if (!append) replace(liveStatus, 'Loading tickets…');
    try {
      const page = await fetchPage(append ? nextCursor : null, PAGE);
      if (mine !== generation) return;
      tickets = append ? tickets.concat(page.items) : page.items;
      nextCursor = page.nextCursor;
      known = new Map(tickets.map((t) => [t.key, t.updatedAt]));
      draw(new Set(), new Set());
      stamp();
      if (append) announce(`${page.items.length} more tickets loaded`);
    } catch (e) {
      if (mine !== generation) return;
      replace(results, errorBox(e, 'Cannot load tickets'));
      replace(liveStatus);
    }
  }

  // Fetches what is on screen again; marks and announces new and changed tickets without moving focus.
  async function refresh() {
    if (document.hidden) return;
    const mine = generation;
    try {
      const page = await fetchPage(null, Math.min(200, Math.max(PAGE, tickets.length)));
      if (mine !== generation) return;
      const added = new Set();
      const changed = new Set();
      for (const t of page.items) {
        if (!known.has(t.key)) added.add(t.key);
        else if (known.get(t.key) !== t.updatedAt) changed.add(t.key);
      }
      tickets = page.items;
      nextCursor = page.nextCursor;
      known = new Map(tickets.map((t) => [t.key, t.updatedAt]));
      if (added.size || changed.size) {
        draw(added, changed);
        const parts = [];
        if (added.size) parts.push(`${added.size} new ${added.size === 1 ? 'ticket' : 'tickets'}`);
        if (changed.size) parts.push(`${changed.size} updated`);
        announce(`Queue: ${parts.join(', ')}`);
      }
      stamp();
    } catch (e) {
      replace(liveStatus, `Live updates paused: ${e.problem?.detail ?? e.message}`);
    }
  }

  function stamp() {
    replace(liveStatus, `${tickets.length} ${tickets.length === 1 ? 'ticket' : 'tickets'} shown · live, checked `,
      h('time', { datetime: new Date().toISOString() }, new Date().toLocaleTimeString()));
  }

  function draw(added, changed) {
    const focusedKey = document.activeElement?.closest?.('tr')?.dataset?.key;
    const now = Date.now();
    replace(tableBody, tickets.map((t) => {
      const flag = added.has(t.key) ? 'new' : changed.has(t.key) ? 'updated' : null;
      return h('tr', { dataset: { key: t.key }, class: flag ? `row-${flag}` : null },
        h('td', { class: 'key' }, h('a', { href: `#/tickets/${encodeURIComponent(t.key)}`, class: 'ticket-link' }, t.key)),
        h('td', { class: 'subject' }, t.subject, flag ? h('span', { class: 'badge flag' }, flag === 'new' ? 'New' : 'Updated') : null),
        h('td', {}, statusBadge(t.status)),
        h('td', {}, priorityBadge(t.priority)),
        h('td', {}, t.assignee ?? h('span', { class: 'muted' }, 'Unassigned')),
        h('td', {}, slaBadgeList(t, now)),
        h('td', { class: 'updated' }, time(t.updatedAt, { compact: true })));
    }));
    replace(results, tickets.length ? table : h('p', { class: 'empty' }, 'No tickets match these filters.'));
    more.hidden = !nextCursor;
    if (focusedKey) tableBody.querySelector(`tr[data-key="${CSS.escape(focusedKey)}"] a`)?.focus();
  }

  // Arrow keys move between the tickets' links (Tab still walks every control).
  tableBody.addEventListener('keydown', (event) => {
    if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(event.key)) return;
    const links = [...tableBody.querySelectorAll('a.ticket-link')];
    const index = links.indexOf(document.activeElement);
    if (index < 0) return;
    event.preventDefault();
    const target = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: links.length - 1 }[event.key];
    links[Math.max(0, Math.min(links.length - 1, target))].focus();
  });

  const onVisible = () => { if (!document.hidden) refresh(); };
  document.addEventListener('visibilitychange', onVisible);

  replace(main,
    h('div', { class: 'page-head' }, h('h1', {}, 'Ticket queue'), liveStatus),
    form,
    h('p', { class: 'hint keyboard-hint' }, 'Tip: in the list, ↑ and ↓ move between tickets; Enter opens one.'),
    results,
    more);
  load(false);
  timer = setInterval(refresh, POLL_MS);
  return () => {
    clearInterval(timer);
    generation += 1;
    document.removeEventListener('visibilitychange', onVisible);
  };
}
