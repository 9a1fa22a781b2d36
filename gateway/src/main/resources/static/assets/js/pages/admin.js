// Administrator: reference data (relabel, add), statistics (preview the draft, publish, correct with a reason).
import { h, localise, replace, append } from '../dom.js';
import { t, pick } from '../i18n.js';
import { get, post, put } from '../api.js';
import { field, select, fillSelect, clearErrors, showProblem, showError, submit, onSubmit, message } from '../forms.js';
import { complaintsReference, options } from '../shared.js';
import { fiscalMonths, formatMonth, formatDateTime, lastEndedMonth, fiscalYearOf } from '../dates.js';
import { complaintTable, tableNotes } from '../table.js';
import { fiscalYearOptions } from './stats.js';

const KINDS = [
  { path: 'categories', key: 'categories', extensible: false },
  { path: 'subcategories', key: 'subcategories', extensible: true },
  { path: 'divisions', key: 'divisions', extensible: true },
  { path: 'channels', key: 'channels', extensible: false },
  { path: 'statuses', key: 'statuses', extensible: false },
  { path: 'closure-reasons', key: 'closureReasons', extensible: false },
  { path: 'forwarding-bodies', key: 'forwardingBodies', extensible: true },
];

export async function render(main, { user }) {
  append(main, localise(h('h1'), () => t('admin.title')));
  append(main, statisticsSection(user), await referenceSection());
}

// ---------------------------------------------------------------- statistics
function statisticsSection(user) {
  const year = select(fiscalYearOptions(3), { value: String(fiscalYearOf(lastEndedMonth())) });
  const through = select([]);
  const syncMonths = () => {
    const ended = fiscalMonths(Number(year.value)).filter(m => m <= lastEndedMonth());
    fillSelect(through, ended.map(m => ({ value: m, label: l => formatMonth(m, l) })), { value: ended[ended.length - 1] });
  };
  year.addEventListener('change', syncMonths);
  syncMonths();
  const preview = h('div', { id: 'draft-preview' });
  const published = h('div', { id: 'admin-publications' });
  const form = h('form', { class: 'inline-form', novalidate: true, id: 'publish-form' },
    field({ label: 'stats.year', name: 'fiscalYear', control: year }),
    field({ label: 'admin.through', name: 'through', control: through }),
    h('div', { class: 'actions' },
      localise(h('button', { type: 'button', id: 'preview-draft' }), () => t('admin.preview')),
      submit('admin.publish', { id: 'publish' })));
  const agency = user.agency;
  form.querySelector('#preview-draft').addEventListener('click', async () => {
    clearErrors(form);
    try {
      const draft = await get(`/api/stats/complaints/${encodeURIComponent(agency)}/${encodeURIComponent(year.value)}/draft?through=${encodeURIComponent(through.value)}`);
      replace(preview, localise(h('h3'), () => t('admin.draft')), complaintTable(draft, { id: 'draft-table' }), tableNotes());
    } catch (error) {
      showProblem(form, error);
    }
  });
  onSubmit(form, async () => {
    clearErrors(form);
    try {
      const p = await post('/api/stats/publications', { kind: 'COMPLAINTS', agency, fiscalYear: Number(year.value), through: through.value });
      message(form, l => t('admin.published', { n: p.revision }, l), 'success').focus();
      await listPublications(published, agency, year.value);
    } catch (error) {
      showProblem(form, error);
      offerCorrection(form, error, () => listPublications(published, agency, year.value));
    }
  });

  const giftRound = select([{ value: 'H1', label: l => (l === 'en' ? '6-month round' : 'รอบ 6 เดือน') }, { value: 'FY', label: l => (l === 'en' ? '12-month round' : 'รอบ 12 เดือน') }]);
  const giftForm = h('form', { class: 'inline-form', novalidate: true, id: 'publish-gifts-form' },
    field({ label: 'nil.round', name: 'round', control: giftRound }), h('div', { class: 'actions' }, submit('admin.publish.gifts')));
  onSubmit(giftForm, async () => {
    clearErrors(giftForm);
    try {
      const p = await post('/api/stats/publications', { kind: 'GIFTS', agency, fiscalYear: Number(year.value), round: giftRound.value });
      message(giftForm, l => t('admin.published', { n: p.revision }, l), 'success').focus();
      await listPublications(published, agency, year.value);
    } catch (error) {
      showProblem(giftForm, error);
      offerCorrection(giftForm, error, () => listPublications(published, agency, year.value));
    }
  });
  year.addEventListener('change', () => listPublications(published, agency, year.value));
  listPublications(published, agency, year.value);
  return h('section', { 'aria-labelledby': 'admin-stats-title' }, localise(h('h2', { id: 'admin-stats-title' }), () => t('admin.stats')),
    localise(h('p'), () => t('admin.stats.lead')), form, preview,
    localise(h('h3'), () => t('admin.gifts')), giftForm,
    localise(h('h3'), () => t('admin.publications')), published);
}

