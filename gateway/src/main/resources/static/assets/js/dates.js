// Dates as users see them: Buddhist Era, Asia/Bangkok. Thai: "15 ม.ค. 2568"; English: "15 Jan 2568 BE".
import { lang } from './i18n.js';

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
