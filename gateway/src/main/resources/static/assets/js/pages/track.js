// Following a complaint with its tracking code. The code stays in this page's memory only: it travels in the
// body of a POST, never in the address bar, history or storage.
import { h, localise, replace, append } from '../dom.js';
import { t, pick } from '../i18n.js';
import { post, request } from '../api.js';
import { field, counter, clearErrors, showProblem, submit, onSubmit, message } from '../forms.js';
import { formatDate, formatDateTime } from '../dates.js';
import { groupCode } from './file.js';
import { acknowledgementControls } from './acknowledgement.js';

export function render(main) {
  let code = null;
  const input = h('input', { type: 'text', inputmode: 'numeric', autocomplete: 'off', spellcheck: 'false', maxlength: '24', class: 'code-input' });
  const form = h('form', { class: 'stack', novalidate: true, id: 'track-form' },
    field({ label: 'track.code', name: 'trackingCode', control: input, required: true, hint: 'track.code.hint' }),
    h('div', { class: 'actions' }, submit('track.submit')));
  const result = h('div', { id: 'track-result' });
  append(main, localise(h('h1'), () => t('track.title')), localise(h('p', { class: 'lead' }), () => t('track.lead')), form, result);

  async function load() {
    const progress = await post('/api/complaints/track', { trackingCode: code });
    replace(result, view(progress));
  }

  onSubmit(form, async () => {
    clearErrors(form);
    code = input.value;
    try {
      await load();
      result.querySelector('h2').focus();
    } catch (error) {
      replace(result);
      showProblem(form, error);
    }
  });

  // More evidence for an open complaint: the same types, sizes and cleaning as at filing; the code goes in the body.
  function evidenceForm() {
    const files = h('input', { type: 'file', multiple: true, accept: '.jpg,.jpeg,.png,.pdf,image/jpeg,image/png,application/pdf' });
    const form = h('form', { class: 'stack', novalidate: true, id: 'evidence-form' },
      field({ label: 'track.evidence', name: 'files', control: files, hint: 'file.files.hint' }),
      h('div', { class: 'actions' }, submit('track.evidence.send')));
    onSubmit(form, async () => {
      clearErrors(form);
      if (!files.files.length) {
        showProblem(form, { problem: { errors: [{ field: 'files', message_th: t('track.evidence.none', null, 'th'), message_en: t('track.evidence.none', null, 'en') }] } });
        return;
      }
      const data = new FormData();
      data.append('trackingCode', code);
      Array.from(files.files).forEach(f => data.append('files', f, f.name));
      try {
        await request('POST', '/api/complaints/track/attachments', { form: data });
        await load();
        message(result.querySelector('#evidence-form') || result, () => t('track.evidence.sent'), 'success').focus();
      } catch (error) {
        showProblem(form, error);
      }
    });
    return form;
  }

  function view(p) {
    const reply = h('textarea', { rows: '4', maxlength: '2000' });
    const replyForm = h('form', { class: 'stack', novalidate: true, id: 'reply-form' },
      field({ label: 'track.reply', name: 'text', control: reply, required: true, extra: counter(reply, { max: 2000 }) }),
      h('div', { class: 'actions' }, submit('track.reply.send')));
    onSubmit(replyForm, async () => {
      clearErrors(replyForm);
      try {
        await post('/api/complaints/track/messages', { trackingCode: code, text: reply.value });
        await load();
        // The form that had focus was replaced: focus moves to the confirmation, never back to <body>.
        message(result.querySelector('#reply-form'), () => t('track.reply.sent'), 'success').focus();
      } catch (error) {
        showProblem(replyForm, error);
      }
    });
    return h('section', { class: 'panel', 'aria-labelledby': 'status-title' },
      localise(h('h2', { id: 'status-title', tabindex: '-1' }), () => t('track.status')),
      h('p', { class: 'status-now' }, localise(h('strong', { class: 'badge', id: 'current-status' }), l => pick(p.status, l))),
      p.caseNumber ? localise(h('p', { id: 'track-case-number' }), l => `${t('track.caseNumber', null, l)}: ${p.caseNumber}`) : null,
      p.dueAt ? localise(h('p', { id: 'track-due' }), l => `${t('track.due', null, l)} ${formatDate(p.dueAt, l)}`) : null,
      p.closureReason ? localise(h('p'), l => `${t('track.closure')}: ${pick(p.closureReason, l)}`) : null,
      p.forwardedTo ? localise(h('p'), l => `${t('track.forwarded')}: ${pick(p.forwardedTo, l)}`) : null,
      localise(h('h3'), () => t('track.stages')),
      h('ol', { class: 'timeline', id: 'stages' }, p.stages.map(stage => h('li', null,
        localise(h('span', { class: 'stage' }), l => pick(stage, l)), ' ',
        localise(h('time', { datetime: stage.at || '' }), () => formatDateTime(stage.at))))),
      localise(h('h3'), () => t('track.messages')),
      p.messages.length
        ? h('ol', { class: 'messages', id: 'messages' }, p.messages.map(m => h('li', { class: m.from === 'OFFICER' ? 'from-officer' : 'from-reporter' },
          h('p', { class: 'meta' }, localise(h('strong'), () => t(m.from === 'OFFICER' ? 'track.from.officer' : 'track.from.you')), ' · ',
            localise(h('time', { datetime: m.at }), () => formatDateTime(m.at))),
          h('p', { class: 'text', text: m.text }))))
        : localise(h('p', { id: 'messages' }), () => t('track.messages.none')),
      replyForm,
      p.status && ['CONCLUDED_WITH_CAUSE', 'CONCLUDED_WITHOUT_CAUSE', 'CLOSED_WITHOUT_INQUIRY'].includes(p.status.code) ? null : evidenceForm(),
      // The acknowledgement from this answer (which holds no identity); the code only if the box is ticked.
      acknowledgementControls({ caseNumber: p.caseNumber, agency: p.agency, receivedAt: p.receivedAt, dueAt: p.dueAt },
        { trackingCode: code }),
      localise(h('p', { class: 'hint' }), () => t('track.codeShown', { code: groupCode(code).replace(/\d(?=.{5})/g, '•') })));
  }
}
