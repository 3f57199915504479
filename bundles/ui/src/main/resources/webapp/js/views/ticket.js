import { api, enc, query } from '../api.js';
import { h, replace, uid, announce, section, errorBox } from '../dom.js';
import { label, percent, actionText } from '../format.js';
import { slaBadgeList, statusBadge, priorityBadge, time, facts, loading } from '../components.js';
import { hasRole, WORKER_ROLES } from '../session.js';

/** While the workflow has not analysed the ticket yet, its proposal is fetched again this often. */
const PENDING_POLL_MS = 2_000;
const PENDING_POLL_LIMIT = 60;
const UNAVAILABLE = {
  'crash-analyzer': 'Crash analysis is unavailable (the crash analyzer plugin is not running); the ticket will be correlated when it returns.',
  'knowledge-base': 'Article suggestions are unavailable (the knowledge base plugin is not running).',
};

/**
 * The unified resolution view: the ticket and its conversation, the workflow's proposal (linked crash group,
 * suggested articles, suggested reply, confidence and explanation), the agent's decision, and the audit timeline.
 */
export async function ticketView(main, { args, session }) {
  const key = args[0];
  const canWork = hasRole(session, ...WORKER_ROLES);
  replace(main, h('h1', {}, key), loading('Loading ticket…'));

  let ticket;
  let comments;
  let links;
  try {
    [ticket, comments, links] = await Promise.all([
      api(`/api/v1/tickets/${enc(key)}`),
      api(`/api/v1/tickets/${enc(key)}/comments`),
      api(`/api/v1/tickets/${enc(key)}/links`),
    ]);
  } catch (e) {
    replace(main, h('h1', {}, `Ticket ${key}`), errorBox(e, 'Cannot load the ticket'), h('p', {}, h('a', { href: '#/tickets' }, 'Back to the queue')));
    return null;
  }

  let timers = [];
  let alive = true;
  const conversation = h('div', { class: 'conversation-body' });
  const resolutionBox = h('div', { class: 'resolution-body' }, loading('Loading the proposal…'));
  const groupBox = h('div', { class: 'group-body' });
  const articlesBox = h('div', { class: 'articles-body' });
  const timelineBox = h('div', { class: 'timeline-body' }, loading('Loading the timeline…'));
  const replyArea = h('textarea', { rows: '5', name: 'body', required: true });
  let resolution = null;

  // ----- header -----
  const header = h('header', { class: 'ticket-head' },
    h('p', { class: 'crumbs' }, h('a', { href: '#/tickets' }, 'Ticket queue'), ' / ', ticket.key),
    h('h1', {}, h('span', { class: 'ticket-key' }, ticket.key), ' ', ticket.subject),
    h('div', { class: 'head-badges' }, statusBadge(ticket.status), priorityBadge(ticket.priority), slaBadgeList(ticket)),
    facts([
      ['Type', label(ticket.type)], ['Channel', label(ticket.channel)],
      ['Assignee', ticket.assignee ?? 'Unassigned'], ['Group', ticket.group],
      ['Product', ticket.product], ['Version', ticket.appVersion],
      ['Environment', [ticket.environment?.os, ticket.environment?.device].filter(Boolean).join(' · ') || null],
      ['Created', time(ticket.createdAt)], ['Updated', time(ticket.updatedAt)],
      ['Tags', ticket.tags?.length ? ticket.tags.join(', ') : null],
    ]));

  // ----- conversation and reply -----
  function drawConversation() {
    replace(conversation, h('ol', { class: 'messages' },
      h('li', { class: 'message message-customer' },
        h('p', { class: 'message-meta' }, h('strong', {}, 'Original request'), ' · ', time(ticket.createdAt)),
        h('pre', { class: 'message-text' }, ticket.description)),
      comments.map((c) => h('li', { class: `message message-${c.visibility === 'INTERNAL' ? 'internal' : c.authorType.toLowerCase()}` },
        h('p', { class: 'message-meta' },
          h('strong', {}, c.author), ` (${label(c.authorType)})`, ' · ',
          h('span', { class: `badge visibility-${c.visibility.toLowerCase()}` }, c.visibility === 'INTERNAL' ? 'Internal note' : 'Public reply'),
          ' · ', time(c.createdAt), c.movedFrom ? ` · moved from ${c.movedFrom}` : null),
        h('pre', { class: 'message-text' }, c.body)))));
  }

  function replyForm() {
    if (!canWork) return h('p', { class: 'muted' }, 'Your role can read tickets but not reply.');
    const textId = uid('reply');
    replyArea.id = textId;
    const status = h('div', { class: 'form-status', 'aria-live': 'polite' });
    const send = h('button', { type: 'submit', class: 'button-primary' }, 'Send');
    const useSuggestion = h('button', { type: 'button', class: 'button-secondary', hidden: true, id: 'use-suggested-reply' }, 'Insert suggested reply');
    useSuggestion.addEventListener('click', () => {
      if (resolution?.reply) {
        replyArea.value = resolution.reply;
        replyArea.focus();
      }
    });
    const form = h('form', { class: 'reply-form', 'aria-label': 'Reply or add a note' },
      h('div', { class: 'field' }, h('label', { for: textId }, 'Message'), replyArea),
      h('fieldset', { class: 'inline-choice' }, h('legend', {}, 'Visibility'),
        h('label', {}, h('input', { type: 'radio', name: 'visibility', value: 'PUBLIC', checked: true }), ' Public reply (the requester sees it)'),
        h('label', {}, h('input', { type: 'radio', name: 'visibility', value: 'INTERNAL' }), ' Internal note')),
      h('div', { class: 'actions' }, send, useSuggestion),
      status);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      replace(status);
      const body = replyArea.value.trim();
      if (!body) {
        status.append(errorBox({ message: 'Write a message first.' }));
        replyArea.focus();
        return;
      }
      send.disabled = true;
      try {
        const visibility = form.elements.visibility.value;
        const created = await api(`/api/v1/tickets/${enc(ticket.key)}/comments`, { method: 'POST', body: { body, visibility } });
        comments = comments.concat(created);
        drawConversation();
        replyArea.value = '';
        status.append(h('p', { class: 'notice' }, visibility === 'INTERNAL' ? 'Note added.' : 'Reply sent.'));
        loadTimeline();
      } catch (e) {
        status.append(errorBox(e, 'Not sent'));
      } finally {
        send.disabled = false;
      }
    });
    return form;
  }

  // ----- resolution proposal -----
  async function loadResolution(attempt = 0) {
    try {
      resolution = await api(`/api/v1/tickets/${enc(ticket.key)}/resolution`);
    } catch (e) {
      resolution = null;
      drawUnavailable(e);
      return;
    }
    if (!alive) return;
    drawResolution();
    if (resolution.state === 'PENDING' && attempt < PENDING_POLL_LIMIT) {
      timers.push(setTimeout(() => alive && loadResolution(attempt + 1), PENDING_POLL_MS));
    } else if (attempt > 0) {
      announce('The resolution proposal is ready.');
    }
  }

  function drawUnavailable(error) {
    // the ticket itself loaded, so 404 here means the workflow's endpoint is not deployed
    const missing = error.status === 404 || error.status === 405 || error.status === 503;
    replace(resolutionBox, h('div', { class: 'notice notice-unavailable', role: 'status' },
      h('p', {}, h('strong', {}, 'Analysis unavailable. '),
        missing ? 'The resolution workflow is not running on this platform, so there is no proposal for this ticket.'
          : `The proposal cannot be loaded: ${error.problem?.detail ?? error.message}`)));
    replace(groupBox, h('p', { class: 'muted' }, 'No crash group: analysis unavailable.'));
    replace(articlesBox, h('p', { class: 'muted' }, 'No suggestions: analysis unavailable.'));
  }

  function drawResolution() {
    const r = resolution;
    const replyButton = document.getElementById('use-suggested-reply');
    if (replyButton) replyButton.hidden = !r.reply;
    const parts = [];
    parts.push(h('p', { class: 'resolution-state' }, 'State: ',
      h('span', { class: `badge state state-${r.state.toLowerCase()}` }, label(r.state)),
      r.updatedAt ? [' · updated ', time(r.updatedAt)] : null));
    for (const name of r.unavailable ?? []) {
      parts.push(h('p', { class: 'notice notice-unavailable' }, UNAVAILABLE[name] ?? `${name} is unavailable.`));
    }
    if (r.state === 'PENDING') {
      parts.push(h('p', { class: 'muted' }, 'The workflow has not analysed this ticket yet; this panel updates by itself.'));
    } else {
      if (typeof r.confidence === 'number') {
        const meterId = uid('confidence');
        parts.push(h('div', { class: 'confidence' },
          h('label', { for: meterId }, 'Confidence'),
          h('meter', { id: meterId, min: '0', max: '1', low: '0.5', high: '0.8', optimum: '1', value: String(r.confidence) }, percent(r.confidence)),
          h('span', { class: 'confidence-value' }, percent(r.confidence))));
      }
      if (r.explanation) parts.push(h('p', { class: 'explanation' }, r.explanation));
      if (r.reply) {
        parts.push(h('details', { class: 'suggested-reply' }, h('summary', {}, 'Suggested public reply'),
          h('pre', { class: 'message-text' }, r.reply)));
      }
    }
    if (canWork && r.state !== 'PENDING') parts.push(decisionForm(r));
    replace(resolutionBox, ...parts);
    drawGroup(r);
    drawArticles(r);
  }

  function decisionForm(r) {
    const reasonId = uid('reason');
    const status = h('div', { class: 'form-status', 'aria-live': 'polite' });
    const reason = h('input', { id: reasonId, type: 'text', name: 'reason', autocomplete: 'off' });
    const buttons = [];
    const decide = async (action, groupId, button) => {
      replace(status);
      for (const b of buttons) b.disabled = true;
      const body = { action };
      if (groupId) body.groupId = groupId;
      if (reason.value.trim()) body.reason = reason.value.trim();
      try {
        resolution = await api(`/api/v1/tickets/${enc(ticket.key)}/resolution/decisions`, { method: 'POST', body });
        drawResolution();
        const done = { ACCEPT: 'Proposal accepted.', REJECT: 'Proposal rejected.', RELINK: 'Crash group relinked.' }[action];
        announce(done);
        resolutionBox.querySelector('.decision-form .form-status')?.append(h('p', { class: 'notice' }, done));
        // the clicked button was replaced: keep keyboard users in the panel
        const state = resolutionBox.querySelector('.resolution-state');
        state.tabIndex = -1;
        state.focus();
        loadTimeline();
      } catch (e) {
        status.append(errorBox(e, 'Decision not recorded'));
        for (const b of buttons) b.disabled = false;
        button.focus();
      }
    };
    const button = (text, cls, action, groupId, extra = {}) => {
      const b = h('button', { type: 'button', class: cls, ...extra }, text);
      b.addEventListener('click', () => decide(action, groupId, b));
      buttons.push(b);
      return b;
    };
    const proposed = r.link && (r.state === 'PROPOSED' || r.link.status === 'SUGGESTED' || r.link.status === 'AUTO_LINKED');
    const others = (r.candidates ?? []).filter((c) => c.groupId !== r.link?.groupId);
    const otherId = uid('group');
    const otherInput = h('input', { id: otherId, type: 'text', autocomplete: 'off', placeholder: 'Crash group id' });
    const otherButton = h('button', { type: 'button', class: 'button-secondary' }, 'Relink');
    otherButton.addEventListener('click', () => {
      const id = otherInput.value.trim();
      if (!id) {
        replace(status, errorBox({ message: 'Enter the id of the crash group to link.' }));
        otherInput.focus();
        return;
      }
      decide('RELINK', id, otherButton);
    });
    buttons.push(otherButton);
    return h('form', { class: 'decision-form', 'aria-label': 'Decide on the proposal', onsubmit: (e) => e.preventDefault() },
      h('div', { class: 'field' }, h('label', { for: reasonId }, 'Reason (optional)'), reason),
      proposed ? h('div', { class: 'actions' },
        button('Accept proposal', 'button-primary', 'ACCEPT', r.link.groupId),
        button('Reject', 'button-danger', 'REJECT', r.link.groupId)) : null,
      others.length ? h('div', { class: 'candidates' }, h('h3', {}, 'Other candidate crash groups'),
        h('ul', {}, others.map((c) => h('li', {},
          h('a', { href: `#/crash-groups/${enc(c.groupId)}` }, c.signature || c.groupId), ` · score ${percent(c.score)} `,
          button('Relink here', 'button-secondary', 'RELINK', c.groupId, { 'aria-label': `Relink to ${c.signature || c.groupId}` }))))) : null,
      h('div', { class: 'field relink-other' }, h('label', { for: otherId }, 'Relink to another crash group'),
        h('div', { class: 'inline' }, otherInput, otherButton)),
      status);
  }

  // ----- linked crash group -----
  async function drawGroup(r) {
    if (!r.link) {
      replace(groupBox, h('p', { class: 'muted' }, r.state === 'PENDING' ? 'Waiting for the analysis.' : 'No crash group is linked to this ticket.'));
      return;
    }
    const link = r.link;
    const signals = link.signals?.length ? h('table', { class: 'signals' },
      h('caption', {}, 'Why this group: the signals and their contribution to the score'),
      h('thead', {}, h('tr', {}, ['Signal', 'Value', 'Contribution', 'Detail'].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, link.signals.map((s) => h('tr', {},
        h('th', { scope: 'row' }, s.name), h('td', {}, percent(s.value)), h('td', {}, percent(s.contribution)), h('td', {}, s.detail ?? ''))))) : null;
    const head = [
      h('p', { class: 'signature' }, h('a', { href: `#/crash-groups/${enc(link.groupId)}` }, link.signature || link.groupId)),
      h('p', {}, h('span', { class: `badge link-${link.status.toLowerCase()}` }, label(link.status)), ` · match score ${percent(link.score)}`),
    ];
    replace(groupBox, ...head, loading('Loading the crash group…'), signals);
    try {
      const group = await api(`/api/v1/crash-groups/${enc(link.groupId)}`);
      if (resolution?.link?.groupId !== link.groupId) return;
      replace(groupBox, ...head, groupSummary(group), signals);
    } catch (e) {
      replace(groupBox, ...head, errorBox(e, 'Cannot load the crash group'), signals);
    }
  }

  // ----- suggested articles -----
  function drawArticles(r) {
    const articles = r.articles ?? [];
    if (!articles.length) {
      replace(articlesBox, h('p', { class: 'muted' }, r.state === 'PENDING' ? 'Waiting for the analysis.' : 'No article suggested.'));
      return;
    }
    replace(articlesBox, h('ol', { class: 'article-list' }, articles.map((a) => h('li', {},
      h('a', { href: `#/articles/${enc(a.articleId)}` }, a.title), h('span', { class: 'score' }, ` relevance ${percent(a.score)}`)))));
  }

  // ----- timeline -----
  async function loadTimeline() {
    // the tickets plugin and the workflows audit a ticket under its key (older entries may use the id)
    const ids = [...new Set([ticket.id, ticket.key])];
    try {
      const pages = await Promise.all(ids.map((id) => api(`/api/v1/audit${query({ entityType: 'ticket', entityId: id, limit: 500 })}`)));
      const entries = pages.flatMap((p) => p.items).sort((a, b) => a.sequence - b.sequence);
      drawTimeline(entries.map((e) => ({
        at: e.time, action: e.action, actor: e.actor?.name, system: e.actor?.type === 'SYSTEM', reason: e.reason, after: e.after,
      })), null);
    } catch (e) {
      if (e.status === 403) {
        const decisions = (resolution?.decisions ?? []).map((d) => ({ at: d.at, action: d.action, actor: d.actor, reason: d.reason, groupId: d.groupId }));
        drawTimeline(decisions, 'Your role may not read this ticket\'s audit trail; shown here: the decisions on the proposal.');
      } else {
        replace(timelineBox, errorBox(e, 'Cannot load the timeline'));
      }
    }
  }

  function drawTimeline(items, note) {
    const list = items.length ? h('ol', { class: 'timeline' }, items.map((item) => h('li', { class: `timeline-item${item.system ? ' by-system' : ''}` },
      h('p', { class: 'timeline-head' }, h('strong', {}, actionText(item.action)), ' · ', item.actor ?? 'unknown',
        item.system ? ' (automated)' : '', ' · ', time(item.at)),
      item.reason ? h('p', { class: 'timeline-reason' }, `Reason: ${item.reason}`) : null,
      item.groupId ? h('p', {}, 'Crash group ', h('a', { href: `#/crash-groups/${enc(item.groupId)}` }, item.groupId)) : null,
      item.after ? h('details', {}, h('summary', {}, 'Details'), h('pre', {}, pretty(item.after))) : null,
      h('p', { class: 'visually-hidden' }, item.action)))) : h('p', { class: 'muted' }, 'No entries yet.');
    replace(timelineBox, note ? h('p', { class: 'hint' }, note) : null, list);
  }

  const linksList = links.length ? h('ul', {}, links.map((l) => {
    const outgoing = l.sourceId === ticket.id;
    const other = outgoing ? l.targetKey : l.sourceKey;
    const text = { DUPLICATE_OF: outgoing ? 'Duplicate of' : 'Has duplicate', RELATED: 'Related to', INCIDENT_OF: outgoing ? 'Incident of problem' : 'Problem of incident' }[l.type] ?? label(l.type);
    return h('li', {}, `${text} `, h('a', { href: `#/tickets/${enc(other)}` }, other));
  })) : h('p', { class: 'muted' }, 'No linked tickets.');

  drawConversation();
  const refresh = h('button', { type: 'button', class: 'button-quiet' }, 'Refresh proposal');
  refresh.addEventListener('click', () => { loadResolution(); loadTimeline(); });
  replace(main,
    header,
    h('div', { class: 'ticket-layout' },
      h('div', { class: 'ticket-main' },
        section('Conversation', 'panel conversation', conversation, h('h3', {}, 'Reply'), replyForm()),
        section('Timeline', 'panel timeline-panel', timelineBox)),
      h('div', { class: 'ticket-side' },
        section('Resolution proposal', 'panel resolution', refresh, resolutionBox),
        section('Linked crash group', 'panel crash-group', groupBox),
        section('Suggested articles', 'panel articles', articlesBox),
        section('Related tickets', 'panel links', linksList))));
  // the page is usable at once; the proposal and the timeline fill in when they arrive
  loadResolution().then(loadTimeline);
  return () => {
    alive = false;
    timers.forEach(clearTimeout);
  };
}

