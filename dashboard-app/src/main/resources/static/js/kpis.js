// Queue figures (GET /api/servers/{server}/queues/kpis): fetched for every server shown, again every KPI_POLL_MS,
// and how the page writes them (durations, rates).
import { serverPath, signInAgain } from './api.js';
import { formatDuration } from './render.js';
import { rowKey, state } from './state.js';

/** The figures change with queue events; a wallboard a few seconds behind is what supervisors expect. */
export const KPI_POLL_MS = 3000;
const UNAUTHORIZED = 401;
const ISO_DURATION = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?$/;

/** Milliseconds of a duration as the API writes it: ISO-8601 ("PT1M2.5S") or a number of seconds. */
export function durationMs(value) {
  if (typeof value === 'number') return value * 1000;
  const parts = ISO_DURATION.exec(value || '');
  if (!parts) return 0;
  return ((Number(parts[1] || 0) * 60 + Number(parts[2] || 0)) * 60 + Number(parts[3] || 0)) * 1000;
}

export const formatWait = value => formatDuration(durationMs(value));
/** A share of 0 to 1 as a whole percentage. */
export const percent = share => Math.round(share * 100) + '%';

async function fetchServer(server) {
  const response = await fetch(serverPath(server) + '/queues/kpis');
  if (response.status === UNAUTHORIZED) { signInAgain(); return; }
  if (!response.ok) return; // a server that is down or not yet started: its figures stay as they were
  const figures = await response.json();
  [...state.kpis.keys()].filter(key => state.kpis.get(key).server === server).forEach(key => state.kpis.delete(key));
  figures.forEach(queue => state.kpis.set(rowKey(server, queue.queue), { ...queue, server }));
}

/** Fetches every shown server's figures now and every KPI_POLL_MS; onChange() after each round. */
export function pollKpis(shownServers, onChange) {
  async function round() {
    try { await Promise.all(shownServers().map(fetchServer)); } catch (e) { /* unreachable for now: next round */ }
    onChange();
  }
  round();
  setInterval(round, KPI_POLL_MS);
}
