// Formatting and SLA rules; pure functions (no DOM) so they are unit-tested under Node.

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatDateTime(iso) {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? String(iso) : dateTime.format(date);
}

const timeOnly = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });
const dayAndTime = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });

/** Today's times as "10:04 PM", other days as "Nov 24, 10:04 PM" (lists, where space is short). */
export function formatCompact(iso, now = Date.now()) {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return String(iso);
  return new Date(now).toDateString() === date.toDateString() ? timeOnly.format(date) : dayAndTime.format(date);
}

/** "in 3 h", "12 min ago", "now". */
export function relative(iso, now = Date.now()) {
  if (!iso) return '';
  const diff = new Date(iso).getTime() - now;
  const abs = Math.abs(diff);
  const minute = 60_000;
  const hour = 60 * minute;
  const day = 24 * hour;
  let text;
  if (abs < minute) return 'now';
  if (abs < hour) text = `${Math.round(abs / minute)} min`;
  else if (abs < day) text = `${Math.round(abs / hour)} h`;
  else text = `${Math.round(abs / day)} d`;
  return diff > 0 ? `in ${text}` : `${text} ago`;
}

/** 0.873 → "87%". */
export function percent(value) {
  if (typeof value !== 'number' || Number.isNaN(value)) return '—';
  return `${Math.round(value * 100)}%`;
}

/** "NEW" → "New", "ON_HOLD" → "On hold". */
export function label(constant) {
  if (!constant) return '—';
  const text = String(constant).replaceAll('_', ' ').toLowerCase();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const DONE = new Set(['SOLVED', 'CLOSED']);
/** Due within this much time counts as at risk. */
export const AT_RISK_MS = 60 * 60 * 1000;

/**
 * The SLA badges of a ticket: which target is next (first response, then resolution) and how it stands.
 * level: 'breached' | 'risk' | 'ok' | 'met'. Text never relies on colour alone.
 * @returns {{kind: string, level: string, text: string, due: string|null}[]}
 */
export function slaBadges(ticket, now = Date.now()) {
  const badges = [];
  const done = DONE.has(ticket.status);
  const target = (kind, name, dueAt, breached, reachedAt) => {
    if (!dueAt && !breached) return;
    if (breached) {
      badges.push({ kind, level: 'breached', text: `${name} breached`, due: dueAt ?? null });
    } else if (reachedAt || done) {
      badges.push({ kind, level: 'met', text: `${name} met`, due: dueAt });
    } else {
      const left = new Date(dueAt).getTime() - now;
      if (left <= 0) badges.push({ kind, level: 'breached', text: `${name} overdue`, due: dueAt });
      else badges.push({ kind, level: left <= AT_RISK_MS ? 'risk' : 'ok', text: `${name} due ${relative(dueAt, now)}`, due: dueAt });
    }
  };
  target('first-response', 'First response', ticket.firstResponseDueAt, ticket.firstResponseBreached, ticket.firstResponseAt);
  target('resolution', 'Resolution', ticket.resolutionDueAt, ticket.resolutionBreached, ticket.solvedAt);
  // once answered in time, only the resolution target still matters in a list
  return badges;
}

/** Human text for an audit action or decision, e.g. resolution.auto-link. */
const ACTIONS = {
  'ticket.create': 'Ticket created',
  'ticket.update': 'Ticket updated',
  'ticket.comment': 'Comment added',
  'ticket.link': 'Tickets linked',
  'ticket.merge': 'Ticket merged',
  'resolution.auto-link': 'Crash group linked automatically',
  'resolution.suggest': 'Crash group suggested',
  'resolution.suggested': 'Crash group suggested',
  'resolution.articles': 'Articles attached',
  'resolution.proposed': 'Resolution proposed',
  'resolution.accept': 'Proposal accepted',
  'resolution.reject': 'Proposal rejected',
  'resolution.relink': 'Crash group relinked',
  ACCEPT: 'Proposal accepted',
  REJECT: 'Proposal rejected',
  RELINK: 'Crash group relinked',
};

export function actionText(action) {
  return ACTIONS[action] ?? action;
}
