// The queues, on the board and on the wall: per queue who waits now and for how long, the figures of the current
// window (kpis.js), and per member what it handled, missed, whether it is paused (why, since when) or on a call.
import { queueActions } from './api.js';
import { formatWait, durationMs, percent } from './kpis.js';
import { act, byServerThenName, el, elapsed, party, serverBadge } from './render.js';
import { rowKey, state } from './state.js';

/** One labelled figure; data-kpi names it for whoever reads the page (a test, a screen reader's find). */
function kpi(name, label, value, ...extra) {
  return el('span', { class: 'kpi', 'data-kpi': name }, el('span', { class: 'kpi-label' }, label), ' ',
    el('span', { class: 'kpi-value' }, value), ...extra);
}

function figures(k) {
  const ended = k.answered + k.abandoned;
  const threshold = Math.round(durationMs(k.serviceLevelThreshold) / 1000);
  return el('div', { class: 'kpis mb-1' },
    kpi('offered', 'Offered', k.offered),
    kpi('answered', 'Answered', k.answered),
    kpi('abandoned', 'Abandoned', k.abandoned),
    kpi('abandonRate', 'Abandon rate', percent(k.abandonRate)),
    kpi('serviceLevel', 'Service level ≤' + threshold + 's', percent(k.serviceLevel), ' ',
      el('span', { class: 'kpi-detail small', 'data-kpi': 'answeredWithinThreshold' }, k.answeredWithinThreshold + '/' + ended)),
    kpi('averageWait', 'Avg wait', formatWait(k.averageWait)),
    kpi('longestWait', 'Longest wait', formatWait(k.longestWait)),
    kpi('averageTalk', 'Avg talk', formatWait(k.averageTalk)));
}

/** The live member (pause state, in a call) and its figures (handled, missed, paused since), by location. */
function members(queue, k) {
  const byLocation = new Map();
  (k?.members || []).filter(m => m.location).forEach(m => byLocation.set(m.location, { ...m }));
  (queue?.members || []).forEach(m => byLocation.set(m.location, { ...byLocation.get(m.location), ...m, onCall: m.inCall }));
  return [...byLocation.values()];
}

function pausedSince(member) {
  if (!member.pausedSince) return '';
  return ', since ' + new Date(member.pausedSince).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

function memberItem(server, queueName, member) {
  const item = el('li', { class: 'd-flex justify-content-between align-items-center gap-2 member', 'data-member': member.location },
    el('span', {}, el('i', { class: 'bi bi-person' + (member.onCall ? '-fill text-success' : ''), 'aria-hidden': 'true' }), ' ',
      member.name || member.location,
      member.onCall ? el('span', { class: 'badge text-bg-success ms-1' }, 'on a call') : '',
      member.paused ? el('span', { class: 'badge text-bg-warning ms-1 paused' },
        'paused' + (member.pausedReason ? ': ' + member.pausedReason : '') + pausedSince(member)) : ''),
    el('span', { class: 'text-body-secondary small text-nowrap' },
      (member.handled ?? 0) + ' handled, ' + (member.missed ?? 0) + ' missed'));
  if (state.canAct) {
    const toggle = el('button', { class: 'btn btn-sm btn-link p-0 pause', type: 'button' }, member.paused ? 'Unpause' : 'Pause');
    toggle.addEventListener('click', () => act(queueActions.pause(server, queueName, member.location, !member.paused)));
    item.append(toggle);
  }
  return item;
}

function queueBox({ server, name }) {
  const queue = state.queues.get(rowKey(server, name));
  const k = state.kpis.get(rowKey(server, name));
  const callers = queue ? queue.callers : [];
  const oldest = callers.map(c => c.joinedAt).sort()[0];
  return el('div', { class: 'mb-2 queue', 'data-queue': name, 'data-server': server },
    el('h3', { class: 'fs-6 fw-semibold mb-1' }, serverBadge(server), ' ', name, ' ',
      el('span', { class: 'badge text-bg-info waiting' }, callers.length + ' waiting'),
      oldest ? el('span', { class: 'small text-body-secondary ms-1' }, 'longest now ',
        el('span', { class: 'duration', 'data-started': oldest }, elapsed(oldest))) : ''),
    k ? figures(k) : '',
    el('ul', { class: 'list-unstyled small mb-1' }, members(queue, k).map(member => memberItem(server, name, member))),
    el('ol', { class: 'small mb-0 callers' }, callers.map(caller =>
      el('li', {}, party(caller.callerIdNum, caller.callerIdName), ' ',
        el('span', { class: 'duration text-body-secondary', 'data-started': caller.joinedAt }, elapsed(caller.joinedAt))))));
}

/** Draws every queue the live model or the figures know of into the element container. */
export function renderQueues(container) {
  const known = new Map();
  [...state.queues.values()].forEach(q => known.set(rowKey(q.server, q.name), { server: q.server, name: q.name }));
  [...state.kpis.values()].forEach(k => known.set(rowKey(k.server, k.queue), { server: k.server, name: k.queue }));
  container.replaceChildren(...[...known.values()].sort(byServerThenName).map(queueBox));
}
