// The live socket's protocol (/ws/live): which kinds the page asks for, frames of newline-separated JSON messages,
// reconnecting with backoff, and the close code that means the session is over.
import { signInAgain } from './api.js';

export const LIVE_PATH = '/ws/live';
/** The relay's close code once the login session was logged out or expired. */
export const SESSION_ENDED = 4401;
export const FIRST_RETRY_DELAY_MS = 1000;
export const MAX_RETRY_DELAY_MS = 15000;

/**
 * The query: the model for everyone, the raw event log (optionally filtered by event name) for supervisors only;
 * one server's updates only when server names one, every server's otherwise.
 */
export function liveQuery(supervisor, filter, server = '') {
  // The relay refuses kinds=events to anyone but a supervisor.
  const eventFilter = supervisor ? filter.trim() : '';
  return 'kinds=calls,queues,endpoints,conferences,parking' + (supervisor ? ',events' : '')
    + (eventFilter ? '&event=' + encodeURIComponent(eventFilter) : '')
    + (server ? '&server=' + encodeURIComponent(server) : '');
}

/** ws: or wss: to this page's host, as the page itself was loaded over http: or https:. */
export function liveUrl(page, query) {
  return (page.protocol === 'https:' ? 'wss://' : 'ws://') + page.host + LIVE_PATH + '?' + query;
}

/** A frame holds one or more JSON messages, one per line: hands each to onMessage in order. */
export function forEachMessage(frame, onMessage) { frame.split('\n').forEach(line => onMessage(JSON.parse(line))); }

/** Doubles the delay up to MAX_RETRY_DELAY_MS. */
export function nextRetryDelay(delay) { return Math.min(delay * 2, MAX_RETRY_DELAY_MS); }

/**
 * Opens the socket and keeps it open: onMessage(message) per message, onStatus(true) once open and onStatus(false)
 * while reconnecting; SESSION_ENDED goes to the sign-in page. filter() gives the event filter and server() the server
 * filter ('' for all) at each (re)connect; restart() reconnects at once, for a new filter.
 */
export function connectLive({ supervisor, filter, server, onMessage, onStatus }) {
  let socket = null;
  let retryDelay = FIRST_RETRY_DELAY_MS;

  function connect() {
    socket = new WebSocket(liveUrl(location, liveQuery(supervisor, filter(), server())));
    socket.onopen = () => { retryDelay = FIRST_RETRY_DELAY_MS; onStatus(true); };
    socket.onmessage = event => forEachMessage(event.data, onMessage);
    socket.onclose = event => {
      if (event.code === SESSION_ENDED) { signInAgain(); return; }
      onStatus(false);
      setTimeout(connect, retryDelay);
      retryDelay = nextRetryDelay(retryDelay);
    };
  }

  connect();
  return { restart() { socket.onclose = null; socket.close(); connect(); } };
}
