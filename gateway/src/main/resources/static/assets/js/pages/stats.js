// Published statistics (public): pick an agency and a fiscal year; the current table as the service publishes
// it, the infographic, CSV, every revision with its reason, the gift statistics, and the city-wide roll-up.
import { h, localise, replace, append } from '../dom.js';
import { t, pick, number } from '../i18n.js';
import { get } from '../api.js';
import { field, select, fillSelect, submit, onSubmit, showError } from '../forms.js';
import { agencyList, agencyNamer } from '../shared.js';
import { todayBangkok, fiscalYearOf, fiscalMonths, formatMonth, formatDateTime, lastEndedMonth } from '../dates.js';
import { complaintTable, tableNotes } from '../table.js';

export function fiscalYearOptions(count = 5) {
  const current = fiscalYearOf(todayBangkok());
  return Array.from({ length: count }, (_, i) => current - i)
    .map(year => ({ value: String(year), label: l => (l === 'en' ? `FY ${year} BE` : `ปีงบประมาณ พ.ศ. ${year}`) }));
}

export async function render(main) {
  const agencies = await agencyList();
  const agency = select(agencies.map(a => ({ value: a.code, label: l => pick(a, l) })), { value: agencies[0]?.code });
  const year = select(fiscalYearOptions(), { value: String(fiscalYearOf(lastEndedMonth())) });
  const form = h('form', { class: 'inline-form', id: 'stats-form' },
    field({ label: 'stats.agency', name: 'agency', control: agency }),
    field({ label: 'stats.year', name: 'fiscalYear', control: year }),
    h('div', { class: 'actions' }, submit('stats.show')));
  const result = h('div', { id: 'stats-result', 'aria-live': 'polite' });
  const rollupResult = h('div', { id: 'rollup-result' });
  const rollupMonth = select([]);
  const rollupForm = h('form', { class: 'inline-form', id: 'rollup-form' },
    field({ label: 'stats.rollup.through', name: 'through', control: rollupMonth }), h('div', { class: 'actions' }, submit('stats.rollup.show')));

  append(main, localise(h('h1'), () => t('stats.title')), localise(h('p', { class: 'lead' }), () => t('stats.lead')), form, result,
    h('section', { class: 'rollup', 'aria-labelledby': 'rollup-title' },
      localise(h('h2', { id: 'rollup-title' }), () => t('stats.rollup.title')),
      localise(h('p'), () => t('stats.rollup.lead')), rollupForm, rollupResult));

  const syncMonths = preferred => {
    const months = fiscalMonths(Number(year.value));
    const ended = months.filter(m => m <= lastEndedMonth());
    fillSelect(rollupMonth, (ended.length ? ended : months).map(m => ({ value: m, label: l => formatMonth(m, l) })),
      { value: preferred && ended.includes(preferred) ? preferred : ended[ended.length - 1] });
  };

  const show = async () => {
    replace(result);
    let through;
    try {
      through = await showAgency(result, agency.value, year.value);
    } catch (error) {
      showError(result, error);
    }
    syncMonths(through);
    try {
      await showRollup(rollupResult, year.value, rollupMonth.value);
    } catch (error) {
      showError(rollupResult, error);
    }
  };
  onSubmit(form, show);
  onSubmit(rollupForm, async () => {
    try {
      await showRollup(rollupResult, year.value, rollupMonth.value);
    } catch (error) {
      showError(rollupResult, error);
    }
  });
  await show();
}

const kindLabel = kind => (kind === 'GIFTS' ? 'stats.kind.gifts' : 'stats.kind.complaints');
const periodLabel = (p, l) => (p.kind === 'GIFTS'
  ? `${l === 'en' ? 'Round' : 'รอบ'} ${p.round === 'H1' ? (l === 'en' ? '6 months' : '6 เดือน') : (l === 'en' ? '12 months' : '12 เดือน')}`
  : `${l === 'en' ? 'through' : 'ถึง'} ${formatMonth(p.through, l)}`);

/** Renders the agency's current complaint publication and every revision; returns its through-month. */
async function showAgency(container, agency, fiscalYear) {
  const list = await get(`/api/stats/publications?agency=${encodeURIComponent(agency)}&fiscalYear=${encodeURIComponent(fiscalYear)}`);
  const current = list.filter(p => p.status === 'CURRENT');
  const complaints = current.filter(p => p.kind !== 'GIFTS').sort((a, b) => (a.through < b.through ? 1 : -1))[0];
  if (!complaints) {
    append(container, localise(h('p', { class: 'panel', id: 'no-publication' }), () => t('stats.none')));
  } else {
    const full = await get(`/api/stats/publications/${encodeURIComponent(complaints.id)}`);
    append(container, publicationSection(full));
  }
  const gifts = current.filter(p => p.kind === 'GIFTS');
  if (gifts.length) {
    append(container, h('section', { class: 'gift-publications' },
      localise(h('h2'), () => t('stats.gifts.title')),
      h('ul', null, gifts.map(p => h('li', null, localise(h('span'), l => `${periodLabel(p, l)} · ${t('stats.revision', { n: p.revision }, l)} `),
        links(p))))));
  }
  if (list.length) append(container, history(list));
  return complaints?.through;
}

