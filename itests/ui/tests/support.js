// Shared set-up of the browser tests: Debian's Chromium driven by playwright-core, the platform's REST API for
// arranging data and for knowing what to expect, and screenshots for the documentation.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BASE = process.env.ALEXANDRIA_URL ?? 'http://127.0.0.1:18281';
export const IMAGES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'docs', 'images');
export const LAPTOP = { width: 1366, height: 900 };
export const TABLET = { width: 768, height: 1024 };

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

/** A new tab whose console errors and failed same-origin requests are collected for the assertions. */
export async function newPage(browser, viewport = LAPTOP) {
  const context = await browser.newContext({ viewport, reducedMotion: 'reduce' });
  const page = await context.newPage();
  page.consoleErrors = [];
  page.on('console', (msg) => {
    // 4xx answers the UI handles (e.g. the missing resolution endpoint) are logged by Chromium; they are not UI errors
    if (msg.type() === 'error' && !/Failed to load resource: the server responded with a status of 4\d\d/.test(msg.text())) {
      page.consoleErrors.push(msg.text());
    }
  });
  page.on('pageerror', (error) => page.consoleErrors.push(`page error: ${error.message}`));
  return page;
}

export async function login(page, user, password = user) {
  await page.goto(`${BASE}/ui/#/login`);
  await page.getByLabel('User name').fill(user);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Ticket queue' }).waitFor();
}

/** Calls the REST API directly (arranging data, finding ids). */
export async function rest(path, { user = 'agent', method = 'GET', body } = {}) {
  const response = await fetch(`${BASE}${path}`, {
    method,
    headers: {
      Authorization: `Basic ${Buffer.from(`${user}:${user}`).toString('base64')}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { json = null; }
  return { status: response.status, json, text };
}

/** Saves a screenshot of a page or of one element (a Playwright locator) to docs/images/. */
export async function screenshot(target, name, options = {}) {
  mkdirSync(IMAGES, { recursive: true });
  await target.screenshot({ path: join(IMAGES, name), animations: 'disabled', ...options });
}

/** The demo ticket whose description carries a Java stack trace. */
export async function stackTraceTicket() {
  const { json } = await rest(`/api/v1/tickets?q=${encodeURIComponent('tap Pay')}&status=NEW,OPEN,PENDING,ON_HOLD,SOLVED,CLOSED&limit=20`);
  const ticket = json.items.find((t) => /NullPointerException[\s\S]*\n\s*at /.test(t.description));
  if (!ticket) throw new Error('no demo ticket with a stack trace found');
  return ticket;
}
