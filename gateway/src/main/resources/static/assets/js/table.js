// The complaint statistics table laid out exactly as stats-service's printable page (PrintableHtml) does:
// a block per category with its label spanning its rows, a row per month, dashes and "no complaints" for an
// empty month, a totals row per block — in the current language, from the service's JSON.
import { h, localise } from './dom.js';
import { t, pick, number } from './i18n.js';
import { formatDate } from './dates.js';

function cells(table, row) {
  const empty = row.empty;
  const count = (value, dash) => (dash ? '-' : number(value));
  const out = [];
  table.channels.forEach(c => out.push(count(row.received?.[c.code] ?? 0, empty)));
  out.push(count(row.total, empty));
  out.push(count(row.carriedOver, row.carriedOver === 0 && empty));
  table.progress.forEach(p => out.push(count(row.progress?.[p.code] ?? 0, empty)));
  out.push(count(row.concluded, row.concluded === 0 && empty));
  out.push(row.averageDaysToConclusion == null ? '-' : String(row.averageDaysToConclusion));
  return out;
}

const th = (render, props) => localise(h('th', props), render);

/** A scrollable, keyboard-reachable region holding the table (the page itself never scrolls sideways). */
export function complaintTable(table, { id } = {}) {
  const head = h('thead', null,
    h('tr', null,
      th(() => t('table.category'), { rowspan: '2', scope: 'col' }),
      th(() => t('table.month'), { rowspan: '2', scope: 'col' }),
      th(() => t('table.byChannel'), { colspan: String(table.channels.length), scope: 'colgroup' }),
      th(() => t('table.total'), { rowspan: '2', scope: 'col' }),
      th(() => t('table.carried'), { rowspan: '2', scope: 'col' }),
      th(() => t('table.progress', { date: formatDate(table.generatedAt) }), { colspan: String(table.progress.length), scope: 'colgroup' }),
      th(() => t('table.concluded'), { rowspan: '2', scope: 'col' }),
      th(() => t('table.average'), { rowspan: '2', scope: 'col' }),
      th(() => t('table.remark'), { rowspan: '2', scope: 'col' })),
    h('tr', null,
      table.channels.map(c => th(l => pick(c, l), { scope: 'col' })),
      table.progress.map(p => th(l => pick(p, l), { scope: 'col' }))));
  const bodies = table.blocks.map(block => {
    const rows = [...block.rows, block.totals];
    return h('tbody', { class: 'block' }, rows.map((row, i) => {
      const totals = i === rows.length - 1;
      return h('tr', { class: totals ? 'total' : row.empty ? 'empty' : null },
        i === 0 ? th(l => pick(block, l), { rowspan: String(rows.length), scope: 'rowgroup', class: 'category' }) : null,
        th(l => pick(row, l) || t('table.totalRow', null, l), { scope: 'row' }),
        cells(table, row).map(value => h('td', { class: 'n', text: value })),
        localise(h('td', { class: 'remark' }), l => (row.empty && !totals ? (l === 'en' ? row.remark_en : row.remark_th) : '')));
    }));
  });
  const caption = localise(h('caption'), l => `${l === 'en' ? table.title_en : table.title_th} · ${l === 'en' ? table.agencyName_en || table.agencyName_th : table.agencyName_th} · ${l === 'en' ? table.period?.label_en : table.period?.label_th}`);
  return localise(h('div', { class: 'table-scroll', tabindex: '0', role: 'region', id },
    h('table', { class: 'stats' }, caption, head, bodies)), () => t('table.region'), 'aria-label');
}

export function tableNotes() {
  return localise(h('p', { class: 'hint' }), () => t('table.notes'));
}
