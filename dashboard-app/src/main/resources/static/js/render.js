// Draws the board: calls, queues, endpoints, the event log, the status badges and the alert bar.
// Everything user- or Asterisk-provided is inserted as text, never as HTML.
import { ApiError, callActions, queueActions } from './api.js';
import { rowKey, state } from './state.js';

/** The event log keeps the newest lines only. */
export const EVENT_LOG_LINES = 200;
const CALL_STATE_COLOURS = { Up: 'success', Ring: 'warning', Ringing: 'warning', Down: 'secondary' };
const ENDPOINT_STATE_COLOURS = { NOT_INUSE: 'success', INUSE: 'danger', BUSY: 'danger', RINGING: 'warning', RINGINUSE: 'warning',
  ONHOLD: 'info', UNAVAILABLE: 'secondary' };

export const $ = id => document.getElementById(id);

/** An element with attributes and children; strings become text nodes. */
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => {
    if (k === 'class') node.className = v;
    else if (k.startsWith('data-')) node.setAttribute(k, v);
    else node[k] = v;
  });
  children.flat().forEach(c => node.append(c instanceof Node ? c : document.createTextNode(c == null ? '' : String(c))));
  return node;
}

/** m:ss, or h:mm:ss from an hour on; never negative (clocks differ). */
export function formatDuration(ms) {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), sec = s % 60;
  return (h ? h + ':' + String(m).padStart(2, '0') : String(m)) + ':' + String(sec).padStart(2, '0');
}

/** "Name <number>", or whichever of the two is known, or "?". */
export function party(num, name) { return name ? name + (num ? ' <' + num + '>' : '') : (num || '?'); }

/** One log line: the event's fields as "key: value" separated by " | ". */
export function eventLine(event) { return Object.entries(event).map(([k, v]) => k + ': ' + v).join(' | '); }

function showAlert(text) { $('alert').textContent = text; $('alert').classList.remove('d-none'); }
function hideAlert() { $('alert').classList.add('d-none'); }

/** Runs a control's API call: a refusal shows in the alert bar, a success clears it and then runs done, if given. */
export function act(request, done) {
  request.then(() => { hideAlert(); if (done) done(); }, error => { if (error instanceof ApiError) showAlert(error.message); });
}

function elapsed(since) { return formatDuration(Date.now() - Date.parse(since)); }

function stateBadge(text) {
  return el('span', { class: 'badge text-bg-' + (CALL_STATE_COLOURS[text] || 'info') }, text || '?');
}

function button(classes, icon, label, title) {
  return el('button', { class: 'btn btn-sm ' + classes, type: 'button', ...(title ? { title } : {}) }, el('i', { class: 'bi ' + icon }), label);
}

export function renderCalls() {
  const body = $('calls').querySelector('tbody');
  body.replaceChildren(...[...state.calls.values()]
    .sort((a, b) => a.startedAt.localeCompare(b.startedAt)).map(callRow));
  callsChanged();
}

const callRowId = (server, id) => 'call-' + rowKey(server, id);

