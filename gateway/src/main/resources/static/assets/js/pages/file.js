// Filing a complaint (public), and the same form for officers keying in a complaint from another channel.
import { h, localise, replace, append } from '../dom.js';
import { t, pick, number } from '../i18n.js';
import { request, newIdempotencyKey } from '../api.js';
import { field, choices, select, fillSelect, counter, clearErrors, showProblem, submit, button, onSubmit } from '../forms.js';
import { complaintsReference, agencyList, options } from '../shared.js';
import { todayBangkok, formatDateTime, dateInput, dateHint, dateProblem } from '../dates.js';
import { acknowledgementControls } from './acknowledgement.js';

const MAX_FILES = 5;
const MAX_BYTES = 10 * 1024 * 1024;
const TYPES = ['image/jpeg', 'image/png', 'application/pdf'];
const EXTENSIONS = /\.(jpe?g|png|pdf)$/i;

export async function render(main) {
  append(main, localise(h('h1'), () => t('file.title')), localise(h('p', { class: 'lead' }), () => t('file.lead')));
  const [reference, agencies] = await Promise.all([complaintsReference(), agencyList()]);
  append(main, complaintForm({ reference, agencies, keyIn: false, onFiled: (receipt, form) => showReceipt(main, form, receipt) }));
}

/** What a reporter can do to stay safe, beside the choice of staying anonymous (as GlobaLeaks' forms say). */
function protectYourself() {
  return h('aside', { class: 'panel protect-yourself', id: 'protect-yourself', 'aria-labelledby': 'protect-title' },
    localise(h('h2', { id: 'protect-title' }), () => t('file.protect.title')),
    h('ul', null, ['device', 'network', 'code', 'text', 'browser']
      .map(key => localise(h('li'), () => t(`file.protect.${key}`)))));
}

/**
 * The form. keyIn: the officer's variant (channel, date received, no attachments, the officer's own agency).
 */
