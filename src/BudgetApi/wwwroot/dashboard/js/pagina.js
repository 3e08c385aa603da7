// Long lists in pages: a chart or table of hundreds of rows is not something a reader can take in (the open data gives
// 800 reconciliations for one stand and 600 findings), so such a block shows one page of rows, says which, and offers
// the pages around it. The API pages these resources itself (pagina, paginaGrootte, metadata.paginering): the dashboard
// asks for the page it shows and nothing more, and the page is in the URL like any selection.

import { el, nieuwId } from './dom.js';

/** Rows per page: enough to compare a table's rows at a glance, few enough for a chart of one row each. */
export const PAGINAGROOTTE = 20;

/** The page a URL's choice asks for: a whole number from 1; anything else is the first page. */
export function gevraagdePagina(tekst) {
  const pagina = Number.parseInt(tekst, 10);
  return pagina >= 1 ? pagina : 1;
}

/** The page the API answered, from its metadata.paginering: its rows, the page, the number of pages, which rows of how many. */
export function pagineer(antwoord) {
  const { pagina, paginaGrootte, aantalPaginas, totaalAantal } = antwoord.metadata.paginering;
  const eerste = (pagina - 1) * paginaGrootte;
  return {
    rijen: antwoord.gegevens, pagina, aantal: Math.max(1, aantalPaginas),
    eerste: eerste + 1, laatste: eerste + antwoord.gegevens.length, totaal: totaalAantal,
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
