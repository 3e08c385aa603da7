// Aansluitingen en bevindingen: every printed figure that does not add up, gedrukt against berekend with where it stands
// in the source (/v1/aansluitingen), and every finding about figures that contradict each other (/v1/bevindingen).

import { alsTabel, haal, verzoek } from '../api.js';
import { begrotingOpties, BEVINDINGSOORTEN, bevindingsoortLabel, ERNSTEN, standaardBegroting, standSleutel } from '../begrippen.js';
import { grafiekblok } from '../blok.js';
import { el, svg } from '../dom.js';
import { BALKMARGES, KLEUR, miljoenenAs, regelbreedte, rijen as rijindeling, teken, voorbeeld } from '../grafiek.js';
import { eenVan, keuzeformulier } from '../keuzes.js';
import * as opmaak from '../opmaak.js';
import { gevraagdePagina, PAGINAGROOTTE, pagineer, paginanavigatie } from '../pagina.js';
import { tabelVanApi } from '../tabel.js';

const Plot = globalThis.Plot;

const STATUSSEN = [
  { waarde: 'afwijking', label: 'Alleen afwijkingen' },
  { waarde: 'akkoord', label: 'Alleen wat aansluit' },
  { waarde: 'alle', label: 'Alle' },
];

const SOORTEN_AANSLUITING = [
  { waarde: '', label: 'Alle soorten' },
  { waarde: 'gedrukt-totaal', label: 'Gedrukt totaal' },
  { waarde: 'waarvan', label: 'Waarvan-regels' },
  { waarde: 'totaalregel', label: 'Totaalregel (budgettaire tabel)' },
  { waarde: 'bezettingstabel', label: 'Bezettingstabel' },
  { waarde: 'uitgavenbegroting-jenv', label: 'Uitgavenbegroting JenV' },
  { waarde: 'organisatie-delen', label: 'Delen van een organisatie' },
  { waarde: 'organisatie-begroting', label: 'Organisatie tegen begroting' },
];

const ERNST_KLEUR = { fout: '#a8200d', tegenstrijdig: '#e17000', twijfel: '#01689b' };

const AFWIJKEND = new Set(['sluit-niet', 'past-niet']);

/** The choice of every begroting: a value of its own, as the view opens on JenV when the URL names none. */
const ALLE = 'alle';

/** A verdict in words: "sluit niet" for the API's sluit-niet. */
const oordeelLabel = (oordeel) => oordeel.replaceAll('-', ' ');

/** The scale word after a euro amount, per unit of the API (x € 1.000 is thousands); the API's explanations write it so too. */
const SCHAAL = { 'x € 1.000': 'duizend', '€ miljoen': 'miljoen', '€ miljard': 'miljard', '€': '' };

/**
 * A number with its unit, written one way, as the API's explanations write it: "€ 18.596.347 duizend", "€ 1.364 miljoen",
 * "436 fte"; a count without unit. `tekst` is the number already written (as printed, or formatted).
 */
function metEenheid(tekst, eenheid) {
  if (eenheid in SCHAAL) return `€ ${tekst}${SCHAAL[eenheid] ? ` ${SCHAAL[eenheid]}` : ''}`;
  return eenheid === 'aantal' || !eenheid ? tekst : `${tekst} ${eenheid}`;
}

/** A unit as a column names it: "€ duizend" for x € 1.000, "€ miljoen", "fte". */
const eenheidLabel = (eenheid) => (eenheid in SCHAAL ? `€ ${SCHAAL[eenheid]}`.trim() : eenheid);

/**
 * What a reconciliation is, without its table in brackets ("(A. Uitgaven JenV)" after a waarvan line's artikel): the table
 * is named beside its source line here; the API's explanations leave it out the same way.
 */
const omschrijving = (r) => (r.bronTabel ? r.omschrijving.replace(` (${r.bronTabel})`, '') : r.omschrijving);

