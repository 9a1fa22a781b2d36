// Labelled form controls, hints, field errors from problem details (next to their fields, in the current
// language), and the form-level message.
import { h, localise, uid, span } from './dom.js';
import { t, number } from './i18n.js';
import { needsSecondFactor, stepUpHref } from './api.js';

const text = key => (typeof key === 'function' ? key : () => t(key));

/**
 * A labelled field. `name` is the API's field path (e.g. "reporter.name"): a problem's errors[].field lands
 * next to the field with that name.
 */
export function field({ label, name, control, hint, required, extra }) {
  const id = control.id || uid(name ? name.replace(/[^a-zA-Z0-9]/g, '-') : 'f');
  control.id = id;
  if (name && !control.name) control.name = name;
  if (required) control.required = true;
  const describedBy = [];
  const hintEl = hint ? localise(h('p', { class: 'hint', id: `${id}-hint` }), text(hint)) : null;
  if (hintEl) describedBy.push(hintEl.id);
  const errorEl = h('p', { class: 'field-error', id: `${id}-error`, hidden: true });
  describedBy.push(errorEl.id);
  control.setAttribute('aria-describedby', describedBy.join(' '));
  const labelEl = localise(h('label', { for: id }), text(label));
  if (required) labelEl.append(h('span', { class: 'required', 'aria-hidden': 'true', text: ' *' }));
  return h('div', { class: 'field', dataset: { field: name || id } }, labelEl, hintEl, errorEl, control, extra);
}

/** A group of radio buttons or check boxes, with a legend. options: [{value, label, hint}] */
export function choices({ legend, name, type = 'radio', options, value, hint }) {
  const errorEl = h('p', { class: 'field-error', id: uid('err'), hidden: true });
  const hintEl = hint ? localise(h('p', { class: 'hint', id: uid('hint') }), text(hint)) : null;
  const fieldset = h('fieldset', { class: 'field choices', dataset: { field: name } },
    localise(h('legend'), text(legend)), hintEl, errorEl,
    options.map(option => {
      const id = uid(name.replace(/[^a-zA-Z0-9]/g, '-'));
      const input = h('input', { type, id, name, value: option.value, checked: option.value === value });
      const described = [option.hint ? `${id}-hint` : null, errorEl.id].filter(Boolean).join(' ');
      input.setAttribute('aria-describedby', described);
      return h('div', { class: 'choice' }, input,
        localise(h('label', { for: id }), text(option.label)),
        option.hint ? localise(h('p', { class: 'hint', id: `${id}-hint` }), text(option.hint)) : null);
    }));
  return fieldset;
}

export function select(options, { value, empty } = {}) {
  const el = h('select');
  fillSelect(el, options, { value, empty });
  return el;
}

/** options: [{value, label: fn(lang)|string|key}] — labels follow the language. */
export function fillSelect(el, options, { value, empty } = {}) {
  el.replaceChildren();
  if (empty) el.append(localise(h('option', { value: '' }), text(empty)));
  for (const option of options) {
    const label = typeof option.label === 'function' ? option.label : () => option.label;
    el.append(localise(h('option', { value: option.value }), label));
  }
  if (value !== undefined && value !== null) el.value = value;
  return el;
}

/** A live "n / max characters" counter for a text control, announced politely. */
export function counter(control, { min = 0, max }) {
  const out = h('p', { class: 'counter', 'aria-live': 'polite' });
  const render = () => {
    const length = control.value.trim().length;
    out.classList.toggle('bad', length > max || (length > 0 && length < min));
    out.textContent = t(min > 0 ? 'count.minmax' : 'count.max',
      { n: number(length), min: number(min), max: number(max) });
  };
  control.addEventListener('input', render);
  // A form's reset empties the box without an input event: count again once the reset has happened. The
  // control joins its form after this call (field() is built before the form), hence the microtask.
  queueMicrotask(() => control.form?.addEventListener('reset', () => setTimeout(render)));
  localise(out, () => { render(); return out.textContent; });
  return out;
}

export function clearErrors(form) {
  if (form._errorWatch) form._errorWatch.abort();
  form._errorWatch = null;
  for (const el of form.querySelectorAll('.field-error')) {
    el.hidden = true;
    el.replaceChildren();
    el._l10n = [];
  }
  for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  const summary = form.querySelector(':scope > .form-message');
  if (summary) summary.remove();
}

function problemText(problem) {
  return lang => (lang === 'en'
    ? problem.detail || problem.title
    : problem.detail_th || problem.title_th || problem.detail || problem.title);
}

const itemText = item => lang => (lang === 'en' ? item.message_en : item.message_th || item.message_en);

/** A message box at the top of a form (or any container). kind: 'error' | 'success' | 'info'. */
export function message(container, render, kind = 'error') {
  const existing = container.querySelector(':scope > .form-message');
  if (existing) existing.remove();
  const box = localise(h('div', { class: `form-message ${kind}`, role: kind === 'error' ? 'alert' : 'status', tabindex: '-1' }),
    typeof render === 'function' ? render : () => render);
  container.prepend(box);
  return box;
}

