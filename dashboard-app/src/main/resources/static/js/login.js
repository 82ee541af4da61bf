// Echoes the XSRF-TOKEN cookie into the sign-in form and shows the outcome of the last attempt.
import { csrfToken } from './api.js';

document.getElementById('csrf').value = csrfToken();
const params = new URLSearchParams(location.search);
if (params.has('error')) document.getElementById('error').classList.remove('d-none');
if (params.has('throttled')) {
  document.getElementById('retryAfter').textContent = params.get('throttled');
  document.getElementById('throttled').classList.remove('d-none');
}
if (params.has('logout')) document.getElementById('loggedOut').classList.remove('d-none');
