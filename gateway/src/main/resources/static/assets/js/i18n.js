// Language: Thai by default, English one click away; the choice is remembered in localStorage and written to
// <html lang>. Every label lives in messages.js in both languages.
import { MESSAGES } from './messages.js';

const KEY = 'integrity.lang';
const listeners = [];
let current = read();

function read() {
  try {
    const stored = localStorage.getItem(KEY);
    return stored === 'en' ? 'en' : 'th';
  } catch {
    return 'th';
  }
}

export function lang() {
  return current;
}

export function setLang(next) {
  current = next === 'en' ? 'en' : 'th';
  try {
    localStorage.setItem(KEY, current);
  } catch {
    // private mode: the choice lasts for this page only
  }
  document.documentElement.lang = current;
  listeners.forEach(listener => listener(current));
}

export function onLanguageChange(listener) {
  listeners.push(listener);
}

const pluralRules = { th: new Intl.PluralRules('th'), en: new Intl.PluralRules('en') };
const PLURAL = /\{(\w+), plural, ((?:\w+ \{[^{}]*\} ?)+)\}/g;

/** {n, plural, one {# day} other {# days}} → "1 day" / "2 days"; the count may arrive formatted ("1,234"). */
function plurals(text, params, language) {
  return text.replace(PLURAL, (whole, name, forms) => {
    if (!params || !(name in params)) return whole;
    const value = params[name];
    const count = Number(String(value).replace(/[^\d.-]/g, ''));
    const chosen = {};
    for (const [, category, form] of forms.matchAll(/(\w+) \{([^{}]*)\}/g)) chosen[category] = form;
    const form = chosen[pluralRules[language].select(count)] ?? chosen.other ?? '';
    return form.split('#').join(String(value));
  });
}

/** The message `key` in the current (or given) language, with {name} placeholders filled from params. */
export function t(key, params, language = current) {
  const entry = MESSAGES[key];
  let text = entry ? entry[language] ?? entry.th : key;
  if (params) {
    text = plurals(text, params, language);
    for (const [name, value] of Object.entries(params)) text = text.split(`{${name}}`).join(String(value));
  }
  return text;
}

/** A label object from a service ({labelTh, labelEn} or {th, en} or {label_th, label_en}) in the language. */
export function pick(label, language = current) {
  if (!label) return '';
  if (typeof label === 'string') return label;
  const th = label.labelTh ?? label.th ?? label.label_th ?? label.nameTh ?? label.name_th;
  const en = label.labelEn ?? label.en ?? label.label_en ?? label.nameEn ?? label.name_en;
  return (language === 'en' ? en ?? th : th ?? en) ?? label.code ?? '';
}

const numbers = { th: new Intl.NumberFormat('th-TH'), en: new Intl.NumberFormat('en-GB') };
export function number(value, language = current) {
  return numbers[language].format(value);
}

const baht = { th: new Intl.NumberFormat('th-TH', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 }) };
export function money(value, language = current) {
  return baht[language].format(Number(value));
}

document.documentElement.lang = current;
