// In-app notices (docs/gateway.md, "Notices"): which services a person hears from, their unread count in the
// header, and the safe route of a notice's link. Each service answers for itself: one that is down (503) or does
// not offer notices yet (404) is left out of the count and named on the notices page, never breaks the others.
import { h, localise, replace } from './dom.js';
import { t, lang, number } from './i18n.js';
import { get, post, hasRole } from './api.js';

/** The services and the roles that use them, as the UI already decides which pages a person sees. */
const SERVICES = [
  { service: 'complaints', roles: ['OFFICER', 'HEAD'] },
  { service: 'gifts', roles: ['STAFF', 'OFFICER', 'HEAD'] },
];

/** The services whose notices this person can have: ['complaints', 'gifts'], one of them, or none. */
export function noticeServices(user) {
  return SERVICES.filter(s => hasRole(user, ...s.roles)).map(s => s.service);
}

/**
 * Each service's answer to GET /api/{service}/notices, side by side: [{service, data}] or [{service, error}].
 * A failing service never rejects the whole.
 */
export async function loadNotices(user, { size = 50 } = {}) {
  const services = noticeServices(user);
  const settled = await Promise.allSettled(services.map(service =>
    get(`/api/${service}/notices?page=0&size=${size}`, { fresh: true })));
  return settled.map((result, i) => (result.status === 'fulfilled' && result.value && typeof result.value === 'object'
    ? { service: services[i], data: { unread: Number(result.value.unread) || 0, items: result.value.items || [] } }
    : { service: services[i], error: result.reason || new Error('no notices') }));
}

/** Marks notices read in one service: ids, or every one of the caller's when ids is omitted. */
export function markRead(service, ids) {
  return post(`/api/${service}/notices/read`, ids ? { ids } : {});
}

// ------------------------------------------------------------------------------------------------ links
// A notice's link is a route of this UI and nothing else: the service's text never becomes an address that
// leaves the page (no "javascript:", no other site). The contract's short forms (#/cases/<id>, #/gifts/<id>)
// go to the page that shows them; anything unknown falls back to the kind's page.
const ID = '[A-Za-z0-9_-]{1,64}';
const ROUTES = [
  { from: new RegExp(`^#/officer/case/(${ID})$`), to: id => `#/officer/case/${id}` },
  { from: new RegExp(`^#/cases/(${ID})$`), to: id => `#/officer/case/${id}` },
  { from: /^#\/(officer|head|staff)$/, to: page => `#/${page}` },
];
const BY_KIND = {
  'complaint-new': '#/officer', 'reporter-news': '#/officer', 'deadline-soon': '#/officer', 'case-overdue': '#/officer',
  'identity-request-pending': '#/head', 'gift-awaiting-decision': '#/head', 'gift-decided': '#/staff',
};

/** The UI route a notice leads to, or null when neither its link nor its kind names one. */
export function noticeRoute(item) {
  const link = typeof item?.link === 'string' ? item.link.trim() : '';
  for (const route of ROUTES) {
    const match = route.from.exec(link);
    if (match) return route.to(match[1]);
  }
  return BY_KIND[item?.kind] || null;
}

/** The kind's label in the current language; a kind this UI does not know yet is shown as its name. */
export function kindLabel(kind, language) {
  const key = `notices.kind.${kind}`;
  const text = t(key, null, language);
  return text === key ? String(kind ?? '') : text;
}

// ------------------------------------------------------------------------------------------------ the count
const REFRESH_MS = 60_000;
let currentUser = null;
let link = null;
let lastRefresh = 0;
let inFlight = null;
let again = null;
let timer = null;

/**
 * The header's link to the notices page with the unread count ("3", and for screen readers "3 unread
 * notices"), for a person who has notices; null for anyone else. Refreshed by refreshNoticeCount() (the router
 * calls it on every navigation) and once a minute while the tab is visible.
 */
export function noticeCountLink(user) {
  currentUser = user;
  if (!noticeServices(user).length) {
    link = null;
    return null;
  }
  let unread = 0;
  const spokenText = l => (unread ? t('notices.count', { n: number(unread, l) }, l) : t('notices.count.none', null, l));
  const badge = h('span', { class: 'notice-count', 'aria-hidden': 'true', hidden: true });
  const spoken = localise(h('span', { class: 'visually-hidden', id: 'notice-count-text' }), spokenText);
  link = localise(h('a', { href: '#/notices', id: 'notices-link', class: 'notices-link', dataset: { unread: '0' } },
    localise(h('span', { 'aria-hidden': 'true' }), () => t('notices.header')), badge, spoken), spokenText, 'title');
  link._render = count => {
    unread = count;
    link.dataset.unread = String(count);
    badge.hidden = count === 0;
    replace(badge, count > 99 ? '99+' : number(count));
    spoken.textContent = spokenText(lang());
    link.title = spoken.textContent;
  };
  if (!timer) {
    timer = setInterval(() => {
      if (!document.hidden) refreshNoticeCount();
    }, REFRESH_MS);
    // Back to a tab that was hidden for a while: refresh then, not on every switch.
    document.addEventListener('visibilitychange', () => {
      if (!document.hidden && Date.now() - lastRefresh >= REFRESH_MS) refreshNoticeCount();
    });
  }
  return link;
}

/**
 * Counts again (both services at once). A call while a count is running waits for it and counts once more, so a
 * change just made (notices marked read) is never hidden by an answer that left before it.
 */
export function refreshNoticeCount() {
  if (!link || !currentUser) return Promise.resolve();
  if (inFlight) {
    again = again || inFlight.then(() => {
      again = null;
      return refreshNoticeCount();
    });
    return again;
  }
  const target = link;
  lastRefresh = Date.now();
  inFlight = loadNotices(currentUser, { size: 1 })
    .then(results => {
      const unread = results.reduce((sum, r) => sum + (r.data ? r.data.unread : 0), 0);
      if (target === link) target._render(unread);
    })
    .finally(() => { inFlight = null; });
  return inFlight;
}
