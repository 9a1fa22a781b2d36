// Integrity officer: the case queue, a case (timeline, notes, messages, allowed moves, identity reveal), the
// form for complaints from other channels, and the gift registers.
import { h, localise, replace, append } from '../dom.js';
import { t, pick, number } from '../i18n.js';
import { get, post, put } from '../api.js';
import { field, select, fillSelect, counter, clearErrors, showProblem, showError, submit, button, onSubmit, message } from '../forms.js';
import { complaintsReference, agencyList, options, labelOf } from '../shared.js';
import { formatDate, formatDateTime, lastEndedMonth, todayBangkok, fiscalYearOf, monthInput, dateHint, dateProblem } from '../dates.js';
import { complaintForm, receiptPanel } from './file.js';
import { acknowledgementControls } from './acknowledgement.js';
import { fiscalYearOptions } from './stats.js';

export async function render(main, { match, user }) {
  const reference = await complaintsReference();
  append(main, localise(h('h1'), () => t('officer.title')), tabs(match));
  if (match[1] === 'case') await casePage(main, reference, match[2]);
  else if (match[3] === 'new') await keyInPage(main, reference, user);
  else if (match[3] === 'registers') registersPage(main);
  else await queuePage(main, reference);
}

function tabs(match) {
  const current = match[3] || (match[1] ? 'case' : 'queue');
  const link = (href, key, id) => {
    const a = localise(h('a', { href }), () => t(key));
    if (current === id) a.setAttribute('aria-current', 'page');
    return h('li', null, a);
  };
  return h('nav', { class: 'tabs', 'aria-label': 'officer' },
    h('ul', null, link('#/officer', 'officer.queue', 'queue'), link('#/officer/new', 'officer.new', 'new'),
      link('#/officer/registers', 'officer.registers', 'registers')));
}

// ---------------------------------------------------------------- queue
async function queuePage(main, reference) {
  const status = select(options(reference.statuses), { empty: 'form.all' });
  const category = select(options(reference.categories), { empty: 'form.all' });
  const channel = select(options(reference.channels), { empty: 'form.all' });
  const month = monthInput({ max: todayBangkok().slice(0, 7) });
  const overdue = h('input', { type: 'checkbox', id: 'filter-overdue' });
  const q = h('input', { type: 'search', maxlength: '40', autocomplete: 'off', spellcheck: 'false' });
  const form = h('form', { class: 'filters', id: 'queue-filters' },
    field({ label: 'queue.q', name: 'q', control: q, hint: 'queue.q.hint' }),
    field({ label: 'case.status', name: 'status', control: status }),
    field({ label: 'file.category', name: 'category', control: category }),
    field({ label: 'case.channel', name: 'channel', control: channel }),
    field({ label: 'queue.month', name: 'month', control: month, hint: dateHint('queue.month.hint', { month: true }) }),
    h('div', { class: 'field checkbox' }, overdue, localise(h('label', { for: overdue.id }), () => t('queue.overdueOnly'))),
    h('div', { class: 'actions' }, submit('queue.filter')));
  const result = h('div', { id: 'queue' });
  append(main, localise(h('h2'), () => t('officer.queue')), form, result);
  let page = 0;
  const load = async () => {
    const params = new URLSearchParams({ page: String(page), size: '20' });
    if (status.value) params.set('status', status.value);
    if (category.value) params.set('category', category.value);
    if (channel.value) params.set('channel', channel.value);
    if (month.iso) params.set('month', month.iso);
    if (overdue.checked) params.set('overdue', 'true');
    if (q.value.trim()) params.set('q', q.value.trim());
    try {
      const data = await get(`/api/complaints/cases?${params}`);
      replace(result, queueTable(data, reference), pager(data, next => { page = next; load(); }));
    } catch (error) {
      replace(result);
      showProblem(form, error);
    }
  };
  onSubmit(form, async () => {
    page = 0;
    clearErrors(form);
    const badDates = dateProblem(form);
    if (badDates) showProblem(form, badDates);
    else await load();
  });
  await load();
}

