// Echoes the XSRF-TOKEN cookie into the login form and shows the outcome of the last attempt.
(function () {
  const token = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN='));
  document.getElementById('csrf').value = token ? decodeURIComponent(token.substring('XSRF-TOKEN='.length)) : '';
  const params = new URLSearchParams(location.search);
  if (params.has('error')) document.getElementById('error').classList.remove('d-none');
  if (params.has('throttled')) {
    document.getElementById('retryAfter').textContent = params.get('throttled');
    document.getElementById('throttled').classList.remove('d-none');
  }
  if (params.has('logout')) document.getElementById('loggedOut').classList.remove('d-none');
})();
