// The parking-lot card: the calls parked on each server, by lot and space, kept from the live socket's snapshots and
// parking deltas; operators pick a parked call up from a phone or extension they name.
import { parkingActions } from './api.js';
import { $, act, el, formatDuration, party, serverBadge } from './render.js';
import { rowKey, state } from './state.js';

/** A parked call's key within its server: one call per space of a lot. */
const spaceOf = parked => parked.lot + '/' + parked.space;

/** Applies the parking part of a live-socket message (a snapshot, a parked call, a parked call gone) and redraws. */
export function applyParking(message) {
  const server = message.server;
  switch (message.type) {
    case 'snapshot':
      [...state.parked.keys()].filter(key => state.parked.get(key).server === server).forEach(key => state.parked.delete(key));
      (message.parkedCalls || []).forEach(parked => state.parked.set(rowKey(server, spaceOf(parked)), { ...parked, server }));
      break;
    case 'parkedCall':
      state.parked.set(rowKey(server, spaceOf(message.parkedCall)), { ...message.parkedCall, server });
      break;
    case 'parkedCallRemoved':
      state.parked.delete(rowKey(server, spaceOf(message.parkedCall)));
      break;
    default:
      return;
  }
  renderParking();
}

/** Servers in configuration order, then lots, then spaces by number. */
function bySpace(a, b) {
  return state.servers.indexOf(a.server) - state.servers.indexOf(b.server) || a.lot.localeCompare(b.lot)
    || Number(a.space) - Number(b.space);
}

export function renderParking() {
  const parked = [...state.parked.values()].sort(bySpace);
  $('parkedCount').textContent = String(parked.length);
  $('parking').replaceChildren(...(parked.length ? parked.map(parkedItem)
    : [el('li', { class: 'list-group-item text-body-secondary small empty-lot' }, 'No parked calls')]));
}

function parkedItem(parked) {
  const timeout = parked.timeoutAt ? ' / ' + formatDuration(Date.parse(parked.timeoutAt) - Date.parse(parked.parkedAt)) : '';
  const item = el('li', { class: 'list-group-item d-flex justify-content-between align-items-center parked-call',
    'data-server': parked.server, 'data-lot': parked.lot, 'data-space': parked.space },
    el('span', {}, serverBadge(parked.server), ' ',
      el('span', { class: 'badge text-bg-warning', title: 'Parking space (lot ' + parked.lot + ')' }, parked.space), ' ',
      party(parked.callerIdNum, parked.callerIdName), ' ',
      el('span', { class: 'duration text-body-secondary', 'data-started': parked.parkedAt }, formatDuration(Date.now() - Date.parse(parked.parkedAt))),
      el('span', { class: 'text-body-secondary', title: 'Rings the parker back then' }, timeout)));
  if (state.canAct) {
    const pickUp = el('button', { class: 'btn btn-sm btn-outline-success pickup', type: 'button',
      title: 'Pick up space ' + parked.space }, el('i', { class: 'bi bi-telephone-inbound', 'aria-hidden': 'true' }), ' Pick up');
    pickUp.addEventListener('click', () => {
      const from = prompt('Pick up space ' + parked.space + ' from which endpoint or exten@context (e.g. 1001 or 100@demo)?');
      const context = $('context') ? $('context').value : '';
      if (from) act(parkingActions.pickUp(parked.server, parked.space, { from: from.trim(), lot: parked.lot, ...(context ? { context } : {}) }));
    });
    item.append(pickUp);
  }
  return item;
}
