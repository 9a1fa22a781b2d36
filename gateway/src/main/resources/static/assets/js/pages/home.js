import { h, localise, replace, append } from '../dom.js';
import { t } from '../i18n.js';

const card = (href, title, body) => h('li', { class: 'card' },
  h('h2', null, localise(h('a', { href }), () => t(title))),
  localise(h('p'), () => t(body)));

export function render(main, { user }) {
  const failed = new URLSearchParams(window.location.search).get('signin') === 'failed';
  append(main, 
    localise(h('h1'), () => t('home.title')),
    failed ? localise(h('p', { class: 'form-message error', role: 'alert' }), () => t('auth.failed')) : null,
    localise(h('p', { class: 'lead' }), () => t('home.lead')),
    h('ul', { class: 'cards' },
      card('#/file', 'home.file.title', 'home.file.body'),
      card('#/track', 'home.track.title', 'home.track.body'),
      card('#/stats', 'home.stats.title', 'home.stats.body'),
      user.authenticated
        ? card('#/staff', 'home.staff.title', 'home.staff.signedin')
        : h('li', { class: 'card' },
          h('h2', null, localise(h('a', { href: '/oauth2/authorization/integrity' }), () => t('home.staff.title'))),
          localise(h('p'), () => t('home.staff.body')))),
    h('section', { class: 'panel protection', 'aria-labelledby': 'protection-title' },
      localise(h('h2', { id: 'protection-title' }), () => t('home.protect.title')),
      h('ul', null, ['anonymous', 'encrypted', 'noaddress', 'code', 'photos', 'deleted']
        .map(key => localise(h('li'), () => t(`home.protect.${key}`))))));
}
