// Staff: declare a gift (the rule's answer shown before submitting), my declarations, nil return for a round.
import { h, localise, replace, append } from '../dom.js';
import { t, pick, money } from '../i18n.js';
import { get, post } from '../api.js';
import { field, choices, select, counter, clearErrors, showProblem, showError, submit, onSubmit, message } from '../forms.js';
import { todayBangkok, formatDate, formatDateTime, fiscalYearOf, dateInput, dateHint, dateProblem } from '../dates.js';
import { evaluate, earlierFromSameGiver } from '../giftrule.js';
import { fiscalYearOptions } from './stats.js';
import { sentAbove } from './head.js';

const labelsOf = (reference, kind) => (reference.codes[kind] || []).map(c => ({ value: c.code, label: l => pick(c, l) }));

export async function render(main) {
  const [reference, mineInitial] = await Promise.all([get('/api/gifts/reference'), get('/api/gifts/declarations/mine')]);
  let mine = mineInitial;
  const policy = reference.policy;
  append(main, localise(h('h1'), () => t('staff.title')),
    localise(h('p', { class: 'lead' }), l => t('staff.policy', { limit: money(policy.limit, l), days: policy.decisionWindowDays }, l)));

  // --- the declaration form
  const offeredOn = dateInput({ max: todayBangkok(), value: todayBangkok() });
  const giverName = h('input', { type: 'text', maxlength: '200', autocomplete: 'off' });
  const giverType = select(labelsOf(reference, 'giverTypes'), { empty: 'form.choose' });
  const relation = select(labelsOf(reference, 'relations'), { empty: 'form.choose' });
  const pending = choices({ legend: 'gift.pending', name: 'giver.pendingBusiness', value: 'false', hint: 'gift.pending.hint',
    options: [{ value: 'false', label: 'form.no' }, { value: 'true', label: 'form.yes' }] });
  const kind = select(labelsOf(reference, 'kinds'), { empty: 'form.choose' });
  const description = h('textarea', { rows: '3', maxlength: '2000' });
  const value = h('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off', placeholder: '0.00' });
  const valuation = h('input', { type: 'text', maxlength: '500' });
  const occasion = select(labelsOf(reference, 'occasions'), { empty: 'form.choose' });
  const occasionDetail = h('input', { type: 'text', maxlength: '200' });
  const occasionDetailField = field({ label: 'gift.occasionDetail', name: 'occasionDetail', control: occasionDetail });
  occasionDetailField.hidden = true;
  const disposition = select(labelsOf(reference, 'dispositions'), { empty: 'form.choose' });
  const disposedOn = dateInput({ max: todayBangkok() });
  const disposedOnField = field({ label: 'gift.disposedOn', name: 'disposedOn', control: disposedOn, hint: dateHint() });
  const acceptanceReason = h('textarea', { rows: '2', maxlength: '1000' });
  const acceptanceField = field({ label: 'gift.acceptanceReason', name: 'acceptanceReason', control: acceptanceReason });
  const preview = h('div', { class: 'rule-preview', id: 'rule-preview', 'aria-live': 'polite' });

  const form = h('form', { class: 'stack', novalidate: true, id: 'gift-form' },
    field({ label: 'gift.offeredOn', name: 'offeredOn', control: offeredOn, required: true, hint: dateHint() }),
    field({ label: 'gift.giverName', name: 'giver.name', control: giverName, required: true }),
    field({ label: 'gift.giverType', name: 'giver.type', control: giverType, required: true }),
    field({ label: 'gift.relation', name: 'giver.relation', control: relation, required: true }),
    pending,
    field({ label: 'gift.kind', name: 'kind', control: kind, required: true }),
    field({ label: 'gift.description', name: 'description', control: description, required: true }),
    field({ label: 'gift.value', name: 'value', control: value, required: true, hint: 'gift.value.hint' }),
    field({ label: 'gift.valuation', name: 'valuation', control: valuation, required: true, hint: 'gift.valuation.hint' }),
    field({ label: 'gift.occasion', name: 'occasion', control: occasion, required: true }),
    occasionDetailField,
    field({ label: 'gift.disposition', name: 'disposition', control: disposition, required: true }),
    disposedOnField, acceptanceField,
    h('section', { class: 'panel', 'aria-labelledby': 'preview-title' }, localise(h('h2', { id: 'preview-title' }), () => t('gift.preview')), preview),
    h('div', { class: 'actions' }, submit('gift.submit')));

  const facts = () => ({
    offeredOn: offeredOn.iso, giverName: giverName.value, relation: relation.value, kind: kind.value,
    pendingBusiness: form.querySelector('input[name="giver.pendingBusiness"]:checked')?.value === 'true',
    disposition: disposition.value, value: value.value, occasion: occasion.value, occasionDetail: occasionDetail.value });

  const update = () => {
    occasionDetailField.hidden = occasion.value !== 'OTHER';
    disposedOnField.hidden = !disposition.value || disposition.value === 'KEPT';
    acceptanceField.hidden = disposition.value !== 'KEPT';
    const gift = facts();
    const chosen = (reference.codes.dispositions || []).find(d => d.code === gift.disposition);
    const result = gift.offeredOn ? evaluate(gift, policy, earlierFromSameGiver(mine, gift), { dispositionLabel: chosen }) : null;
    if (!result) {
      replace(preview, localise(h('p'), () => t('gift.preview.incomplete')));
      return;
    }
    const outcome = (reference.codes.ruleOutcomes || []).find(o => o.code === result.outcome);
    replace(preview,
      localise(h('p', { class: `outcome outcome-${result.outcome}` }), l => pick(outcome, l) || result.outcome),
      localise(h('p', { class: 'reason' }), l => (l === 'en' ? result.en : result.th)));
  };
  form.addEventListener('input', update);
  form.addEventListener('change', update);
  update();

  onSubmit(form, async () => {
    clearErrors(form);
    const badDates = dateProblem(form);
    if (badDates) {
      showProblem(form, badDates);
      return;
    }
    const gift = facts();
    const kept = gift.disposition === 'KEPT';
    try {
      const saved = await post('/api/gifts/declarations', {
        offeredOn: gift.offeredOn || null,
        giver: { name: gift.giverName, type: giverType.value || null, relation: gift.relation || null, pendingBusiness: gift.pendingBusiness },
        kind: gift.kind || null, description: description.value, value: gift.value.replace(/[,\s]/g, '') || null,
        valuation: valuation.value, acceptanceReason: kept ? acceptanceReason.value : null,
        occasion: gift.occasion || null, occasionDetail: gift.occasion === 'OTHER' ? gift.occasionDetail : null,
        disposition: gift.disposition || null, disposedOn: kept ? null : disposedOn.iso || null });
      form.reset();
      offeredOn.iso = todayBangkok();
      update();
      message(form, l => `${t('gift.saved', null, l)} ${l === 'en' ? saved.evaluation.reasonEn : saved.evaluation.reasonTh}`, 'success').focus();
      mine = await get('/api/gifts/declarations/mine');
      replace(list, declarations(mine, reference));
    } catch (error) {
      showProblem(form, error);
    }
  });

  const list = h('div', { id: 'my-declarations' }, declarations(mine, reference));
  append(main, 
    h('section', { 'aria-labelledby': 'declare-title' }, localise(h('h2', { id: 'declare-title' }), () => t('gift.declare')), form),
    h('section', { 'aria-labelledby': 'mine-title' }, localise(h('h2', { id: 'mine-title' }), () => t('gift.mine')), list),
    await nilReturnSection(reference));
}