async function listPublications(container, agency, year) {
  try {
    const list = await get(`/api/stats/publications?agency=${encodeURIComponent(agency)}&fiscalYear=${encodeURIComponent(year)}`);
    if (!list.length) {
      replace(container, localise(h('p'), () => t('stats.none')));
      return;
    }
    replace(container, h('ul', { class: 'records' }, list.map(p => {
      const item = h('li', null,
        localise(h('p', { class: 'meta' }), l => `${t(p.kind === 'GIFTS' ? 'stats.kind.gifts' : 'stats.kind.complaints', null, l)} · ${p.through ? formatMonth(p.through, l) : p.round} · ${t('stats.revision', { n: p.revision }, l)} · ${formatDateTime(p.publishedAt, l)}`),
        localise(h('span', { class: `badge ${p.status === 'CURRENT' ? 'ok' : 'muted'}` }), () => t(p.status === 'CURRENT' ? 'stats.current' : 'stats.superseded')),
        p.correctionReason ? localise(h('p', { class: 'reason' }), l => t('stats.correction', { reason: p.correctionReason }, l)) : null);
      if (p.status === 'CURRENT') append(item, correctionForm(p, () => listPublications(container, agency, year)));
      return item;
    })));
  } catch (error) {
    showError(container, error);
  }
}

/**
 * Published already: the problem names the current publication; offer the one way on, its correction form
 * (supersedes that publication, with a reason), opened and focused.
 */
function offerCorrection(form, error, reload) {
  const current = error.problem?.current;
  const box = form.querySelector(':scope > .form-message');
  if (!current?.id || !box || !String(error.problem.type || '').endsWith(':already-published')) return;
  const offer = localise(h('button', { type: 'button', class: 'offer-correction' }), () => t('admin.correct.offer'));
  offer.addEventListener('click', async () => {
    const find = () => document.querySelector(`form.correction-form[data-publication="${CSS.escape(current.id)}"]`);
    if (!find()) await reload();
    const correction = find();
    if (!correction) return;
    correction.closest('details').open = true;
    correction.scrollIntoView({ block: 'center' });
    correction.querySelector('textarea').focus();
  });
  box.append(h('p', null, offer));
}

function correctionForm(p, reload) {
  const reason = h('textarea', { rows: '2', maxlength: '1000' });
  const form = h('form', { class: 'stack correction-form', novalidate: true, dataset: { publication: p.id } },
    field({ label: 'admin.correct.reason', name: 'reason', control: reason, required: true, hint: 'admin.correct.hint' }),
    h('div', { class: 'actions' }, submit('admin.correct')));
  onSubmit(form, async () => {
    clearErrors(form);
    try {
      await post('/api/stats/publications', { supersedes: p.id, reason: reason.value });
      await reload();
    } catch (error) {
      showProblem(form, error);
    }
  });
  const details = h('details', null, localise(h('summary'), () => t('admin.correct')), form);
  return details;
}

