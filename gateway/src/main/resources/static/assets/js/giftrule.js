// The gift rule of docs/gifts.md (gifts-service GiftRule), applied in the browser to tell the declarant, before
// submitting, what the service will conclude. Amounts are handled in satang (integers), never floating baht.
import { addDays, fiscalYearOf, todayBangkok, formatDate } from './dates.js';

/** "3,000.50" / 3000.5 → 300050 satang; null when not a valid amount with at most two decimals. */
export function satang(value) {
  const text = String(value ?? '').replace(/[,\s]/g, '');
  const match = text.match(/^(\d{1,12})(?:\.(\d{1,2}))?$/);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] || '').padEnd(2, '0'));
}

function baht(satangValue) {
  const whole = Math.floor(satangValue / 100).toLocaleString('en-US');
  return `${whole}.${String(satangValue % 100).padStart(2, '0')}`;
}

export const normalise = text => String(text ?? '').trim().replace(/\s+/g, ' ').toLowerCase();

export function occasionKey(occasion, detail) {
  return occasion === 'OTHER' ? `OTHER:${normalise(detail)}` : occasion;
}

const ACCEPTED = d => d !== 'REFUSED' && d !== 'RETURNED';

/**
 * The earlier accepted gifts from the same giver on the same occasion in the same fiscal year, among the
 * declarant's own current declarations (GET /api/gifts/declarations/mine).
 */
export function earlierFromSameGiver(mine, gift) {
  const year = fiscalYearOf(gift.offeredOn);
  const key = occasionKey(gift.occasion, gift.occasionDetail);
  const giver = normalise(gift.giverName);
  return mine.filter(d => d.status !== 'SUPERSEDED' && d.fiscalYear === year && ACCEPTED(d.disposition)
      && occasionKey(d.occasion, d.occasionDetail) === key && (d.giver?.nameKey ?? normalise(d.giver?.name)) === giver)
    .reduce((sum, d) => sum + (satang(d.value) ?? 0), 0);
}

/**
 * gift: {relation, kind, pendingBusiness, disposition, value, offeredOn}; policy: {limit, decisionWindowDays,
 * everyGiftMustBeDeclared}. Returns {outcome, th, en, late, dueOn, total} or null while facts are missing.
 */
export function evaluate(gift, policy, earlier = 0, { declaredOn = todayBangkok(), dispositionLabel } = {}) {
  const value = satang(gift.value);
  if (!gift.relation || !gift.kind || !gift.disposition || value === null || !gift.offeredOn || gift.pendingBusiness == null) return null;
  const limit = satang(policy.limit);
  const window = policy.decisionWindowDays;
  const total = value + earlier;
  const due = addDays(gift.offeredOn, window);
  const dueTh = formatDate(due, 'th');
  const dueEn = formatDate(due, 'en');
  const kept = gift.disposition === 'KEPT';
  const taken = ACCEPTED(gift.disposition);
  // The service words the disposition with its own labels (GET /api/gifts/reference): the caller passes them.
  const labels = dispositionLabel ? [dispositionLabel.th, String(dispositionLabel.en).toLowerCase()]
    : [gift.disposition, gift.disposition.toLowerCase()];
  let outcome;
  let th;
  let en;
  if (gift.kind === 'MONEY' && gift.relation !== 'RELATIVE') {
    outcome = 'NOT_ALLOWED';
    th = 'ห้ามรับเงินจากผู้ที่ไม่ใช่ญาติไม่ว่าจำนวนเท่าใด ต้องปฏิเสธหรือส่งคืนผู้ให้';
    en = 'Money may never be accepted from anyone but a relative, whatever the amount: refuse it or return it.';
  } else if (gift.pendingBusiness && taken) {
    outcome = 'NEEDS_DECISION';
    th = `ผู้ให้มีเรื่องอยู่ระหว่างการพิจารณาหรือติดต่อกับหน่วยงาน ต้องรายงานผู้บังคับบัญชาเพื่อวินิจฉัยไม่ว่ามูลค่าเท่าใด ภายใน ${window} วันนับแต่วันที่ได้รับ (ภายใน ${dueTh})`;
    en = `The giver has business pending with the office: the head of agency must decide, whatever the value; report within ${window} days of the date offered (by ${dueEn}).`;
  } else if (gift.pendingBusiness) {
    outcome = 'ALLOWED';
    th = 'ผู้ให้มีเรื่องอยู่ระหว่างการพิจารณาของหน่วยงาน และได้ปฏิเสธหรือส่งคืนแล้ว จึงไม่ต้องวินิจฉัย';
    en = 'The giver has business pending with the office, and the gift was refused or returned: no decision is needed.';
  } else if (gift.relation === 'RELATIVE') {
    outcome = 'ALLOWED';
    th = 'รับจากญาติได้ตามที่เหมาะสมแก่ฐานานุรูปและตามประเพณีนิยม';
    en = 'From a relative: may be accepted as custom permits.';
  } else if (gift.relation === 'GIVEN_TO_PUBLIC') {
    outcome = 'ALLOWED';
    th = 'เป็นทรัพย์สินหรือประโยชน์ที่ให้แก่บุคคลทั่วไปเป็นการทั่วไป รับได้';
    en = 'Given to the public alike: may be accepted.';
  } else if (total <= limit) {
    outcome = 'ALLOWED';
    th = `มูลค่ารวมจากผู้ให้รายเดียวกันในโอกาสเดียวกัน ${baht(total)} บาท ไม่เกิน ${baht(limit)} บาท รับได้`;
    en = `Worth ${baht(total)} baht in all from this giver on this occasion, not more than ${baht(limit)} baht: may be accepted.`;
  } else if (kept) {
    outcome = 'NEEDS_DECISION';
    th = `มูลค่ารวมจากผู้ให้รายเดียวกันในโอกาสเดียวกัน ${baht(total)} บาท เกิน ${baht(limit)} บาท ต้องรายงานผู้บังคับบัญชาภายใน ${window} วันนับแต่วันที่ได้รับ (ภายใน ${dueTh}) เพื่อวินิจฉัยว่าจะรับไว้ได้หรือไม่`;
    en = `Worth ${baht(total)} baht in all from this giver on this occasion, more than ${baht(limit)} baht: report to the head of agency within ${window} days of the date offered (by ${dueEn}), who decides whether it may be kept.`;
  } else {
    outcome = 'ALLOWED';
    th = `มูลค่ารวม ${baht(total)} บาท เกิน ${baht(limit)} บาท แต่มิได้เก็บไว้เป็นของตนเอง (${labels[0]}) จึงไม่ต้องวินิจฉัย`;
    en = `Worth ${baht(total)} baht in all, more than ${baht(limit)} baht, but not kept (${labels[1]}): no decision is needed.`;
  }
  const mustMeetWindow = policy.everyGiftMustBeDeclared || outcome !== 'ALLOWED';
  const late = mustMeetWindow && declaredOn > due;
  if (late) {
    th += ` — ยื่นเกิน ${window} วันนับแต่วันที่ได้รับ`;
    en += ` Declared more than ${window} days after the date offered.`;
  }
  return { outcome, th, en, late, dueOn: outcome === 'NEEDS_DECISION' ? due : null, total };
}
