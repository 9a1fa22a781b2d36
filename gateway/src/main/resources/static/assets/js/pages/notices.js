// Notices: the list from every service the person hears from (newest first, each with its kind, its Bangkok
// Buddhist-Era time and a link), "mark all read", and the per-kind e-mail settings (#/notices/settings).
// A service that does not answer is named in a plain note; the other's notices still show.
import { h, localise, replace, append } from '../dom.js';
import { t } from '../i18n.js';
import { get, put } from '../api.js';
import { clearErrors, showProblem, submit, button, onSubmit, message } from '../forms.js';
import { formatDateTime } from '../dates.js';
import { loadNotices, markRead, noticeRoute, kindLabel, noticeServices, refreshNoticeCount } from '../notices.js';

export async function render(main, { match, user }) {
  if (match[1] === 'settings') await settingsPage(main, user);
  else await listPage(main, user);
}

/** A plain note per service that did not answer (503, 404, a network error): the page goes on without it. */
function unavailable(service) {
  return localise(h('p', { class: 'notice-unavailable', role: 'status', dataset: { service } }),
    l => t('notices.unavailable', { service: t(`notices.service.${service}`, null, l) }, l));
}

// ---------------------------------------------------------------- the list
async function listPage(main, user) {
  append(main, localise(h('h1'), () => t('notices.title')),
    localise(h('p', { class: 'lead' }), () => t('notices.lead')),
    h('p', null, localise(h('a', { href: '#/notices/settings', id: 'notice-settings-link' }), () => t('notices.settings.link'))));
  const status = h('div', { id: 'notices-status' });
  const markAll = button('notices.markAll', { id: 'mark-all-read' });
  const list = h('div', { id: 'notices' });
  append(main, status, h('div', { class: 'actions' }, markAll), list);

  let answered = [];
  const load = async () => {
    const results = await loadNotices(user);
    answered = results.filter(r => r.data);
    const items = answered.flatMap(r => r.data.items.map(item => ({ ...item, service: r.service })))
      .sort((a, b) => (Date.parse(b.at) || 0) - (Date.parse(a.at) || 0));
    replace(status, results.filter(r => r.error).map(r => unavailable(r.service)));
    markAll.disabled = !answered.some(r => r.data.unread > 0);
    replace(list, items.length
      ? localise(h('ul', { class: 'records notices-list', id: 'notices-list' }, items.map(noticeItem)), () => t('notices.list.label'), 'aria-label')
      : localise(h('p', { id: 'notices-none' }), () => t('notices.none')));
  };

  markAll.addEventListener('click', async () => {
    markAll.disabled = true;
    // Each service marks its own; one that fails says so and keeps its notices unread.
    const results = await Promise.allSettled(answered.filter(r => r.data.unread > 0).map(r => markRead(r.service)));
    await load();
    await refreshNoticeCount();
    const failed = results.find(r => r.status === 'rejected');
    if (failed) message(status, l => problemText(failed.reason, l), 'error').focus();
    else message(status, () => t('notices.markedAll'), 'success').focus();
  });
  await load();
}

const problemText = (error, l) => {
  const problem = error?.problem || {};
  return l === 'en' ? problem.detail || problem.title || String(error?.message ?? '')
    : problem.detail_th || problem.title_th || problem.detail || problem.title || String(error?.message ?? '');
};

function noticeItem(item) {
  const route = noticeRoute(item);
  const label = l => kindLabel(item.kind, l);
  // The kind is the link's text: Tab moves from notice to notice, Enter opens one.
  const title = route ? localise(h('a', { href: route, class: 'notice-link' }), label) : localise(h('span'), label);
  if (route && !item.read) {
    title.addEventListener('click', () => {
      markRead(item.service, [item.id]).then(() => refreshNoticeCount()).catch(() => {});
    });
  }
  return h('li', { class: item.read ? 'notice read' : 'notice unread', dataset: { kind: item.kind, service: item.service } },
    h('p', { class: 'notice-title' },
      item.read ? null : localise(h('span', { class: 'badge new-message-badge' }), () => t('notices.unread')),
      item.read ? null : ' ', title),
    h('p', { class: 'meta' },
      localise(h('time', { datetime: item.at }), l => formatDateTime(item.at, l)), ' · ',
      localise(h('span'), () => t(`notices.from.${item.service}`)),
      item.read ? [' · ', localise(h('span'), () => t('notices.read'))] : null));
}

