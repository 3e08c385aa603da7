// The table view of a chart: the same figures, exactly, with a caption and headers a screen reader can follow. Every column
// sorts by a button in its header (aria-sort says how it is sorted); numbers sort as numbers and an empty cell comes last
// either way. On a narrow screen the name column stays in view while the figures scroll, and the box says that it scrolls.

import { el, nieuwId } from './dom.js';
import * as opmaak from './opmaak.js';

const { LEEG } = opmaak;

const RICHTING = { oplopend: 'ascending', aflopend: 'descending' };

/**
 * kolommen: [{ kop, waarde: (rij) => text | Node, getal?: true, rijkop?: true, geenAfbreking?: true, breed?: true,
 * sleutel?: (rij) => number | string | null }]; rijen: the API's rows (or derived rows). A `breed` column holds running text
 * (an explanation) and gets the room of a short paragraph. A column with rijkop is the row's header (th scope="row").
 * rijKlasse(rij) may give a class ('totaalregel': a total stays below its parts whatever the order).
 * A column sorts by `sleutel` where given, else by what its cell shows: a number column by the Dutch number it shows
 * ("18.596.347", "+1,29%"), any other column as text in Dutch order. sortering: { kolom: index, richting: 'aflopend' }
 * is the order the table opens in; without it, the order of the rows as given.
 */
export function tabel({ bijschrift, kolommen, rijen, rijKlasse, sortering }) {
  const id = nieuwId('tabel');
  const regels = rijen.map((rij, volgorde) => ({
    volgorde,
    totaal: rijKlasse?.(rij) === 'totaalregel',
    sleutels: kolommen.map((k) => sorteerwaarde(k, rij)),
    element: el('tr', { class: rijKlasse?.(rij) ?? null },
      kolommen.map((k) => el(k.rijkop ? 'th' : 'td', { scope: k.rijkop ? 'row' : null, class: klasse(k) },
        // A table cell's own width is only a wish to the table's layout; a block inside it with a minimum width is kept.
        k.breed ? el('div', { class: 'lopende-tekst' }, k.waarde(rij)) : k.waarde(rij)))),
  }));
  const lichaam = el('tbody', {}, regels.map((r) => r.element));
  const koppen = kolommen.map((k, i) => el('th', { scope: 'col', class: klasse(k) },
    el('button', { type: 'button', class: 'sorteer', onclick: () => sorteer(i) },
      k.kop)));
  // The caption names the table for assistive technology; the same words are shown above the box, where a table wider
  // than the screen cannot cut them off (aria-hidden: heard once, from the caption).
  const table = el('table', {}, el('caption', { id, class: 'visueel-verborgen' }, bijschrift), el('thead', {}, el('tr', {}, koppen)), lichaam);

  let huidig = null;
  function sorteer(kolom, richting) {
    const nieuw = richting ?? (huidig?.kolom === kolom && huidig.richting === 'oplopend' ? 'aflopend'
      : huidig?.kolom === kolom ? 'oplopend' : kolommen[kolom].getal ? 'aflopend' : 'oplopend');
    huidig = { kolom, richting: nieuw };
    const teken = nieuw === 'oplopend' ? 1 : -1;
    const volgorde = [...regels].sort((a, b) => {
      if (a.totaal !== b.totaal) return a.totaal ? 1 : -1;
      const [x, y] = [a.sleutels[kolom], b.sleutels[kolom]];
      // Empty last, whichever way: a blank is no amount, neither the smallest nor the largest.
      if (x === null || y === null) return x === y ? a.volgorde - b.volgorde : x === null ? 1 : -1;
      const verschil = typeof x === 'number' && typeof y === 'number' ? x - y : tekstvolgorde.compare(String(x), String(y));
      return verschil === 0 ? a.volgorde - b.volgorde : teken * verschil;
    });
    lichaam.replaceChildren(...volgorde.map((r) => r.element));
    // Told to the block (js/blok.js), which puts the order in its download links: the file is sorted as the screen.
    if (!richting) table.dispatchEvent(new CustomEvent('gesorteerd', { bubbles: true, detail: { kolom, richting: nieuw } }));
    // The arrow is drawn by dashboard.css from aria-sort, so the header's text stays its name.
    koppen.forEach((th, i) => {
      if (i === kolom) th.setAttribute('aria-sort', RICHTING[nieuw]);
      else th.removeAttribute('aria-sort');
    });
  }
  if (sortering) sorteer(sortering.kolom, sortering.richting);

  // The box scrolls sideways on a narrow screen, not the page; focusable so a keyboard can scroll it too.
  const hint = el('p', { class: 'schuif-hint', id: nieuwId('schuif'), hidden: true }, 'Schuif de tabel opzij voor meer kolommen →');
  const houder = el('div', { class: 'tabel-houder', role: 'region', 'aria-labelledby': id, tabindex: 0 }, table);
  volgBreedte(houder, hint);
  return el('div', { class: 'tabel' }, el('p', { class: 'tabel-titel', 'aria-hidden': 'true' }, bijschrift), hint, houder);
}