function queueTable(data, reference) {
  if (!data.items.length) return localise(h('p'), () => t('queue.empty'));
  const col = key => localise(h('th', { scope: 'col' }), () => t(key));
  // Each cell names its column (data-label) and holds one element: on a phone the rows become cards (app.css).
  const cell = (key, content) => localise(h('td', null, content), () => t(key), 'data-label');
  return localise(h('div', { class: 'table-scroll cards-on-phone', tabindex: '0', role: 'region' },
    h('table', { class: 'list cards-on-phone' },
      h('thead', null, h('tr', null, col('case.number'), col('case.summary'), col('case.received'), col('file.category'), col('case.channel'), col('case.status'), col('case.due'), col('case.lastUpdate'), col('case.files'), col('case.open'))),
      h('tbody', null, data.items.map(c => h('tr', { class: [c.overdue ? 'overdue' : null, c.newFromReporter ? 'new-message' : null].filter(Boolean).join(' ') || null },
        // The case number opens the case: first in the row, so on a phone it heads the card.
        cell('case.number', h('span', { class: 'case-number' }, localise(h('a', { href: `#/officer/case/${encodeURIComponent(c.id)}`, class: 'case-number-link' }),
          () => c.caseNumber || c.id.slice(0, 8)))),
        cell('case.summary', h('span', { class: 'summary' },
          c.newFromReporter ? [localise(h('strong', { class: 'badge new-message-badge' }), () => t('case.newMessage')), ' '] : null,
          h('span', { text: c.summary ?? '–' }))),
        cell('case.received', localise(h('span'), l => formatDateTime(c.receivedAt, l))),
        cell('file.category', localise(h('span'), l => labelOf(reference.categories, c.category, l))),
        cell('case.channel', localise(h('span'), l => labelOf(reference.channels, c.channel, l))),
        cell('case.status', h('span', null, localise(h('span'), l => labelOf(reference.statuses, c.status, l)),
          c.awaitingReferralAnswer ? h('span', null, ' ', localise(h('strong', { class: 'badge awaiting-referral' }), () => t('referral.awaiting'))) : null)),
        cell('case.due', h('span', null, localise(h('span'), l => formatDate(c.dueAt, l)),
          c.overdue ? h('span', null, ' ', localise(h('strong', { class: 'badge danger' }), () => t('case.overdue'))) : null)),
        cell('case.lastUpdate', localise(h('span', { class: 'last-update' }), l => formatDateTime(c.lastUpdate, l))),
        cell('case.files', localise(h('span', { class: 'file-count' }), l => t('case.files.count', { n: number(c.attachments ?? 0, l) }, l))),
        cell('case.open', h('span', null, localise(h('a', { href: `#/officer/case/${encodeURIComponent(c.id)}`, class: 'case-link' }),
          l => `${t('case.open', null, l)} ${c.caseNumber || c.id.slice(0, 8)}`)))))))), () => t('officer.queue'), 'aria-label');
}

function pager(data, go) {
  const pages = Math.max(1, Math.ceil(data.total / data.size));
  const prev = button('pager.prev', { disabled: data.page === 0 });
  const next = button('pager.next', { disabled: data.page + 1 >= pages });
  prev.addEventListener('click', () => go(data.page - 1));
  next.addEventListener('click', () => go(data.page + 1));
  return h('div', { class: 'pager' }, prev, localise(h('span'), l => t('pager.of', { page: data.page + 1, pages, total: number(data.total, l) }, l)), next);
}

// ---------------------------------------------------------------- one case
async function casePage(main, reference, id) {
  const container = h('div', { id: 'case' });
  append(main, container);
  const reload = async focusSelector => {
    const c = await get(`/api/complaints/cases/${encodeURIComponent(id)}`);
    replace(container, caseView(c, reference, reload));
    if (focusSelector) container.querySelector(focusSelector)?.focus();
    return c;
  };
  try {
    await reload();
  } catch (error) {
    showError(container, error);
  }
}

function dl(pairs) {
  return h('dl', { class: 'facts' }, pairs.filter(Boolean).map(([key, render]) =>
    [localise(h('dt'), () => t(key)), localise(h('dd'), render)]));
}

