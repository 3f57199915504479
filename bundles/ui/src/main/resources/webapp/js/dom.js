// Builds DOM nodes from data without ever parsing HTML: text always goes through text nodes, so nothing the
// API returns (ticket text, stack traces, article bodies) can inject markup or script.

/**
 * h('a', {href: '#/x', class: 'link', onclick: fn}, 'text', child, [more]) → element.
 * Attribute values false/null/undefined are left out; true sets a boolean attribute; on* take functions.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (value === true) {
      el.setAttribute(name, '');
    } else {
      el.setAttribute(name, String(value));
    }
  }
  append(el, children);
  return el;
}

/** Appends strings (as text), nodes and nested arrays; skips null, undefined and false. */
export function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** Replaces all children of el. */
export function replace(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

let ids = 0;
/** A document-unique id for label/aria wiring. */
export function uid(prefix = 'id') {
  ids += 1;
  return `${prefix}-${ids}`;
}

/** Says something to screen-reader users through the page's polite live region. */
export function announce(message) {
  const region = document.getElementById('announcer');
  if (!region) return;
  // clearing first makes the same message be read again
  region.textContent = '';
  setTimeout(() => { region.textContent = message; }, 50);
}

/** A section with a heading wired to it as its accessible name. */
export function section(title, className, ...children) {
  const id = uid('section');
  return h('section', { class: className, 'aria-labelledby': id }, h('h2', { id }, title), ...children);
}

/** An error box that shows the problem's detail; role=alert so it is read at once. */
export function errorBox(error, prefix) {
  const detail = error?.problem?.detail || error?.problem?.title || error?.message || String(error);
  return h('div', { class: 'error', role: 'alert' }, prefix ? `${prefix}: ${detail}` : detail);
}
