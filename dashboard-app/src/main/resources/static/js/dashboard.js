// The live board's start-up: who is signed in decides the controls; then one WebSocket (/ws/live) gives a snapshot and
// deltas that update the state and the page, and timers tick the durations and sample the chart.
import { callActions, csrfToken, currentUser, servers } from './api.js';
import { createChart } from './chart.js';
import { connectLive } from './live-socket.js';
import { applyParking, renderParking } from './parking.js';
import { $, act, el, logEvent, refreshDurations, removeCall, renderCall, renderCalls, renderEndpoints, renderQueues, setIndicator,
  showStats } from './render.js';
import { rowKey, state } from './state.js';

const DURATION_TICK_MS = 1000;

const chart = createChart($('chart'), () => state.calls.size);

/** Replaces what the map holds of one server with the rows of its snapshot, each marked with the server. */
function replaceRows(rows, server, fresh, idOf) {
  [...rows.keys()].filter(key => rows.get(key).server === server).forEach(key => rows.delete(key));
  fresh.forEach(row => rows.set(rowKey(server, idOf(row)), { ...row, server }));
}

/** One badge for all servers: connected when every server shown is, else naming those that are not. */
function showAsteriskStatus() {
  const down = [...state.connected].filter(([, connected]) => !connected).map(([server]) => server);
  const label = down.length === 0 ? 'Asterisk: connected'
    : state.connected.size === 1 ? 'Asterisk: disconnected' : 'Asterisk: ' + down.join(', ') + ' disconnected';
  setIndicator('asteriskStatus', label, down.length === 0);
}

function onMessage(message) {
  const server = message.server;
  if (message.type !== 'snapshot' && message.version !== undefined && message.version <= (state.versions.get(server) || 0)) return;
  if (message.version !== undefined) state.versions.set(server, message.version);
  applyParking(message);
  switch (message.type) {
    case 'snapshot':
      replaceRows(state.calls, server, message.calls, c => c.id);
      replaceRows(state.queues, server, message.queues, q => q.name);
      replaceRows(state.endpoints, server, message.endpoints, e => e.name);
      state.connected.set(server, message.connected);
      showAsteriskStatus();
      renderCalls(); chart.draw(); renderQueues(); renderEndpoints();
      break;
    case 'call': {
      const call = { ...message.call, server };
      state.calls.set(rowKey(server, call.id), call); renderCall(call); chart.draw();
      break;
    }
    case 'callRemoved':
      state.calls.delete(rowKey(server, message.callId)); state.recording.delete(rowKey(server, message.callId));
      removeCall(server, message.callId); chart.draw();
      break;
    case 'queue': state.queues.set(rowKey(server, message.queue.name), { ...message.queue, server }); renderQueues(); break;
    case 'endpoint':
      state.endpoints.set(rowKey(server, message.endpoint.name), { ...message.endpoint, server }); renderEndpoints();
      break;
    case 'event': logEvent({ Server: server, ...message.event }); break;
    case 'stats': showStats(message); break;
    default: break;
  }
}

function enableCallForm() {
  state.me.originateContexts.forEach(context => $('context').append(el('option', { value: context }, context)));
  state.servers.forEach(server => $('originServer').append(el('option', { value: server }, server)));
  $('callForm').addEventListener('submit', event => {
    event.preventDefault();
    const body = { from: $('from').value.trim(), to: $('to').value.trim(), context: $('context').value };
    const name = $('callerIdName').value.trim();
    if (name) body.callerIdName = name;
    act(callActions.originate($('originServer').value, body));
  });
}

/** The server filter: all servers, or one; a change forgets what was shown and asks the relay again. */
function enableServerFilter(live) {
  state.servers.forEach(server => $('serverFilter').append(el('option', { value: server }, server)));
  $('serverFilter').addEventListener('change', () => {
    [state.calls, state.queues, state.endpoints, state.parked, state.versions, state.connected].forEach(map => map.clear());
    renderCalls(); chart.draw(); renderQueues(); renderEndpoints(); renderParking();
    live.restart();
  });
}

async function start() {
  $('logoutCsrf').value = csrfToken();
  state.me = await currentUser();
  if (!state.me) return;
  state.canAct = state.me.roles.includes('operator');
  state.canSupervise = state.me.roles.includes('supervisor');
  state.servers = (await servers()).map(server => server.name);
  // One server: nothing to choose, so the server filter and the originate form's server choice stay hidden.
  if (state.servers.length < 2) document.body.classList.add('single-server');
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
    server: () => $('serverFilter').value,
    onMessage,
    onStatus: connected => setIndicator('socketStatus', connected ? 'Live: connected' : 'Live: reconnecting', connected)
  });
  enableServerFilter(live);
  if (state.canSupervise) $('eventFilter').addEventListener('change', () => live.restart());
  setInterval(refreshDurations, DURATION_TICK_MS);
  chart.start();
}

start();