export default {
  id: 'aansluitingen',
  titel: 'Aansluitingen en bevindingen',

  toon(sectie, zoek, ctx) {
    const codes = ctx.begrotingen.map((b) => b.code);
    // The URL's order: the begroting both blocks are about, then each block's own selections, then the pages.
    const keuzes = {
      // JenV by default (the ministry's own begroting, as every view opens); every begroting is a choice of its own.
      begroting: eenVan(zoek, 'begroting', [ALLE, ...codes], standaardBegroting(ctx.begrotingen)),
      begrotingsjaar: zoek.get('begrotingsjaar') ?? '',
      fase: zoek.get('fase') ?? '',
      status: eenVan(zoek, 'status', STATUSSEN.map((s) => s.waarde), 'afwijking'),
      aansluiting: eenVan(zoek, 'aansluiting', SOORTEN_AANSLUITING.map((s) => s.waarde), ''),
      ernst: eenVan(zoek, 'ernst', ['', ...ERNSTEN.map((e) => e.waarde)], ''),
      soort: eenVan(zoek, 'soort', ['', ...BEVINDINGSOORTEN.map((s) => s.waarde)], ''),
      q: (zoek.get('q') ?? '').trim(),
      aansluitingenPagina: zoek.get('aansluitingenPagina') ?? '',
      bevindingenPagina: zoek.get('bevindingenPagina') ?? '',
    };
    let standen = [];
    const haalEenmaal = geheugen();

    sectie.append(el('p', { class: 'inleiding' },
      'Sluit de tabel aan? Elk gedrukt cijfer tegen wat de delen samen zijn, met waar het in de bron staat; en alles in de gegevens ',
      'wat niet te vertrouwen is. Een gedrukt cijfer wordt nooit verbeterd: de juiste waarde staat ernaast.'));
    const algemeen = el('div');
    const aansluitingKeuzes = el('div');
    const aansluitingen = grafiekblok({
      titel: 'Aansluitingen: gedrukt tegen berekend',
      eenheid: 'Elk cijfer in zijn eigen eenheid (€ duizend, € miljoen, fte); per eenheid een grafiek.',
      keuzes: aansluitingKeuzes,
    });
    const bevindingen = grafiekblok({
      titel: 'Bevindingen: cijfers die niet kloppen of elkaar tegenspreken',
      eenheid: 'Aantal bevindingen per soort en ernst, over alle standen van de gekozen begroting; in de tabel één rij per probleem met de jaren waarin het speelt, elk cijfer zoals gedrukt, met bestand en regel.',
      keuzes: keuzeformulier({
        label: 'Keuzes voor de bevindingen',
        velden: [
          { naam: 'ernst', label: 'Ernst', soort: 'lijst', opties: [{ waarde: '', label: 'Alle' }, ...ERNSTEN] },
          { naam: 'soort', label: 'Soort bevinding', soort: 'lijst', opties: [{ waarde: '', label: 'Alle soorten' }, ...BEVINDINGSOORTEN] },
          { naam: 'q', label: 'Zoeken in de bevindingen', soort: 'tekst', uitleg: 'Hele woorden en hun begin; hoofdletters en accenten tellen niet (DJI, politie).' },
        ],
        waarden: keuzes,
        bijWijziging: (nieuw) => wijzig({ ...nieuw, bevindingenPagina: '' }),
      }),
    });
    sectie.append(algemeen, aansluitingen.element, bevindingen.element);

    const EIGEN = {
      aansluitingen: ['begroting', 'begrotingsjaar', 'fase', 'status', 'aansluiting', 'aansluitingenPagina'],
      bevindingen: ['begroting', 'ernst', 'soort', 'q', 'bevindingenPagina'],
    };
    let getoond = {};

    /** With a begroting, its stand: the one named, else the API's default (its newest). Without one, the newest standen of all. */
    function kiesStand() {
      const begroting = ctx.begrotingen.find((b) => b.code === keuzes.begroting);
      const inJaar = standen.filter((s) => String(s.begrotingsjaar) === String(keuzes.begrotingsjaar));
      const stand = !begroting ? null : inJaar.find((s) => s.fase === keuzes.fase.toLowerCase()) ?? inJaar.at(-1)
        ?? standen.find((s) => s.begrotingsjaar === begroting.begrotingsjaar && s.fase === begroting.fase) ?? standen.at(-1);
      keuzes.begrotingsjaar = stand ? String(stand.begrotingsjaar) : '';
      keuzes.fase = stand?.fase ?? '';
    }

    function bouwFormulieren() {
      const actief = document.activeElement?.name;
      algemeen.replaceChildren(keuzeformulier({
        label: 'Begroting',
        velden: [{
          naam: 'begroting', label: 'Begroting', soort: 'lijst',
          opties: [{ waarde: ALLE, label: 'Alle (de nieuwste standen en de organisatiecijfers)' }, ...begrotingOpties(ctx.begrotingen)],
        }],
        waarden: keuzes,
        bijWijziging: (nieuw) => wijzig({ ...nieuw, begrotingsjaar: '', fase: '', aansluitingenPagina: '', bevindingenPagina: '' }),
      }));
      aansluitingKeuzes.replaceChildren(keuzeformulier({
        label: 'Keuzes voor de aansluitingen',
        velden: [
          ...(keuzes.begroting !== ALLE ? [{
            naam: 'stand', label: 'Stand', soort: 'lijst',
            opties: standen.map((s) => ({ waarde: standSleutel(s), label: s.label, groep: `Begrotingsjaar ${s.begrotingsjaar}` })),
          }] : []),
          { naam: 'status', label: 'Welke', soort: 'keuzerondjes', opties: STATUSSEN },
          { naam: 'aansluiting', label: 'Soort aansluiting', soort: 'lijst', opties: SOORTEN_AANSLUITING },
        ],
        waarden: { ...keuzes, stand: `${keuzes.begrotingsjaar}-${keuzes.fase}` },
        bijWijziging: ({ stand, ...nieuw }) => wijzig({
          ...nieuw, aansluitingenPagina: '',
          ...(stand ? { begrotingsjaar: stand.slice(0, 4), fase: stand.slice(5) } : {}),
        }),
      }));
      if (actief) sectie.querySelector(`form [name="${actief}"]`)?.focus();
    }

    async function wijzig(nieuw, { vervang = false } = {}) {
      const andereBegroting = nieuw.begroting !== undefined && nieuw.begroting !== keuzes.begroting;
      Object.assign(keuzes, nieuw);
      if (andereBegroting || vervang) {
        aansluitingen.bezig();
        try {
          standen = keuzes.begroting !== ALLE ? (await ctx.standenVan(keuzes.begroting)).standen : [];
        } catch (fout) {
          if (fout.name !== 'ApiFout') console.error(fout);
          aansluitingen.fout(fout);
          return;
        }
        if (ctx.signal.aborted) return;
      }
      kiesStand();
      ctx.zetUrl(keuzes, { vervang });
      bouwFormulieren();
      const anders = (namen) => namen.some((n) => getoond[n] !== keuzes[n]);
      const metGeheugen = { ...ctx, haalEenmaal };
      if (anders(EIGEN.aansluitingen)) toonAansluitingen(aansluitingen, keuzes, metGeheugen, (pagina) => wijzig({ aansluitingenPagina: String(pagina) }));
      if (anders(EIGEN.bevindingen)) toonBevindingen(bevindingen, keuzes, metGeheugen, (pagina) => wijzig({ bevindingenPagina: String(pagina) }));
      getoond = { ...keuzes };
    }

    wijzig({}, { vervang: true });
  },
};

