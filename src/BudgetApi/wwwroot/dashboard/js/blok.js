// One chart as the dashboard shows every chart: a heading, the unit, the chart with a written summary, the same figures
// as a table, the exact API request behind it, and that request as CSV and Excel downloads.

import { alsDownload, ApiFout } from './api.js';
import { el, nieuwId } from './dom.js';

/** titel and eenheid head the block; `keuzes` (a form) goes above the chart when the block has selections of its own. */
export function grafiekblok({ titel, eenheid, keuzes }) {
  const kopId = nieuwId('blok');
  const kop = el('h3', { id: kopId }, titel);
  const eenheidTekst = el('p', { class: 'eenheid' }, eenheid ?? '');
  const melding = el('div');
  // Where a block shows one page of a long list: which rows, and the way to the others (js/pagina.js); above the chart
  // when the chart shows the page, above the table when only the table does.
  const navigatie = el('div');
  const navigatieTabel = el('div');
  const legenda = el('ul', { class: 'legenda', hidden: true });
  const grafiek = el('div', { class: 'grafiek-houder' });
  const bijschrift = el('figcaption');
  const figuur = el('figure', { class: 'grafiek-figuur' }, legenda, grafiek, bijschrift);
  const tabel = el('div');
  const verzoeken = el('div', { class: 'verzoeken' });
  const herkomst = el('p', { class: 'herkomst', hidden: true });
  const element = el('section', { class: 'blok', 'aria-labelledby': kopId }, kop, eenheidTekst, keuzes ?? null, melding, navigatie, figuur, navigatieTabel, tabel, verzoeken, herkomst);

  let volgnummer = 0;
  // The last work asked, so that "Opnieuw proberen" asks the same again.
  let laatsteWerk = null;

  /** No chart: the figure, its navigation, table and requests cleared, for a message in their place. */
  function zonderCijfers() {
    element.removeAttribute('aria-busy');
    figuur.hidden = true;
    navigatie.replaceChildren();
    navigatieTabel.replaceChildren();
    tabel.replaceChildren();
    verzoeken.replaceChildren();
    herkomst.hidden = true;
  }

  const blok = {
    element,
    grafiek,
    titel,

    /**
     * Fetches and draws: `werk()` fetches and returns the function that draws. Only the latest call draws, so a slow
     * answer to an older selection never overwrites a newer one. A failed request becomes the API's message in the view;
     * any other error is a defect of the dashboard and goes to the console as well.
     */
    async laad(werk) {
      laatsteWerk = werk;
      const mijn = ++volgnummer;
      blok.bezig();
      try {
        const teken = await werk();
        if (mijn === volgnummer) teken?.();
      } catch (fout) {
        if (fout?.name === 'AbortError' || mijn !== volgnummer) return;
        if (!(fout instanceof ApiFout)) console.error(fout);
        blok.fout(fout);
      }
    },

    /** Waiting for the API: the old figures stay visible, dimmed, and assistive technology hears that it is busy. */
    bezig() {
      element.setAttribute('aria-busy', 'true');
    },

    /**
     * Shows the figures: the summary under the chart, the table, the request(s) and the data's provenance; `paginas` the
     * way to the other pages, above the chart or (`paginasBijTabel`) above the table.
     */
    toon({ samenvatting, tabelElement, urls, tabelUrl, bestandUrl = tabelUrl, metadata, legendaItems, paginas, paginasBijTabel = false, mislukt = [] }) {
      element.removeAttribute('aria-busy');
      // Requests of the block that failed while the others answered: named above what could be shown, with a retry.
      melding.replaceChildren(mislukt.length ? foutmelding(mislukt, opnieuw, { deels: true }) : '');
      navigatie.replaceChildren(!paginasBijTabel && paginas ? paginas : '');
      navigatieTabel.replaceChildren(paginasBijTabel && paginas ? paginas : '');
      figuur.hidden = false;
      // A summary is a sentence, or a sentence with notes (a scope change, the names as published).
      bijschrift.replaceChildren(...[].concat(samenvatting ?? '').filter((d) => d !== null && d !== undefined));
      tabel.replaceChildren(tabelElement ?? '');
      legenda.replaceChildren(...(legendaItems ?? []));
      legenda.hidden = !legendaItems?.length;
      verzoeken.replaceChildren(...verzoekLinks(urls, titel, tabelUrl, bestandUrl));
      const delen = [metadata?.bron && `Bron: ${metadata.bron}`, metadata?.stand && `stand: ${metadata.stand}`].filter(Boolean);
      herkomst.textContent = delen.length ? `${delen.join('; ')}.` : '';
      herkomst.hidden = !delen.length;
    },

    /** Something the reader must know instead of a chart: nothing chosen, or nothing to show for this choice. */
    meld(...inhoud) {
      zonderCijfers();
      melding.replaceChildren(el('div', { class: 'melding' }, ...inhoud.map((i) => (typeof i === 'string' ? el('p', {}, i) : i))));
    },

    /**
     * The API did not answer with figures: its own words (Dutch), the request, so the reader can try it, and a button that
     * asks again (the block's last work, or `probeerOpnieuw` where the view failed before it). An error of the dashboard itself is named as such in Dutch; its English text goes only to the console.
     */
    fout(fout, url, probeerOpnieuw = opnieuw) {
      zonderCijfers();
      const verzoekUrl = fout instanceof ApiFout ? fout.url : url;
      melding.replaceChildren(foutmelding([{ url: verzoekUrl, fout }], probeerOpnieuw));
    },
  };

  volgSortering(element, verzoeken);

  function opnieuw() {
    if (laatsteWerk) blok.laad(laatsteWerk);
  }
  return blok;
}

