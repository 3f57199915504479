// Browser tests of the agents' web UI in headless Chromium against a running distribution (see ../run.sh).
// They also write the screenshots of docs/ui.md to docs/images/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, TABLET, launch, newPage, login, rest, screenshot, stackTraceTicket } from './support.js';

const ALL_STATUSES = 'NEW,OPEN,PENDING,ON_HOLD,SOLVED,CLOSED';
let browser;

before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const activeElement = (page) => page.evaluate(() => {
  const el = document.activeElement;
  return { tag: el?.tagName, text: el?.textContent?.trim(), className: el?.className, label: el?.labels?.[0]?.textContent,
    outline: el ? getComputedStyle(el).outlineStyle : null };
});

test('signing in: wrong password refused, credentials kept only in this tab, sign out clears them', async () => {
  const page = await newPage(browser);
  await page.goto(`${BASE}/ui`);
  assert.equal(new URL(page.url()).pathname, '/ui/', '/ui redirects to /ui/');
  await page.getByRole('heading', { level: 1, name: 'Sign in to Alexandria' }).waitFor();
  await page.getByLabel('User name').fill('agent');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('alert').filter({ hasText: 'Wrong user name or password.' }).waitFor();

  await page.getByLabel('Password').fill('agent');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Ticket queue' }).waitFor();
  const stored = await page.evaluate(() => ({ session: sessionStorage.getItem('alexandria.session'), local: localStorage.length }));
  assert.equal(JSON.parse(stored.session).user, 'agent');
  assert.equal(stored.local, 0, 'nothing in localStorage');
  assert.match(await page.locator('#session-user').textContent(), /agent \(agent\)/);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('heading', { level: 1, name: 'Sign in to Alexandria' }).waitFor();
  assert.equal(await page.evaluate(() => sessionStorage.getItem('alexandria.session')), null);
  await page.goto(`${BASE}/ui/#/tickets`);
  await page.getByRole('heading', { level: 1, name: 'Sign in to Alexandria' }).waitFor();
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('queue lists every ticket; filters and sort apply and stay in the address', async () => {
  const { json } = await rest(`/api/v1/tickets?status=${ALL_STATUSES}&limit=200`);
  assert.ok(json.items.length >= 10, 'demo data loaded');
  const page = await newPage(browser);
  await login(page, 'agent');
  await page.getByLabel('Status').selectOption({ label: 'Any status' });
  const rows = page.locator('table.queue tbody tr');
  await page.waitForFunction((n) => document.querySelectorAll('table.queue tbody tr').length === n, json.items.length);
  for (const ticket of json.items) {
    await rows.filter({ hasText: ticket.key }).filter({ hasText: ticket.subject }).first().waitFor();
  }
  assert.ok(await page.locator('table.queue .sla, table.queue td .muted').count() >= json.items.length, 'an SLA cell per row');

  await page.getByLabel('Priority').selectOption('URGENT');
  const urgent = json.items.filter((t) => t.priority === 'URGENT');
  await page.waitForFunction((n) => document.querySelectorAll('table.queue tbody tr').length === n, urgent.length);
  await page.getByLabel('Priority').selectOption('');

  await page.getByLabel('Sort by').selectOption('key');
  await page.waitForFunction(() => document.querySelector('table.queue tbody tr td.key')?.textContent === 'ALX-1');
  assert.match(page.url(), /sort=key/, 'filters are kept in the address');
  await page.getByLabel('Sort by').selectOption('-created');
  await page.getByLabel('Status').selectOption({ label: 'Open work' });
  await page.waitForFunction(() => document.querySelectorAll('table.queue tbody tr').length > 0);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('queue updates itself when tickets arrive, announces them and shows their SLA', async () => {
  // an around-the-clock SLA policy so that new tickets get due times
  const policy = await rest('/api/v1/sla-policies', {
    user: 'manager', method: 'POST',
    body: { name: `UI test ${Date.now()}`, position: 0, targets: [
      { priority: 'URGENT', firstResponseMinutes: 20, resolutionMinutes: 240 },
      { priority: 'NORMAL', firstResponseMinutes: 480, resolutionMinutes: 2880 }] },
  });
  assert.equal(policy.status, 201, policy.text);
  const page = await newPage(browser);
  await login(page, 'agent');
  await page.waitForFunction(() => document.querySelectorAll('table.queue tbody tr').length > 0);
  const keys = [];
  for (const t of [{ subject: 'Checkout down for all customers', priority: 'URGENT' },
    { subject: 'Invoice PDF shows the wrong VAT number', priority: 'NORMAL' }]) {
    const created = await rest('/api/v1/tickets', {
      method: 'POST', body: { ...t, description: 'Created by the UI browser test', requesterEmail: 'ui-test@example.org' },
    });
    assert.equal(created.status, 201, created.text);
    keys.push(created.json.ticket.key);
  }
  const row = (key) => page.locator(`table.queue tbody tr[data-key="${key}"]`);
  const urgent = row(keys[0]);
  await urgent.waitFor({ timeout: 25_000 });
  assert.match(await urgent.textContent(), /New/);
  await urgent.locator('.sla-risk', { hasText: /First response due in (19|20) min/ }).waitFor();
  const normal = row(keys[1]);
  await normal.locator('.sla-ok', { hasText: 'First response due in 8 h' }).waitFor();
  await page.waitForFunction(() => /2 new tickets/.test(document.getElementById('announcer').textContent), null, { timeout: 5_000 });
  await screenshot(page, 'queue.png');
  await page.context().close();
});

test('keyboard only: search, move through the queue with the arrow keys, open a ticket', async () => {
  const page = await newPage(browser);
  await page.goto(`${BASE}/ui/`);
  await page.getByRole('heading', { level: 1, name: 'Sign in to Alexandria' }).waitFor();
  assert.equal((await activeElement(page)).label, 'User name', 'the sign-in form has focus');
  await page.keyboard.type('agent');
  await page.keyboard.press('Tab');
  await page.keyboard.type('agent');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Ticket queue' }).waitFor();
  assert.equal((await activeElement(page)).tag, 'H1', 'focus moves to the new page heading');

  await page.keyboard.press('Tab');
  assert.equal((await activeElement(page)).label, 'Search');
  await page.keyboard.type('password');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('table.queue tbody tr').length === 1
    && /password/i.test(document.querySelector('table.queue tbody tr').textContent));
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('table.queue tbody tr').length > 2);

  let focused;
  for (let i = 0; i < 30; i += 1) {
    await page.keyboard.press('Tab');
    focused = await activeElement(page);
    if (String(focused.className).includes('ticket-link')) break;
  }
  assert.ok(String(focused.className).includes('ticket-link'), 'Tab reaches the first ticket');
  assert.notEqual(focused.outline, 'none', 'the focused link shows a focus outline');
  const keys = await page.locator('table.queue a.ticket-link').allTextContents();
  assert.equal(focused.text, keys[0]);
  await page.keyboard.press('ArrowDown');
  assert.equal((await activeElement(page)).text, keys[1]);
  await page.keyboard.press('End');
  assert.equal((await activeElement(page)).text, keys[keys.length - 1]);
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  // focus lands on the ticket's heading once the page is there
  await page.waitForFunction((key) => document.activeElement?.tagName === 'H1'
    && document.activeElement.textContent.startsWith(key) && document.querySelector('.conversation'), keys[1]);
  await page.context().close();
});

test('ticket page: conversation with the stack trace, public reply and internal note', async () => {
  const ticket = await stackTraceTicket();
  const page = await newPage(browser);
  await login(page, 'agent');
  await page.goto(`${BASE}/ui/#/tickets/${ticket.key}`);
  await page.getByRole('heading', { level: 1, name: `${ticket.key} ${ticket.subject}` }).waitFor();
  const conversation = page.getByRole('region', { name: 'Conversation' });
  await conversation.locator('pre', { hasText: 'at com.shopfront.checkout.CheckoutPresenter.buildOrder' }).waitFor();

  const note = 'Called the customer: the cart held an item that is no longer sold. Suggested removing it.';
  await page.getByLabel('Message').fill(note);
  await page.getByLabel('Internal note').check();
  await page.getByRole('button', { name: 'Send' }).click();
  const entry = conversation.locator('li.message', { hasText: note });
  await entry.waitFor();
  assert.match(await entry.textContent(), /Internal note/);
  const stored = await rest(`/api/v1/tickets/${ticket.key}/comments`);
  assert.equal(stored.json.find((c) => c.body === note)?.visibility, 'INTERNAL');

  await page.getByLabel('Message').fill('   ');
  await page.getByRole('button', { name: 'Send' }).click();
  await page.getByRole('alert').filter({ hasText: 'Write a message first.' }).waitFor();
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('resolution view: linked crash group and articles, accept the proposal, audit entry in the timeline', async (t) => {
  const ticket = await stackTraceTicket();
  const endpoint = `/api/v1/tickets/${ticket.key}/resolution`;
  const page = await newPage(browser);
  // a manager: decides like an agent and also reads the audit trail
  await login(page, 'manager');
  await page.goto(`${BASE}/ui/#/tickets/${ticket.key}`);
  await page.getByRole('heading', { level: 1, name: `${ticket.key} ${ticket.subject}` }).waitFor();
  const panel = page.getByRole('region', { name: 'Resolution proposal' });

  let probe = await rest(endpoint, { user: 'manager' });
  if (probe.status === 404 || probe.status === 405) {
    await panel.getByText('Analysis unavailable.').waitFor();
    await screenshot(page, 'resolution.png', { fullPage: true });
    await page.context().close();
    t.skip(`GET ${endpoint} answered ${probe.status}: the resolution endpoint (bundles/workflow-resolution) is not deployed; `
      + 'the page shows "Analysis unavailable". Linked group, articles, accept and audit entry were not checked.');
    return;
  }
  assert.equal(probe.status, 200, probe.text);
  for (let i = 0; i < 60 && probe.json.state === 'PENDING'; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    probe = await rest(endpoint, { user: 'manager' });
  }
  const resolution = probe.json;
  assert.notEqual(resolution.state, 'PENDING', 'the workflow analysed the demo ticket within 60 s');
  assert.ok(resolution.link, `a crash group is linked or suggested: ${probe.text}`);
  assert.ok(resolution.articles.length > 0, 'articles are suggested');

  const group = page.getByRole('region', { name: 'Linked crash group' });
  await group.getByRole('link', { name: resolution.link.signature }).waitFor({ timeout: 10_000 });
  await group.getByRole('heading', { name: 'Top frames' }).waitFor();
  const articles = page.getByRole('region', { name: 'Suggested articles' });
  for (const article of resolution.articles) await articles.getByRole('link', { name: article.title }).waitFor();
  await panel.getByText(/Confidence/).waitFor();
  await screenshot(page, 'resolution.png', { fullPage: true });

  const reason = 'Same NullPointerException in CheckoutPresenter.buildOrder as the customer pasted';
  await panel.getByLabel('Reason (optional)').fill(reason);
  await panel.getByRole('button', { name: 'Accept proposal' }).click();
  await panel.locator('.resolution-state .badge', { hasText: 'Accepted' }).waitFor();
  const after = await rest(endpoint, { user: 'manager' });
  assert.equal(after.json.state, 'ACCEPTED');
  assert.ok(after.json.decisions.some((d) => d.action === 'ACCEPT' && d.actor === 'manager' && d.reason === reason));

  const timeline = page.getByRole('region', { name: 'Timeline' });
  const entry = timeline.locator('li.timeline-item', { hasText: 'Proposal accepted' });
  await entry.waitFor({ timeout: 10_000 });
  assert.match(await entry.textContent(), /manager/);
  assert.match(await entry.textContent(), new RegExp(reason));
  await screenshot(timeline, 'audit.png');
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('audit timeline of a ticket for managers and agents', async () => {
  const ticket = await stackTraceTicket();
  const audit = await rest(`/api/v1/audit?entityType=ticket&entityId=${ticket.key}&limit=100`, { user: 'manager' });
  assert.equal(audit.status, 200);
  const page = await newPage(browser);
  await login(page, 'manager');
  await page.goto(`${BASE}/ui/#/tickets/${ticket.key}`);
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await timeline.locator('li.timeline-item', { hasText: 'Ticket created' }).waitFor();
  assert.ok(await timeline.locator('li.timeline-item').count() >= audit.json.items.length);
  const decided = await rest(`/api/v1/tickets/${ticket.key}/resolution`, { user: 'manager' });
  if (decided.status !== 200) {
    // the resolution test wrote audit.png with the accepted decision when the endpoint exists
    await timeline.locator('details').first().evaluate((d) => { d.open = true; });
    await screenshot(timeline, 'audit.png');
  }
  await page.context().close();

  const agentPage = await newPage(browser);
  await login(agentPage, 'agent');
  await agentPage.goto(`${BASE}/ui/#/tickets/${ticket.key}`);
  // agents read the audit entries of the ticket they work on (not the rest of the trail)
  await agentPage.getByRole('region', { name: 'Timeline' }).locator('li.timeline-item', { hasText: 'Ticket created' }).waitFor();
  await agentPage.context().close();
});

test('crash group page: signature, representative trace, counts and spread', async () => {
  const { json } = await rest('/api/v1/crash-groups?sort=count&limit=1');
  const summary = json.items[0];
  const { json: group } = await rest(`/api/v1/crash-groups/${summary.id}`);
  const page = await newPage(browser);
  await login(page, 'agent');
  await page.goto(`${BASE}/ui/#/crash-groups/${group.id}`);
  await page.getByRole('heading', { level: 1, name: group.signature }).waitFor();
  const trace = page.getByRole('region', { name: 'Representative trace' });
  const firstFrame = group.exceptions[0].frames[0];
  await trace.locator('ol.frames li').first().filter({ hasText: firstFrame.function }).waitFor();
  await page.getByRole('table', { name: 'Versions' }).waitFor();
  assert.match(await page.locator('dl.facts').first().textContent(), new RegExp(`Reports${group.reportCount}`));
  await screenshot(page, 'crash-group.png', { fullPage: true });
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('article page renders Markdown and never runs markup from an article', async () => {
  const list = await rest('/api/v1/kb/articles?limit=50');
  const demo = list.json.items.find((a) => a.title.startsWith('App closes when you tap Pay'));
  const page = await newPage(browser);
  await login(page, 'agent');
  await page.goto(`${BASE}/ui/#/articles/${demo.id}`);
  await page.getByRole('heading', { level: 1, name: demo.title }).waitFor();
  const body = page.locator('.markdown');
  await body.getByRole('heading', { level: 2, name: 'Symptoms' }).waitFor();
  assert.equal(await body.locator('strong', { hasText: '4.2.1' }).count(), 1);
  assert.equal(await body.locator('ol > li').count(), 3);
  await screenshot(page, 'article.png', { fullPage: true });

  const hostile = await rest('/api/v1/kb/articles', {
    user: 'manager', method: 'POST',
    body: { title: `Hostile markup ${Date.now()}`, body: 'Hello <img src=x onerror="window.__xss=1"> <script>window.__xss=2</script>\n\n[click me](javascript:window.__xss=3)' },
  });
  assert.equal(hostile.status, 201, hostile.text);
  let dialogs = 0;
  page.on('dialog', (d) => { dialogs += 1; d.dismiss(); });
  await page.goto(`${BASE}/ui/#/articles/${hostile.json.id}`);
  await page.getByRole('heading', { level: 1, name: hostile.json.title }).waitFor();
  assert.match(await page.locator('.markdown').textContent(), /Hello <img src=x onerror="window.__xss=1"> <script>window.__xss=2<\/script>/);
  await page.locator('.markdown').getByText('click me').click();
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  assert.equal(await page.locator('.markdown img, .markdown script, .markdown a[href^="javascript"]').count(), 0);
  assert.equal(dialogs, 0);
  await page.context().close();
});

test('errors show the problem detail from the API', async () => {
  const missing = await rest('/api/v1/tickets/ALX-999999');
  assert.equal(missing.status, 404);
  assert.ok(missing.json.detail, 'problem+json with a detail');
  const page = await newPage(browser);
  await login(page, 'agent');
  await page.goto(`${BASE}/ui/#/tickets/ALX-999999`);
  await page.getByRole('alert').filter({ hasText: missing.json.detail }).waitFor();
  await page.context().close();
});

test('tablet width (768 px): no horizontal scrolling, ticket page in one column', async () => {
  const ticket = await stackTraceTicket();
  const page = await newPage(browser, TABLET);
  await login(page, 'agent');
  await page.waitForFunction(() => document.querySelectorAll('table.queue tbody tr').length > 0);
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(await overflow() <= 0, 'the queue fits 768 px');
  await page.goto(`${BASE}/ui/#/tickets/${ticket.key}`);
  await page.getByRole('region', { name: 'Resolution proposal' }).waitFor();
  assert.ok(await overflow() <= 0, 'the ticket page fits 768 px');
  const main = await page.locator('.ticket-main').boundingBox();
  const side = await page.locator('.ticket-side').boundingBox();
  assert.ok(side.y >= main.y + main.height - 1 && Math.abs(side.x - main.x) < 2, 'side panels below the conversation');
  await screenshot(page, 'tablet.png');
  await page.context().close();
});