/**
 * A figure in its own unit with every decimal the API gives (8.480,305), as the file holds it: the shortest form of the number
 * (JavaScript's own), with the Dutch separators.
 */
function exact(v) {
  const [geheel, decimalen] = String(Math.abs(v)).split('.');
  return `${v < 0 ? '-' : ''}${opmaak.bedrag(Number(geheel))}${decimalen ? `,${decimalen}` : ''}`;
}

/** How a cell of each unit of the API's tables shows (Tabeleenheid, src/BudgetApi/Http/Tabel.cs): Dutch numbers, a blank as —. */
const OPMAAK = {
  tekst: (v) => v ?? LEEG,
  code: (v) => (v === null || v === undefined ? LEEG : String(v)),
  bedrag: opmaak.bedrag,
  mutatie: opmaak.mutatie,
  procent: opmaak.procent,
  'procent-met-teken': opmaak.procentMetTeken,
  getal: (v) => (v === null || v === undefined ? LEEG : exact(v)),
  'getal-met-teken': (v) => (v === null || v === undefined ? LEEG : `${v > 0 ? '+' : ''}${exact(v)}`),
  euro: opmaak.euro,
};

/**
 * A table as the API serves it (`/v1/…/tabel`: { titel, kolommen: [{ sleutel, titel, eenheid }], rijen: [{ cellen, totaal }] }),
 * drawn with its caption, its headings and its rows in its order: the block's CSV and Excel downloads are the same table, so
 * what the screen shows is what the file holds. Only how a cell looks is decided here (Dutch numbers, a link): never which
 * columns, headings or rows. rijkop: the sleutel of the column that heads each row (default the first); cel(kolom, rij, tekst)
 * may give a cell as a node (a link); breed: the sleutels of columns of running text; sortering as tabel() takes it, by sleutel.
 */
export function tabelVanApi(antwoord, { rijkop, cel, breed = [], ingeklapt = {}, sortering } = {}) {
  const kop = rijkop ?? antwoord.kolommen[0]?.sleutel;
  const kolommen = antwoord.kolommen.map((k, i) => {
    const getal = k.eenheid !== 'tekst';
    // A word in a number column ("niet in stand") shows as the API gives it.
    const toon = (v) => (typeof v === 'string' && getal ? v : (OPMAAK[k.eenheid] ?? OPMAAK.tekst)(v));
    return {
      kop: k.titel,
      getal,
      geenAfbreking: getal,
      rijkop: k.sleutel === kop,
      breed: breed.includes(k.sleutel),
      waarde: (rij) => cel?.(k, rij, toon(rij.cellen[i])) ?? metLinks(k.sleutel, rij, toon(rij.cellen[i]), ingeklapt[k.sleutel]),
      // A number column sorts by the API's number itself; a word or a blank in it comes last.
      sleutel: getal ? (rij) => (typeof rij.cellen[i] === 'number' ? rij.cellen[i] : null) : undefined,
    };
  });
  const kolom = sortering ? antwoord.kolommen.findIndex((k) => k.sleutel === sortering.sleutel) : -1;
  const element = tabel({
    bijschrift: antwoord.titel,
    kolommen,
    rijen: antwoord.rijen,
    rijKlasse: (r) => (r.totaal ? 'totaalregel' : null),
    sortering: kolom >= 0 ? { kolom, richting: sortering.richting } : undefined,
  });
  // The API names its columns by sleutel: sorteer=sleutel ascending, -sleutel descending (docs/api.md).
  element.addEventListener('gesorteerd', (e) => {
    e.detail.sorteer = `${e.detail.richting === 'aflopend' ? '-' : ''}${antwoord.kolommen[e.detail.kolom].sleutel}`;
  });
  return element;
}

