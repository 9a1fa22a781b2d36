// Dates as users see them: Buddhist Era, Asia/Bangkok. Thai: "15 ม.ค. 2568"; English: "15 Jan 2568 BE".
import { lang, t } from './i18n.js';
import { h, localise } from './dom.js';

export const ZONE = 'Asia/Bangkok';

const thaiDate = new Intl.DateTimeFormat('th-TH-u-ca-buddhist', { timeZone: ZONE, day: 'numeric', month: 'short', year: 'numeric' });
const thaiTime = new Intl.DateTimeFormat('th-TH', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const englishParts = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, day: 'numeric', month: 'short', year: 'numeric' });
const englishTime = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const thaiMonth = new Intl.DateTimeFormat('th-TH-u-ca-buddhist', { timeZone: 'UTC', month: 'long', year: 'numeric' });
const englishMonth = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', month: 'long' });

/** "2025-01-15" (a calendar date) or an ISO instant → a Date; date-only values are noon in Bangkok. */
function toDate(value) {
  if (value instanceof Date) return value;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T12:00:00+07:00`);
  return new Date(value);
}

function english(date) {
  const parts = Object.fromEntries(englishParts.formatToParts(date).map(p => [p.type, p.value]));
  return `${parts.day} ${parts.month} ${Number(parts.year) + 543} BE`;
}

/** A date in the Buddhist Era. */
export function formatDate(value, language = lang()) {
  if (value === null || value === undefined || value === '') return '–';
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return language === 'en' ? english(date) : thaiDate.format(date);
}

/** A date and time (Bangkok) in the Buddhist Era. */
export function formatDateTime(value, language = lang()) {
  if (value === null || value === undefined || value === '') return '–';
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return language === 'en' ? `${english(date)}, ${englishTime.format(date)}` : `${thaiDate.format(date)} ${thaiTime.format(date)} น.`;
}

/** "2025-03" → "มีนาคม 2568" / "March 2568 BE". */
export function formatMonth(yearMonth, language = lang()) {
  const [year, month] = yearMonth.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, 15));
  return language === 'en' ? `${englishMonth.format(date)} ${year + 543} BE` : thaiMonth.format(date);
}

/** Today's date in Bangkok as YYYY-MM-DD. */
export function todayBangkok() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** The Buddhist-Era fiscal year of a YYYY-MM(-DD): October starts the next one. */
export function fiscalYearOf(isoDate) {
  const [year, month] = isoDate.split('-').map(Number);
  return year + 543 + (month >= 10 ? 1 : 0);
}

/** The months (YYYY-MM) of a Buddhist-Era fiscal year, October to September. */
export function fiscalMonths(fiscalYear) {
  const start = fiscalYear - 543 - 1;
  const months = [];
  for (let i = 0; i < 12; i++) {
    const month = ((9 + i) % 12) + 1;
    const year = month >= 10 ? start : start + 1;
    months.push(`${year}-${String(month).padStart(2, '0')}`);
  }
  return months;
}

/** The last month that has fully ended in Bangkok, YYYY-MM. */
export function lastEndedMonth() {
  const [year, month] = todayBangkok().split('-').map(Number);
  const previous = month === 1 ? [year - 1, 12] : [year, month - 1];
  return `${previous[0]}-${String(previous[1]).padStart(2, '0')}`;
}

/** Whole days from today (Bangkok) to a YYYY-MM-DD date. */
export function daysUntil(isoDate) {
  const today = Date.parse(`${todayBangkok()}T00:00:00Z`);
  return Math.round((Date.parse(`${isoDate}T00:00:00Z`) - today) / 86400000);
}

export function addDays(isoDate, days) {
  const date = new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86400000);
  return date.toISOString().slice(0, 10);
}

// ------------------------------------------------------------------------------------------------ entering dates
// Every date and month a person types is Buddhist Era, in Thai and in English alike: วว/ดด/ปปปป (15/11/2569) and
// ดด/ปปปป (11/2569). The browser's own <input type=date/month> is Gregorian and follows the browser's locale, so a
// BE year typed into it became a date 543 years ahead. These are plain text boxes (inputmode=numeric) that show
// and accept BE, and give the API its ISO date (2026-11-15) or month (2026-11).

const BE_OFFSET = 543;
/** Years read as Buddhist Era: 2400 BE is 1857 CE; a year from 1800 to 2399 is taken for a Gregorian year. */
const BE_FIRST = 2400;
const BE_LAST = 2799;
const GREGORIAN_FIRST = 1800;

const two = n => String(n).padStart(2, '0');
/** Thai digits (๐–๙) as ASCII, so "๑๕/๑๑/๒๕๖๙" is read like "15/11/2569". */
const asciiDigits = text => String(text ?? '').replace(/[\u0E50-\u0E59]/g, d => String(d.charCodeAt(0) - 0x0E50));

/** "2026-11-15" → "15/11/2569"; "2026-11" → "11/2569"; anything else → "". */
export function toBuddhistText(iso) {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(String(iso ?? ''));
  if (!match) return '';
  const year = Number(match[1]) + BE_OFFSET;
  return match[3] ? `${match[3]}/${match[2]}/${year}` : `${match[2]}/${year}`;
}

/** Both languages of one message, as a problem's errors[] entry carries them. */
const both = (key, params) => ({ th: t(key, params, 'th'), en: t(key, params, 'en') });

function checkYear(year, yearText) {
  if (yearText.length !== 4) return both('date.error.year', { year: yearText });
  if (year >= GREGORIAN_FIRST && year < BE_FIRST) {
    return both('date.error.gregorian', { year: yearText, suggestion: year + BE_OFFSET });
  }
  if (year < BE_FIRST || year > BE_LAST) return both('date.error.year', { year: yearText });
  return null;
}

/**
 * Reads what a person typed as a Buddhist-Era date ("15/11/2569", "15-11-2569", "๑๕/๑๑/๒๕๖๙", "1/2/2569") or, with
 * month: true, a month ("11/2569"). Returns {iso} ('' for an empty box) or {error: {th, en}}. max/min: ISO bounds.
 */
export function parseBuddhist(text, { month = false, max, min } = {}) {
  const typed = asciiDigits(text).trim();
  if (!typed) return { iso: '' };
  const pattern = month ? /^(\d{1,2})\s*[/.\-]\s*(\d+)$/ : /^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d+)$/;
  const parts = pattern.exec(typed);
  if (!parts) return { error: both(month ? 'month.error.format' : 'date.error.format') };
  const [day, mon, yearText] = month ? [1, Number(parts[1]), parts[2]] : [Number(parts[1]), Number(parts[2]), parts[3]];
  const year = Number(yearText);
  const yearProblem = checkYear(year, yearText);
  if (yearProblem) return { error: yearProblem };
  if (mon < 1 || mon > 12) return { error: both('date.error.month', { month: two(mon) }) };
  const gregorian = year - BE_OFFSET;
  const lastDay = new Date(Date.UTC(gregorian, mon, 0)).getUTCDate();
  if (day < 1 || day > lastDay) {
    const name = lng => englishOrThaiMonth(gregorian, mon, lng);
    return { error: { th: t('date.error.impossible', { day, month: name('th'), year, last: lastDay }, 'th'),
      en: t('date.error.impossible', { day, month: name('en'), year, last: lastDay }, 'en') } };
  }
  const iso = month ? `${gregorian}-${two(mon)}` : `${gregorian}-${two(mon)}-${two(day)}`;
  if (max && iso > max) {
    return { error: both(month ? 'month.error.after' : 'date.error.after', { max: toBuddhistText(max) }) };
  }
  if (min && iso < min) {
    return { error: both(month ? 'month.error.before' : 'date.error.before', { min: toBuddhistText(min) }) };
  }
  return { iso };
}

function englishOrThaiMonth(year, month, language) {
  const date = new Date(Date.UTC(year, month - 1, 15));
  return language === 'en' ? englishMonth.format(date)
    : new Intl.DateTimeFormat('th-TH', { timeZone: 'UTC', month: 'long' }).format(date);
}

function buddhistInput(kind, { value, max, min } = {}) {
  const month = kind === 'month';
  const input = h('input', { type: 'text', inputmode: 'numeric', autocomplete: 'off', spellcheck: 'false',
    maxlength: month ? '12' : '16', class: `be-${kind}`, dataset: { be: kind } });
  localise(input, l => t(month ? 'month.placeholder' : 'date.placeholder', null, l), 'placeholder');
  const read = () => parseBuddhist(input.value, { month, max, min });
  // The ISO value the API takes ('' when empty or not a valid date): what callers send instead of .value.
  Object.defineProperty(input, 'iso', {
    get: () => read().iso ?? '',
    set: iso => { input.value = toBuddhistText(iso); },
  });
  Object.defineProperty(input, 'dateError', { get: () => read().error ?? null });
  if (value) input.iso = value;
  // Once the person leaves the box, show what was understood in the canonical form (๑/๒/๒๕๖๙ → 01/02/2569).
  input.addEventListener('change', () => {
    const { iso } = read();
    if (iso) input.value = toBuddhistText(iso);
  });
  return input;
}

/** A Buddhist-Era date box (วว/ดด/ปปปป). value, max, min: ISO dates. Read the ISO date from its .iso. */
export function dateInput(options) {
  return buddhistInput('date', options);
}

/** A Buddhist-Era month box (ดด/ปปปป). value, max, min: YYYY-MM. Read the ISO month from its .iso. */
export function monthInput(options) {
  return buddhistInput('month', options);
}

/**
 * A field hint that ends with the expected format, so the format is part of the box's aria-describedby:
 * dateHint('file.incidentDate.hint') or dateHint() for the format alone; month: true for ดด/ปปปป.
 */
export function dateHint(key, { month = false } = {}) {
  const format = month ? 'month.format.hint' : 'date.format.hint';
  return () => (key ? `${t(key)} ${t(format)}` : t(format));
}

/**
 * A problem (as showProblem takes it) for every visible date or month box of the form that holds something
 * other than a valid Buddhist-Era date, or null when they all do: check this before sending.
 */
export function dateProblem(form) {
  const errors = [];
  for (const input of form.querySelectorAll('input[data-be]')) {
    if (input.closest('[hidden]')) continue;
    const error = input.required && !input.value.trim()
      ? both(input.dataset.be === 'month' ? 'month.error.required' : 'date.error.required') : input.dateError;
    if (error) errors.push({ field: input.name, message_th: error.th, message_en: error.en });
  }
  return errors.length ? { problem: { title: 'Check the dates', title_th: 'กรุณาตรวจสอบวันที่', errors } } : null;
}