/**
 * One page of a paged resource, PAGINAGROOTTE rows: the page the URL chose, or the last page when it chose one beyond it (a
 * shared link after the data changed). The page shown is put back in the URL, which omits the first page.
 */
async function haalPagina(ctx, keuzes, naam, pad, filters) {
  const url = (pagina) => verzoek(pad, { ...filters, pagina, paginaGrootte: PAGINAGROOTTE });
  let adres = url(gevraagdePagina(keuzes[naam]));
  let antwoord = await ctx.haalEenmaal(adres, ctx.signal);
  const { pagina, aantalPaginas } = antwoord.metadata.paginering;
  if (pagina > aantalPaginas && aantalPaginas >= 1) {
    adres = url(aantalPaginas);
    antwoord = await ctx.haalEenmaal(adres, ctx.signal);
  }
  return { url: adres, antwoord };
}

/** The page shown, in the URL. */
function zetPagina(keuzes, naam, deel, ctx) {
  const pagina = deel.pagina > 1 ? String(deel.pagina) : '';
  if (keuzes[naam] !== pagina) {
    keuzes[naam] = pagina;
    ctx.zetUrl(keuzes, { vervang: true });
  }
}


/**
 * How many of the chosen reconciliations do not add up, over all pages. The status filter often says it already (all of
 * them, or none); with every status it takes one request of a single row for the total of the afwijkingen.
 */
async function aantalAfwijkingen(ctx, filters, status, totaal) {
  if (['afwijking', ...AFWIJKEND].includes(status)) return totaal;
  if (status) return 0;
  const antwoord = await haal(verzoek('/aansluitingen', { ...filters, status: 'afwijking', paginaGrootte: 1 }), { signal: ctx.signal });
  return antwoord.metadata.paginering.totaalAantal;
}

