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

/**
 * A function (code, nameTh, lang) → the agency's name in lang, from the deployment's list (assets/agencies.json);
 * the name the service gave (Thai) or the code when the list does not know the agency.
 */
export async function agencyNamer() {
  const list = await agencyList();
  return (code, nameTh, lang) => {
    const found = list.find(a => a.code === code);
    return found ? pick(found, lang) : nameTh || code;
  };
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
