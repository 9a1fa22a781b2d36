// Head of agency: gift decisions with days left, requests to see a reporter's identity, the monthly executive
// report, the identity-reveal log.
import { h, localise, replace, append } from '../dom.js';
import { t, pick, money, number } from '../i18n.js';
import { get, post } from '../api.js';
import { field, select, clearErrors, showProblem, showError, submit, button, onSubmit, message } from '../forms.js';
import { complaintsReference, labelOf, agencyNamer } from '../shared.js';
import { formatDate, formatDateTime, formatMonth, lastEndedMonth, todayBangkok, monthInput, dateHint, dateProblem } from '../dates.js';

export async function render(main, { user }) {
  append(main, localise(h('h1'), () => t('head.title')));
  const [gifts, reference] = await Promise.all([get('/api/gifts/reference'), complaintsReference()]);
  const queue = h('div', { id: 'decision-queue' });
  append(main, h('section', { 'aria-labelledby': 'queue-title' }, localise(h('h2', { id: 'queue-title', tabindex: '-1' }), () => t('head.queue')), queue));
  const loadQueue = async () => {
    try {
      replace(queue, decisions(await get('/api/gifts/decisions/pending'), gifts, loadQueue));
    } catch (error) {
      showError(queue, error);
    }
  };
  await loadQueue();
  append(main, await ownDeclarations(gifts), await identityRequests(), reportSection(user, reference, gifts), await revealLog());
}

// Her own declarations awaiting a decision: never a form here, only who they went to (gifts-service decider-above).
async function ownDeclarations(gifts) {
  const section = h('section', { 'aria-labelledby': 'own-title', id: 'own-declarations' },
    localise(h('h2', { id: 'own-title' }), () => t('head.own')), localise(h('p', { class: 'hint' }), () => t('head.own.hint')));
  try {
    const waiting = (await get('/api/gifts/declarations/mine')).filter(d => d.status === 'AWAITING_DECISION');
    append(section, waiting.length ? h('ul', { class: 'records' }, waiting.map(d => h('li', { class: 'decision', dataset: { declaration: d.id } },
      h('p', null, h('span', { text: d.giver?.name }), ' · ', h('span', { text: d.description })),
      localise(h('p'), l => `${formatDate(d.offeredOn, l)} · ${money(d.value, l)} ${l === 'en' ? 'baht' : 'บาท'}`),
      sentAbove(gifts.deciderAbove))))
      : localise(h('p'), () => t('head.own.none')));
  } catch (error) {
    showError(section, error);
  }
  return section;
}

export function sentAbove(decider) {
  return localise(h('p', { class: 'badge sent-above' }), l => (decider
    ? t('gift.sentAbove', { who: l === 'en' ? decider.titleEn : decider.titleTh }, l)
    : t('gift.sentAbove.unrouted', null, l)));
}

