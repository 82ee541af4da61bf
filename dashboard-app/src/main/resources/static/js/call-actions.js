// What the row menu of a call offers: one list, each entry { label, role, className, icon, run(call) }; label may be a
// function of the call. An entry shows to users who have its role (supervisors have the operator's role too).
// To add an action, add an entry here.
import { callActions } from './api.js';
import { $, act } from './render.js';
import { rowKey, state } from './state.js';

export const rowActions = [
  { label: 'Hang up', role: 'operator', className: 'hangup', icon: 'bi-telephone-x',
    run: call => act(callActions.hangUp(call.server, call.id)) },
  { label: 'Blind transfer…', role: 'operator', className: 'transfer', icon: 'bi-arrow-left-right',
    run: call => {
      const to = prompt('Blind transfer ' + call.channels[0].name + ' to extension:');
      if (to) act(callActions.blindTransfer(call.server, call.id, to, $('context').value));
    } },
  { label: 'Attended transfer…', role: 'operator', className: 'attended-transfer', icon: 'bi-person-plus',
    run: call => {
      const to = prompt('Attended transfer ' + call.channels[0].name + ' to extension (digits):');
      if (to) act(callActions.attendedTransfer(call.server, call.id, to, $('context').value));
    } },
  { label: 'Park', role: 'operator', className: 'park', icon: 'bi-p-square',
    run: call => act(callActions.park(call.server, call.id)) },
  { label: 'Listen in…', role: 'supervisor', className: 'spy', icon: 'bi-headphones',
    run: call => {
      const from = prompt('Listen in from which endpoint (e.g. 1003)?');
      if (from) act(callActions.listenIn(call.server, call.id, from));
    } },
  { label: call => state.recording.has(rowKey(call.server, call.id)) ? 'Stop recording' : 'Record',
    role: 'supervisor', className: 'record', icon: 'bi-record-circle',
    run: call => {
      const key = rowKey(call.server, call.id);
      const recording = state.recording.has(key);
      act(callActions.record(call.server, call.id, !recording), () => {
        if (recording) state.recording.delete(key); else state.recording.add(key);
        document.dispatchEvent(new CustomEvent('calls-changed'));
      });
    } }
];

/** The entries the signed-in user may use on this call, ready for the row menu (the call looked up when run). */
export function menuEntriesFor(call) {
  const key = rowKey(call.server, call.id);
  return rowActions.filter(action => state.me.roles.includes(action.role)).map(action => ({
    label: typeof action.label === 'function' ? action.label(call) : action.label,
    className: action.className, icon: action.icon,
    run: () => action.run(state.calls.get(key) || call)
  }));
}