/** The begroting to ask the API for: none for every begroting. */
const gekozenBegroting = (keuzes) => (keuzes.begroting === ALLE ? '' : keuzes.begroting);

function toonAansluitingen(blok, keuzes, ctx, naarPagina) {
  const status = keuzes.status === 'alle' ? '' : keuzes.status;
  const filters = { begroting: gekozenBegroting(keuzes), begrotingsjaar: keuzes.begrotingsjaar, fase: keuzes.fase, status, aansluiting: keuzes.aansluiting };
  blok.laad(async () => {
    const { url, antwoord } = await haalPagina(ctx, keuzes, 'aansluitingenPagina', '/aansluitingen', filters);
    // The table and its downloads are the API's table of the same page (/aansluitingen/tabel); the chart draws the rows.
    const tabelUrl = alsTabel(url);
    const tabelAntwoord = await ctx.haalEenmaal(tabelUrl, ctx.signal);
    const totaal = antwoord.metadata.paginering.totaalAantal;
    const afwijkingen = totaal ? await aantalAfwijkingen(ctx, filters, status, totaal) : 0;
    return () => {
      if (!totaal) {
        blok.meld(`Geen aansluitingen met deze keuzes${antwoord.metadata?.stand ? ` in ${antwoord.metadata.stand}` : ''}.`);
        return;
      }
      const deel = pagineer(antwoord);
      zetPagina(keuzes, 'aansluitingenPagina', deel, ctx);
      const rijen = antwoord.gegevens.map((r, i) => ({ ...r, sleutel: String(i), label: r.jaar ? `${r.jaar} · ${omschrijving(r)}` : omschrijving(r) }));
      tekenPerEenheid(blok, rijen);
      blok.toon({
        samenvatting: `${totaal} aansluiting${totaal === 1 ? '' : 'en'}, waarvan ${afwijkingen} niet ${afwijkingen === 1 ? 'sluit of past' : 'sluiten of passen'}` +
          `${deel.aantal > 1 ? `; grafiek en tabel tonen ${deel.eerste}–${deel.laatste}` : ''}. Open rondje: gedrukt; blauw vierkant: berekend uit de delen.`,
        paginas: paginanavigatie({ deel, wat: 'aansluitingen', naar: naarPagina }),
        tabelElement: tabelVanApi(tabelAntwoord, {
          // A verdict that does not add up stands out; the words are the API's.
          cel: (k, rij, tekst) => (k.sleutel === 'oordeel' && AFWIJKEND.has(tekst.replace(' ', '-')) ? el('span', { class: 'oordeel-afwijking' }, tekst) : undefined),
        }),
        tabelUrl,
        bestandUrl: alsTabel(verzoek('/aansluitingen', filters)),
        urls: [url],
        metadata: antwoord.metadata,
        legendaItems: [
          el('li', {}, legendaRondje(), 'gedrukt'),
          el('li', {}, voorbeeld({ kleur: KLEUR.berekend, vlak: true }), 'berekend uit de delen'),
        ],
      });
      ctx.meld(`Aansluitingen bijgewerkt: ${rijen.length} getoond.`);
    };
  });
}

/** The legend's sample of a printed figure: the open circle of the chart. */
function legendaRondje() {
  return svg('svg', { width: 16, height: 16, 'aria-hidden': 'true', focusable: 'false' },
    svg('circle', { cx: 8, cy: 8, r: 5.5, fill: '#fff', stroke: KLEUR.gedrukt, 'stroke-width': 2.5 }));
}