function caseView(c, reference, reload) {
  const sections = [];
  sections.push(h('section', { class: 'panel', 'aria-labelledby': 'case-title' },
    localise(h('h2', { id: 'case-title', tabindex: '-1' }), l => `${t('case.title', null, l)} ${c.caseNumber || c.id.slice(0, 8)}`),
    h('p', null, localise(h('strong', { class: 'badge', id: 'case-status' }), l => labelOf(reference.statuses, c.status, l)),
      c.overdue ? h('span', null, ' ', localise(h('strong', { class: 'badge danger' }), () => t('case.overdue'))) : null),
    dl([
      ['case.number', () => c.caseNumber || '–'],
      ['case.received', l => formatDateTime(c.receivedAt, l)],
      c.letterRef ? ['case.letterRef', () => c.letterRef] : null,
      c.letterDate ? ['case.letterDate', l => formatDate(c.letterDate, l)] : null,
      ['case.channel', l => labelOf(reference.channels, c.channel, l)],
      ['file.category', l => labelOf(reference.categories, c.category, l)],
      ['file.subcategory', l => (c.subcategory ? labelOf(reference.categories.flatMap(x => x.subcategories || []), c.subcategory, l) : '–')],
      ['file.division', l => (c.division ? labelOf(reference.divisions, c.division, l) : '–')],
      ['file.incidentDate', l => formatDate(c.incidentDate, l)],
      ['file.location', () => c.location || '–'],
      ['case.due', l => formatDate(c.dueAt, l)],
      ['case.reporter', l => (c.reporter?.mode === 'CONFIDENTIAL'
        ? `${t('file.mode.confidential', null, l)}: ${[c.reporter.identity?.name, c.reporter.identity?.phone, c.reporter.identity?.email].filter(Boolean).join(' · ')}`
        : t('file.mode.anonymous', null, l))],
      ['file.standing', l => t(c.reporterStanding === 'STAFF' ? 'file.standing.staff' : 'file.standing.citizen', null, l)],
    ]),
    localise(h('h3'), () => t('file.details')),
    h('p', { class: 'pre', text: c.details ?? '' }),
    c.attachments?.length ? [localise(h('h3'), () => t('case.attachments')), h('ul', null, c.attachments.map(a =>
      h('li', { class: a.addedAt ? 'added-later' : null }, h('a', { href: `/api/complaints/cases/${encodeURIComponent(c.id)}/attachments/${encodeURIComponent(a.fileId)}`, download: a.name, text: `${a.name} (${a.contentType}, ${number(Math.ceil(a.size / 1024))} KB)` }),
        // Files the reporter added later with the tracking code, and when.
        a.addedAt ? localise(h('span', { class: 'badge added-by-reporter' }), l => ` ${t('case.attachments.addedLater', { date: formatDateTime(a.addedAt, l) }, l)}`) : null)))] : null,
    // The acknowledgement for the reporter (e.g. a keyed-in letter): no identity, and no tracking code — it is
    // stored nowhere in clear, so only the receipt at intake can print it.
    acknowledgementControls({ caseNumber: c.caseNumber, agency: c.agency, receivedAt: c.receivedAt, dueAt: c.dueAt,
      letterRef: c.letterRef, letterDate: c.letterDate })));

  if (c.referral) sections.push(referralSection(c, reference, reload));
  // moves: only those the service allows now
  if (c.allowedTransitions?.length) sections.push(moveForm(c, reference, reload));
  sections.push(messagesSection(c, reload));
  sections.push(notesSection(c, reload));
  sections.push(divisionForm(c, reference, reload));
  if (c.reporter?.mode === 'CONFIDENTIAL' && !c.purgedAt) sections.push(revealSection(c));
  sections.push(h('section', { 'aria-labelledby': 'history-title' }, localise(h('h2', { id: 'history-title' }), () => t('case.history')),
    h('ol', { class: 'timeline', id: 'case-history' }, (c.history || []).map(s => h('li', null,
      localise(h('strong'), l => (s.from ? `${labelOf(reference.statuses, s.from, l)} → ` : '') + labelOf(reference.statuses, s.to, l)), ' · ',
      localise(h('time', { datetime: s.at }), l => formatDateTime(s.at, l)),
      s.byName || s.by ? h('span', { text: ` · ${s.byName || s.by}` }) : null,
      s.reason ? h('p', { class: 'reason', text: s.reason }) : null,
      s.closureReason ? localise(h('p', { class: 'hint' }), l => labelOf(reference.closureReasons, s.closureReason, l)) : null,
      s.forwardedTo ? localise(h('p', { class: 'hint' }), l => labelOf(reference.forwardingBodies, s.forwardedTo, l)) : null)),
      referralAnswers(c).map(a => h('li', { class: 'referral-answer' },
        localise(h('strong'), l => `${t('referral.answers', null, l)}: ${labelOf(reference.forwardingBodies, c.referral.body, l)} · ${t(`referral.outcome.${a.outcome}`, null, l)}`), ' · ',
        localise(h('time', { datetime: a.at }), l => formatDateTime(a.at, l)),
        a.byName || a.by ? h('span', { text: ` · ${a.byName || a.by}` }) : null)))));
  return sections;
}

