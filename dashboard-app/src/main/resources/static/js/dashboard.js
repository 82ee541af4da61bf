// The live board: one WebSocket (/ws/live) gives a snapshot, then deltas; REST (/api) acts on calls and queues.
// Everything user- or Asterisk-provided is inserted as text, never as HTML.
(function () {
  'use strict';

  const state = { calls: new Map(), queues: new Map(), endpoints: new Map(), version: 0, me: null, canAct: false,
    canSupervise: false, recording: new Set() };
  const history = []; // [time, active calls] for the chart, one sample per 10 s, 15 minutes
  const SESSION_ENDED = 4401; // the relay's close code once the login session was logged out or expired
  let socket = null;
  let retryDelay = 1000;

  const $ = id => document.getElementById(id);

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (k === 'class') node.className = v;
      else if (k.startsWith('data-')) node.setAttribute(k, v);
      else node[k] = v;
    });
    children.flat().forEach(c => node.append(c instanceof Node ? c : document.createTextNode(c == null ? '' : String(c))));
    return node;
  }

  function csrfToken() {
    const cookie = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN='));
    return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : '';
  }

  async function api(method, url, body) {
    const response = await fetch(url, {
      method,
      headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': csrfToken() },
      body: body === undefined ? undefined : JSON.stringify(body)
    });
    if (response.status === 401) signInAgain();
    if (!response.ok) {
      let detail = response.statusText;
      try { const problem = await response.json(); detail = problem.detail || problem.title || detail; } catch (e) { /* not JSON */ }
      showAlert(method + ' ' + url + ': ' + detail);
      throw new Error(detail);
    }
    hideAlert();
  }

  // The session expired: the API answers 401 without a Basic challenge (the browser must not cache one), so sign in.
  function signInAgain() { location.assign('/login'); }

  function showAlert(text) { $('alert').textContent = text; $('alert').classList.remove('d-none'); }
  function hideAlert() { $('alert').classList.add('d-none'); }

  function formatDuration(ms) {
    const s = Math.max(0, Math.floor(ms / 1000));
    const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), sec = s % 60;
    return (h ? h + ':' + String(m).padStart(2, '0') : String(m)) + ':' + String(sec).padStart(2, '0');
  }

  function stateBadge(text) {
    const colour = { Up: 'success', Ring: 'warning', Ringing: 'warning', Down: 'secondary' }[text] || 'info';
    return el('span', { class: 'badge text-bg-' + colour }, text || '?');
  }

  function party(num, name) { return name ? name + (num ? ' <' + num + '>' : '') : (num || '?'); }

  function renderCalls() {
    const body = $('calls').querySelector('tbody');
    body.replaceChildren(...[...state.calls.values()]
      .sort((a, b) => a.startedAt.localeCompare(b.startedAt)).map(callRow));
    callsChanged();
  }

  // One call changed: replace its row only, or add it in start-time order.
  function renderCall(call) {
    const row = callRow(call);
    const old = document.getElementById('call-' + call.id);
    if (old) {
      old.replaceWith(row);
    }
    else {
      const body = $('calls').querySelector('tbody');
      const later = [...body.children].find(r => r.querySelector('.duration').getAttribute('data-started') > call.startedAt);
      body.insertBefore(row, later || null);
    }
    callsChanged();
  }

  function removeCall(id) {
    const old = document.getElementById('call-' + id);
    if (old) old.remove();
    callsChanged();
  }

  function callsChanged() {
    $('callCount').textContent = String(state.calls.size);
    drawChart();
  }

  function callRow(call) {
    const first = call.channels[0];
    const last = call.channels[call.channels.length - 1];
    const held = call.channels.some(c => c.onHold);
    const row = el('tr', { id: 'call-' + call.id, class: 'call-row', 'data-call-id': call.id },
      el('td', { class: 'duration', 'data-started': call.startedAt }, formatDuration(Date.now() - Date.parse(call.startedAt))),
      el('td', {}, party(first.callerIdNum, first.callerIdName), ' → ',
        party(first.connectedLineNum || last.exten, first.connectedLineName || last.callerIdName)),
      el('td', {}, stateBadge(first.state), held ? el('span', { class: 'badge text-bg-secondary ms-1' }, 'on hold') : ''),
      el('td', { class: 'small' }, call.channels.flatMap(c => c.talkingTo).join(', ')),
      el('td', { class: 'small where' }, call.channels.map(c => c.name + ' @ ' + c.exten + '@' + c.context + ' ' + (c.application || '')).join('\n')));
    if (state.canAct) {
      const hangup = el('button', { class: 'btn btn-sm btn-outline-danger hangup', title: 'Hang up', type: 'button' }, el('i', { class: 'bi bi-telephone-x' }), ' Hang up');
      hangup.addEventListener('click', () => api('DELETE', '/api/calls/' + encodeURIComponent(call.id)).catch(() => {}));
      const transfer = el('button', { class: 'btn btn-sm btn-outline-primary ms-1 transfer', title: 'Blind transfer', type: 'button' }, el('i', { class: 'bi bi-arrow-left-right' }), ' Transfer');
      transfer.addEventListener('click', () => {
        const to = prompt('Blind transfer ' + first.name + ' to extension:');
        if (to) api('POST', '/api/calls/' + encodeURIComponent(call.id) + '/transfer', { mode: 'blind', to, context: $('context').value }).catch(() => {});
      });
      const actions = el('td', { class: 'text-nowrap' }, hangup, transfer);
      if (state.canSupervise) actions.append(...superviseButtons(call));
      row.append(actions);
    }
    return row;
  }

  // Supervisors: listen in (ChanSpy from their own phone) and start/stop recording (MixMonitor).
  function superviseButtons(call) {
    const url = '/api/calls/' + encodeURIComponent(call.id);
    const listen = el('button', { class: 'btn btn-sm btn-outline-warning ms-1 spy', title: 'Listen in from your phone', type: 'button' }, el('i', { class: 'bi bi-headphones' }), ' Listen');
    listen.addEventListener('click', () => {
      const from = prompt('Listen in from which endpoint (e.g. 1003)?');
      if (from) api('POST', url + '/spy', { from, mode: 'listen' }).catch(() => {});
    });
    const recording = state.recording.has(call.id);
    const record = el('button', { class: 'btn btn-sm ms-1 record ' + (recording ? 'btn-danger' : 'btn-outline-danger'), type: 'button' },
      el('i', { class: 'bi bi-record-circle' }), recording ? ' Stop' : ' Record');
    record.addEventListener('click', () => api(recording ? 'DELETE' : 'POST', url + '/recording')
      .then(() => {
        if (recording) state.recording.delete(call.id); else state.recording.add(call.id);
        const current = state.calls.get(call.id);
        if (current) renderCall(current);
      })
      .catch(() => {}));
    return [listen, record];
  }

  function renderQueues() {
    const box = $('queues');
    box.replaceChildren();
    for (const queue of [...state.queues.values()].sort((a, b) => a.name.localeCompare(b.name))) {
      const members = el('ul', { class: 'list-unstyled small mb-1' }, queue.members.map(member => {
        const item = el('li', { class: 'd-flex justify-content-between align-items-center' },
          el('span', {}, el('i', { class: 'bi bi-person' + (member.inCall ? '-fill text-success' : '') }), ' ', member.name,
            member.paused ? el('span', { class: 'badge text-bg-warning ms-1' }, 'paused ' + (member.pausedReason || '')) : ''));
        if (state.canAct) {
          const toggle = el('button', { class: 'btn btn-sm btn-link p-0 pause', type: 'button' }, member.paused ? 'Unpause' : 'Pause');
          toggle.addEventListener('click', () => api('POST', '/api/queues/' + encodeURIComponent(queue.name) + (member.paused ? '/unpause' : '/pause'),
            { member: member.location }).catch(() => {}));
          item.append(toggle);
        }
        return item;
      }));
      const waiting = el('ol', { class: 'small mb-0' }, queue.callers.map(caller =>
        el('li', {}, party(caller.callerIdNum, caller.callerIdName), ' ',
          el('span', { class: 'duration text-body-secondary', 'data-started': caller.joinedAt }, formatDuration(Date.now() - Date.parse(caller.joinedAt))))));
      box.append(el('div', { class: 'mb-2 queue', 'data-queue': queue.name },
        el('div', { class: 'fw-semibold' }, queue.name, ' ',
          el('span', { class: 'badge text-bg-info' }, queue.callers.length + ' waiting'), ' ',
          el('span', { class: 'text-body-secondary small' }, queue.completed + ' done, ' + queue.abandoned + ' abandoned')),
        members, waiting));
    }
  }

  function renderEndpoints() {
    const list = $('endpoints');
    list.replaceChildren();
    const colour = { NOT_INUSE: 'success', INUSE: 'danger', BUSY: 'danger', RINGING: 'warning', RINGINUSE: 'warning', ONHOLD: 'info', UNAVAILABLE: 'secondary' };
    for (const endpoint of [...state.endpoints.values()].sort((a, b) => a.name.localeCompare(b.name))) {
      list.append(el('li', { class: 'list-group-item d-flex justify-content-between endpoint', 'data-endpoint': endpoint.name },
        el('span', {}, el('i', { class: 'bi bi-telephone' }), ' ', endpoint.name),
        el('span', { class: 'badge text-bg-' + (colour[endpoint.state] || 'secondary') }, endpoint.state.replace('_', ' ').toLowerCase())));
    }
  }

  function logEvent(event) {
    const line = Object.entries(event).map(([k, v]) => k + ': ' + v).join(' | ');
    const box = $('events');
    box.prepend(document.createTextNode(line + '\n'));
    while (box.childNodes.length > 200) box.removeChild(box.lastChild);
  }

  function setIndicator(id, label, ok) {
    const badge = $(id);
    badge.className = 'badge text-bg-' + (ok === true ? 'success' : ok === false ? 'danger' : 'secondary');
    badge.lastChild.textContent = ' ' + label;
  }

  function onMessage(message) {
    if (message.type !== 'snapshot' && message.version !== undefined && message.version <= state.version) return;
    switch (message.type) {
      case 'snapshot':
        state.version = message.version;
        state.calls = new Map(message.calls.map(c => [c.id, c]));
        state.queues = new Map(message.queues.map(q => [q.name, q]));
        state.endpoints = new Map(message.endpoints.map(e => [e.name, e]));
        setIndicator('asteriskStatus', message.connected ? 'Asterisk: connected' : 'Asterisk: disconnected', message.connected);
        renderCalls(); renderQueues(); renderEndpoints();
        break;
      case 'call': state.calls.set(message.call.id, message.call); renderCall(message.call); break;
      case 'callRemoved': state.calls.delete(message.callId); state.recording.delete(message.callId); removeCall(message.callId); break;
      case 'queue': state.queues.set(message.queue.name, message.queue); renderQueues(); break;
      case 'endpoint': state.endpoints.set(message.endpoint.name, message.endpoint); renderEndpoints(); break;
      case 'event': logEvent(message.event); break;
      case 'stats': $('socketStatus').title = 'Coalesced ' + message.coalesced + ', dropped log entries ' + message.droppedEvents; break;
      default: break;
    }
  }

  function connect() {
    // The raw event log is for supervisors: the relay refuses kinds=events to anyone else.
    const filter = state.canSupervise ? $('eventFilter').value.trim() : '';
    const query = 'kinds=calls,queues,endpoints' + (state.canSupervise ? ',events' : '')
      + (filter ? '&event=' + encodeURIComponent(filter) : '');
    socket = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws/live?' + query);
    socket.onopen = () => { retryDelay = 1000; setIndicator('socketStatus', 'Live: connected', true); };
    // A frame holds one or more JSON messages, one per line.
    socket.onmessage = event => event.data.split('\n').forEach(line => onMessage(JSON.parse(line)));
    socket.onclose = event => {
      if (event.code === SESSION_ENDED) { location.assign('/login'); return; }
      setIndicator('socketStatus', 'Live: reconnecting', false);
      setTimeout(connect, retryDelay);
      retryDelay = Math.min(retryDelay * 2, 15000);
    };
  }

  function tick() {
    document.querySelectorAll('[data-started]').forEach(cell => {
      cell.textContent = formatDuration(Date.now() - Date.parse(cell.getAttribute('data-started')));
    });
  }

  function sample() {
    history.push([Date.now(), state.calls.size]);
    while (history.length && history[0][0] < Date.now() - 15 * 60 * 1000) history.shift();
    drawChart();
  }

  function drawChart() {
    const points = history.concat([[Date.now(), state.calls.size]]);
    const canvas = $('chart'), g = canvas.getContext('2d');
    const max = Math.max(1, ...points.map(p => p[1]));
    g.clearRect(0, 0, canvas.width, canvas.height);
    g.strokeStyle = '#0d6efd'; g.lineWidth = 2; g.beginPath();
    points.forEach(([time, count], i) => {
      const x = canvas.width - (Date.now() - time) / (15 * 60 * 1000) * canvas.width;
      const y = canvas.height - 2 - count / max * (canvas.height - 4);
      if (i === 0) g.moveTo(Math.min(x, canvas.width - 2), y); else g.lineTo(x, y);
    });
    g.stroke();
    g.fillStyle = '#adb5bd'; g.font = '10px sans-serif'; g.fillText('active calls, 15 min (max ' + max + ')', 2, 10);
  }

  async function start() {
    $('logoutCsrf').value = csrfToken();
    const response = await fetch('/api/me');
    if (response.status === 401) { signInAgain(); return; }
    state.me = await response.json();
    state.canAct = state.me.roles.includes('operator');
    state.canSupervise = state.me.roles.includes('supervisor');
    $('who').textContent = state.me.name + ' (' + state.me.roles.join(', ') + ')';
    if (!state.canAct) {
      document.body.classList.add('viewer');
      document.querySelectorAll('.operator-only').forEach(node => node.remove());
    }
    else {
      state.me.originateContexts.forEach(context => $('context').append(el('option', { value: context }, context)));
      $('callForm').addEventListener('submit', event => {
        event.preventDefault();
        const body = { from: $('from').value.trim(), to: $('to').value.trim(), context: $('context').value };
        const name = $('callerIdName').value.trim();
        if (name) body.callerIdName = name;
        api('POST', '/api/calls', body).catch(() => {});
      });
    }
    if (!state.canSupervise) document.querySelectorAll('.supervisor-only').forEach(node => node.remove());
    else $('eventFilter').addEventListener('change', () => { if (socket) { socket.onclose = null; socket.close(); } connect(); });
    connect();
    setInterval(tick, 1000);
    sample();
    setInterval(sample, 10000);
  }

  start();
})();
