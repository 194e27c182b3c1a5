// The few DOM calls the viewer modules make, for tests that run in Node without a browser. Hand
// written rather than jsdom: no npm dependency for the build to fetch, and these tests check
// the modules' own logic (ids, attributes, text), not a browser's behaviour; the browser tests in
// bootstrap do that.
class FakeNode {
  constructor() {
    this.parentNode = null;
  }

  remove() {
    if (this.parentNode) this.parentNode.childNodes.splice(this.parentNode.childNodes.indexOf(this), 1);
    this.parentNode = null;
  }
}

class FakeText extends FakeNode {
  constructor(text) {
    super();
    this.textContent = String(text);
  }
}

class FakeElement extends FakeNode {
  constructor(tag) {
    super();
    this.tagName = tag.toUpperCase();
    this.attributes = new Map();
    this.childNodes = [];
    this.dataset = {};
    this.listeners = {};
    this.validity = { badInput: false };
    this.value = '';
    const element = this;
    this.classList = {
      contains: (name) => element.className.split(' ').includes(name),
      add: (name) => { if (!element.classList.contains(name)) element.className = `${element.className} ${name}`.trim(); },
      remove: (name) => { element.className = element.className.split(' ').filter((c) => c && c !== name).join(' '); },
      toggle: (name, on) => (on ? element.classList.add(name) : element.classList.remove(name)),
    };
  }

  setAttribute(name, value) { this.attributes.set(name, String(value)); }

  getAttribute(name) { return this.attributes.has(name) ? this.attributes.get(name) : null; }

  hasAttribute(name) { return this.attributes.has(name); }

  removeAttribute(name) { this.attributes.delete(name); }

  get id() { return this.getAttribute('id') || ''; }

  set id(value) { this.setAttribute('id', value); }

  get className() { return this.getAttribute('class') || ''; }

  set className(value) { this.setAttribute('class', value); }

  get hidden() { return this.hasAttribute('hidden'); }

  set hidden(on) { if (on) this.setAttribute('hidden', ''); else this.removeAttribute('hidden'); }

  get firstChild() { return this.childNodes[0] || null; }

  get children() { return this.childNodes.filter((n) => n instanceof FakeElement); }

  get textContent() { return this.childNodes.map((n) => n.textContent).join(''); }

  set textContent(text) {
    this.childNodes.forEach((n) => { n.parentNode = null; });
    this.childNodes = text === '' ? [] : [new FakeText(text)];
  }

  append(...nodes) {
    for (const node of nodes) {
      const child = node instanceof FakeNode ? node : new FakeText(node);
      child.remove();
      child.parentNode = this;
      this.childNodes.push(child);
    }
  }

  prepend(node) {
    node.remove();
    node.parentNode = this;
    this.childNodes.unshift(node);
  }

  addEventListener(type, listener) { (this.listeners[type] ||= []).push(listener); }

  dispatch(type, event = {}) {
    for (const listener of this.listeners[type] || []) listener({ preventDefault() {}, ...event });
  }

  focus() { globalThis.document.activeElement = this; }

  /** Like a user's click; links clicked are kept in document.clicked, where a browser would follow them. */
  click() {
    (globalThis.document.clicked ||= []).push(this);
    this.dispatch('click');
  }

  /** Every element below this one, depth first. */
  * descendants() {
    for (const child of this.children) {
      yield child;
      yield* child.descendants();
    }
  }

  /** The first element below this one with that tag name (lower case) or id ('#id'). */
  find(selector) {
    for (const el of this.descendants()) {
      if (selector.startsWith('#') ? el.id === selector.slice(1) : el.tagName === selector.toUpperCase()) return el;
    }
    return null;
  }
}

globalThis.Node = FakeNode;
globalThis.document = {
  title: '',
  activeElement: null,
  documentElement: new FakeElement('html'),
  createElement: (tag) => new FakeElement(tag),
  createTextNode: (text) => new FakeText(text),
  getElementById: () => null,
};
globalThis.window = globalThis;

export const element = (tag) => new FakeElement(tag);