function referralAnswers(c) {
  return c.referral?.answers || [];
}

// A referral to another body: where it went, the letter, the follow-up date while the case waits for the answer,
// the answers received, and the form to record one.
function referralSection(c, reference, reload) {
  const r = c.referral;
  const facts = dl([
    ['referral.body', l => labelOf(reference.forwardingBodies, r.body, l)],
    ['referral.letterRef', () => r.letterRef || '–'],
    ['referral.sentOn', l => formatDate(r.sentOn, l)],
    ['referral.referredAt', l => formatDateTime(r.referredAt, l)],
    r.awaitingAnswer ? ['referral.followUp', l => formatDate(r.followUpAt, l)] : null,
    r.returnedAt ? ['referral.returned', l => formatDateTime(r.returnedAt, l)] : null,
  ]);
  facts.id = 'referral-facts';
  return h('section', { class: 'panel', 'aria-labelledby': 'referral-title', id: 'referral' },
    localise(h('h2', { id: 'referral-title', tabindex: '-1' }), () => t('referral.title')),
    r.awaitingAnswer ? h('p', null, localise(h('strong', { class: 'badge awaiting-referral', id: 'referral-awaiting' }), () => t('referral.awaiting')),
      c.overdue ? h('span', null, ' ', localise(h('strong', { class: 'badge danger' }), () => t('case.overdue'))) : null) : null,
    r.awaitingAnswer ? localise(h('p', { class: 'hint' }), () => t('referral.awaiting.hint')) : null,
    facts,
    r.answers?.length ? [localise(h('h3'), () => t('referral.answers')), h('ul', { class: 'messages', id: 'referral-answers' }, r.answers.map(a => h('li', null,
      h('p', { class: 'meta' }, localise(h('strong'), l => t(`referral.outcome.${a.outcome}`, null, l)), ' · ',
        localise(h('span'), l => formatDate(a.receivedOn, l))),
      a.summary ? h('p', { class: 'text', text: a.summary }) : null)))] : null,
    r.awaitingAnswer && !c.purgedAt ? referralAnswerForm(c, reload) : null);
}

