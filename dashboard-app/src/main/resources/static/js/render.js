// The board's building blocks (elements, durations, parties, the alert bar) and what it draws itself: endpoints, the
// event log, the status badges. Calls are calls-table.js's, queues queues.js's.
// Everything user- or Asterisk-provided is inserted as text, never as HTML.
import { ApiError } from './api.js';
import { state } from './state.js';

/** The event log keeps the newest lines only. */
export const EVENT_LOG_LINES = 200;
const ENDPOINT_STATE_COLOURS = { NOT_INUSE: 'success', INUSE: 'danger', BUSY: 'danger', RINGING: 'warning', RINGINUSE: 'warning',
  ONHOLD: 'info', UNAVAILABLE: 'secondary' };
const ENDPOINT_STATE_LABELS = { NOT_INUSE: 'idle', INUSE: 'in use', BUSY: 'busy', RINGING: 'ringing', RINGINUSE: 'ringing, in use',
  ONHOLD: 'on hold', UNAVAILABLE: 'unavailable' };

export const $ = id => document.getElementById(id);

/** An element with attributes and children; strings become text nodes. */
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => {
    if (k === 'class') node.className = v;
    else if (k.startsWith('data-') || k.startsWith('aria-') || k === 'role') node.setAttribute(k, v);
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

export function elapsed(since) { return formatDuration(Date.now() - Date.parse(since)); }

/** The server a row belongs to, shown on every queue and endpoint. */
export function serverBadge(server) { return el('span', { class: 'badge text-bg-dark border server multi-server' }, server); }

/** Servers in configuration order, then names. */
export function byServerThenName(a, b) {
  return state.servers.indexOf(a.server) - state.servers.indexOf(b.server) || a.name.localeCompare(b.name);
}

export function renderEndpoints() {
  $('endpoints').replaceChildren(...[...state.endpoints.values()].sort(byServerThenName).map(endpoint =>
    el('li', { class: 'list-group-item d-flex justify-content-between endpoint', 'data-endpoint': endpoint.name,
      'data-server': endpoint.server },
      el('span', {}, serverBadge(endpoint.server), ' ', el('i', { class: 'bi bi-telephone' }), ' ', endpoint.name),
      el('span', { class: 'badge text-bg-' + (ENDPOINT_STATE_COLOURS[endpoint.state] || 'secondary') },
        ENDPOINT_STATE_LABELS[endpoint.state] || endpoint.state.replace('_', ' ').toLowerCase()))));
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
