// Unit tests of the UI's Markdown renderer (pure parse step; the DOM step only maps these nodes to elements).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse, inline, safeUrl } from '../../../bundles/ui/src/main/resources/webapp/js/markdown.js';

const text = (nodes) => nodes.map((n) => (typeof n === 'string' ? n : text(n.children))).join('');
const tags = (nodes, out = []) => {
  for (const n of nodes) {
    if (typeof n !== 'string') {
      out.push(n.tag);
      tags(n.children, out);
    }
  }
  return out;
};

test('the largest heading becomes the top level, paragraphs join their lines', () => {
  assert.deepEqual(parse('## Symptoms\n\n### Detail\n\n## Cause', { topLevel: 2 }).map((n) => n.tag), ['h2', 'h3', 'h2']);
  const nodes = parse('## Symptoms\n\nThe app\ncloses.\n\n# Cause', { headingOffset: 1 });
  assert.deepEqual(nodes.map((n) => n.tag), ['h3', 'p', 'h2']);
  assert.equal(text([nodes[1]]), 'The app closes.');
});

test('emphasis, strong, inline code and links', () => {
  const nodes = inline('Tap **Pay** in *4.2.1*: `buildOrder` fails, see [the fix](https://example.org/fix).');
  assert.deepEqual(tags(nodes), ['strong', 'em', 'code', 'a']);
  const link = nodes.find((n) => n.tag === 'a');
  assert.equal(link.attrs.href, 'https://example.org/fix');
  assert.match(link.attrs.rel, /noopener/);
});

test('snake_case words stay plain text', () => {
  assert.deepEqual(inline('set max_retry_count now'), ['set max_retry_count now']);
  assert.deepEqual(inline('a.__x=1 and b.__y=2'), ['a.__x=1 and b.__y=2']);
  assert.deepEqual(tags(inline('__bold__ and _em_')), ['strong', 'em']);
});

test('lists, ordered lists with their start, code fences and quotes', () => {
  const nodes = parse('1. Open the cart.\n2. Swipe away items\n   marked unavailable.\n\n- a\n- b\n\n```sh\nsudo systemctl restart <sync>\n```\n\n> quoted **text**\n\n3. three');
  assert.deepEqual(nodes.map((n) => n.tag), ['ol', 'ul', 'pre', 'blockquote', 'ol']);
  assert.equal(text(nodes[0].children[1].children), 'Swipe away items marked unavailable.');
  assert.equal(nodes[2].children[0].children[0], 'sudo systemctl restart <sync>');
  assert.equal(nodes[2].children[0].attrs['data-lang'], 'sh');
  assert.deepEqual(tags(nodes[3].children), ['p', 'strong']);
  assert.equal(nodes[4].attrs.start, 3);
});

test('raw HTML stays text and unsafe links lose their href', () => {
  const nodes = parse('<img src=x onerror=alert(1)> <script>alert(2)</script> [x](javascript:alert(3)) [y](data:text/html,hi)');
  const all = tags(nodes);
  assert.ok(!all.includes('a'), 'no link for javascript: or data: URLs');
  assert.ok(all.every((t) => ['p', 'span'].includes(t)));
  assert.match(text(nodes), /<img src=x onerror=alert\(1\)> <script>alert\(2\)<\/script>/);
});

test('safeUrl allows http(s), mailto and relative URLs only', () => {
  for (const ok of ['https://a.example', 'http://a', 'mailto:x@y', '#/articles/1', '/docs', 'page.html']) assert.ok(safeUrl(ok), ok);
  for (const bad of ['javascript:alert(1)', 'JAVASCRIPT:x', 'data:text/html,x', 'vbscript:x', 'file:///etc/passwd', '']) assert.ok(!safeUrl(bad), bad);
});
