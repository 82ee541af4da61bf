// What the board knows: the live model from the socket's snapshot and deltas, and who is looking at it.
export const state = {
  calls: new Map(), // by call id
  queues: new Map(), // by queue name
  endpoints: new Map(), // by endpoint name
  version: 0, // of the last snapshot or delta applied; older deltas are ignored
  me: null,
  canAct: false, // operators and supervisors: hang up, transfer, originate, pause
  canSupervise: false, // supervisors: listen in, record, the raw event log
  recording: new Set() // ids of the calls this page started recording
};
