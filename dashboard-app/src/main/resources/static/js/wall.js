// The wallboard (/wall): the queues' figures first, in large type, for a screen across the room; no controls, for
// any signed-in role. The same live socket and figures as the board, drawn read-only.
import { currentUser, servers } from './api.js';
import { pollKpis } from './kpis.js';
import { connectLive } from './live-socket.js';
import { applyMessage } from './live-state.js';
import { renderQueues } from './queues.js';
import { $, refreshDurations, setIndicator } from './render.js';
import { state } from './state.js';

const TICK_MS = 1000;

function showTotals() {
  $('wallCalls').textContent = String(state.calls.size);
  $('wallWaiting').textContent = String([...state.queues.values()].reduce((sum, queue) => sum + queue.callers.length, 0));
}

function show() { renderQueues($('queues')); showTotals(); }

function tick() {
  refreshDurations();
  $('wallClock').textContent = new Date().toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

async function start() {
  state.me = await currentUser();
  if (!state.me) return;
  state.servers = (await servers()).map(server => server.name);
  if (state.servers.length < 2) document.body.classList.add('single-server');
  connectLive({
    supervisor: false,
    filter: () => '',
    server: () => '',
    onMessage: message => { const changed = applyMessage(message); if (changed === 'all' || changed === 'queues') show(); else if (changed === 'calls') showTotals(); },
    onStatus: connected => setIndicator('socketStatus', connected ? 'Live: connected' : 'Live: reconnecting', connected)
  });
  pollKpis(() => state.servers, show);
  tick();
  setInterval(tick, TICK_MS);
}

start();
