import { api, enc, query } from '../api.js';
import { h, replace, section, errorBox } from '../dom.js';
import { label, formatDateTime } from '../format.js';
import { facts, time, loading } from '../components.js';
import { frameList } from './ticket.js';

/** A crash group: signature, counts, the representative trace and the spread over versions, systems and customers. */
export async function crashGroupView(main, { args }) {
  const id = args[0];
  replace(main, h('h1', {}, 'Crash group'), loading());
  let group;
  try {
    group = await api(`/api/v1/crash-groups/${enc(id)}`);
  } catch (e) {
    replace(main, h('h1', {}, 'Crash group'), errorBox(e, 'Cannot load the crash group'));
    return null;
  }
  const reportsBox = h('div', {}, loading('Loading reports…'));
  const countTable = (caption, rows) => rows?.length ? h('table', { class: 'counts' },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, ['Value', 'Reports', 'Last seen'].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, rows.slice(0, 10).map((r) => h('tr', {}, h('th', { scope: 'row' }, r.value), h('td', {}, String(r.count)), h('td', {}, time(r.lastSeen)))))) : null;

  replace(main,
    h('header', { class: 'ticket-head' },
      h('p', { class: 'crumbs' }, h('a', { href: '#/tickets' }, 'Ticket queue'), ' / Crash group'),
      h('h1', { class: 'signature-title' }, group.signature),
      h('p', { class: 'exception' }, h('code', {}, group.exceptionType), group.exceptionMessage ? `: ${group.exceptionMessage}` : ''),
      facts([
        ['Status', label(group.status)],
        ['Merged into', group.mergedInto ? h('a', { href: `#/crash-groups/${enc(group.mergedInto)}` }, group.mergedInto) : null],
        ['Reports', String(group.reportCount)], ['Customers', String(group.customerCount)],
        ['First seen', time(group.firstSeen)], ['Last seen', time(group.lastSeen)],
        ['Platform', label(group.platform)], ['Id', h('code', {}, group.id)],
      ])),
    h('div', { class: 'ticket-layout' },
      h('div', { class: 'ticket-main' },
        section('Representative trace', 'panel trace', (group.exceptions ?? []).map((ex) => h('div', { class: 'exception-block' },
          h('h3', {}, ex.relation && ex.relation !== 'THROWN' ? `${label(ex.relation)}: ` : '', h('code', {}, ex.type)),
          ex.message ? h('p', { class: 'exception-message' }, ex.message) : null,
          frameList(ex.frames),
          ex.omittedFrames ? h('p', { class: 'muted' }, `… ${ex.omittedFrames} more frames`) : null))),
        section('Latest reports', 'panel reports', reportsBox)),
      h('div', { class: 'ticket-side' },
        section('Spread', 'panel spread',
          countTable('Versions', group.versions), countTable('Operating systems', group.operatingSystems),
          countTable('Applications', group.apps), countTable('Customers', group.customers)))));

  try {
    const page = await api(`/api/v1/crash-groups/${enc(id)}/reports${query({ limit: 20 })}`);
    replace(reportsBox, page.items.length ? h('table', { class: 'counts' },
      h('caption', { class: 'visually-hidden' }, 'Latest reports of this group'),
      h('thead', {}, h('tr', {}, ['Received', 'App', 'Version', 'OS', 'Ticket'].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, page.items.map((r) => h('tr', {},
        h('td', {}, h('time', { datetime: r.receivedAt }, formatDateTime(r.receivedAt))), h('td', {}, r.app ?? '—'),
        h('td', {}, r.appVersion ?? '—'), h('td', {}, r.os ?? '—'),
        h('td', {}, r.ticketId ? h('a', { href: `#/tickets/${enc(r.ticketId)}` }, 'Open ticket') : '—'))))) : h('p', { class: 'muted' }, 'No reports.'));
  } catch (e) {
    replace(reportsBox, errorBox(e, 'Cannot load the reports'));
  }
  return null;
}