// ---------------------------------------------------------------- e-mail settings
async function settingsPage(main, user) {
  append(main, localise(h('h1'), () => t('notices.settings.title')),
    h('p', null, localise(h('a', { href: '#/notices' }), () => t('notices.settings.back'))),
    localise(h('p', { class: 'lead', id: 'notice-settings-lead' }), () => t('notices.settings.lead')));
  const services = noticeServices(user);
  const settled = await Promise.allSettled(services.map(service => get(`/api/${service}/notices/preferences`, { fresh: true })));
  const email = settled.map(r => (r.status === 'fulfilled' ? r.value?.email : null)).find(Boolean);
  if (settled.some(r => r.status === 'fulfilled')) {
    append(main, localise(h('p', { id: 'notice-email' }),
      l => (email ? t('notices.settings.email', { email }, l) : t('notices.settings.noEmail', null, l))));
  }
  settled.forEach((result, i) => append(main, result.status === 'fulfilled' && result.value
    ? preferencesForm(services[i], result.value)
    : unavailable(services[i])));
}

/** One form per service: a check box per kind it offers, saving only the kinds that were changed. */
function preferencesForm(service, preferences) {
  const saved = new Map((preferences.kinds || []).map(k => [k.kind, Boolean(k.email)]));
  const boxes = [...saved.keys()].map(kind => {
    const id = `notice-${service}-${kind}`.replace(/[^A-Za-z0-9_-]/g, '-');
    const input = h('input', { type: 'checkbox', id, name: kind, checked: saved.get(kind), dataset: { kind } });
    const error = h('p', { class: 'field-error', id: `${id}-error`, hidden: true });
    input.setAttribute('aria-describedby', error.id);
    return { kind, input, container: h('div', { class: 'field notice-kind', dataset: { field: `kinds.${kind}` } },
      input, localise(h('label', { for: id }), l => kindLabel(kind, l)), error) };
  });
  const groupError = h('p', { class: 'field-error', hidden: true });
  const form = h('form', { class: 'stack notice-preferences', novalidate: true, id: `notice-preferences-${service}`, dataset: { service } },
    h('fieldset', { class: 'field', dataset: { field: 'kinds' } },
      localise(h('legend'), () => `${t(`notices.from.${service}`)}: ${t('notices.settings.kinds')}`),
      groupError,
      boxes.length ? boxes.map(b => b.container) : localise(h('p'), () => t('notices.settings.none'))),
    boxes.length ? h('div', { class: 'actions' }, submit('notices.settings.save')) : null);

  onSubmit(form, async () => {
    clearErrors(form);
    const changed = Object.fromEntries(boxes.filter(b => b.input.checked !== saved.get(b.kind)).map(b => [b.kind, b.input.checked]));
    if (!Object.keys(changed).length) {
      message(form, () => t('notices.settings.unchanged'), 'info').focus();
      return;
    }
    try {
      const answer = await put(`/api/${service}/notices/preferences`, { kinds: changed });
      for (const k of answer?.kinds || []) {
        if (!saved.has(k.kind)) continue;
        saved.set(k.kind, Boolean(k.email));
        const box = boxes.find(b => b.kind === k.kind);
        box.input.checked = Boolean(k.email);
      }
      message(form, () => t('notices.settings.saved'), 'success').focus();
    } catch (error) {
      showProblem(form, error);
    }
  });
  return h('section', { class: 'notice-service', 'aria-labelledby': `notice-${service}-title` },
    localise(h('h2', { id: `notice-${service}-title` }), () => t(`notices.from.${service}`)), form);
}
