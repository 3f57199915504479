// The resolution panel against the REST contract of GET /api/v1/tickets/{key}/resolution and
// POST .../resolution/decisions, with those two answers stubbed in the browser (everything else is the real
// platform: ticket, crash groups, articles). This pins the UI to the contract whether or not the workflow bundle
// is deployed; ui.test.js checks the real endpoint end to end when it is.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, newPage, login, rest, stackTraceTicket } from './support.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const RESOLUTION = /\/api\/v1\/tickets\/[^/]+\/resolution(\/decisions)?$/;

async function fixture() {
  const ticket = await stackTraceTicket();
  const groups = (await rest('/api/v1/crash-groups?sort=count&limit=2')).json.items;
  const articles = (await rest('/api/v1/kb/articles?limit=2')).json.items;
  const [linked, other] = groups;
  const signals = [
    { name: 'stack-trace', value: 0.97, contribution: 0.55, detail: '2 of 2 frames match the group' },
    { name: 'app-version', value: 1, contribution: 0.2, detail: '4.2.1' },
  ];
  return {
    ticket, linked, other,
    resolution: {
      ticketId: ticket.id, ticketKey: ticket.key, state: 'PROPOSED', revision: 1, updatedAt: new Date().toISOString(),
      link: { groupId: linked.id, signature: linked.signature, score: 0.91, status: 'SUGGESTED', signals },
      candidates: [
        { groupId: linked.id, signature: linked.signature, score: 0.91, signals },
        { groupId: other.id, signature: other.signature, score: 0.42, signals: [] },
      ],
      articles: articles.map((a, i) => ({ articleId: a.id, title: a.title, score: 0.8 - i / 10 })),
      reply: 'Thanks for the report: removing the unavailable items from the cart avoids the crash until 4.2.2.',
      confidence: 0.87,
      explanation: 'The pasted stack trace matches the group on both frames and the app version.',
      unavailable: [], decisions: [],
    },
  };
}

const json = (route, status, body, type = 'application/json') => route.fulfill({ status, contentType: type, body: JSON.stringify(body) });

test('proposal: group with signals and frames, articles, suggested reply, 409 detail, relink to a candidate', async () => {
  const { ticket, linked, other, resolution } = await fixture();
  const posted = [];
  const page = await newPage(browser);
  await page.route(RESOLUTION, async (route) => {
    const request = route.request();
    if (request.method() === 'GET') return json(route, 200, resolution);
    const body = request.postDataJSON();
    posted.push(body);
    if (body.action === 'REJECT') {
      return json(route, 409, { type: 'urn:alexandria:problem:conflict', title: 'Conflict', status: 409,
        detail: 'The proposal changed since it was shown (revision 2); reload it.' }, 'application/problem+json');
    }
    return json(route, 200, { ...resolution, state: 'RELINKED', revision: 2,
      link: { groupId: other.id, signature: other.signature, score: 0.42, status: 'RELINKED', signals: [] },
      decisions: [{ action: 'RELINK', groupId: other.id, actor: 'agent', reason: body.reason, at: new Date().toISOString() }] });
  });
  // a caller who may not read the audit trail (403): the timeline falls back to the proposal's decisions
  await page.route(/\/api\/v1\/audit\?/, (route) => json(route, 403, { type: 'urn:alexandria:problem:forbidden', title: 'Forbidden',
    status: 403, detail: 'not allowed' }, 'application/problem+json'));
  await login(page, 'agent');
  await page.goto(`${BASE}/ui/#/tickets/${ticket.key}`);
  const panel = page.getByRole('region', { name: 'Resolution proposal' });
  await panel.locator('.resolution-state .badge', { hasText: 'Proposed' }).waitFor();
  assert.equal(await panel.getByRole('meter', { name: 'Confidence' }).getAttribute('value'), '0.87');
  await panel.getByText(resolution.explanation).waitFor();

  const group = page.getByRole('region', { name: 'Linked crash group' });
  await group.getByRole('link', { name: linked.signature }).waitFor();
  await group.getByRole('heading', { name: 'Top frames' }).waitFor();
  await group.getByRole('table').getByRole('rowheader', { name: 'stack-trace' }).waitFor();
  const articles = page.getByRole('region', { name: 'Suggested articles' });
  for (const a of resolution.articles) await articles.getByRole('link', { name: a.title }).waitFor();

  await page.getByRole('button', { name: 'Insert suggested reply' }).click();
  assert.equal(await page.getByLabel('Message').inputValue(), resolution.reply);

  await panel.getByLabel('Reason (optional)').fill('Wrong group');
  await panel.getByRole('button', { name: 'Reject' }).click();
  await panel.getByRole('alert').filter({ hasText: 'The proposal changed since it was shown (revision 2); reload it.' }).waitFor();
  assert.deepEqual(posted[0], { action: 'REJECT', groupId: linked.id, reason: 'Wrong group' });
  assert.equal(await panel.getByRole('button', { name: 'Accept proposal' }).isEnabled(), true, 'buttons usable again');

  await panel.getByRole('button', { name: `Relink to ${other.signature}` }).click();
  await panel.locator('.resolution-state .badge', { hasText: 'Relinked' }).waitFor();
  assert.deepEqual(posted[1], { action: 'RELINK', groupId: other.id, reason: 'Wrong group' });
  await group.getByRole('link', { name: other.signature }).waitFor();
  // without access to the audit trail the timeline shows the decisions of the proposal instead
  await page.getByRole('region', { name: 'Timeline' }).locator('li', { hasText: 'Crash group relinked' }).waitFor();
  await page.context().close();
});

test('pending proposal updates by itself; unavailable analyses are named', async () => {
  const { ticket, resolution } = await fixture();
  let gets = 0;
  const page = await newPage(browser);
  await page.route(RESOLUTION, (route) => {
    gets += 1;
    if (gets === 1) {
      return json(route, 200, { ...resolution, state: 'PENDING', link: null, candidates: [], articles: [], reply: null,
        confidence: null, explanation: null });
    }
    return json(route, 200, { ...resolution, articles: [], unavailable: ['knowledge-base'] });
  });
  await login(page, 'agent');
  await page.goto(`${BASE}/ui/#/tickets/${ticket.key}`);
  const panel = page.getByRole('region', { name: 'Resolution proposal' });
  await panel.locator('.resolution-state .badge', { hasText: 'Pending' }).waitFor();
  await panel.locator('.resolution-state .badge', { hasText: 'Proposed' }).waitFor({ timeout: 10_000 });
  await panel.getByText('Article suggestions are unavailable').waitFor();
  await page.waitForFunction(() => /proposal is ready/.test(document.getElementById('announcer').textContent));
  await page.getByRole('region', { name: 'Suggested articles' }).getByText('No article suggested.').waitFor();
  await page.context().close();
});
