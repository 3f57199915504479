// A small, safe Markdown renderer for knowledge-base articles. It never produces HTML text: parse() turns
// Markdown into a tree of {tag, attrs, children} nodes from a fixed set of tags, and toDom() builds elements
// with text nodes. Raw HTML in the source stays visible text; links keep only http(s), mailto and relative URLs.
// Supported: ATX headings, paragraphs, emphasis, strong, inline code, fenced code, block quotes, lists, rules, links.

const FENCE = /^\s{0,3}(```|~~~)\s*([\w+-]*)\s*$/;
const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const RULE = /^\s{0,3}([-*_])(\s*\1){2,}\s*$/;
const BULLET = /^\s{0,3}[-*+]\s+(.*)$/;
const ORDERED = /^\s{0,3}(\d{1,9})[.)]\s+(.*)$/;
const QUOTE = /^\s{0,3}>\s?(.*)$/;

/**
 * @param {{topLevel?: number, headingOffset?: number}} options topLevel: the level the document's largest
 *        heading gets (2 under a page's h1, so levels are never skipped); headingOffset: a fixed shift instead
 * @returns {Array<{tag: string, attrs?: object, children: Array}>}
 */
export function parse(source, { topLevel, headingOffset = 0 } = {}) {
  const lines = String(source ?? '').replace(/\r\n?/g, '\n').split('\n');
  let offset = headingOffset;
  if (topLevel) {
    const levels = lines.map((l) => HEADING.exec(l)?.[1].length).filter(Boolean);
    offset = levels.length ? topLevel - Math.min(...levels) : 0;
  }
  return blocks(lines, offset);
}

function blocks(lines, headingOffset) {
  const out = [];
  let paragraph = [];
  const flush = () => {
    if (paragraph.length) out.push({ tag: 'p', children: inline(paragraph.join(' ').trim()) });
    paragraph = [];
  };
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i];
    let m;
    if ((m = FENCE.exec(line))) {
      flush();
      const code = [];
      i += 1;
      while (i < lines.length && !lines[i].trim().startsWith(m[1])) code.push(lines[i++]);
      const attrs = m[2] ? { 'data-lang': m[2] } : undefined;
      out.push({ tag: 'pre', children: [{ tag: 'code', attrs, children: [code.join('\n')] }] });
    } else if (!line.trim()) {
      flush();
    } else if ((m = HEADING.exec(line))) {
      flush();
      const level = Math.max(1, Math.min(6, m[1].length + headingOffset));
      out.push({ tag: `h${level}`, children: inline(m[2]) });
    } else if (RULE.test(line)) {
      flush();
      out.push({ tag: 'hr', children: [] });
    } else if (QUOTE.test(line)) {
      flush();
      const quoted = [];
      while (i < lines.length && (m = QUOTE.exec(lines[i]))) {
        quoted.push(m[1]);
        i += 1;
      }
      i -= 1;
      out.push({ tag: 'blockquote', children: blocks(quoted, headingOffset) });
    } else if (BULLET.test(line) || ORDERED.test(line)) {
      flush();
      const ordered = !BULLET.test(line);
      const pattern = ordered ? ORDERED : BULLET;
      const items = [];
      const start = ordered ? Number(ORDERED.exec(line)[1]) : 1;
      while (i < lines.length) {
        const current = lines[i];
        if ((m = pattern.exec(current))) {
          items.push([ordered ? m[2] : m[1]]);
        } else if (current.trim() && /^\s+/.test(current) && items.length) {
          items[items.length - 1].push(current.trim());
        } else {
          break;
        }
        i += 1;
      }
      i -= 1;
      const attrs = ordered && start !== 1 ? { start } : undefined;
      out.push({ tag: ordered ? 'ol' : 'ul', attrs, children: items.map((item) => ({ tag: 'li', children: inline(item.join(' ')) })) });
    } else {
      paragraph.push(line);
    }
  }
  flush();
  return out;
}

/** Inline Markdown → nodes and strings. */
export function inline(text) {
  const out = [];
  let plain = '';
  const push = (node) => {
    if (plain) out.push(plain);
    plain = '';
    out.push(node);
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\' && i + 1 < text.length && /[\\`*_[\]()#+\-.!>]/.test(text[i + 1])) {
      plain += text[i + 1];
      i += 2;
      continue;
    }
    if (c === '`') {
      const end = text.indexOf('`', i + 1);
      if (end > i) {
        push({ tag: 'code', children: [text.slice(i + 1, end)] });
        i = end + 1;
        continue;
      }
    }
    if (c === '[') {
      const close = findClosing(text, i + 1, '[', ']');
      if (close > 0 && text[close + 1] === '(') {
        const end = text.indexOf(')', close + 2);
        if (end > 0) {
          const label = text.slice(i + 1, close);
          const href = text.slice(close + 2, end).trim().split(/\s+/)[0];
          if (safeUrl(href)) {
            const attrs = { href };
            if (/^(https?:|mailto:)/i.test(href)) attrs.rel = 'noopener noreferrer nofollow';
            push({ tag: 'a', attrs, children: inline(label) });
          } else {
            push({ tag: 'span', children: inline(label) });
          }
          i = end + 1;
          continue;
        }
      }
    }
    if ((c === '*' || c === '_') && text[i + 1] === c && !(c === '_' && /\w/.test(text[i - 1] ?? ''))) {
      let end = text.indexOf(c + c, i + 2);
      // underscores never close inside a word (snake__case, dunder__names)
      while (c === '_' && end > 0 && /\w/.test(text[end + 2] ?? '')) end = text.indexOf(c + c, end + 2);
      if (end > i + 2) {
        push({ tag: 'strong', children: inline(text.slice(i + 2, end)) });
        i = end + 2;
        continue;
      }
    }
    if ((c === '*' || c === '_') && text[i + 1] && text[i + 1] !== ' ' && !(c === '_' && /\w/.test(text[i - 1] ?? ''))) {
      let end = i + 1;
      while ((end = text.indexOf(c, end)) > 0 && (text[end - 1] === ' ' || text[end + 1] === c
        || (c === '_' && /\w/.test(text[end + 1] ?? '')))) {
        end += text[end + 1] === c ? 2 : 1;
      }
      if (end > i + 1) {
        push({ tag: 'em', children: inline(text.slice(i + 1, end)) });
        i = end + 1;
        continue;
      }
    }
    plain += c;
    i += 1;
  }
  if (plain) out.push(plain);
  return out;
}