export function complaintForm({ reference, agencies, keyIn, agency, onFiled }) {
  const form = h('form', { class: 'stack', novalidate: true, id: keyIn ? 'keyin-form' : 'complaint-form' });
  let idempotencyKey = newIdempotencyKey();

  const agencySelect = select(agencies.map(a => ({ value: a.code, label: l => pick(a, l) })), { value: agencies[0]?.code });
  const channel = select(options(reference.channels.filter(c => c.code !== 'WEB')), { empty: 'form.choose' });
  const receivedOn = dateInput({ max: todayBangkok(), value: todayBangkok() });
  // A letter keeps its own reference (เลขที่หนังสือ) and date; shown when the channel is a letter.
  const letterRef = h('input', { type: 'text', maxlength: '100', autocomplete: 'off' });
  const letterDate = dateInput({ max: todayBangkok() });
  const letterFields = keyIn ? h('div', { class: 'letter-fields', hidden: true },
    field({ label: 'keyin.letterRef', name: 'letterRef', control: letterRef, hint: 'keyin.letterRef.hint' }),
    field({ label: 'keyin.letterDate', name: 'letterDate', control: letterDate, hint: dateHint('keyin.letterDate.hint') })) : null;
  channel.addEventListener('change', () => { if (letterFields) letterFields.hidden = channel.value !== 'LETTER'; });
  const category = select(options(reference.categories), { empty: 'form.choose' });
  const subcategory = select([], { empty: 'file.subcategory.none' });
  subcategory.disabled = true;
  category.addEventListener('change', () => {
    const chosen = reference.categories.find(c => c.code === category.value);
    fillSelect(subcategory, options(chosen?.subcategories), { empty: 'file.subcategory.none' });
    subcategory.disabled = !chosen || !chosen.subcategories?.length;
  });
  const details = h('textarea', { rows: '8', maxlength: '10000' });
  const division = select(options(reference.divisions), { empty: 'file.division.none' });
  const incidentDate = dateInput({ max: todayBangkok() });
  const location = h('input', { type: 'text', maxlength: '500', autocomplete: 'off' });
  const elsewhere = h('input', { type: 'checkbox', id: keyIn ? 'k-elsewhere' : 'f-elsewhere' });
  const standing = choices({ legend: 'file.standing', name: 'reporterStanding', value: 'CITIZEN', options: [
    { value: 'CITIZEN', label: 'file.standing.citizen' },
    { value: 'STAFF', label: 'file.standing.staff' }] });
  const mode = choices({ legend: 'file.mode', name: 'reporter.mode', value: 'ANONYMOUS', options: [
    { value: 'ANONYMOUS', label: 'file.mode.anonymous', hint: 'file.mode.anonymous.hint' },
    { value: 'CONFIDENTIAL', label: 'file.mode.confidential', hint: 'file.mode.confidential.hint' }] });
  const name = h('input', { type: 'text', maxlength: '200', autocomplete: 'name' });
  const phone = h('input', { type: 'tel', maxlength: '20', autocomplete: 'tel', inputmode: 'tel' });
  const email = h('input', { type: 'email', maxlength: '254', autocomplete: 'email' });
  const identity = h('div', { class: 'identity', hidden: true },
    field({ label: 'file.name', name: 'reporter.name', control: name, required: true }),
    field({ label: 'file.phone', name: 'reporter.phone', control: phone, hint: 'file.phone.hint' }),
    field({ label: 'file.email', name: 'reporter.email', control: email }));
  mode.addEventListener('change', () => {
    identity.hidden = form.querySelector('input[name="reporter.mode"]:checked').value !== 'CONFIDENTIAL';
  });
  // The reporter's notice-only address (public form only): optional, anonymous or not; autofill off, so a reporter
  // chooses the address rather than the browser (docs/complaints.md, "The reporter's notice address").
  const noticeEmail = h('input', { type: 'email', maxlength: '254', autocomplete: 'off', inputmode: 'email', spellcheck: 'false' });
  const noticeField = keyIn ? null : h('div', { class: 'notice-email', id: 'notice-email' },
    field({ label: 'complaint.noticeEmail', name: 'noticeEmail', control: noticeEmail, hint: 'complaint.noticeEmail.hint',
      extra: h('ul', { class: 'hint notice-email-advice', id: 'notice-email-advice' },
        ['used', 'never', 'kept', 'anonymous'].map(key => localise(h('li'), () => t(`notices.reporter.${key}`)))) }));
  const files = h('input', { type: 'file', multiple: true, accept: '.jpg,.jpeg,.png,.pdf,image/jpeg,image/png,application/pdf' });
  const fileList = h('ul', { class: 'file-list', 'aria-live': 'polite' });
  files.addEventListener('change', () => replace(fileList, Array.from(files.files).map(f =>
    h('li', null, `${f.name} (${number(Math.ceil(f.size / 1024))} KB)`))));

  append(form, 
    keyIn ? null : field({ label: 'file.agency', name: 'agency', control: agencySelect, required: true }),
    keyIn ? field({ label: 'keyin.channel', name: 'channel', control: channel, required: true }) : null,
    keyIn ? field({ label: 'keyin.receivedOn', name: 'receivedOn', control: receivedOn, required: true, hint: dateHint('keyin.receivedOn.hint') }) : null,
    letterFields,
    field({ label: 'file.category', name: 'category', control: category, required: true }),
    field({ label: 'file.subcategory', name: 'subcategory', control: subcategory, hint: 'file.subcategory.hint' }),
    field({ label: 'file.details', name: 'details', control: details, required: true, hint: 'file.details.hint',
      extra: counter(details, { min: 20, max: 10000 }) }),
    field({ label: 'file.division', name: 'division', control: division, hint: 'file.division.hint' }),
    field({ label: 'file.incidentDate', name: 'incidentDate', control: incidentDate, hint: dateHint('file.incidentDate.hint') }),
    field({ label: 'file.location', name: 'location', control: location, hint: 'file.location.hint' }),
    h('div', { class: 'field checkbox', dataset: { field: 'reportedElsewhere' } }, elsewhere,
      localise(h('label', { for: elsewhere.id }), () => t('file.elsewhere'))),
    standing,
    keyIn ? null : protectYourself(),
    mode,
    identity,
    noticeField,
    keyIn ? null : field({ label: 'file.files', name: 'files', control: files, hint: 'file.files.hint', extra: fileList }),
    keyIn ? null : localise(h('p', { class: 'hint pdf-note' }), () => t('file.files.pdf')),
    h('div', { class: 'actions' }, submit(keyIn ? 'keyin.submit' : 'file.submit')));

  onSubmit(form, async () => {
    clearErrors(form);
    const confidential = form.querySelector('input[name="reporter.mode"]:checked').value === 'CONFIDENTIAL';
    const body = {
      category: category.value || null,
      subcategory: subcategory.value || null,
      details: details.value,
      division: division.value || null,
      incidentDate: incidentDate.iso || null,
      location: location.value || null,
      reportedElsewhere: elsewhere.checked,
      reporterStanding: form.querySelector('input[name="reporterStanding"]:checked').value,
      reporter: confidential
        ? { mode: 'CONFIDENTIAL', name: name.value, phone: phone.value || null, email: email.value || null }
        : { mode: 'ANONYMOUS' },
    };
    const local = [];
    if (keyIn) {
      body.channel = channel.value || null;
      body.receivedOn = receivedOn.iso || null;
      if (channel.value === 'LETTER') {
        body.letterRef = letterRef.value || null;
        body.letterDate = letterDate.iso || null;
      }
    } else {
      body.agency = agencySelect.value;
      body.noticeEmail = noticeEmail.value.trim() || null;
      const chosen = Array.from(files.files);
      if (chosen.length > MAX_FILES) local.push({ field: 'files', message_th: 'แนบไฟล์ได้ไม่เกิน 5 ไฟล์', message_en: 'Attach at most 5 files.' });
      chosen.forEach((f, i) => {
        if (f.size > MAX_BYTES) local.push({ field: `files[${i}]`, message_th: `${f.name}: ใหญ่เกิน 10 MB`, message_en: `${f.name}: larger than 10 MB` });
        else if (!(TYPES.includes(f.type) || EXTENSIONS.test(f.name))) local.push({ field: `files[${i}]`, message_th: `${f.name}: รับเฉพาะ JPEG, PNG หรือ PDF`, message_en: `${f.name}: only JPEG, PNG or PDF` });
      });
    }
    const badDates = dateProblem(form);
    if (local.length) {
      showProblem(form, { problem: { title: 'Check the attachments', title_th: 'กรุณาตรวจสอบไฟล์แนบ',
        errors: [...local, ...(badDates?.problem.errors || [])] } });
      return;
    }
    if (badDates) {
      showProblem(form, badDates);
      return;
    }
    try {
      let receipt;
      if (keyIn) {
        receipt = await request('POST', '/api/complaints/cases', { json: body });
      } else if (files.files.length) {
        const data = new FormData();
        data.append('complaint', new Blob([JSON.stringify(body)], { type: 'application/json' }));
        Array.from(files.files).forEach(f => data.append('files', f, f.name));
        receipt = await request('POST', '/api/complaints', { form: data, headers: { 'Idempotency-Key': idempotencyKey } });
      } else {
        receipt = await request('POST', '/api/complaints', { json: body, headers: { 'Idempotency-Key': idempotencyKey } });
      }
      idempotencyKey = newIdempotencyKey();
      onFiled(receipt, form);
    } catch (error) {
      showProblem(form, error);
    }
  });
  return form;
}

