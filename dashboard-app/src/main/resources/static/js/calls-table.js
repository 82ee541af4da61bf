// The calls table: one line per call (its parties first), filtered by the search box and sorted as the sort box
// says; each row's channels on demand (the details toggle, and the row's title) and its actions in a row menu.
import { menuEntriesFor } from './call-actions.js';
import { $, el, elapsed, party } from './render.js';
import { menuButton } from './row-menu.js';
import { rowKey, state } from './state.js';

const CALL_STATE_COLOURS = { Up: 'success', Ring: 'warning', Ringing: 'warning', Down: 'secondary' };
/** Sort orders of the sort box: longest running first, by caller, by the first channel's state. */
const SORTS = {
  duration: (a, b) => a.startedAt.localeCompare(b.startedAt),
  caller: (a, b) => callerText(a).localeCompare(callerText(b)) || a.startedAt.localeCompare(b.startedAt),
  state: (a, b) => a.channels[0].state.localeCompare(b.channels[0].state) || a.startedAt.localeCompare(b.startedAt)
};

const callerText = call => party(call.caller.number, call.caller.name);
const calleeText = call => party(call.callee.number, call.callee.name);
const callRowId = (server, id) => 'call-' + rowKey(server, id);

/** One line per channel: its name, state, where in the dialplan it is and whom it talks to. */
export function channelDetails(call) {
  return call.channels.map(c => c.name + ' (' + c.state + (c.onHold ? ', on hold' : '') + ') @ ' + c.exten + '@' + c.context
    + ' ' + (c.application || '') + (c.talkingTo.length ? ' → ' + c.talkingTo.join(', ') : '')).join('\n');
}

/** Whether the search text (any case) is in the call's parties, numbers, server or channel names. */
export function matches(call, search) {
  if (!search) return true;
  const text = [callerText(call), calleeText(call), call.server, ...call.channels.map(c => c.name)].join(' ').toLowerCase();
  return text.includes(search.toLowerCase());
}

/** Redraws every row; the focus stays on the same control of the same call, if it is still shown. */
export function renderCalls() {
  const focused = document.activeElement?.closest('#calls tr') ? document.activeElement : null;
  const focusedRow = focused?.closest('tr').id;
  const focusedControl = focused?.classList.item(focused.classList.length - 1);
  const search = $('callSearch').value.trim();
  const shown = [...state.calls.values()].filter(call => matches(call, search)).sort(SORTS[$('callSort').value] || SORTS.duration);
  $('calls').querySelector('tbody').replaceChildren(...shown.flatMap(callRows));
  $('callCount').textContent = shown.length === state.calls.size ? String(state.calls.size) : shown.length + ' of ' + state.calls.size;
  if (focusedRow) document.getElementById(focusedRow)?.querySelector('.' + CSS.escape(focusedControl))?.focus();
}

function stateBadge(text) {
  return el('span', { class: 'badge text-bg-' + (CALL_STATE_COLOURS[text] || 'info') }, text || '?');
}

function callRows(call) {
  const key = rowKey(call.server, call.id);
  const expanded = state.expanded.has(key);
  const details = channelDetails(call);
  const detailsId = 'details-' + key;
  const toggle = el('button', { class: 'btn btn-row btn-outline-secondary details', type: 'button', 'aria-expanded': String(expanded),
    'aria-controls': detailsId, 'aria-label': 'Channel details', title: 'Channel details' },
  el('i', { class: 'bi bi-info-circle', 'aria-hidden': 'true' }));
  toggle.addEventListener('click', () => {
    if (state.expanded.has(key)) state.expanded.delete(key); else state.expanded.add(key);
    renderCalls();
  });
  const controls = el('td', { class: 'text-nowrap text-end' }, toggle);
  if (state.canAct) controls.append(' ', menuButton('call-' + key, 'Actions for ' + callerText(call), () => menuEntriesFor(call)));
  const held = call.channels.some(c => c.onHold);
  const row = el('tr', { id: callRowId(call.server, call.id), class: 'call-row', 'data-call-id': call.id, 'data-server': call.server,
    title: details },
  el('td', { class: 'server multi-server' }, call.server),
  el('td', { class: 'duration', 'data-started': call.startedAt }, elapsed(call.startedAt)),
  el('td', { class: 'caller' }, callerText(call)),
  el('td', { class: 'callee' }, calleeText(call)),
  el('td', { class: 'state' }, stateBadge(call.channels[0].state),
    held ? el('span', { class: 'badge text-bg-secondary ms-1' }, 'on hold') : '',
    state.recording.has(key) ? el('span', { class: 'badge text-bg-danger ms-1 recording' }, 'rec') : ''),
  controls);
  if (!expanded) return [row];
  return [row, el('tr', { class: 'call-detail', id: detailsId }, el('td', { colSpan: 6, class: 'small text-body-secondary' }, details))];
}
