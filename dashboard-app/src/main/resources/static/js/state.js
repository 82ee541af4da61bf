// What the board knows: each server's live model from the socket's snapshots and deltas, and who is looking at it.
export const state = {
  servers: [], // names of the servers the dashboard shows, in configuration order
  calls: new Map(), // by rowKey(server, call id)
  queues: new Map(), // by rowKey(server, queue name)
  kpis: new Map(), // by rowKey(server, queue name): the queue's figures, as GET .../queues/kpis last gave them
  endpoints: new Map(), // by rowKey(server, endpoint name)
  parked: new Map(), // by rowKey(server, lot + '/' + space)
  versions: new Map(), // by server: of its last snapshot or delta applied; older deltas of that server are ignored
  connected: new Map(), // by server: whether its live model is connected to it
  me: null,
  canAct: false, // operators and supervisors: hang up, transfer, originate, pause
  canSupervise: false, // supervisors: listen in, record, the raw event log
  recording: new Set(), // rowKeys of the calls this page started recording
  expanded: new Set() // rowKeys of the calls whose channel details are shown
};

/** The key of a server's call, queue or endpoint (server names have no '/'). */
export function rowKey(server, id) { return server + '/' + id; }
