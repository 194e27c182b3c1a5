// Building DOM without HTML strings: every value from the API lands in text nodes or
// attributes, never in markup, so a dashboard title cannot inject anything.

/** h('p', {class: 'x', onclick: fn}, 'text', child) */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
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

export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function clear(el) {
  while (el.firstChild) el.firstChild.remove();
  return el;
}

let ids = 0;
/** A document-unique id, derived from a slug only for readability. */
export function uid(prefix) {
  ids += 1;
  return `${String(prefix).replace(/[^a-zA-Z0-9_-]/g, '-')}-${ids}`;
}

const announcer = () => document.getElementById('announcer');

/** Says something through the page's polite live region (loading, done, errors). */
export function announce(message) {
  const region = announcer();
  if (!region) return;
  region.textContent = '';
  // A fresh text node after a tick makes screen readers repeat identical messages too.
  window.setTimeout(() => { region.textContent = message; }, 30);
}

export function debounce(fn, ms) {
  let timer = null;
  const debounced = (...args) => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => fn(...args), ms);
  };
  debounced.cancel = () => window.clearTimeout(timer);
  return debounced;
}

/** The path segment at index i of location.pathname, decoded ('' when absent or malformed). */
export function pathSegment(i) {
  const raw = window.location.pathname.split('/')[i] || '';
  try {
    return decodeURIComponent(raw);
  } catch (e) {
    return '';
  }
}