/** Signature, counts and top frames of a crash group (also used by the crash group page). */
export function groupSummary(group, frameCount = 5) {
  const top = group.exceptions?.[0];
  return h('div', { class: 'group-summary' },
    h('p', { class: 'exception' }, h('code', {}, group.exceptionType), group.exceptionMessage ? `: ${group.exceptionMessage}` : ''),
    facts([
      ['Reports', String(group.reportCount)], ['Customers', String(group.customerCount)],
      ['First seen', time(group.firstSeen)], ['Last seen', time(group.lastSeen)],
      ['Top version', group.versions?.[0] ? `${group.versions[0].value} (${group.versions[0].count})` : null],
      ['Status', label(group.status)],
    ], 'facts facts-compact'),
    top?.frames?.length ? [h('h3', {}, 'Top frames'), frameList(top.frames.slice(0, frameCount))] : null);
}

export function frameList(frames) {
  return h('ol', { class: 'frames' }, frames.map((f) => h('li', { class: f.inApp ? 'frame in-app' : 'frame' },
    h('code', {}, `${f.module ? `${f.module}.` : ''}${f.function}`),
    f.file ? h('span', { class: 'frame-file' }, ` (${f.file}${f.line >= 0 ? `:${f.line}` : ''})`) : null,
    f.inApp ? h('span', { class: 'badge in-app-badge' }, 'app') : null)));
}

function pretty(text) {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