/** "1234567890123456" → "1234 5678 9012 3456" */
export function groupCode(code) {
  return String(code).replace(/\D/g, '').replace(/(\d{4})(?=\d)/g, '$1 ');
}

/** The tracking code, shown once: large, grouped, copy button, download as a text file, the warning. */
export function receiptPanel(receipt, { caseId } = {}) {
  const code = groupCode(receipt.trackingCode);
  const status = h('p', { class: 'copy-status', role: 'status' });
  const copy = button('receipt.copy', { id: 'copy-code' });
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(code.replace(/ /g, ''));
      localise(status, () => t('receipt.copied'));
    } catch {
      const range = document.createRange();
      range.selectNodeContents(codeEl);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      localise(status, () => t('receipt.copy.manual'));
    }
  });
  const text = [
    'รหัสติดตามเรื่องร้องเรียน / Complaint tracking code',
    code,
    `รับเรื่องเมื่อ ${formatDateTime(receipt.receivedAt, 'th')} / Received ${formatDateTime(receipt.receivedAt, 'en')}`,
    'เก็บรหัสนี้ไว้เป็นความลับ หากทำหายจะไม่สามารถขอรหัสใหม่ได้',
    'Keep this code secret. If you lose it, it cannot be recovered.',
    `${window.location.origin}/#/track`, ''].join('\r\n');
  const download = localise(h('a', { class: 'button', id: 'download-code', download: 'tracking-code.txt',
    href: URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' })) }), () => t('receipt.download'));
  const codeEl = h('p', { class: 'tracking-code', id: 'tracking-code', text: code });
  return h('section', { class: 'panel receipt', 'aria-labelledby': 'receipt-title' },
    localise(h('h2', { id: 'receipt-title', tabindex: '-1' }), () => t('receipt.title')),
    localise(h('p'), () => t('receipt.yourcode')),
    codeEl,
    h('div', { class: 'actions' }, copy, download),
    status,
    localise(h('p', { class: 'warning', role: 'note' }), () => t('receipt.warning')),
    localise(h('p'), () => t('receipt.received', { at: formatDateTime(receipt.receivedAt) })),
    receipt.caseNumber ? localise(h('p', { id: 'receipt-case-number' }), l => t('receipt.caseNumber', { number: receipt.caseNumber }, l)) : null,
    // The acknowledgement from what this answer holds; the code printed only if the reporter ticks the box.
    acknowledgementControls({ caseNumber: receipt.caseNumber, agency: receipt.agency, receivedAt: receipt.receivedAt,
      dueAt: receipt.dueAt }, { trackingCode: receipt.trackingCode }),
    caseId ? h('p', null, localise(h('a', { href: `#/officer/case/${encodeURIComponent(caseId)}` }), () => t('keyin.open'))) : null,
    h('p', null, localise(h('a', { href: '#/track' }), () => t('receipt.follow'))));
}

function showReceipt(main, form, receipt) {
  const panel = receiptPanel(receipt);
  form.replaceWith(panel);
  const again = button('receipt.another');
  again.addEventListener('click', () => window.location.reload());
  append(panel, again);
  panel.querySelector('h2').focus();
}