function referralAnswerForm(c, reload) {
  const receivedOn = h('input', { type: 'date', max: todayBangkok(), value: todayBangkok() });
  const summary = h('textarea', { rows: '3', maxlength: '2000' });
  const outcome = select(['FOUND_CAUSE', 'NO_CAUSE', 'STILL_INVESTIGATING', 'RETURNED']
    .map(code => ({ value: code, label: l => t(`referral.outcome.${code}`, null, l) })), { empty: 'form.choose' });
  const form = h('form', { class: 'stack', novalidate: true, id: 'referral-answer-form' },
    localise(h('h3'), () => t('referral.answer.title')),
    field({ label: 'referral.answer.receivedOn', name: 'receivedOn', control: receivedOn, required: true, hint: 'referral.answer.receivedOn.hint' }),
    field({ label: 'referral.answer.outcome', name: 'outcome', control: outcome, required: true, hint: 'referral.answer.outcome.hint' }),
    field({ label: 'referral.answer.summary', name: 'summary', control: summary, required: true, hint: 'referral.answer.summary.hint', extra: counter(summary, { max: 2000 }) }),
    h('div', { class: 'actions' }, submit('referral.answer.submit')));
  onSubmit(form, async () => {
    clearErrors(form);
    try {
      await post(`/api/complaints/cases/${encodeURIComponent(c.id)}/referral-answer`, {
        receivedOn: receivedOn.value || null, summary: summary.value, outcome: outcome.value || null });
      await reload('#case-title');
    } catch (error) {
      showProblem(form, error);
    }
  });
  return form;
}

function moveForm(c, reference, reload) {
  const to = select(c.allowedTransitions.map(code => ({ value: code, label: l => labelOf(reference.statuses, code, l) })), { empty: 'form.choose' });
  const reason = h('textarea', { rows: '3', maxlength: '1000' });
  const closure = select(options(reference.closureReasons), { empty: 'form.choose' });
  const forwarded = select(options(reference.forwardingBodies), { empty: 'form.choose' });
  const closureField = field({ label: 'move.closureReason', name: 'closureReason', control: closure, required: true });
  const forwardField = field({ label: 'move.forwardedTo', name: 'referral.body', control: forwarded, required: true });
  const letterRef = h('input', { type: 'text', maxlength: '100', autocomplete: 'off' });
  const sentOn = h('input', { type: 'date', max: todayBangkok() });
  const letterRefField = field({ label: 'referral.letterRef', name: 'referral.letterRef', control: letterRef, hint: 'referral.letterRef.hint' });
  const sentOnField = field({ label: 'referral.sentOn', name: 'referral.sentOn', control: sentOn, hint: 'referral.sentOn.hint' });
  const referralFields = [forwardField, letterRefField, sentOnField];
  closureField.hidden = true;
  referralFields.forEach(f => { f.hidden = true; });
  to.addEventListener('change', () => {
    closureField.hidden = to.value !== 'CLOSED_WITHOUT_INQUIRY';
    referralFields.forEach(f => { f.hidden = to.value !== 'FORWARDED'; });
  });
  const form = h('form', { class: 'stack', novalidate: true, id: 'move-form' },
    field({ label: 'move.to', name: 'to', control: to, required: true }), closureField, ...referralFields,
    field({ label: 'move.reason', name: 'reason', control: reason, required: true, hint: 'move.reason.hint', extra: counter(reason, { min: 5, max: 1000 }) }),
    h('div', { class: 'actions' }, submit('move.submit')));
  onSubmit(form, async () => {
    clearErrors(form);
    try {
      await post(`/api/complaints/cases/${encodeURIComponent(c.id)}/transitions`, {
        to: to.value || null, reason: reason.value,
        closureReason: to.value === 'CLOSED_WITHOUT_INQUIRY' ? closure.value || null : null,
        referral: to.value === 'FORWARDED'
          ? { body: forwarded.value || null, letterRef: letterRef.value || null, sentOn: sentOn.value || null } : null,
        expectedVersion: c.version });
      await reload('#case-title');
    } catch (error) {
      showProblem(form, error);
    }
  });
  return h('section', { class: 'panel', 'aria-labelledby': 'move-title' }, localise(h('h2', { id: 'move-title' }), () => t('move.title')), form);
}

function textForm({ id, label, max, url, reload, focus }) {
  const text = h('textarea', { rows: '3', maxlength: String(max) });
  const form = h('form', { class: 'stack', novalidate: true, id },
    field({ label, name: 'text', control: text, required: true, extra: counter(text, { max }) }),
    h('div', { class: 'actions' }, submit('form.send')));
  onSubmit(form, async () => {
    clearErrors(form);
    try {
      await post(url, { text: text.value });
      await reload(focus);
    } catch (error) {
      showProblem(form, error);
    }
  });
  return form;
}