// One call changed: replace its row only, or add it in start-time order.
export function renderCall(call) {
  const row = callRow(call);
  const old = document.getElementById(callRowId(call.server, call.id));
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

export function removeCall(server, id) {
  const old = document.getElementById(callRowId(server, id));
  if (old) old.remove();
  callsChanged();
}

function callsChanged() { $('callCount').textContent = String(state.calls.size); }

/** The server a row belongs to, shown in every call row and on every queue and endpoint. */
function serverBadge(server) { return el('span', { class: 'badge text-bg-dark border server' }, server); }

function callRow(call) {
  const first = call.channels[0];
  const held = call.channels.some(c => c.onHold);
  const row = el('tr', { id: callRowId(call.server, call.id), class: 'call-row', 'data-call-id': call.id, 'data-server': call.server },
    el('td', { class: 'server' }, call.server),
    el('td', { class: 'duration', 'data-started': call.startedAt }, elapsed(call.startedAt)),
    el('td', {}, party(call.caller.number, call.caller.name), ' → ', party(call.callee.number, call.callee.name)),
    el('td', {}, stateBadge(first.state), held ? el('span', { class: 'badge text-bg-secondary ms-1' }, 'on hold') : ''),
    el('td', { class: 'small' }, call.channels.flatMap(c => c.talkingTo).join(', ')),
    el('td', { class: 'small where' }, call.channels.map(c => c.name + ' @ ' + c.exten + '@' + c.context + ' ' + (c.application || '')).join('\n')));
  if (state.canAct) {
    const hangup = button('btn-outline-danger hangup', 'bi-telephone-x', ' Hang up', 'Hang up');
    hangup.addEventListener('click', () => act(callActions.hangUp(call.server, call.id)));
    const transfer = button('btn-outline-primary ms-1 transfer', 'bi-arrow-left-right', ' Transfer', 'Blind transfer');
    transfer.addEventListener('click', () => {
      const to = prompt('Blind transfer ' + first.name + ' to extension:');
      if (to) act(callActions.blindTransfer(call.server, call.id, to, $('context').value));
    });
    const park = button('btn-outline-secondary ms-1 park', 'bi-p-square', ' Park', 'Park the call');
    park.addEventListener('click', () => act(callActions.park(call.server, call.id)));
    const actions = el('td', { class: 'text-nowrap' }, hangup, transfer, park);
    if (state.canSupervise) actions.append(...superviseButtons(call));
    row.append(actions);
  }
  return row;
}

// Supervisors: listen in (ChanSpy from their own phone) and start/stop recording (MixMonitor).
function superviseButtons(call) {
  const listen = button('btn-outline-warning ms-1 spy', 'bi-headphones', ' Listen', 'Listen in from your phone');
  listen.addEventListener('click', () => {
    const from = prompt('Listen in from which endpoint (e.g. 1003)?');
    if (from) act(callActions.listenIn(call.server, call.id, from));
  });
  const key = rowKey(call.server, call.id);
  const recording = state.recording.has(key);
  const record = button('ms-1 record ' + (recording ? 'btn-danger' : 'btn-outline-danger'), 'bi-record-circle', recording ? ' Stop' : ' Record');
  record.addEventListener('click', () => act(callActions.record(call.server, call.id, !recording), () => {
    if (recording) state.recording.delete(key); else state.recording.add(key);
    const current = state.calls.get(key);
    if (current) renderCall(current);
  }));
  return [listen, record];
}

/** Servers in configuration order, then names. */
function byServerThenName(a, b) {
  return state.servers.indexOf(a.server) - state.servers.indexOf(b.server) || a.name.localeCompare(b.name);
}

export function renderQueues() {
  $('queues').replaceChildren(...[...state.queues.values()].sort(byServerThenName).map(queueBox));
}

function queueBox(queue) {
  const members = el('ul', { class: 'list-unstyled small mb-1' }, queue.members.map(member => {
    const item = el('li', { class: 'd-flex justify-content-between align-items-center' },
      el('span', {}, el('i', { class: 'bi bi-person' + (member.inCall ? '-fill text-success' : '') }), ' ', member.name,
        member.paused ? el('span', { class: 'badge text-bg-warning ms-1' }, 'paused ' + (member.pausedReason || '')) : ''));
    if (state.canAct) {
      const toggle = el('button', { class: 'btn btn-sm btn-link p-0 pause', type: 'button' }, member.paused ? 'Unpause' : 'Pause');
      toggle.addEventListener('click', () => act(queueActions.pause(queue.server, queue.name, member.location, !member.paused)));
      item.append(toggle);
    }
    return item;
  }));
  const waiting = el('ol', { class: 'small mb-0' }, queue.callers.map(caller =>
    el('li', {}, party(caller.callerIdNum, caller.callerIdName), ' ',
      el('span', { class: 'duration text-body-secondary', 'data-started': caller.joinedAt }, elapsed(caller.joinedAt)))));
  return el('div', { class: 'mb-2 queue', 'data-queue': queue.name, 'data-server': queue.server },
    el('div', { class: 'fw-semibold' }, serverBadge(queue.server), ' ', queue.name, ' ',
      el('span', { class: 'badge text-bg-info' }, queue.callers.length + ' waiting'), ' ',
      el('span', { class: 'text-body-secondary small' }, queue.completed + ' done, ' + queue.abandoned + ' abandoned')),
    members, waiting);
}

export function renderEndpoints() {
  $('endpoints').replaceChildren(...[...state.endpoints.values()].sort(byServerThenName).map(endpoint =>
    el('li', { class: 'list-group-item d-flex justify-content-between endpoint', 'data-endpoint': endpoint.name,
      'data-server': endpoint.server },
      el('span', {}, serverBadge(endpoint.server), ' ', el('i', { class: 'bi bi-telephone' }), ' ', endpoint.name),
      el('span', { class: 'badge text-bg-' + (ENDPOINT_STATE_COLOURS[endpoint.state] || 'secondary') },
        endpoint.state.replace('_', ' ').toLowerCase()))));
}

/** Prepends one event to the log, dropping the oldest lines beyond EVENT_LOG_LINES. */
export function logEvent(event) {
  const box = $('events');
  box.prepend(document.createTextNode(eventLine(event) + '\n'));
  while (box.childNodes.length > EVENT_LOG_LINES) box.removeChild(box.lastChild);
}

/** A status badge: green when ok, red when not, grey when unknown. */
export function setIndicator(id, label, ok) {
  const badge = $(id);
  badge.className = 'badge text-bg-' + (ok === true ? 'success' : ok === false ? 'danger' : 'secondary');
  badge.lastChild.textContent = ' ' + label;
}

export function showStats(stats) {
  $('socketStatus').title = 'Coalesced ' + stats.coalesced + ', dropped log entries ' + stats.droppedEvents;
}

/** Re-renders every running duration (calls, waiting callers) from its start time. */
export function refreshDurations() {
  document.querySelectorAll('[data-started]').forEach(cell => { cell.textContent = elapsed(cell.getAttribute('data-started')); });
}