/** The order a reader picks by clicking a heading goes into the table's downloads in `verzoeken` (sorteer=, js/tabel.js): the file is sorted as the screen. */
export function volgSortering(element, verzoeken) {
  element.addEventListener('gesorteerd', (e) => {
    if (!e.detail.sorteer) return;
    for (const a of verzoeken.querySelectorAll('a[data-formaat]')) {
      // The table's request with the order, then the file's form: …/tabel?…&sorteer=-bedrag&formaat=csv&dialect=excel-nl.
      const adres = new URL(a.href, location.origin);
      const formaat = adres.searchParams.get('formaat');
      for (const naam of ['formaat', 'dialect']) adres.searchParams.delete(naam);
      adres.searchParams.set('sorteer', e.detail.sorteer);
      a.href = alsDownload(adres.pathname + adres.search, formaat);
    }
  });
}

/** The failed requests of a block, each with the API's words, and one button that tries the block again. */
function foutmelding(mislukt, opnieuw, { deels = false } = {}) {
  const uitleg = (fout) => (fout instanceof ApiFout ? fout.message : 'Er ging in het dashboard iets mis bij het tonen van deze cijfers.');
  const enkel = mislukt.length === 1;
  return el('div', { class: 'melding melding-fout', role: 'alert' },
    el('p', {}, enkel
      ? `${deels ? 'Eén verzoek van dit blok is mislukt; wat wel is opgehaald, staat hieronder.' : 'De cijfers voor dit blok konden niet worden opgehaald.'} ${uitleg(mislukt[0].fout)}`
      : `${mislukt.length} verzoeken van dit blok zijn mislukt; wat wel is opgehaald, staat hieronder.`),
    enkel
      ? (mislukt[0].url ? el('p', {}, 'Verzoek: ', el('a', { href: mislukt[0].url }, el('code', {}, mislukt[0].url))) : null)
      : el('ul', {}, mislukt.map(({ url, fout }) => el('li', {}, el('a', { href: url }, el('code', {}, url)), ` — ${uitleg(fout)}`))),
    el('p', {}, el('button', { type: 'button', class: 'pagina-knop', onclick: opnieuw }, 'Opnieuw proberen')));
}

/**
 * The request(s) behind a chart, each as a link; and the downloads. Where the table is the API's (`tabelUrl`, js/tabel.js
 * tabelVanApi), the downloads are that table's CSV and Excel: the file is the table on the screen. Elsewhere (the aansluitingen
 * and bevindingen) each request's own CSV and Excel, in the API's long form.
 */
export function verzoekLinks(urls = [], titel, tabelUrl, bestandUrl = tabelUrl) {
  const downloads = (url, formaat) => el('span', { class: 'downloads' },
    el('a', { href: alsDownload(url, 'csv'), download: true, 'data-formaat': formaat }, 'CSV', el('span', { class: 'visueel-verborgen' }, ` van ${titel}`)),
    el('a', { href: alsDownload(url, 'xlsx'), download: true, 'data-formaat': formaat }, 'Excel', el('span', { class: 'visueel-verborgen' }, ` van ${titel}`)));
  const link = (url) => el('a', { href: url }, el('code', {}, url));
  const verzoeken = urls.length === 1
    ? [el('p', {}, 'API-verzoek: ', link(urls[0]))]
    : urls.length > 1
      ? [el('details', {},
        el('summary', {}, tabelUrl ? `API-verzoeken (${urls.length})` : `API-verzoeken (${urls.length}), met CSV en Excel`),
        el('ul', {}, urls.map((url) => el('li', {}, link(url), ...(tabelUrl ? [] : [' — ', downloads(url)])))))]
      : [];
  if (tabelUrl) {
    return [...verzoeken,
      el('p', {}, 'De tabel: ', link(tabelUrl)),
      el('p', {}, bestandUrl === tabelUrl ? 'Tabel downloaden: ' : 'Tabel downloaden (alle rijen van de keuze, niet alleen deze pagina): ', downloads(bestandUrl, 'tabel'))];
  }
  return urls.length === 1 ? [...verzoeken, el('p', {}, 'Downloaden: ', downloads(urls[0]))] : verzoeken;
}