function messagesSection(c, reload) {
  return h('section', { 'aria-labelledby': 'messages-title' }, localise(h('h2', { id: 'messages-title', tabindex: '-1' }), () => t('case.messages')),
    localise(h('p', { class: 'hint' }), () => t('case.messages.hint')),
    c.messages?.length ? h('ol', { class: 'messages', id: 'case-messages' }, c.messages.map(m => h('li', { class: m.from === 'OFFICER' ? 'from-officer' : 'from-reporter' },
      h('p', { class: 'meta' }, localise(h('strong'), () => t(m.from === 'OFFICER' ? 'track.from.officer' : 'case.from.reporter')), ' · ',
        localise(h('time', { datetime: m.at }), l => formatDateTime(m.at, l))),
      h('p', { class: 'text', text: m.text })))) : localise(h('p', { id: 'case-messages' }), () => t('track.messages.none')),
    textForm({ id: 'message-form', label: 'case.message.new', max: 2000, url: `/api/complaints/cases/${encodeURIComponent(c.id)}/messages`, reload, focus: '#messages-title' }));
}

function notesSection(c, reload) {
  return h('section', { 'aria-labelledby': 'notes-title' }, localise(h('h2', { id: 'notes-title', tabindex: '-1' }), () => t('case.notes')),
    localise(h('p', { class: 'hint' }), () => t('case.notes.hint')),
    c.notes?.length ? h('ul', { class: 'messages notes' }, c.notes.map(n => h('li', null,
      h('p', { class: 'meta' }, h('strong', { text: n.authorName || n.author || '' }), ' · ', localise(h('time', { datetime: n.at }), l => formatDateTime(n.at, l))),
      h('p', { class: 'text', text: n.text })))) : null,
    textForm({ id: 'note-form', label: 'case.note.new', max: 5000, url: `/api/complaints/cases/${encodeURIComponent(c.id)}/notes`, reload, focus: '#notes-title' }));
}

function divisionForm(c, reference, reload) {
  const division = select(options(reference.divisions), { empty: 'form.choose', value: c.division || '' });
  const form = h('form', { class: 'inline-form', novalidate: true, id: 'division-form' },
    field({ label: 'file.division', name: 'division', control: division }), h('div', { class: 'actions' }, submit('form.save')));
  onSubmit(form, async () => {
    clearErrors(form);
    try {
      await put(`/api/complaints/cases/${encodeURIComponent(c.id)}/division`, { division: division.value || null });
      await reload('#case-title');
    } catch (error) {
      showProblem(form, error);
    }
  });
  return h('section', { 'aria-labelledby': 'division-title' }, localise(h('h2', { id: 'division-title' }), () => t('case.division')), form);
}

// The two-person rule: the officer asks with a reason; once the head approves, this officer (only) may read the
// identity until the approval ends. A declined request shows the head's note and may be asked again.
function revealSection(c) {
  const base = `/api/complaints/cases/${encodeURIComponent(c.id)}`;
  const body = h('div', { id: 'disclosure' });
  const section = h('section', { class: 'panel', 'aria-labelledby': 'reveal-title' },
    localise(h('h2', { id: 'reveal-title' }), () => t('reveal.title')),
    localise(h('p', { class: 'warning' }), () => t('reveal.warning')), body);
  const load = async () => {
    try {
      const mine = await get(`${base}/identity-requests`);
      const latest = mine[0];
      const live = latest && latest.status === 'APPROVED' && new Date(latest.expiresAt) > new Date();
      if (latest?.status === 'PENDING') replace(body, requestStatus(latest));
      else if (live) replace(body, requestStatus(latest), readForm(latest));
      else replace(body, latest ? requestStatus(latest) : null, askForm());
    } catch (error) {
      showError(body, error);
    }
  };
  function askForm() {
    const reason = h('textarea', { rows: '3', maxlength: '1000' });
    const form = h('form', { class: 'stack', novalidate: true, id: 'identity-request-form' },
      field({ label: 'reveal.reason', name: 'reason', control: reason, required: true, extra: counter(reason, { min: 10, max: 1000 }) }),
      h('div', { class: 'actions' }, submit('reveal.request.submit')));
    onSubmit(form, async () => {
      clearErrors(form);
      try {
        await post(`${base}/identity-requests`, { reason: reason.value });
        await load();
        message(body, () => t('reveal.request.sent'), 'success').focus();
      } catch (error) {
        showProblem(form, error);
      }
    });
    return form;
  }
  function readForm(approved) {
    const out = h('div', { id: 'revealed', 'aria-live': 'polite', tabindex: '-1' });
    const form = h('form', { class: 'stack', novalidate: true, id: 'reveal-form' },
      h('div', { class: 'actions' }, submit('reveal.submit', { class: 'danger' })));
    onSubmit(form, async () => {
      clearErrors(form);
      try {
        const who = await post(`${base}/identity`, { reason: approved.reason });
        replace(out, dl([['file.name', () => who.name || '–'], ['file.phone', () => who.phone || '–'], ['file.email', () => who.email || '–'],
          ['reveal.at', l => formatDateTime(who.revealedAt, l)]]));
        out.focus();
      } catch (error) {
        showProblem(form, error);
      }
    });
    return h('div', null, form, out);
  }
  load();
  return section;
}

