// The live board's start-up: who is signed in decides the controls; then one WebSocket (/ws/live) gives a snapshot and
// deltas that update the state and the page, the queue figures are fetched every few seconds, and timers tick the
// durations and sample the chart.
import { callActions, csrfToken, currentUser, servers } from './api.js';
import { createChart } from './chart.js';
import { connectLive } from './live-socket.js';
import { clearConferences, onConferenceMessage } from './conferences.js';
import { applyParking, renderParking } from './parking.js';
import { applyMessage } from './live-state.js';
import { renderCalls } from './calls-table.js';
import { pollKpis } from './kpis.js';
import { renderQueues } from './queues.js';
import { $, act, el, logEvent, refreshDurations, renderEndpoints, setIndicator, showStats } from './render.js';
import { closeMenu } from './row-menu.js';
import { state } from './state.js';

const DURATION_TICK_MS = 1000;

const chart = createChart($('chart'), () => state.calls.size);
const showQueues = () => renderQueues($('queues'));

function onMessage(message) {
  const changed = applyMessage(message);
  if (changed === null) return;
  onConferenceMessage(message);
  applyParking(message);
  switch (changed) {
    case 'all': renderCalls(); chart.draw(); showQueues(); renderEndpoints(); break;
    case 'calls': renderCalls(); chart.draw(); break;
    case 'queues': showQueues(); break;
    case 'endpoints': renderEndpoints(); break;
    case 'event': logEvent({ Server: message.server, ...message.event }); break;
    case 'stats': showStats(message); break;
    default: break;
  }
}

/** Click to call: the header's button opens the dialog; a call placed closes it, a refusal shows in the alert bar. */
function enableCallForm() {
  state.me.originateContexts.forEach(context => $('context').append(el('option', { value: context }, context)));
  state.servers.forEach(server => $('originServer').append(el('option', { value: server }, server)));
  $('callDialogButton').addEventListener('click', () => { $('callDialog').showModal(); $('from').focus(); });
  $('callDialogClose').addEventListener('click', () => $('callDialog').close());
  $('callForm').addEventListener('submit', event => {
    event.preventDefault();
    const body = { from: $('from').value.trim(), to: $('to').value.trim(), context: $('context').value };
    const name = $('callerIdName').value.trim();
    if (name) body.callerIdName = name;
    act(callActions.originate($('originServer').value, body), () => $('callDialog').close());
  });
}

/** The search box and the sort order redraw the calls; a row action that changed a row's look asks for it too. */
function enableCallControls() {
  $('callSearch').addEventListener('input', () => { closeMenu(false); renderCalls(); });
  $('callSort').addEventListener('change', () => { closeMenu(false); renderCalls(); });
  document.addEventListener('calls-changed', renderCalls);
}

/** The server filter: all servers, or one; a change forgets what was shown and asks the relay again. */
function enableServerFilter(live) {
  state.servers.forEach(server => $('serverFilter').append(el('option', { value: server }, server)));
  $('serverFilter').addEventListener('change', () => {
    [state.calls, state.queues, state.kpis, state.endpoints, state.parked, state.versions, state.connected].forEach(map => map.clear());
    renderCalls(); chart.draw(); showQueues(); renderEndpoints(); clearConferences(); renderParking();
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
  enableCallControls();
  pollKpis(() => ($('serverFilter').value ? [$('serverFilter').value] : state.servers), showQueues);
  if (state.canSupervise) $('eventFilter').addEventListener('change', () => live.restart());
  setInterval(refreshDurations, DURATION_TICK_MS);
  chart.start();
}

start();
