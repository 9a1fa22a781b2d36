// The printable acknowledgement (ใบตอบรับเรื่องร้องเรียน), one A4 page (app.css, @page): built only from what the
// API sent this page — the receipt after filing, the tracking answer, or the officer's case view — so it can hold
// nothing the page was not given. The API never sends a reporter's identity to the reporter's pages, and the sheet
// prints none for anyone (an officer only ever has it masked). The tracking code is printed only when the reporter
// ticks the box (default off): on paper it lets anyone who finds the sheet follow the case and write in it.
import { h, localise, replace } from '../dom.js';
import { t, pick } from '../i18n.js';
import { button } from '../forms.js';
import { agencyList } from '../shared.js';
import { formatDate, formatDateTime } from '../dates.js';

/**
 * The print button, with the "print my tracking code" box when the page holds the reporter's code.
 * data: {caseNumber, agency, receivedAt, dueAt, letterRef?, letterDate?}; trackingCode: the code, or null.
 */
export function acknowledgementControls(data, { trackingCode = null } = {}) {
  const includeCode = trackingCode ? h('input', { type: 'checkbox', id: 'ack-include-code' }) : null;
  const print = button('ack.print', { id: 'print-ack' });
  print.addEventListener('click', () => showAcknowledgement({ ...data, trackingCode: includeCode?.checked ? trackingCode : null }));
  return h('div', { class: 'ack-controls' },
    includeCode ? h('div', { class: 'field checkbox' }, includeCode,
      localise(h('label', { for: includeCode.id }), () => t('ack.includeCode')),
      localise(h('p', { class: 'hint' }), () => t('ack.includeCode.hint'))) : null,
    h('div', { class: 'actions' }, print));
}

/** Shows the sheet in place of the page's content; "Back" puts the page back exactly as it was. */
export async function showAcknowledgement(data) {
  const main = document.getElementById('main');
  const previous = Array.from(main.childNodes);
  let agencies = [];
  try {
    agencies = await agencyList();
  } catch {
    // the agency's code stands in for its name
  }
  const agency = agencies.find(a => a.code === data.agency);
  const printNow = button('ack.printNow', { id: 'ack-print-now', class: 'primary' });
  printNow.addEventListener('click', () => window.print());
  const back = button('ack.back', { id: 'ack-back' });
  back.addEventListener('click', () => {
    main.replaceChildren(...previous);
    main.querySelector('#print-ack')?.focus();
  });
  replace(main, h('div', { class: 'actions no-print ack-toolbar' }, printNow, back), sheet(data, agency));
  main.querySelector('#ack-title').focus();
}

function sheet(d, agency) {
  const agencyName = l => (agency ? pick(agency, l) : d.agency || '');
  const followUrl = `${window.location.origin}/#/track`;
  const fact = (key, id, render) => [localise(h('dt'), () => t(key)), localise(h('dd', { id }), render)];
  return h('article', { class: 'ack-sheet', id: 'acknowledgement', 'aria-labelledby': 'ack-title' },
    localise(h('p', { class: 'ack-agency', id: 'ack-agency' }), agencyName),
    localise(h('h1', { id: 'ack-title', tabindex: '-1' }), () => t('ack.title')),
    h('dl', { class: 'facts ack-facts' },
      fact('ack.caseNumber', 'ack-case-number', () => d.caseNumber || '–'),
      fact('ack.received', 'ack-received', l => formatDate(d.receivedAt, l)),
      d.letterRef || d.letterDate
        ? fact('ack.letter', 'ack-letter', l => t('ack.letter.value', { ref: d.letterRef || '–', date: formatDate(d.letterDate, l) }, l))
        : null,
      fact('ack.due', 'ack-due', l => formatDate(d.dueAt, l))),
    localise(h('p'), l => t('ack.body', { agency: agencyName(l) }, l)),
    localise(h('h2'), () => t('ack.follow.title')),
    localise(h('p', { id: 'ack-follow' }), l => t('ack.follow.code', { url: followUrl }, l)),
    localise(h('p'), l => t('ack.follow.number', { agency: agencyName(l), number: d.caseNumber || '–' }, l)),
    d.trackingCode
      ? h('div', { class: 'ack-code' },
        localise(h('p', { class: 'ack-code-label' }), () => t('ack.code')),
        h('p', { class: 'tracking-code', id: 'ack-tracking-code', text: String(d.trackingCode).replace(/\D/g, '').replace(/(\d{4})(?=\d)/g, '$1 ') }),
        localise(h('p', { class: 'warning' }), () => t('ack.code.warning')))
      : localise(h('p', { class: 'hint', id: 'ack-no-code' }), () => t('ack.code.notPrinted')),
    localise(h('p', { class: 'hint' }), () => t('ack.noIdentity')),
    localise(h('p', { class: 'hint ack-printed' }), l => t('ack.printed', { at: formatDateTime(new Date(), l) }, l)));
}
