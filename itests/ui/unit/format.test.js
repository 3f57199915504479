// Unit tests of the SLA badge rules and formatting helpers of the UI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { slaBadges, relative, percent, label, actionText, formatCompact } from '../../../bundles/ui/src/main/resources/webapp/js/format.js';

const now = Date.parse('2026-03-02T12:00:00Z');
const at = (minutes) => new Date(now + minutes * 60_000).toISOString();
const base = { status: 'OPEN', firstResponseAt: null, solvedAt: null, firstResponseBreached: false, resolutionBreached: false };

test('no SLA, no badge', () => {
  assert.deepEqual(slaBadges({ ...base, firstResponseDueAt: null, resolutionDueAt: null }, now), []);
});

test('due soon is at risk, later is ok, past due is overdue', () => {
  const [first, resolution] = slaBadges({ ...base, firstResponseDueAt: at(30), resolutionDueAt: at(8 * 60) }, now);
  assert.equal(first.level, 'risk');
  assert.equal(first.text, 'First response due in 30 min');
  assert.equal(resolution.level, 'ok');
  assert.equal(resolution.text, 'Resolution due in 8 h');
  const [overdue] = slaBadges({ ...base, firstResponseDueAt: at(-5), resolutionDueAt: null }, now);
  assert.equal(overdue.level, 'breached');
  assert.equal(overdue.text, 'First response overdue');
});

test('breach flags win; answered and solved targets are met', () => {
  const badges = slaBadges({ ...base, firstResponseDueAt: at(-60), firstResponseAt: at(-90), resolutionDueAt: at(-10), resolutionBreached: true }, now);
  assert.deepEqual(badges.map((b) => [b.kind, b.level]), [['first-response', 'met'], ['resolution', 'breached']]);
  const solved = slaBadges({ ...base, status: 'SOLVED', solvedAt: at(-1), firstResponseDueAt: null, resolutionDueAt: at(60) }, now);
  assert.deepEqual(solved.map((b) => b.level), ['met']);
});

test('relative times, percentages and labels', () => {
  assert.equal(relative(at(0.5), now), 'now');
  assert.equal(relative(at(-12), now), '12 min ago');
  assert.equal(relative(at(3 * 24 * 60), now), 'in 3 d');
  assert.equal(percent(0.873), '87%');
  assert.equal(percent(undefined), '—');
  assert.equal(label('ON_HOLD'), 'On hold');
  assert.equal(actionText('resolution.accept'), 'Proposal accepted');
  assert.equal(actionText('custom.step'), 'custom.step');
});

test('compact times leave out the date for today', () => {
  const today = formatCompact(at(-60), now);
  const yesterday = formatCompact(at(-26 * 60), now);
  assert.ok(!/2026/.test(today) && !/2026/.test(yesterday));
  assert.ok(yesterday.length > today.length, `${yesterday} / ${today}`);
  assert.equal(formatCompact(null), '—');
});
