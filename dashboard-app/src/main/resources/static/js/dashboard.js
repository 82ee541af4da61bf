// The live board's start-up: who is signed in decides the controls; then one WebSocket (/ws/live) gives a snapshot and
// deltas that update the state and the page, and timers tick the durations and sample the chart.
import { callActions, csrfToken, currentUser } from './api.js';
import { createChart } from './chart.js';
import { connectLive } from './live-socket.js';
import { $, act, el, logEvent, refreshDurations, removeCall, renderCall, renderCalls, renderEndpoints, renderQueues, setIndicator,
  showStats } from './render.js';
import { state } from './state.js';

const DURATION_TICK_MS = 1000;

const chart = createChart($('chart'), () => state.calls.size);

function onMessage(message) {
  if (message.type !== 'snapshot' && message.version !== undefined && message.version <= state.version) return;
  switch (message.type) {
    case 'snapshot':
      state.version = message.version;
      state.calls = new Map(message.calls.map(c => [c.id, c]));
      state.queues = new Map(message.queues.map(q => [q.name, q]));
      state.endpoints = new Map(message.endpoints.map(e => [e.name, e]));
      setIndicator('asteriskStatus', message.connected ? 'Asterisk: connected' : 'Asterisk: disconnected', message.connected);
      renderCalls(); chart.draw(); renderQueues(); renderEndpoints();
      break;
    case 'call': state.calls.set(message.call.id, message.call); renderCall(message.call); chart.draw(); break;
    case 'callRemoved':
      state.calls.delete(message.callId); state.recording.delete(message.callId); removeCall(message.callId); chart.draw();
      break;
    case 'queue': state.queues.set(message.queue.name, message.queue); renderQueues(); break;
    case 'endpoint': state.endpoints.set(message.endpoint.name, message.endpoint); renderEndpoints(); break;
    case 'event': logEvent(message.event); break;
    case 'stats': showStats(message); break;
    default: break;
  }
}

function enableCallForm() {
  state.me.originateContexts.forEach(context => $('context').append(el('option', { value: context }, context)));
  $('callForm').addEventListener('submit', event => {
    event.preventDefault();
    const body = { from: $('from').value.trim(), to: $('to').value.trim(), context: $('context').value };
    const name = $('callerIdName').value.trim();
    if (name) body.callerIdName = name;
    act(callActions.originate(body));
  });
}

async function start() {
  $('logoutCsrf').value = csrfToken();
  state.me = await currentUser();
  if (!state.me) return;
  state.canAct = state.me.roles.includes('operator');
  state.canSupervise = state.me.roles.includes('supervisor');
  $('who').textContent = state.me.name + ' (' + state.me.roles.join(', ') + ')';
  if (!state.canAct) {
    document.body.classList.add('viewer');
    document.querySelectorAll('.operator-only').forEach(node => node.remove());
  }
  else {
    enableCallForm();
  }
  if (!state.canSupervise) document.querySelectorAll('.supervisor-only').forEach(node => node.remove());
  const live = connectLive({
    supervisor: state.canSupervise,
    filter: () => state.canSupervise ? $('eventFilter').value : '',
    onMessage,
    onStatus: connected => setIndicator('socketStatus', connected ? 'Live: connected' : 'Live: reconnecting', connected)
  });
  if (state.canSupervise) $('eventFilter').addEventListener('change', () => live.restart());
  setInterval(refreshDurations, DURATION_TICK_MS);
  chart.start();
}

start();
