// Small pieces shared by the views.
import { h } from './dom.js';
import { slaBadges, formatDateTime, formatCompact, label } from './format.js';

export function slaBadgeList(ticket, now = Date.now()) {
  const badges = slaBadges(ticket, now);
  if (!badges.length) return h('span', { class: 'muted' }, 'No SLA');
  return h('ul', { class: 'badges' }, badges.map((b) => h('li', {},
    h('span', { class: `badge sla sla-${b.level}`, title: b.due ? `Due ${formatDateTime(b.due)}` : null }, b.text))));
}

export function statusBadge(status) {
  return h('span', { class: `badge status status-${String(status).toLowerCase()}` }, label(status));
}

export function priorityBadge(priority) {
  return h('span', { class: `badge priority priority-${String(priority).toLowerCase()}` }, label(priority));
}

export function time(iso, { compact = false } = {}) {
  if (!iso) return h('span', { class: 'muted' }, '—');
  return h('time', { datetime: iso, title: compact ? formatDateTime(iso) : null }, compact ? formatCompact(iso) : formatDateTime(iso));
}

/** A definition list from [term, value] pairs; null values are left out. */
export function facts(pairs, className = 'facts') {
  return h('dl', { class: className }, pairs.filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([term, value]) => h('div', {}, h('dt', {}, term), h('dd', {}, value))));
}

export function loading(text = 'Loading…') {
  return h('p', { class: 'loading', role: 'status' }, text);
}
