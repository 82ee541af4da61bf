// The dashboard's REST client, shared by the board and the sign-in page: the CSRF token, one fetch wrapper, the
// way back to the sign-in form once the session is gone.

/** Spring Security's cookie-based CSRF repository: it sets this cookie and expects its value echoed in the header. */
const CSRF_COOKIE = 'XSRF-TOKEN';
const CSRF_HEADER = 'X-XSRF-TOKEN';
const UNAUTHORIZED = 401;
const SIGN_IN_PAGE = '/login';

/** The CSRF token from the cookie the server set, or '' before it set one. */
export function csrfToken(cookies = document.cookie) {
  const prefix = CSRF_COOKIE + '=';
  const cookie = cookies.split('; ').find(c => c.startsWith(prefix));
  return cookie ? decodeURIComponent(cookie.substring(prefix.length)) : '';
}

// The session expired: the API answers 401 without a Basic challenge (the browser must not cache one), so sign in.
export function signInAgain() { location.assign(SIGN_IN_PAGE); }

/** A refused API call; the message names the request and the server's problem detail. */
export class ApiError extends Error {}

/** Sends one API request (JSON body, CSRF header); resolves on a 2xx answer, rejects with an ApiError otherwise. */
export async function api(method, url, body) {
  const response = await fetch(url, {
    method,
    headers: { 'Content-Type': 'application/json', [CSRF_HEADER]: csrfToken() },
    body: body === undefined ? undefined : JSON.stringify(body)
  });
  if (response.status === UNAUTHORIZED) signInAgain();
  if (!response.ok) {
    let detail = response.statusText;
    try { const problem = await response.json(); detail = problem.detail || problem.title || detail; } catch (e) { /* not JSON */ }
    throw new ApiError(method + ' ' + url + ': ' + detail);
  }
}

/** Who is signed in ({ name, roles, originateContexts }), or null when the session is gone (then the page signs in). */
export async function currentUser() {
  const response = await fetch('/api/me');
  if (response.status === UNAUTHORIZED) { signInAgain(); return null; }
  return response.json();
}

/** The servers the dashboard shows ([{ name, connected }]), in configuration order. */
export async function servers() {
  const response = await fetch('/api/servers');
  if (response.status === UNAUTHORIZED) { signInAgain(); return []; }
  return response.json();
}

/** Where a server's resources are: every action names its server, so it never reaches another. */
export const serverPath = server => '/api/servers/' + encodeURIComponent(server);
const call = (server, id) => serverPath(server) + '/calls/' + encodeURIComponent(id);

/** The board's actions, one REST call each. */
export const callActions = {
  originate: (server, body) => api('POST', serverPath(server) + '/calls', body),
  hangUp: (server, id) => api('DELETE', call(server, id)),
  blindTransfer: (server, id, to, context) => api('POST', call(server, id) + '/transfer', { mode: 'blind', to, context }),
  attendedTransfer: (server, id, to, context) => api('POST', call(server, id) + '/transfer', { mode: 'attended', to, context }),
  listenIn: (server, id, from) => api('POST', call(server, id) + '/spy', { from, mode: 'listen' }),
  record: (server, id, on) => api(on ? 'POST' : 'DELETE', call(server, id) + '/recording'),
  park: (server, id) => api('POST', call(server, id) + '/park', {})
};

export const parkingActions = {
  pickUp: (server, space, body) => api('POST', serverPath(server) + '/parking/' + encodeURIComponent(space) + '/pickup', body)
};

export const queueActions = {
  pause: (server, queue, member, paused) => api('POST', serverPath(server) + '/queues/' + encodeURIComponent(queue)
    + (paused ? '/pause' : '/unpause'), { member })
};