/**
 * A cell with the links the API gives in it (rijen[].links: where in the cell's text, and to where): those pieces of text become
 * links, named in full for assistive technology. A text of several lines keeps its lines; `samenvatting(regels)` puts it behind
 * a disclosure with that summary (a long list of figures), the links outside the summary, which is itself a control.
 */
function metLinks(sleutel, rij, tekst, samenvatting) {
  const links = (rij.links ?? []).filter((l) => l.kolom === sleutel).sort((a, b) => a.begin - b.begin);
  if (!links.length && !tekst.includes('\n')) return tekst;
  const delen = [];
  let plaats = 0;
  for (const l of links) {
    if (l.begin < plaats || tekst.slice(l.begin, l.begin + l.tekst.length) !== l.tekst) continue;
    delen.push(tekst.slice(plaats, l.begin), el('a', { href: l.adres, class: 'bronregel', 'aria-label': l.naam }, l.tekst));
    plaats = l.begin + l.tekst.length;
  }
  delen.push(tekst.slice(plaats));
  const inhoud = el('span', { class: 'regels' }, delen);
  if (!samenvatting) return inhoud;
  const regels = tekst.split('\n').length;
  return el('details', {}, el('summary', {}, samenvatting(regels)), inhoud);
}

/** Shows the cue, and the shadow on the side with more columns, only while the table is wider than its box. */
function volgBreedte(houder, hint) {
  const werkBij = () => {
    const schuift = houder.scrollWidth > houder.clientWidth + 1;
    hint.hidden = !schuift;
    houder.classList.toggle('schuift', schuift);
    houder.classList.toggle('aan-het-eind', houder.scrollLeft + houder.clientWidth >= houder.scrollWidth - 1);
    if (schuift) houder.setAttribute('aria-describedby', hint.id);
    else houder.removeAttribute('aria-describedby');
  };
  new ResizeObserver(werkBij).observe(houder);
  houder.addEventListener('scroll', werkBij, { passive: true });
}

const tekstvolgorde = new Intl.Collator('nl', { numeric: true, sensitivity: 'base' });

/** What a cell sorts by: the column's own key, else the number a number column shows, else its text. Empty is null. */
function sorteerwaarde(kolom, rij) {
  if (kolom.sleutel) return kolom.sleutel(rij) ?? null;
  const inhoud = kolom.waarde(rij);
  const tekst = (inhoud instanceof Node ? inhoud.textContent : String(inhoud ?? '')).replace(/\s+/g, ' ').trim();
  if (tekst === '' || tekst === LEEG) return null;
  return kolom.getal ? getalVan(tekst) : tekst;
}

/** A number as the dashboard prints it, back to a number: "18.596.347" → 18596347, "+1,29%" → 1.29, "€ 127.217" → 127217. */
function getalVan(tekst) {
  const schoon = tekst.replace(/[^\d,+\-−]/g, '').replace('−', '-').replace(',', '.');
  const getal = Number.parseFloat(schoon);
  return Number.isFinite(getal) ? getal : tekst;
}

const klasse = (kolom) => [kolom.getal && 'getal', kolom.geenAfbreking && 'geen-afbreking'].filter(Boolean).join(' ') || null;