// ---------------------------------------------------------------- reference data
async function referenceSection() {
  const kind = select(KINDS.map(k => ({ value: k.path, label: () => t(`ref.${k.key}`) })));
  const out = h('div', { id: 'reference-editor' });
  const show = async refresh => {
    const reference = await complaintsReference(refresh);
    const spec = KINDS.find(k => k.path === kind.value);
    const entries = spec.key === 'subcategories'
      ? reference.categories.flatMap(c => (c.subcategories || []).map(s => ({ ...s, parent: c })))
      : reference[spec.key] || [];
    replace(out,
      h('ul', { class: 'records reference' }, entries.map(entry => h('li', null, relabelForm(spec, entry, () => show(true))))),
      spec.extensible ? addForm(spec, reference, () => show(true)) : localise(h('p', { class: 'hint' }), () => t('ref.fixed')));
  };
  kind.addEventListener('change', () => show(false).catch(error => showError(out, error)));
  await show(false).catch(error => showError(out, error));
  return h('section', { 'aria-labelledby': 'ref-title' }, localise(h('h2', { id: 'ref-title' }), () => t('admin.reference')),
    h('div', { class: 'inline-form' }, field({ label: 'ref.kind', name: 'kind', control: kind })), out);
}

function relabelForm(spec, entry, reload) {
  const th = h('input', { type: 'text', maxlength: '200', value: entry.labelTh, lang: 'th' });
  const en = h('input', { type: 'text', maxlength: '200', value: entry.labelEn, lang: 'en' });
  const form = h('form', { class: 'inline-form', novalidate: true },
    h('p', { class: 'code' }, h('code', { text: entry.code }), entry.parent ? localise(h('span'), l => ` (${pick(entry.parent, l)})`) : null),
    field({ label: 'ref.labelTh', name: 'labelTh', control: th, required: true }),
    field({ label: 'ref.labelEn', name: 'labelEn', control: en, required: true }),
    h('div', { class: 'actions' }, submit('form.save')));
  onSubmit(form, async () => {
    clearErrors(form);
    try {
      await put(`/api/complaints/reference/${spec.path}/${encodeURIComponent(entry.code)}`, { labelTh: th.value, labelEn: en.value });
      message(form, () => t('form.saved'), 'success');
    } catch (error) {
      showProblem(form, error);
    }
  });
  return form;
}

function addForm(spec, reference, reload) {
  const code = h('input', { type: 'text', maxlength: '40', autocomplete: 'off', pattern: '[A-Z][A-Z0-9_]{1,39}' });
  const parent = select(options(reference.categories), { empty: 'form.choose' });
  const th = h('input', { type: 'text', maxlength: '200', lang: 'th' });
  const en = h('input', { type: 'text', maxlength: '200', lang: 'en' });
  const form = h('form', { class: 'stack', novalidate: true, id: 'add-reference' },
    localise(h('h3'), () => t('ref.add')),
    field({ label: 'ref.code', name: 'code', control: code, required: true, hint: 'ref.code.hint' }),
    spec.key === 'subcategories' ? field({ label: 'ref.parent', name: 'parent', control: parent, required: true }) : null,
    field({ label: 'ref.labelTh', name: 'labelTh', control: th, required: true }),
    field({ label: 'ref.labelEn', name: 'labelEn', control: en, required: true }),
    h('div', { class: 'actions' }, submit('ref.add')));
  onSubmit(form, async () => {
    clearErrors(form);
    try {
      await post(`/api/complaints/reference/${spec.path}`, { code: code.value, parent: spec.key === 'subcategories' ? parent.value || null : null, labelTh: th.value, labelEn: en.value });
      await reload();
    } catch (error) {
      showProblem(form, error);
    }
  });
  return form;
}