/** A dumbbell per reconciliation: the printed figure (open circle) and the computed one (square) on one axis per unit. */
function tekenPerEenheid(blok, rijen) {
  const eenheden = [...new Set(rijen.map((r) => r.eenheid))];
  const houders = eenheden.map(() => el('div', { class: 'grafiek-houder' }));
  blok.grafiek.replaceChildren(...eenheden.flatMap((eenheid, i) => [
    el('h4', { class: 'deelgrafiek-titel' }, eenheid === 'x € 1.000' ? 'Bedragen in € duizend (de as in € miljoen)' : `In ${eenheidLabel(eenheid)}`), houders[i],
  ]));
  eenheden.forEach((eenheid, i) => {
    const deel = rijen.filter((r) => r.eenheid === eenheid);
    const indeling = rijindeling(deel.length, { rijHoogte: deel.length > 30 ? 36 : 44 });
    const maximum = Math.max(...deel.flatMap((r) => [r.gedrukt, r.berekend]));
    const geld = eenheid === 'x € 1.000';
    const rechts = (r) => (AFWIJKEND.has(r.oordeel) ? `verschil ${opmaak.getalMetTeken(r.verschil)}` : oordeelLabel(r.oordeel));
    teken(houders[i], (breedte) => ({
      height: indeling.hoogte,
      ...BALKMARGES,
      x: {
        axis: 'top', label: null, grid: true, insetLeft: 6, insetRight: 8,
        ...(geld
          ? miljoenenAs([0, maximum], Math.max(2, Math.floor(breedte / 110)))
          : { domain: [0, maximum], nice: true, tickFormat: opmaak.getal, ticks: Math.max(2, Math.floor(breedte / 110)) }),
      },
      y: { axis: null, type: 'band', domain: deel.map((r) => r.sleutel), padding: 0 },
      marks: [
        Plot.link(deel, { x1: 'gedrukt', x2: 'berekend', y1: 'sleutel', y2: 'sleutel', dy: 8, stroke: '#6b6b6b', strokeWidth: 1.5 }),
        Plot.dot(deel, {
          x: 'gedrukt', y: 'sleutel', dy: 8, r: 5.5, stroke: KLEUR.gedrukt, strokeWidth: 2.5, fill: 'white',
          title: (r) => `${r.label}: gedrukt ${metEenheid(opmaak.getal(r.gedrukt), r.eenheid)}`,
        }),
        Plot.dot(deel, {
          x: 'berekend', y: 'sleutel', dy: 8, r: 4.5, symbol: 'square', fill: KLEUR.berekend,
          title: (r) => `${r.label}: berekend ${metEenheid(opmaak.getal(r.berekend), r.eenheid)}`,
        }),
        Plot.text(deel, {
          y: 'sleutel', text: 'label', frameAnchor: 'left', textAnchor: 'start', dy: indeling.labelDy,
          lineWidth: regelbreedte(breedte, deel.map(rechts)), textOverflow: 'ellipsis',
        }),
        Plot.text(deel, {
          y: 'sleutel', frameAnchor: 'right', textAnchor: 'end', dy: indeling.labelDy, fontWeight: 600,
          fill: (r) => (AFWIJKEND.has(r.oordeel) ? KLEUR.gedrukt : 'currentColor'),
          text: rechts,
        }),
      ],
    }), { label: `Grafiek: gedrukt tegen berekend, in ${eenheidLabel(eenheid)}, voor ${deel.length} aansluiting${deel.length === 1 ? '' : 'en'}.` });
  });
}

/**
 * The last answer of each resource while the view is open: the page a block shows is not asked for again when only the
 * other block changes. Another page, or a reload, asks again.
 */
function geheugen() {
  const laatste = new Map();
  return async (url, signal) => {
    const pad = url.split('?')[0];
    const bewaard = laatste.get(pad);
    if (bewaard?.url === url) return bewaard.antwoord;
    const antwoord = await haal(url, { signal });
    laatste.set(pad, { url, antwoord });
    return antwoord;
  };
}

/**
 * The findings, one row per problem (/v1/bevindingen/gegroepeerd): a check that fails the same way for the same figure in
 * several years is one row listing its years, with each year's figures beneath. The chart counts every finding of the
 * selection per kind and severity (metadata.tellingen, over all pages); the table lists one page of problems.
 */