function findClosing(text, from, open, close) {
  let depth = 0;
  for (let i = from; i < text.length; i += 1) {
    if (text[i] === open) depth += 1;
    else if (text[i] === close) {
      if (depth === 0) return i;
      depth -= 1;
    }
  }
  return -1;
}

/** http(s), mailto, fragment and relative URLs only: no javascript:, data: or other schemes. */
export function safeUrl(href) {
  if (!href) return false;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(href);
  return !scheme || ['http', 'https', 'mailto'].includes(scheme[1].toLowerCase());
}

const TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'code', 'blockquote', 'ul', 'ol', 'li',
  'strong', 'em', 'a', 'span', 'hr']);

/** Builds the nodes with the DOM API into a fragment of the given document. */
export function toDom(nodes, doc = document) {
  const fragment = doc.createDocumentFragment();
  for (const node of nodes) fragment.append(build(node, doc));
  return fragment;
}

function build(node, doc) {
  if (typeof node === 'string') return doc.createTextNode(node);
  if (!TAGS.has(node.tag)) throw new Error(`unexpected tag ${node.tag}`);
  const el = doc.createElement(node.tag);
  for (const [name, value] of Object.entries(node.attrs ?? {})) el.setAttribute(name, String(value));
  for (const child of node.children) el.append(build(child, doc));
  return el;
}
