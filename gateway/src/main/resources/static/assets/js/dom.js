// Building the page. User and service data only ever reach the DOM as text (textContent, attribute values set
// through the DOM API), never as HTML, so markup or script inside a complaint or a name stays inert.
import { lang, onLanguageChange } from './i18n.js';

/**
 * h('p', {class: 'x', for: 'id'}, child, ...) — children are nodes, strings (inserted as text) or arrays.
 * Props: class, text, on<Event> (functions, attached with addEventListener), dataset, hidden/disabled/...
 */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  if (props) {
    for (const [key, value] of Object.entries(props)) {
      if (value === undefined || value === null || value === false) continue;
      if (key === 'class') el.className = value;
      else if (key === 'text') el.textContent = value;
      else if (key === 'dataset') Object.assign(el.dataset, value);
      else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2).toLowerCase(), value);
      else if (key === 'value') el.value = value;
      else if (key === 'checked') { el.checked = true; el.defaultChecked = true; }
      else if (key === 'selected' || key === 'multiple') el[key] = Boolean(value);
      else if (value === true) el.setAttribute(key, '');
      else el.setAttribute(key, String(value));
    }
  }
  append(el, children);
  return el;
}

export function append(el, ...children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** Removes every child, then appends the given ones. */
export function replace(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

// Text that depends on the language: the element remembers how to render itself, and is re-rendered in place
// when the language changes, so nothing typed into a form is lost.
const LOCALISED = 'data-l10n';

/** Sets el's text (or an attribute) to render(lang) now and after every language switch. */
export function localise(el, render, attribute) {
  const list = el._l10n || (el._l10n = []);
  list.push({ render, attribute });
  el.setAttribute(LOCALISED, '');
  apply(el, render, attribute);
  return el;
}

function apply(el, render, attribute) {
  const value = render(lang());
  if (attribute) el.setAttribute(attribute, value ?? '');
  else el.textContent = value ?? '';
}

onLanguageChange(() => {
  for (const el of document.querySelectorAll(`[${LOCALISED}]`)) {
    for (const { render, attribute } of el._l10n || []) apply(el, render, attribute);
  }
});

/** A text node-like span that follows the language: T('key') or T(l => ...). */
export function span(render, props) {
  return localise(h('span', props), typeof render === 'function' ? render : () => render);
}

let ids = 0;
export function uid(prefix = 'f') {
  ids += 1;
  return `${prefix}-${ids}`;
}
