// Same-origin calls to the gateway. The session cookie travels by itself (credentials: 'same-origin'); a
// state-changing call echoes the XSRF-TOKEN cookie in X-XSRF-TOKEN (the gateway demands it from a session).
const SAFE = new Set(['GET', 'HEAD']);

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }
}

function cookie(name) {
  const prefix = `${name}=`;
  for (const part of document.cookie.split(';')) {
    const trimmed = part.trim();
    if (trimmed.startsWith(prefix)) return decodeURIComponent(trimmed.slice(prefix.length));
  }
  return null;
}

/**
 * request('POST', '/api/x', {json: {...}} | {form: FormData}, {headers}) → parsed JSON (or text), or throws
 * ApiError carrying the problem details.
 */
export async function request(method, url, { json, form, headers = {}, accept = 'application/json', fresh = false } = {}) {
  const init = { method, credentials: 'same-origin', headers: { Accept: accept, ...headers } };
  if (fresh) init.cache = 'no-cache';
  if (json !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(json);
  } else if (form) {
    init.body = form;
  }
  if (!SAFE.has(method)) {
    const token = cookie('XSRF-TOKEN');
    if (token) init.headers['X-XSRF-TOKEN'] = token;
  }
  let response;
  try {
    response = await fetch(url, init);
  } catch {
    throw new ApiError(0, { title: 'Network error', title_th: 'เชื่อมต่อไม่สำเร็จ',
      detail: 'The server could not be reached. Check your connection and try again.',
      detail_th: 'ติดต่อเครื่องให้บริการไม่ได้ กรุณาตรวจสอบการเชื่อมต่อแล้วลองอีกครั้ง' });
  }
  const type = response.headers.get('Content-Type') || '';
  const body = type.includes('json') ? await response.json().catch(() => null) : await response.text();
  if (!response.ok) {
    const problem = body && typeof body === 'object' ? body : {
      title: `HTTP ${response.status}`, title_th: `ข้อผิดพลาด ${response.status}` };
    throw new ApiError(response.status, problem);
  }
  return body;
}

/** The problem type a service answers when the call needs a sign-in with a second factor (401). */
export const SECOND_FACTOR_REQUIRED = 'urn:integrity:problem:second-factor-required';

/** Whether `error` asks the person to sign in again with a second factor (step-up). */
export function needsSecondFactor(error) {
  return error instanceof ApiError && error.status === 401 && error.problem?.type === SECOND_FACTOR_REQUIRED;
}

/**
 * The step-up sign-in: the gateway asks the provider for a second factor (acr_values) and, the code given, brings
 * the browser back to `page` (this page by default; only the UI's own pages are followed, SignInReturn).
 */
export function stepUpHref(page = `/${window.location.hash || ''}`) {
  return `/oauth2/authorization/integrity?step-up=1&continue=${encodeURIComponent(page)}`;
}

export const get = (url, options) => request('GET', url, options);
export const post = (url, json, options = {}) => request('POST', url, { ...options, json });
export const put = (url, json, options = {}) => request('PUT', url, { ...options, json });

let me = null;

/** Who is signed in: {authenticated, name, username, agency, roles}. Cached for the page's life. */
export async function currentUser(refresh = false) {
  if (me && !refresh) return me;
  try {
    me = await get('/api/me');
  } catch {
    me = { authenticated: false, roles: [] };
  }
  me.roles = me.roles || [];
  return me;
}

export function hasRole(user, ...roles) {
  return Boolean(user?.authenticated) && roles.some(role => user.roles.includes(role));
}

/**
 * Signs out: the gateway ends its session and answers where to go next, the provider's end-session page (an
 * address with the client id, never a token).
 */
export async function signOut() {
  const result = await request('POST', '/logout', { accept: 'application/json' });
  window.location.assign(result && result.redirect ? result.redirect : '/');
}

/** A random key for Idempotency-Key (a retried submission then gets the first answer, never a second case). */
export function newIdempotencyKey() {
  if (globalThis.crypto?.randomUUID) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
}