function decisions(pending, gifts, reload) {
  if (!pending.length) return localise(h('p'), () => t('head.queue.none'));
  return h('ul', { class: 'records' }, pending.map(d => {
    const decision = select((gifts.codes.decisions || []).map(c => ({ value: c.code, label: l => pick(c, l) })), { empty: 'form.choose' });
    const note = h('textarea', { rows: '2', maxlength: '1000' });
    const form = h('form', { class: 'stack', novalidate: true, dataset: { declaration: d.id } },
      field({ label: 'head.decision', name: 'decision', control: decision, required: true }),
      field({ label: 'head.note', name: 'note', control: note }),
      h('div', { class: 'actions' }, submit('head.decide')));
    onSubmit(form, async () => {
      clearErrors(form);
      try {
        await post(`/api/gifts/declarations/${encodeURIComponent(d.id)}/decision`, { decision: decision.value || null, note: note.value || null });
        await reload();
        message(document.getElementById('decision-queue'), () => t('head.decided'), 'success').focus();
      } catch (error) {
        showProblem(form, error);
      }
    });
    return h('li', { class: `decision ${d.overdue ? 'overdue' : ''}` },
      d.fromBelow ? localise(h('p', { class: 'badge from-below' }), l => t('head.fromBelow', { agency: l === 'en' ? d.agencyNameEn : d.agencyNameTh }, l)) : null,
      h('p', { class: 'meta' }, h('strong', { text: d.declarant?.name || '' }), d.declarant?.position ? h('span', { text: ` · ${d.declarant.position}` }) : null),
      h('p', null, h('span', { text: d.giver?.name }), ' · ', h('span', { text: d.description })),
      localise(h('p'), l => `${formatDate(d.offeredOn, l)} · ${money(d.value, l)} ${l === 'en' ? 'baht' : 'บาท'} (${t('head.total', { total: money(d.giverOccasionTotal, l) }, l)})`),
      localise(h('p', { class: 'hint' }), l => (l === 'en' ? d.reasonEn : d.reasonTh)),
      localise(h('p', { class: `badge ${d.overdue ? 'danger' : 'ok'} days-left` }), l => (d.overdue
        ? t('head.overdue', { n: number(-d.daysLeft, l), date: formatDate(d.decisionDueOn, l) }, l)
        : t('head.daysLeft', { n: number(d.daysLeft, l), date: formatDate(d.decisionDueOn, l) }, l))),
      form);
  }));
}

function reportSection(user, reference, gifts) {
  const month = monthInput({ value: lastEndedMonth(), max: todayBangkok().slice(0, 7) });
  const out = h('div', { id: 'report' });
  const printable = h('p', { class: 'downloads' });
  const form = h('form', { class: 'inline-form', novalidate: true, id: 'report-form' },
    field({ label: 'head.report.month', name: 'month', control: month, required: true, hint: dateHint(null, { month: true }) }), h('div', { class: 'actions' }, submit('head.report.show')));
  onSubmit(form, async () => {
    clearErrors(form);
    const badDates = dateProblem(form);
    if (badDates) {
      replace(out);
      showProblem(form, badDates);
      return;
    }
    try {
      const url = `/api/stats/reports/executive/${encodeURIComponent(user.agency)}/${encodeURIComponent(month.iso)}`;
      const [report, agencyName] = await Promise.all([get(url), agencyNamer()]);
      replace(printable, localise(h('a', { href: `${url}?format=html`, target: '_blank', rel: 'noopener' }), () => t('stats.printable')));
      replace(out, executiveReport(report, reference, gifts, agencyName));
    } catch (error) {
      replace(out);
      showProblem(form, error);
    }
  });
  return h('section', { 'aria-labelledby': 'report-title' }, localise(h('h2', { id: 'report-title' }), () => t('head.report')), form, printable, out);
}

function counts(caption, map, labels) {
  const entries = Object.entries(map || {});
  return h('table', { class: 'list breakdown' }, localise(h('caption'), caption),
    h('tbody', null, entries.length ? entries.map(([code, n]) => h('tr', null,
      localise(h('th', { scope: 'row' }), l => labelOf(labels, code, l)), localise(h('td', { class: 'n' }), l => number(n, l))))
      : h('tr', null, h('td', { text: '–' }))));
}

