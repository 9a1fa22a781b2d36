// The single page: header (navigation by role, language switch, sign-in), hash routes, footer.
import { h, localise, replace } from './dom.js';
import { t, lang, setLang, onLanguageChange } from './i18n.js';
import { currentUser, hasRole, signOut } from './api.js';
import { showError, button } from './forms.js';
import { noticeCountLink, refreshNoticeCount } from './notices.js';

const ROUTES = [
  { path: /^\/?$/, page: 'home', title: 'nav.home' },
  { path: /^\/file$/, page: 'file', title: 'nav.file' },
  { path: /^\/track$/, page: 'track', title: 'nav.track' },
  { path: /^\/stats$/, page: 'stats', title: 'nav.stats' },
  { path: /^\/staff$/, page: 'staff', title: 'nav.staff', roles: ['STAFF', 'OFFICER', 'HEAD'] },
  { path: /^\/officer(?:\/(case)\/([\w-]+)|\/(new|registers))?$/, page: 'officer', title: 'nav.officer', roles: ['OFFICER'] },
  { path: /^\/head$/, page: 'head', title: 'nav.head', roles: ['HEAD'] },
  { path: /^\/admin$/, page: 'admin', title: 'nav.admin', roles: ['ADMIN'] },
  { path: /^\/notices$/, page: 'notices', title: 'notices.title', roles: ['STAFF', 'OFFICER', 'HEAD'] },
  { path: /^\/notices\/(settings)$/, page: 'notices', title: 'notices.settings.title', roles: ['STAFF', 'OFFICER', 'HEAD'] },
];

const NAV = [
  { href: '#/', key: 'nav.home' },
  { href: '#/file', key: 'nav.file' },
  { href: '#/track', key: 'nav.track' },
  { href: '#/stats', key: 'nav.stats' },
  { href: '#/staff', key: 'nav.staff', roles: ['STAFF', 'OFFICER', 'HEAD'] },
  { href: '#/officer', key: 'nav.officer', roles: ['OFFICER'] },
  { href: '#/head', key: 'nav.head', roles: ['HEAD'] },
  { href: '#/admin', key: 'nav.admin', roles: ['ADMIN'] },
];

const main = document.getElementById('main');
let user = { authenticated: false, roles: [] };
let titleKey = 'nav.home';

function renderShell() {
  localise(document.getElementById('brand'), () => t('site.name'));
  localise(document.getElementById('skip-link'), () => t('site.skip'));
  const switcher = document.getElementById('lang-switch');
  localise(switcher, l => (l === 'th' ? 'English' : 'ภาษาไทย'));
  localise(switcher, l => (l === 'th' ? 'en' : 'th'), 'lang');
  localise(switcher, l => (l === 'th' ? 'Switch to English' : 'เปลี่ยนเป็นภาษาไทย'), 'aria-label');
  switcher.addEventListener('click', () => setLang(lang() === 'th' ? 'en' : 'th'));
  localise(document.getElementById('site-nav'), () => t('nav.label'), 'aria-label');
  replace(document.getElementById('footer'),
    localise(h('p'), () => t('footer.privacy')),
    h('p', { class: 'small', id: 'footer-api' }, localise(h('span'), () => t('footer.api')),
      // Each service describes its own API at /api/<service>/api-docs, routed by the gateway like the rest.
      ['complaints', 'gifts', 'stats'].map((service, i) => [i ? ' · ' : ' ',
        localise(h('a', { href: `/api/${service}/api-docs`, type: 'application/json' }), () => t(`footer.api.${service}`))])));
  onLanguageChange(() => { document.title = `${t(titleKey)} · ${t('site.name')}`; });
}

function renderNav() {
  const nav = document.getElementById('site-nav');
  const links = NAV.filter(item => !item.roles || hasRole(user, ...item.roles))
    .map(item => h('li', null, localise(h('a', { href: item.href, dataset: { nav: item.href } }), () => t(item.key))));
  replace(nav, h('ul', null, links));
  markCurrent();
  const account = document.getElementById('account');
  if (user.authenticated) {
    const out = button('auth.signout', { class: 'link-button', id: 'sign-out' });
    out.addEventListener('click', () => signOut().catch(error => showError(main, error)));
    replace(account, noticeCountLink(user), h('span', { class: 'who', text: user.name || user.username }), out);
  } else {
    replace(account, localise(h('a', { href: signInHref(), class: 'sign-in', id: 'sign-in' }), () => t('auth.signin')));
  }
}

// Sign-in comes back to this page: the gateway follows `continue` only to the UI's own pages (SignInReturn).
function signInHref() {
  const page = `/${window.location.hash || ''}`;
  return `/oauth2/authorization/integrity?continue=${encodeURIComponent(page)}`;
}

function markCurrent() {
  const route = `#${currentPath() || '/'}`;
  for (const a of document.querySelectorAll('#site-nav a, #notices-link')) {
    if (!a.dataset.nav) a.dataset.nav = a.getAttribute('href');
    const here = a.dataset.nav === '#/' ? route === '#/' : route.startsWith(a.dataset.nav);
    if (here) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}

function currentPath() {
  return decodeURIComponent(window.location.hash.replace(/^#/, '')) || '/';
}

const loaded = {};
async function route() {
  const path = currentPath();
  const found = ROUTES.map(r => ({ r, m: path.match(r.path) })).find(x => x.m);
  markCurrent();
  // Every navigation counts the notices again (a page the person just read may have changed them).
  refreshNoticeCount().catch(() => {});
  document.getElementById('sign-in')?.setAttribute('href', signInHref());
  main.replaceChildren();
  main.setAttribute('aria-busy', 'true');
  try {
    if (!found) {
      titleKey = 'page.notfound';
      replace(main, localise(h('h1', { tabindex: '-1' }), () => t('page.notfound')),
        h('p', null, localise(h('a', { href: '#/' }), () => t('nav.home'))));
      return;
    }
    titleKey = found.r.title;
    if (found.r.roles && !hasRole(user, ...found.r.roles)) {
      renderSignInNeeded(found.r);
      return;
    }
    const module = loaded[found.r.page] || (loaded[found.r.page] = await import(`./pages/${found.r.page}.js`));
    await module.render(main, { match: found.m, user });
  } catch (error) {
    showError(main, error);
  } finally {
    main.removeAttribute('aria-busy');
    document.title = `${t(titleKey)} · ${t('site.name')}`;
    const heading = main.querySelector('h1');
    if (heading) {
      heading.tabIndex = -1;
      if (document.activeElement !== document.body || window.location.hash) heading.focus({ preventScroll: false });
    }
  }
}

function renderSignInNeeded(r) {
  replace(main,
    localise(h('h1'), () => t(r.title)),
    user.authenticated
      ? localise(h('p', { class: 'form-message error', role: 'alert' }), () => t('auth.forbidden'))
      : h('div', { class: 'panel' },
        localise(h('p'), () => t('auth.needed')),
        localise(h('a', { class: 'button primary', id: 'sign-in-here', href: signInHref() }), () => t('auth.signin'))));
}

async function start() {
  renderShell();
  user = await currentUser();
  renderNav();
  window.addEventListener('hashchange', route);
  await route();
  document.documentElement.dataset.ready = 'true';
}

start();
