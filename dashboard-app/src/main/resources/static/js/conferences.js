// The conferences card: each server's ConfBridge rooms with their participants, from the live socket's snapshots and
// conference/conferenceEnded messages; operators mute, unmute and kick participants and lock or unlock rooms.
// Every control is a <button>, so keyboard users reach and press it like any other.
import { api, serverPath } from './api.js';
import { $, act, el, party } from './render.js';
import { rowKey, state } from './state.js';

/** The rooms shown, by rowKey(server, room name). */
const rooms = new Map();

const room = (server, name) => serverPath(server) + '/conferences/' + encodeURIComponent(name);
// Participants are named by their channel's unique ID: channel names hold '/' and ';', refused in a URL path.
const participant = (server, name, uniqueId) => room(server, name) + '/participants/' + encodeURIComponent(uniqueId);

export const conferenceActions = {
  mute: (server, name, uniqueId, muted) => api('POST', participant(server, name, uniqueId) + (muted ? '/mute' : '/unmute')),
  kick: (server, name, uniqueId) => api('DELETE', participant(server, name, uniqueId)),
  lock: (server, name, locked) => api('POST', room(server, name) + (locked ? '/lock' : '/unlock'))
};

/** Takes a message of the live socket: a snapshot's rooms replace the server's, a delta one room; others are ignored. */
export function onConferenceMessage(message) {
  const server = message.server;
  switch (message.type) {
    case 'snapshot':
      [...rooms.keys()].filter(key => rooms.get(key).server === server).forEach(key => rooms.delete(key));
      (message.conferences || []).forEach(conference => rooms.set(rowKey(server, conference.name), { ...conference, server }));
      break;
    case 'conference': rooms.set(rowKey(server, message.conference.name), { ...message.conference, server }); break;
    case 'conferenceEnded': rooms.delete(rowKey(server, message.name)); break;
    default: return;
  }
  renderConferences();
}

/** Forgets every room shown (the server filter changed). */
export function clearConferences() { rooms.clear(); renderConferences(); }

function control(classes, icon, label, onClick) {
  const button = el('button', { class: 'btn btn-sm ' + classes, type: 'button', title: label, ariaLabel: label },
    el('i', { class: 'bi ' + icon }));
  button.addEventListener('click', onClick);
  return button;
}

function participantItem(conference, member) {
  const who = party(member.callerIdNum, member.callerIdName) === '?' ? member.channel : party(member.callerIdNum, member.callerIdName);
  const item = el('li', { class: 'd-flex justify-content-between align-items-center participant', 'data-channel': member.channel,
    'data-unique-id': member.uniqueId },
  el('span', {}, el('i', { class: 'bi ' + (member.muted ? 'bi-mic-mute text-warning' : 'bi-mic') }), ' ', who,
    member.admin ? el('span', { class: 'badge text-bg-info ms-1' }, 'admin') : '',
    member.muted ? el('span', { class: 'badge text-bg-warning ms-1 muted' }, 'muted') : '',
    member.talking ? el('span', { class: 'badge text-bg-success ms-1' }, 'talking') : ''));
  if (state.canAct) {
    const name = conference.name;
    item.append(el('span', { class: 'text-nowrap' },
      control('btn-outline-warning mute', member.muted ? 'bi-mic' : 'bi-mic-mute', (member.muted ? 'Unmute ' : 'Mute ') + who,
        () => act(conferenceActions.mute(conference.server, name, member.uniqueId, !member.muted))),
      control('btn-outline-danger ms-1 kick', 'bi-person-x', 'Kick ' + who + ' out of room ' + name,
        () => act(conferenceActions.kick(conference.server, name, member.uniqueId)))));
  }
  return item;
}

function roomBox(conference) {
  const header = el('div', { class: 'fw-semibold d-flex justify-content-between align-items-center' },
    el('span', {}, el('span', { class: 'badge text-bg-dark border server' }, conference.server), ' ', el('i', { class: 'bi bi-people-fill' }),
      ' ', conference.name, ' ', el('span', { class: 'badge text-bg-info' }, conference.participants.length + ' in'),
      conference.locked ? el('span', { class: 'badge text-bg-danger ms-1 locked' }, el('i', { class: 'bi bi-lock-fill' }), ' locked') : ''));
  if (state.canAct) {
    header.append(control('btn-outline-secondary lock', conference.locked ? 'bi-unlock' : 'bi-lock',
      (conference.locked ? 'Unlock' : 'Lock') + ' room ' + conference.name,
      () => act(conferenceActions.lock(conference.server, conference.name, !conference.locked))));
  }
  return el('div', { class: 'mb-2 conference', 'data-conference': conference.name, 'data-server': conference.server },
    header, el('ul', { class: 'list-unstyled small mb-0' }, conference.participants.map(member => participantItem(conference, member))));
}

/** Servers in configuration order, then room names. */
function byServerThenName(a, b) {
  return state.servers.indexOf(a.server) - state.servers.indexOf(b.server) || a.name.localeCompare(b.name);
}

export function renderConferences() {
  const shown = [...rooms.values()].sort(byServerThenName);
  $('conferences').replaceChildren(...(shown.length ? shown.map(roomBox)
    : [el('p', { class: 'text-body-secondary small mb-0' }, 'No conference room is in use.')]));
}