function requestStatus(r) {
  const kind = r.status === 'APPROVED' ? 'success' : r.status === 'DECLINED' ? 'error' : 'info';
  return h('div', { class: `request-status ${kind}`, dataset: { status: r.status } },
    localise(h('p', { class: 'meta' }), l => t(`reveal.request.${r.status}`, {
      date: formatDateTime(r.requestedAt, l), by: r.decidedByName || '', until: r.expiresAt ? formatDateTime(r.expiresAt, l) : ''
    }, l)),
    h('p', { class: 'hint', text: r.reason || '' }),
    r.note ? localise(h('p', { class: 'note' }), l => `${t('reveal.request.note', null, l)}: ${r.note}`) : null);
}

// ---------------------------------------------------------------- other channels
async function keyInPage(main, reference, user) {
  const agencies = (await agencyList()).filter(a => a.code === user.agency);
  append(main, localise(h('h2'), () => t('officer.new')), localise(h('p'), () => t('keyin.lead')));
  const form = complaintForm({ reference, agencies, keyIn: true, onFiled: filed => {
    const panel = receiptPanel(filed, { caseId: filed.caseId });
    form.replaceWith(panel);
    panel.querySelector('h2').focus();
  } });
  append(main, form);
}

// ---------------------------------------------------------------- gift registers
function registersPage(main) {
  const year = select(fiscalYearOptions(3), { value: String(fiscalYearOf(lastEndedMonth())) });
  const round = select([{ value: 'H1', label: l => (l === 'en' ? '6-month round (Oct–Mar)' : 'รอบ 6 เดือน (ต.ค.–มี.ค.)') },
    { value: 'FY', label: l => (l === 'en' ? '12-month round (Oct–Sep)' : 'รอบ 12 เดือน (ต.ค.–ก.ย.)') }]);
  const links = h('p', { class: 'downloads', id: 'register-links' });
  const update = () => {
    const base = `/api/gifts/registers/${encodeURIComponent(year.value)}/${encodeURIComponent(round.value)}`;
    replace(links,
      localise(h('a', { href: `${base}?format=xlsx`, download: '' }), () => t('register.xlsx')), ' · ',
      localise(h('a', { href: `${base}?format=csv`, download: '' }), () => t('register.csv')), ' · ',
      localise(h('a', { href: `${base}?format=json`, target: '_blank', rel: 'noopener' }), () => t('register.json')));
  };
  year.addEventListener('change', update);
  round.addEventListener('change', update);
  update();
  append(main, localise(h('h2'), () => t('officer.registers')), localise(h('p'), () => t('register.lead')),
    h('form', { class: 'inline-form' }, field({ label: 'stats.year', name: 'fiscalYear', control: year }),
      field({ label: 'nil.round', name: 'round', control: round })), links);
}
