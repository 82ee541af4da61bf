// Applies the live socket's messages to the state, for the board and the wall alike: snapshots replace a server's
// rows, deltas change one row, deltas older than what a server last sent are ignored.
import { setIndicator } from './render.js';
import { rowKey, state } from './state.js';

/** Replaces what the map holds of one server with the rows of its snapshot, each marked with the server. */
function replaceRows(rows, server, fresh, idOf) {
  [...rows.keys()].filter(key => rows.get(key).server === server).forEach(key => rows.delete(key));
  fresh.forEach(row => rows.set(rowKey(server, idOf(row)), { ...row, server }));
}

/** One badge for all servers: connected when every server shown is, else naming those that are not. */
export function showAsteriskStatus() {
  const down = [...state.connected].filter(([, connected]) => !connected).map(([server]) => server);
  const label = down.length === 0 ? 'Asterisk: connected'
    : state.connected.size === 1 ? 'Asterisk: disconnected' : 'Asterisk: ' + down.join(', ') + ' disconnected';
  setIndicator('asteriskStatus', label, down.length === 0);
}

/**
 * Applies one message; returns what it changed: 'all' (a snapshot), 'calls', 'queues', 'endpoints', or the message's
 * own type for those the state does not keep ('event', 'stats'); null for a stale delta.
 */
export function applyMessage(message) {
  const server = message.server;
  if (message.type !== 'snapshot' && message.version !== undefined && message.version <= (state.versions.get(server) || 0)) return null;
  if (message.version !== undefined) state.versions.set(server, message.version);
  switch (message.type) {
    case 'snapshot':
      replaceRows(state.calls, server, message.calls, c => c.id);
      replaceRows(state.queues, server, message.queues, q => q.name);
      replaceRows(state.endpoints, server, message.endpoints, e => e.name);
      state.connected.set(server, message.connected);
      showAsteriskStatus();
      return 'all';
    case 'call':
      state.calls.set(rowKey(server, message.call.id), { ...message.call, server });
      return 'calls';
    case 'callRemoved':
      [state.calls, state.recording, state.expanded].forEach(rows => rows.delete(rowKey(server, message.callId)));
      return 'calls';
    case 'queue':
      state.queues.set(rowKey(server, message.queue.name), { ...message.queue, server });
      return 'queues';
    case 'endpoint':
      state.endpoints.set(rowKey(server, message.endpoint.name), { ...message.endpoint, server });
      return 'endpoints';
    default:
      return message.type;
  }
}
