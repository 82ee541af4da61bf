// The per-row action menu: a button per row opens one shared popup listing what may be done to that row.
// Keyboard: Enter or Space on the button opens it on its first item; arrow keys, Home, End and Tab move between the
// items; Escape (or Tab past either end) closes it and puts the focus back on the row's button.
import { el } from './render.js';

let menu = null;
let openFor = null; // the data-menu-for of the button whose menu is open

function popup() {
  if (!menu) {
    menu = el('div', { class: 'dropdown-menu row-menu', id: 'rowMenu', role: 'menu' });
    menu.addEventListener('keydown', onKey);
    document.body.append(menu);
    document.addEventListener('click', event => {
      if (openFor && !menu.contains(event.target) && !event.target.closest('[data-menu-for]')) closeMenu(false);
    });
    // The popup is placed once, at its button: once the button moves away, the menu goes.
    window.addEventListener('resize', () => closeMenu(false));
    document.addEventListener('scroll', event => { if (!menu.contains(event.target)) closeMenu(false); }, true);
  }
  return menu;
}

/** The row's button: it is found again after the row re-rendered, by its data-menu-for. */
const triggerOf = key => document.querySelector('[data-menu-for="' + CSS.escape(key) + '"]');

export function closeMenu(refocus) {
  if (!openFor) return;
  const button = triggerOf(openFor);
  openFor = null;
  menu.classList.remove('open');
  menu.replaceChildren();
  if (button) {
    button.setAttribute('aria-expanded', 'false');
    if (refocus) button.focus();
  }
}

function items() { return [...menu.querySelectorAll('[role="menuitem"]')]; }

function onKey(event) {
  const all = items();
  const at = all.indexOf(document.activeElement);
  const move = to => { event.preventDefault(); all[(to + all.length) % all.length].focus(); };
  if (event.key === 'ArrowDown') move(at + 1);
  else if (event.key === 'ArrowUp') move(at - 1);
  else if (event.key === 'Home') move(0);
  else if (event.key === 'End') move(all.length - 1);
  else if (event.key === 'Escape') { event.preventDefault(); closeMenu(true); }
  else if (event.key === 'Tab') {
    const to = at + (event.shiftKey ? -1 : 1);
    if (to < 0 || to >= all.length) { event.preventDefault(); closeMenu(true); }
    else move(to);
  }
}

function open(button, key, label, entries) {
  closeMenu(false);
  const box = popup();
  box.setAttribute('aria-label', label);
  box.replaceChildren(...entries.map(entry => {
    const item = el('button', { class: 'dropdown-item ' + (entry.className || ''), type: 'button', role: 'menuitem' },
      entry.icon ? el('i', { class: 'bi ' + entry.icon + ' me-1', 'aria-hidden': 'true' }) : '', entry.label);
    item.addEventListener('click', () => { closeMenu(true); entry.run(); });
    return item;
  }));
  openFor = key;
  button.setAttribute('aria-expanded', 'true');
  const at = button.getBoundingClientRect();
  box.classList.add('open');
  // Below the button, or above it when the screen ends first.
  const top = at.bottom + box.offsetHeight > window.innerHeight ? at.top - box.offsetHeight : at.bottom;
  box.style.top = Math.max(0, top) + 'px';
  box.style.left = Math.max(0, at.right - box.offsetWidth) + 'px';
  items()[0]?.focus();
}

/**
 * A menu button for one row: key names the row (unique on the page), label says what the menu is for, and
 * entries() gives, when the menu opens, what it lists: [{ label, className, icon, run }].
 */
export function menuButton(key, label, entries) {
  const button = el('button', { class: 'btn btn-row btn-outline-secondary row-menu-button', type: 'button',
    'data-menu-for': key, 'aria-haspopup': 'menu', 'aria-expanded': String(openFor === key), title: label,
    'aria-label': label }, el('i', { class: 'bi bi-three-dots-vertical', 'aria-hidden': 'true' }));
  button.addEventListener('click', () => { if (openFor === key) closeMenu(true); else open(button, key, label, entries()); });
  return button;
}
