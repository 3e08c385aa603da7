// Every source line the dashboard names is a link to that line and the lines around it, as the API serves them from the file
// the figure was read from (/v1/bronnen/{bestand}/regels): a reader checks a figure against its source without leaving the
// service, also where the service runs without a way out.

import { verzoek } from './api.js';
import { el } from './dom.js';

/** Lines shown on either side of the cited line: enough to see the table's row and its neighbours. */
export const OMGEVING = 2;

/** The request for a line with its surroundings: /v1/bronnen/introductiedossier-jenv-2026.txt/regels?van=531&tot=535. */
export function regelsVerzoek(bestand, regel) {
  return verzoek(`/bronnen/${encodeURIComponent(bestand)}/regels`, { van: Math.max(1, regel - OMGEVING), tot: regel + OMGEVING });
}

/**
 * A link to a source line. The visible text is short ("regel 533", or only "537" in a list of lines after "regels"); the link
 * says in full what it opens ("regel 533 van introductiedossier-jenv-2026.txt"), the rest for assistive technology only.
 */
export function regelLink(bestand, regel, { kort = false } = {}) {
  return el('a', { href: regelsVerzoek(bestand, regel), class: 'bronregel' },
    kort ? el('span', { class: 'visueel-verborgen' }, 'regel ') : 'regel ',
    String(regel),
    el('span', { class: 'visueel-verborgen' }, ` van ${bestand}`));
}

/**
 * The lines of the parts of a reconciliation, each a link to its own file: "regels 537, 539, 543". A part that stands in another
 * file than `bestand` (a stand from two open-data files) says so where it is.
 */
export function delenLinks(regels, bestanden, bestand) {
  return regels.flatMap((regel, i) => {
    const eigen = bestanden?.[i] ?? bestand;
    return [
      i > 0 ? ', ' : '',
      regelLink(eigen, regel, { kort: true }),
      eigen !== bestand ? el('span', { 'aria-hidden': 'true' }, ` (${eigen})`) : '',
    ];
  });
}