function links(p) {
  return h('span', { class: 'links' },
    p.links.seed ? [localise(h('a', { href: p.links.seed, target: '_blank', rel: 'noopener', class: 'seed-link' }), () => t('stats.seed')), ' · '] : null,
    localise(h('a', { href: p.links.csv, download: '', class: 'csv-link' }), () => t('stats.csv')), ' · ',
    localise(h('a', { href: p.links.html, target: '_blank', rel: 'noopener' }), () => t('stats.printable')), ' · ',
    localise(localise(h('a', { target: '_blank', rel: 'noopener' }), l => inLanguage(p.links.svg, l), 'href'), () => t('stats.svg')), ' · ',
    localise(h('a', { href: p.links.dcat, target: '_blank', rel: 'noopener' }), () => t('stats.dcat')));
}

/** The infographic's address in the reader's language: the service draws it in Thai unless asked for lang=en. */
function inLanguage(svg, language) {
  return language === 'en' ? `${svg}${svg.includes('?') ? '&' : '?'}lang=en` : svg;
}

function publicationSection(p) {
  const img = localise(localise(h('img', { class: 'infographic', id: 'infographic', width: '800', height: '450' }),
    l => inLanguage(p.links.svg, l), 'src'),
    l => (l === 'en' ? `Infographic: ${p.table.title_en}` : `อินโฟกราฟิก: ${p.table.title_th}`), 'alt');
  return h('section', { class: 'publication', id: 'publication', 'aria-labelledby': 'publication-title' },
    localise(h('h2', { id: 'publication-title' }), l => (l === 'en' ? p.table.title_en : p.table.title_th)),
    localise(h('p', { class: 'meta' }), l => t('stats.published', {
      date: formatDateTime(p.publishedAt, l), n: p.revision, period: l === 'en' ? p.table.period.label_en : p.table.period.label_th }, l)),
    p.correctionReason ? localise(h('p', { class: 'correction' }), l => t('stats.correction', { reason: p.correctionReason }, l)) : null,
    h('p', { class: 'downloads' }, links(p)),
    complaintTable(p.table, { id: 'published-table' }),
    tableNotes(),
    h('figure', null, img, localise(h('figcaption'), () => t('stats.svg.caption'))),
    localise(h('p', { class: 'hint checksum' }), () => `SHA-256 ${p.checksum.value}`));
}

function history(list) {
  return h('section', { class: 'history', id: 'revisions', 'aria-labelledby': 'history-title' },
    localise(h('h2', { id: 'history-title' }), () => t('stats.history')),
    h('ol', { class: 'revisions' }, list.map(p => h('li', null,
      localise(h('strong'), l => `${t(kindLabel(p.kind), null, l)} · ${periodLabel(p, l)} · ${t('stats.revision', { n: p.revision }, l)}`), ' ',
      localise(h('span', { class: `badge ${p.status === 'CURRENT' ? 'ok' : 'muted'}` }), l => t(p.status === 'CURRENT' ? 'stats.current' : 'stats.superseded', null, l)),
      localise(h('p', { class: 'meta' }), l => t('stats.publishedOn', { date: formatDateTime(p.publishedAt, l) }, l)),
      p.correctionReason ? localise(h('p', { class: 'reason' }), l => t('stats.correction', { reason: p.correctionReason }, l)) : null,
      links(p)))));
}

async function showRollup(container, fiscalYear, through) {
  replace(container);
  if (!through) return;
  const [view, agencyName] = await Promise.all([
    get(`/api/stats/rollup/${encodeURIComponent(fiscalYear)}?through=${encodeURIComponent(through)}`), agencyNamer()]);
  const named = a => localise(h('li'), l => `${l === 'en' ? a.name_en || agencyName(a.agency, a.name_th, l) : a.name_th || agencyName(a.agency, null, l)} (${a.agency})`);
  append(container, 
    localise(h('p'), l => t('stats.rollup.included', { n: number(view.included.length, l) }, l)),
    view.included.length ? h('ul', { class: 'compact' }, view.included.map(named)) : null,
    view.missing.length ? localise(h('p'), () => t('stats.rollup.missing')) : null,
    view.missing.length ? h('ul', { class: 'compact' }, view.missing.map(named)) : null,
    h('p', { class: 'downloads' },
      localise(h('a', { href: `/api/stats/rollup/${fiscalYear}?through=${through}&format=csv`, download: '' }), () => t('stats.csv')), ' · ',
      localise(h('a', { href: `/api/stats/rollup/${fiscalYear}?through=${through}&format=html`, target: '_blank', rel: 'noopener' }), () => t('stats.printable'))),
    complaintTable(view.table, { id: 'rollup-table' }));
}
