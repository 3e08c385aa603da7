// Long lists in pages: a chart or table of hundreds of rows is not something a reader can take in (the open data gives
// 800 reconciliations for one stand and 600 findings), so such a block shows one page of rows, says which, and offers
// the pages around it. The API answers with every row at once; the page is chosen here, and is in the URL like any selection.

import { el, nieuwId } from './dom.js';

/** Rows per page: enough to compare a table's rows at a glance, few enough for a chart of one row each. */
export const PAGINAGROOTTE = 20;

/** The page's rows, the page itself (within the pages there are) and the number of pages. `pagina` counts from 1. */
export function pagineer(rijen, pagina) {
  const aantal = Math.max(1, Math.ceil(rijen.length / PAGINAGROOTTE));
  const huidig = Math.min(Math.max(1, Number.parseInt(pagina, 10) || 1), aantal);
  const eerste = (huidig - 1) * PAGINAGROOTTE;
  return {
    rijen: rijen.slice(eerste, eerste + PAGINAGROOTTE), pagina: huidig, aantal,
    eerste: eerste + 1, laatste: Math.min(eerste + PAGINAGROOTTE, rijen.length), totaal: rijen.length,
  };
}

/**
 * The navigation between pages, or nothing when there is one page: which rows are shown, buttons to the previous and
 * next page and a list of every page. `naar(pagina)` shows another page. `wat` names the rows ("bevindingen").
 */
export function paginanavigatie({ deel, wat, naar }) {
  if (deel.aantal <= 1) return null;
  // The block draws again for the new page; the focus goes back to the control that was used, so a keyboard can go on paging.
  const gebruikt = terug?.wat === wat ? terug.bediening : null;
  terug = null;
  const ga = (bediening, pagina) => {
    terug = { wat, bediening };
    naar(pagina);
  };
  const id = nieuwId('pagina');
  const lijst = el('select', { id, class: 'pagina-lijst' },
    Array.from({ length: deel.aantal }, (_, i) => i + 1).map((p) => el('option', { value: p, selected: p === deel.pagina },
      `${p}: ${(p - 1) * PAGINAGROOTTE + 1}–${Math.min(p * PAGINAGROOTTE, deel.totaal)}`)));
  lijst.addEventListener('change', () => ga('lijst', Number(lijst.value)));
  const knop = (naam, tekst, pagina, uitleg) => el('button', {
    type: 'button', class: 'pagina-knop', 'data-bediening': naam, disabled: pagina < 1 || pagina > deel.aantal,
    onclick: () => ga(naam, pagina),
  }, tekst, el('span', { class: 'visueel-verborgen' }, ` ${uitleg}`));
  const navigatie = el('nav', { class: 'paginas', 'aria-label': `Pagina's van de ${wat}` },
    el('p', { class: 'paginas-stand' }, `${wat[0].toUpperCase()}${wat.slice(1)} ${deel.eerste}–${deel.laatste} van ${deel.totaal} (pagina ${deel.pagina} van ${deel.aantal}).`),
    el('div', { class: 'paginas-knoppen' },
      knop('vorige', 'Vorige', deel.pagina - 1, `pagina van de ${wat}`),
      knop('volgende', 'Volgende', deel.pagina + 1, `pagina van de ${wat}`),
      el('span', { class: 'keuze-veld' }, el('label', { for: id }, 'Pagina'), lijst)));
  if (gebruikt) {
    requestAnimationFrame(() => {
      const doel = gebruikt === 'lijst' ? lijst : navigatie.querySelector(`[data-bediening="${gebruikt}"]`);
      (doel && !doel.disabled ? doel : lijst).focus();
    });
  }
  return navigatie;
}

/** The control last used to page, and for which rows: the next navigation for those rows takes the focus back. */
let terug = null;
