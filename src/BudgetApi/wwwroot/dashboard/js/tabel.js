// The table view of a chart: the same figures, exactly, with a caption and headers a screen reader can follow.

import { el, nieuwId } from './dom.js';

/**
 * kolommen: [{ kop, waarde: (rij) => text | Node, getal?: true, rijkop?: true, geenAfbreking?: true, breed?: true }]; rijen: the API's
 * rows (or derived rows). A `breed` column holds running text (an explanation) and gets the room of a short paragraph.
 * A column with rijkop is the row's header (th scope="row"). rijKlasse(rij) may give a class ('totaalregel').
 */
export function tabel({ bijschrift, kolommen, rijen, rijKlasse }) {
  const id = nieuwId('tabel');
  const kop = el('tr', {}, kolommen.map((k) => el('th', { scope: 'col', class: klasse(k) }, k.kop)));
  const lichaam = rijen.map((rij) => el('tr', { class: rijKlasse?.(rij) ?? null },
    kolommen.map((k) => el(k.rijkop ? 'th' : 'td', { scope: k.rijkop ? 'row' : null, class: klasse(k) },
      // A table cell's own width is only a wish to the table's layout; a block inside it with a minimum width is kept.
      k.breed ? el('div', { class: 'lopende-tekst' }, k.waarde(rij)) : k.waarde(rij)))));
  const table = el('table', {}, el('caption', { id }, bijschrift), el('thead', {}, kop), el('tbody', {}, lichaam));
  // The box scrolls sideways on a narrow screen, not the page; focusable so a keyboard can scroll it too.
  return el('div', { class: 'tabel-houder', role: 'region', 'aria-labelledby': id, tabindex: 0 }, table);
}

const klasse = (kolom) => [kolom.getal && 'getal', kolom.geenAfbreking && 'geen-afbreking'].filter(Boolean).join(' ') || null;