function toonBevindingen(blok, keuzes, ctx, naarPagina) {
  const filters = { begroting: gekozenBegroting(keuzes), ernst: keuzes.ernst, soort: keuzes.soort, q: keuzes.q };
  blok.laad(async () => {
    // One request: the API's table of the page (one row per problem), whose metadata counts every finding of the choice for the chart.
    const { url, antwoord: tabelAntwoord } = await haalPagina(ctx, keuzes, 'bevindingenPagina', '/bevindingen/tabel', filters);
    const antwoord = { ...tabelAntwoord, gegevens: tabelAntwoord.rijen };
    return () => {
      const problemen = antwoord.metadata.paginering.totaalAantal;
      if (!problemen) {
        blok.meld(keuzes.q ? `Geen bevindingen met deze keuzes die '${keuzes.q}' noemen.` : 'Geen bevindingen met deze keuzes.');
        return;
      }
      const geteld = antwoord.metadata.tellingen;
      const totaal = geteld.reduce((som, t) => som + t.aantal, 0);
      const soorten = BEVINDINGSOORTEN.map((s) => s.waarde).filter((s) => geteld.some((t) => t.soort === s));
      for (const t of geteld) if (!soorten.includes(t.soort)) soorten.push(t.soort);
      const tellingen = soorten.flatMap((soort) => ERNSTEN.map((e) => ({
        soort, ernst: e.waarde, aantal: geteld.find((t) => t.soort === soort && t.ernst === e.waarde)?.aantal ?? 0,
      }))).filter((t) => t.aantal > 0);
      const aantal = (soort) => geteld.filter((t) => t.soort === soort).reduce((som, t) => som + t.aantal, 0);
      const perErnst = (ernst) => geteld.filter((t) => t.ernst === ernst).reduce((som, t) => som + t.aantal, 0);
      const indeling = rijindeling(soorten.length, { rijHoogte: 40 });
      const meeste = Math.max(...soorten.map(aantal));
      // Counts are whole numbers: round ticks, at whole steps only.
      const gehele = (breedte) => globalThis.d3.ticks(0, meeste, Math.max(2, Math.floor(breedte / 90))).filter(Number.isInteger);
      teken(blok.grafiek, (breedte) => ({
        height: indeling.hoogte,
        ...BALKMARGES,
        x: { axis: 'top', label: null, grid: true, domain: [0, meeste], tickFormat: opmaak.getal, ticks: gehele(breedte) },
        y: { axis: null, type: 'band', domain: soorten, padding: 0 },
        color: { domain: ERNSTEN.map((e) => e.waarde), range: ERNSTEN.map((e) => ERNST_KLEUR[e.waarde]) },
        marks: [
          Plot.barX(tellingen, Plot.stackX({
            x: 'aantal', y: 'soort', fill: 'ernst', ...indeling.balkInsets[0], stroke: 'white',
            title: (t) => `${bevindingsoortLabel(t.soort)}, ${t.ernst}: ${t.aantal}`,
          })),
          Plot.text(soorten, { y: (s) => s, text: bevindingsoortLabel, frameAnchor: 'left', textAnchor: 'start', dy: indeling.labelDy, lineWidth: regelbreedte(breedte, ['999']), textOverflow: 'ellipsis' }),
          Plot.text(soorten, { y: (s) => s, text: (s) => String(aantal(s)), frameAnchor: 'right', textAnchor: 'end', dy: indeling.labelDy, fontWeight: 600 }),
          Plot.ruleX([0]),
        ],
      }), { label: `Staafgrafiek: aantal bevindingen per soort, naar ernst, ${totaal} in totaal.` });

      const deel = pagineer(antwoord);
      zetPagina(keuzes, 'bevindingenPagina', deel, ctx);
      blok.toon({
        samenvatting: `${totaal} bevinding${totaal === 1 ? '' : 'en'} in ${problemen} ${problemen === 1 ? 'probleem' : 'problemen'}: ` +
          ERNSTEN.map((e) => `${perErnst(e.waarde)} ${e.label.toLowerCase()}`).join(', ') +
          `. Een probleem dat in meer jaren speelt staat één keer, met zijn jaren` +
          `${deel.aantal > 1 ? `; de tabel toont problemen ${deel.eerste}–${deel.laatste}, in de volgorde van de API` : ''}.`,
        paginas: paginanavigatie({ deel, wat: 'bevindingen', naar: naarPagina }),
        paginasBijTabel: true,
        tabelElement: tabelVanApi(tabelAntwoord, {
          rijkop: 'soort',
          breed: ['uitleg'],
          // Every figure of a problem (up to a dozen in the open data) behind a disclosure; the figure it turns on stays in view.
          ingeklapt: { cijfers: (n) => `alle ${n} cijfers` },
          cel: (k, rij, tekst) => {
            const ernst = ERNSTEN.find((e) => e.label === tekst);
            return k.sleutel === 'ernst' && ernst ? el('span', { class: `ernst ernst-${ernst.waarde}` }, tekst) : undefined;
          },
        }),
        tabelUrl: url,
        bestandUrl: verzoek('/bevindingen/tabel', filters),
        urls: [url],
        metadata: antwoord.metadata,
        legendaItems: ERNSTEN.map((e) => el('li', {}, voorbeeld({ kleur: ERNST_KLEUR[e.waarde], vlak: true }), e.label.toLowerCase())),
      });
    };
  });
}
