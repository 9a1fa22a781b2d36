// Data several pages need, fetched once per page life.
import { get } from './api.js';
import { pick } from './i18n.js';

let reference;
/** complaints-service reference data: categories (with subcategories), channels, divisions, statuses, ... */
export function complaintsReference(refresh = false) {
  if (!reference || refresh) reference = get('/api/complaints/reference', { fresh: refresh });
  return reference;
}

let agencies;
/** The agencies this deployment serves: [{code, th, en}] (static file, edited per deployment). */
export function agencyList() {
  if (!agencies) agencies = get('/assets/agencies.json');
  return agencies;
}

/** [{value, label(lang)}] from reference items [{code, labelTh, labelEn}]. */
export function options(items) {
  return (items || []).map(item => ({ value: item.code, label: l => pick(item, l) }));
}

/** The label (in lang) of `code` among reference items; the code itself if unknown. */
export function labelOf(items, code, lang) {
  const found = (items || []).find(item => item.code === code);
  return found ? pick(found, lang) : code ?? '–';
}