function declarations(mine, reference) {
  if (!mine.length) return localise(h('p'), () => t('gift.mine.none'));
  return h('ul', { class: 'records' }, mine.map(d => h('li', { class: d.status === 'SUPERSEDED' ? 'muted' : null },
    h('p', { class: 'meta' }, localise(h('span'), l => formatDate(d.offeredOn, l)), ' · ', h('span', { text: d.giver?.name }), ' · ',
      localise(h('span'), l => `${money(d.value, l)} ${l === 'en' ? 'baht' : 'บาท'}`)),
    h('p', { text: d.description }),
    localise(h('p', { class: `badge status-${d.status}` }), l => (l === 'en' ? d.statusEn : d.statusTh)),
    // A head's own declaration is decided above her agency: say to whom, instead of leaving it to the head's queue.
    d.status === 'AWAITING_DECISION' && d.declarant?.head ? sentAbove(reference.deciderAbove) : null,
    localise(h('p', { class: 'hint' }), l => (l === 'en' ? d.evaluation?.reasonEn : d.evaluation?.reasonTh)),
    d.decision?.note ? h('p', { class: 'hint', text: d.decision.note }) : null)));
}

async function nilReturnSection(reference) {
  const year = select(fiscalYearOptions(2), { value: String(fiscalYearOf(todayBangkok())) });
  const round = select((reference.codes.rounds || []).map(r => ({ value: r.code, label: l => pick(r, l) })));
  const form = h('form', { class: 'inline-form', novalidate: true, id: 'nil-form' },
    field({ label: 'stats.year', name: 'fiscalYear', control: year }),
    field({ label: 'nil.round', name: 'round', control: round }),
    h('div', { class: 'actions' }, submit('nil.submit')));
  const list = h('div', { id: 'nil-list' });
  const refresh = async () => {
    const filed = await get('/api/gifts/nil-returns/mine');
    replace(list, filed.length
      ? h('ul', null, filed.map(n => localise(h('li'), l => `${l === 'en' ? n.roundEn : n.roundTh} · ${t('nil.filedAt', { at: formatDateTime(n.filedAt, l) }, l)}`)))
      : localise(h('p'), () => t('nil.none')));
  };
  onSubmit(form, async () => {
    clearErrors(form);
    try {
      await post('/api/gifts/nil-returns', { fiscalYear: Number(year.value), round: round.value });
      message(form, () => t('nil.saved'), 'success').focus();
      await refresh();
    } catch (error) {
      showProblem(form, error);
    }
  });
  await refresh().catch(error => showError(list, error));
  return h('section', { 'aria-labelledby': 'nil-title' }, localise(h('h2', { id: 'nil-title' }), () => t('nil.title')),
    localise(h('p'), () => t('nil.lead')), form, list);
}