/** The field's container for an API field path: "giver.name", then "files[2]" → "files", then "reporter". */
function fieldFor(form, path) {
  const name = String(path || '');
  for (const candidate of [name, name.replace(/\[\d+\]$/, ''), name.split('.')[0]]) {
    const container = candidate && form.querySelector(`[data-field="${CSS.escape(candidate)}"]`);
    if (container) return container;
  }
  return null;
}

/** The field's own label as the form shows it, in either language (its <label> or its group's <legend>). */
function labelOf(container) {
  const label = container.querySelector(':scope > label, :scope > legend');
  const render = label?._l10n?.[0]?.render;
  return render || (() => (label ? label.textContent.replace(/\s*\*$/, '') : t('form.errors.field')));
}

/**
 * Shows any problem on a form, the one way every form does: each errors[] entry next to its field (by
 * data-field; "files[2]" → "files"), and at the top a summary ("please check the following") that names each
 * field by its LABEL, as a link that moves focus to it. A field's error and its summary line go as soon as the
 * field is changed (input/change), not only on the next submit. Entries without a field on this form, and a
 * problem without field errors, show the problem's own text (which names fields by label too). Focus goes to
 * the summary, so a screen reader reads it and Tab reaches the links.
 */
export function showProblem(form, error) {
  clearErrors(form);
  const problem = error.problem || { title: String(error.message) };
  const watch = new AbortController();
  form._errorWatch = watch;
  const placed = new Map();
  const unplaced = [];
  for (const item of problem.errors || []) {
    const container = fieldFor(form, item.field);
    if (!container) {
      unplaced.push(item);
      continue;
    }
    const errorEl = container.querySelector('.field-error');
    if (errorEl.childNodes.length) errorEl.append(h('br'));
    errorEl.append(localise(h('span', { class: 'error-line' }), itemText(item)));
    errorEl.hidden = false;
    const controls = container.querySelectorAll('input, select, textarea');
    controls.forEach(control => control.setAttribute('aria-invalid', 'true'));
    if (!placed.has(container)) placed.set(container, []);
    placed.get(container).push(item);
  }

  const box = h('div', { class: 'form-message error', role: 'alert', tabindex: '-1' });
  if (placed.size) {
    box.append(localise(h('p', { class: 'summary-title' }), () => t('form.errors.summary')));
  }
  if (!placed.size || unplaced.length) {
    box.append(localise(h('p'), problemText(problem)));
  }
  if (needsSecondFactor(error)) {
    // Step-up: the reveal path needs a second factor; sign in again with the code and come back here.
    box.append(localise(h('p', { class: 'step-up-explain' }), () => t('auth.stepup.explain')),
      localise(h('a', { class: 'button primary', id: 'step-up', href: stepUpHref() }), () => t('auth.stepup.go')));
  }
  const list = h('ul', { class: 'error-summary' });
  for (const [container, items] of placed) {
    const control = container.querySelector('input, select, textarea');
    const link = localise(h('a', { href: control ? `#${control.id}` : '#' }), labelOf(container));
    link.addEventListener('click', event => {
      event.preventDefault();
      control?.focus();
    });
    const line = h('li', { dataset: { field: container.dataset.field } }, link,
      localise(h('span'), lang => `: ${items.map(item => itemText(item)(lang)).join('; ')}`));
    list.append(line);
    // Fixed (changed) → its error and its summary line go at once; the summary goes with its last line.
    const clear = () => {
      const errorEl = container.querySelector('.field-error');
      errorEl.hidden = true;
      errorEl.replaceChildren();
      container.querySelectorAll('[aria-invalid]').forEach(c => c.removeAttribute('aria-invalid'));
      line.remove();
      if (!list.children.length && !unplaced.length) box.remove();
    };
    container.addEventListener('input', clear, { once: true, signal: watch.signal });
    container.addEventListener('change', clear, { once: true, signal: watch.signal });
  }
  for (const item of unplaced) list.append(localise(h('li'), itemText(item)));
  if (list.children.length) box.append(list);
  const existing = form.querySelector(':scope > .form-message');
  if (existing) existing.remove();
  form.prepend(box);
  box.focus();
}

/** A problem shown in a container that is not a form (a page, a panel). */
export function showError(container, error) {
  return message(container, problemText(error.problem || { title: String(error.message) }), 'error');
}

export function button(label, props = {}) {
  return localise(h('button', { type: 'button', ...props }), text(label));
}

export function submit(label, props = {}) {
  return localise(h('button', { type: 'submit', class: 'primary', ...props }), text(label));
}

/** Runs an async submit handler with the button disabled meanwhile (no double submission). */
export function onSubmit(form, handler) {
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const buttons = form.querySelectorAll('button[type=submit]');
    buttons.forEach(b => { b.disabled = true; });
    form.setAttribute('aria-busy', 'true');
    try {
      await handler(event);
    } finally {
      buttons.forEach(b => { b.disabled = false; });
      form.removeAttribute('aria-busy');
    }
  });
  return form;
}

export { span };