function executiveReport(r, reference, gifts, agencyName) {
  const progress = reference.statuses;
  return h('div', { class: 'report' },
    localise(h('h3'), l => `${t('head.report', null, l)} · ${formatMonth(r.month, l)} · ${agencyName(r.agency, r.agencyName_th, l)}`),
    localise(h('p', { class: 'hint' }), l => t('head.report.generated', { date: formatDateTime(r.generatedAt, l) }, l)),
    h('div', { class: 'grid' },
      counts(l => t('head.report.received', { n: number(r.received.total, l) }, l), r.received.byCategory, reference.categories),
      counts(l => t('head.report.byChannel', null, l), r.received.byChannel, reference.channels),
      counts(l => t('head.report.concluded', { n: number(r.concluded.total, l), avg: r.concluded.averageDaysToConclusion ?? '–' }, l), r.concluded.byOutcome, progress),
      counts(l => t('head.report.closure', null, l), r.concluded.byClosureReason, reference.closureReasons),
      counts(l => t('head.report.open', null, l), r.openByStatus, progress),
      counts(l => t('head.report.gifts', { n: number(r.gifts.declared, l), pending: number(r.gifts.decisionsPending, l), overdue: number(r.gifts.decisionsOverdue, l) }, l),
        r.gifts.byDisposition, (gifts.codes.dispositions || []).map(d => ({ code: d.code, labelTh: d.th, labelEn: d.en })))),
    localise(h('h4'), l => t('head.report.overdue', { n: number(r.overdue.total, l) }, l)),
    r.overdue.cases.length ? h('ul', null, r.overdue.cases.map(c => localise(h('li'), l =>
      `${c.caseId.slice(0, 8)} · ${labelOf(reference.categories, c.category, l)} · ${labelOf(progress, c.status, l)} · ${t('head.report.daysOverdue', { n: number(c.daysOverdue, l) }, l)}`)))
      : localise(h('p'), () => t('head.report.noOverdue')));
}

// Approve or decline an officer's request to see a reporter's identity; a decline needs a note the officer reads.
async function identityRequests() {
  const list = h('div', { id: 'identity-requests' });
  const section = h('section', { 'aria-labelledby': 'requests-title' },
    localise(h('h2', { id: 'requests-title', tabindex: '-1' }), () => t('head.requests')),
    localise(h('p', { class: 'hint' }), () => t('head.requests.hint')), list);
  const load = async () => {
    try {
      const pending = await get('/api/complaints/identity-requests?status=PENDING');
      replace(list, pending.length ? h('ul', { class: 'records' }, pending.map(r => requestItem(r, load)))
        : localise(h('p'), () => t('head.requests.none')));
    } catch (error) {
      showError(list, error);
    }
  };
  await load();
  return section;
}

function requestItem(r, reload) {
  const note = h('textarea', { rows: '2', maxlength: '1000' });
  const form = h('form', { class: 'stack', novalidate: true, dataset: { request: r.id } },
    field({ label: 'head.requests.note', name: 'note', control: note }),
    h('div', { class: 'actions' }, submit('head.requests.approve'), button('head.requests.decline', { class: 'danger', dataset: { decline: '' } })));
  const decide = async verb => {
    clearErrors(form);
    try {
      await post(`/api/complaints/identity-requests/${encodeURIComponent(r.id)}/${verb}`, { note: note.value || null });
      await reload();
      message(document.getElementById('identity-requests'), () => t('head.requests.decided'), 'success').focus();
    } catch (error) {
      showProblem(form, error);
    }
  };
  onSubmit(form, () => decide('approve'));
  form.querySelector('[data-decline]').addEventListener('click', () => decide('decline'));
  return h('li', { class: 'identity-request' },
    localise(h('p', { class: 'meta' }), l => t('head.requests.meta', {
      case: r.caseNumber || String(r.caseId).slice(0, 8), by: r.requesterName || '', date: formatDateTime(r.requestedAt, l), hours: number(r.ageHours, l)
    }, l)),
    h('p', { text: r.reason || '' }), form);
}

async function revealLog() {
  const section = h('section', { 'aria-labelledby': 'reveals-title' }, localise(h('h2', { id: 'reveals-title' }), () => t('head.reveals')),
    localise(h('p', { class: 'hint' }), () => t('head.reveals.hint')));
  try {
    const log = await get('/api/complaints/audit/identity-reveals?size=50');
    const items = Array.isArray(log) ? log : log.items || [];
    append(section, items.length ? h('ul', { class: 'records' }, items.map(r => h('li', null,
      h('p', { class: 'meta' }, localise(h('span'), l => formatDateTime(r.at || r.revealedAt, l)), ' · ', h('span', { text: r.officerName || r.byName || r.by || r.officer || '' }),
        ' · ', h('span', { text: String(r.caseId || '').slice(0, 8) })),
      h('p', { text: r.reason || '' })))) : localise(h('p'), () => t('head.reveals.none')));
  } catch (error) {
    showError(section, error);
  }
  return section;
}
