// Mutaties: how a begroting moved between two standen, as a waterfall per artikel (/v1/mutaties), and begroting against
// realisatie per artikel (/v1/uitputting). Both need the standen of a begroting (/v1/standen); until the service offers
// these resources, the view says so and sends no request.

import { FASEN, faseLabel, standLabel } from '../begrippen.js';
import { haal, verzoek } from '../api.js';
import { grafiekblok, nogNietBeschikbaar } from '../blok.js';
import { el } from '../dom.js';
import { arcering, BALKMARGES, KLEUR, regelbreedte, rijen as rijindeling, teken, voorbeeld } from '../grafiek.js';
import { eenVan, keuzeformulier } from '../keuzes.js';
import * as opmaak from '../opmaak.js';
import { tabel } from '../tabel.js';

const Plot = globalThis.Plot;

const SOORTEN = [
  { waarde: 'uitgaven', label: 'Uitgaven' },
  { waarde: 'ontvangsten', label: 'Ontvangsten' },
  { waarde: 'verplichtingen', label: 'Verplichtingen' },
];

const AANWEZIG = { 'alleen-van': 'alleen in de eerste stand', 'alleen-naar': 'alleen in de tweede stand' };
const faseVolgorde = (fase) => FASEN.findIndex((f) => f.waarde === fase);

export default {
  id: 'mutaties',
  titel: 'Mutaties',

  toon(sectie, zoek, ctx) {
    const heeftStanden = ctx.aanbod.heeft('/standen');
    const heeftMutaties = heeftStanden && ctx.aanbod.heeft('/mutaties');
    const heeftUitputting = heeftStanden && ctx.aanbod.heeft('/uitputting');
    const codes = ctx.begrotingen.map((b) => b.code);

    sectie.append(el('p', { class: 'inleiding' },
      'Hoe een begroting verandert tussen twee standen (bijvoorbeeld van ontwerpbegroting naar jaarverslag), per artikel, ',
      'en hoeveel van de begroting is uitgegeven: begroting tegen realisatie.'));

    const keuzes = {
      begroting: eenVan(zoek, 'begroting', codes, codes[0]),
      soort: eenVan(zoek, 'soort', SOORTEN.map((s) => s.waarde), 'uitgaven'),
    };
    const algemeen = el('div');
    const mutatieKeuzes = el('div');
    const uitputtingKeuzes = el('div');
    const mutatieBlok = grafiekblok({
      titel: 'Mutaties tussen twee standen, per artikel',
      eenheid: 'Waterval: het totaal van de eerste stand, dan per artikel de mutatie, dan het totaal van de tweede stand. Grafiek in € miljoen; tabel in € × 1.000.',
      keuzes: mutatieKeuzes,
    });
    const uitputtingBlok = grafiekblok({
      titel: 'Begroting tegen realisatie, per artikel',
      eenheid: 'Per artikel de laatste begrotingsstand en de realisatie uit het jaarverslag. Grafiek in € miljoen; tabel in € × 1.000.',
      keuzes: uitputtingKeuzes,
    });
    sectie.append(algemeen, mutatieBlok.element, uitputtingBlok.element);

    if (!heeftMutaties) mutatieBlok.meld(nogNietBeschikbaar('Deze grafiek', ['/standen', '/mutaties']));
    if (!heeftUitputting) uitputtingBlok.meld(nogNietBeschikbaar('Deze grafiek', ['/standen', '/uitputting']));
    if (!heeftMutaties && !heeftUitputting) return;

    let standen = [];
    let bron = zoek;

    // The standen of the chosen begroting decide what can be chosen; a new begroting loads them again.
    async function laadStanden() {
      const url = verzoek('/standen', { begroting: keuzes.begroting });
      try {
        standen = (await haal(url, { signal: ctx.signal })).gegevens
          .sort((a, b) => a.begrotingsjaar - b.begrotingsjaar || faseVolgorde(a.fase) - faseVolgorde(b.fase));
      } catch (fout) {
        if (fout.name === 'AbortError') return;
        if (fout.name !== 'ApiFout') console.error(fout);
        mutatieBlok.fout(fout, url);
        uitputtingBlok.fout(fout, url);
        return;
      }
      kiesStanden();
      ctx.zetUrl(keuzes, { vervang: true });
      bouwFormulieren();
      ververs();
    }

    function kiesStanden() {
      const ids = standen.map((s) => s.id);
      // By default the latest begrotingsjaar with two standen or more: its first fase against its last.
      const jaren = [...new Set(standen.map((s) => s.begrotingsjaar))];
      const jaar = jaren.reverse().find((j) => standen.filter((s) => s.begrotingsjaar === j).length >= 2);
      const vanJaar = standen.filter((s) => s.begrotingsjaar === jaar);
      keuzes.van = eenVan(bron, 'van', ids, vanJaar[0]?.id ?? ids[0] ?? '');
      keuzes.naar = eenVan(bron, 'naar', ids, vanJaar.at(-1)?.id ?? ids.at(-1) ?? '');
      const gemeen = gemeenschappelijkeJaren();
      const naar = standen.find((s) => s.id === keuzes.naar);
      keuzes.jaar = eenVan(bron, 'jaar', gemeen, String(gemeen.includes(naar?.begrotingsjaar) ? naar.begrotingsjaar : gemeen[0] ?? ''));
      const realisatiejaren = standen.filter((s) => s.fase === 'jaarverslag').map((s) => s.begrotingsjaar);
      keuzes.realisatiejaar = eenVan(bron, 'realisatiejaar', realisatiejaren, String(realisatiejaren.at(-1) ?? ''));
    }

    /** The years both chosen standen cover (a stand of 2015 runs from 2014 to 2019, say). */
    function gemeenschappelijkeJaren() {
      const van = standen.find((s) => s.id === keuzes.van);
      const naar = standen.find((s) => s.id === keuzes.naar);
      if (!van || !naar) return [];
      const jaren = [];
      for (let j = Math.max(van.vanJaar ?? van.begrotingsjaar, naar.vanJaar ?? naar.begrotingsjaar); j <= Math.min(van.totJaar ?? van.begrotingsjaar, naar.totJaar ?? naar.begrotingsjaar); j++) jaren.push(j);
      return jaren;
    }

    const MUTATIE_KEUZES = ['begroting', 'soort', 'van', 'naar', 'jaar'];
    const UITPUTTING_KEUZES = ['begroting', 'soort', 'realisatiejaar'];
    let getoond = {};

    function wijzig(nieuw) {
      const andereBegroting = nieuw.begroting !== undefined && nieuw.begroting !== keuzes.begroting;
      Object.assign(keuzes, nieuw);
      bron = new URLSearchParams(Object.entries(keuzes));
      if (andereBegroting) {
        laadStanden();
        return;
      }
      // Other standen may cover other years: rebuild the forms so the year lists fit.
      kiesStanden();
      ctx.zetUrl(keuzes);
      const actief = document.activeElement?.name;
      bouwFormulieren();
      if (actief) sectie.querySelector(`[name="${actief}"]`)?.focus();
      ververs();
    }

    function bouwFormulieren() {
      const standOpties = standen.map((s) => ({ waarde: s.id, label: standLabel(s) }));
      algemeen.replaceChildren(keuzeformulier({
        label: 'Begroting en soort',
        velden: [
          { naam: 'begroting', label: 'Begroting', soort: 'lijst', opties: codes.map((c) => ({ waarde: c, label: c })) },
          { naam: 'soort', label: 'Soort', soort: 'lijst', opties: SOORTEN },
        ],
        waarden: keuzes,
        bijWijziging: wijzig,
      }));
      mutatieKeuzes.replaceChildren(heeftMutaties ? keuzeformulier({
        label: 'Keuzes voor de mutaties',
        velden: [
          { naam: 'van', label: 'Van stand', soort: 'lijst', opties: standOpties },
          { naam: 'naar', label: 'Naar stand', soort: 'lijst', opties: standOpties },
          { naam: 'jaar', label: 'Jaar', soort: 'lijst', opties: gemeenschappelijkeJaren().map((j) => ({ waarde: j, label: String(j) })) },
        ],
        waarden: keuzes,
        bijWijziging: wijzig,
      }) : '');
      const realisatiejaren = standen.filter((s) => s.fase === 'jaarverslag').map((s) => s.begrotingsjaar);
      uitputtingKeuzes.replaceChildren(heeftUitputting && realisatiejaren.length ? keuzeformulier({
        label: 'Keuzes voor begroting tegen realisatie',
        velden: [{ naam: 'realisatiejaar', label: 'Begrotingsjaar', soort: 'lijst', opties: realisatiejaren.map((j) => ({ waarde: j, label: String(j) })) }],
        waarden: keuzes,
        bijWijziging: wijzig,
      }) : '');
    }

    // Each chart asks again only when one of its own selections changed.
    function ververs() {
      const anders = (namen) => namen.some((n) => getoond[n] !== keuzes[n]);
      if (heeftMutaties && anders(MUTATIE_KEUZES)) toonMutaties(mutatieBlok, keuzes, standen, ctx);
      if (heeftUitputting && anders(UITPUTTING_KEUZES)) toonUitputting(uitputtingBlok, keuzes, standen, ctx);
      getoond = { ...keuzes };
    }

    laadStanden();
  },
};

function toonMutaties(blok, keuzes, standen, ctx) {
  const van = standen.find((s) => s.id === keuzes.van);
  const naar = standen.find((s) => s.id === keuzes.naar);
  if (!van || !naar) {
    blok.meld(`Er zijn geen standen van ${keuzes.begroting} om te vergelijken.`);
    return;
  }
  if (van.id === naar.id) {
    blok.meld('Kies twee verschillende standen.');
    return;
  }
  // Within one begrotingsjaar the fasen suffice; across begrotingsjaren each stand is named with its year.
  const zelfdeJaar = van.begrotingsjaar === naar.begrotingsjaar;
  const url = verzoek('/mutaties', zelfdeJaar
    ? { begroting: keuzes.begroting, begrotingsjaar: naar.begrotingsjaar, van: van.fase, naar: naar.fase, soort: keuzes.soort, niveau: 'artikel' }
    : { begroting: keuzes.begroting, van: `${van.begrotingsjaar}-${van.fase}`, naar: `${naar.begrotingsjaar}-${naar.fase}`, soort: keuzes.soort, niveau: 'artikel' });
  const jaar = Number(keuzes.jaar);
  blok.laad(async () => {
    const antwoord = await haal(url, { signal: ctx.signal });
    return () => {
      const artikelen = antwoord.gegevens.filter((r) => r.regelsoort === 'artikel' && r.jaar === jaar).sort((a, b) => a.artikel - b.artikel);
      const totaal = antwoord.gegevens.find((r) => r.regelsoort === 'totaal' && r.jaar === jaar);
      if (!artikelen.length) {
        blok.meld(`Geen artikelen met bedragen in ${jaar} in deze standen.`);
        return;
      }
      const vanafNul = tekenWaterval(blok, { artikelen, totaal, van, naar, jaar });
      const gewijzigd = artikelen.filter((a) => (a.mutatie ?? 0) !== 0);
      blok.toon({
        samenvatting: `${standLabel(van)} naar ${standLabel(naar)}, ${jaar}: ` +
          (totaal ? `totaal van ${opmaak.bedrag(totaal.bedragVan)} naar ${opmaak.bedrag(totaal.bedragNaar)} (${opmaak.mutatie(totaal.mutatie)}, × € 1.000); ` : '') +
          `${gewijzigd.length} van de ${artikelen.length} artikelen veranderen.` +
          (vanafNul ? '' : ' De as begint niet bij 0, zodat ook kleine mutaties zichtbaar zijn.'),
        tabelElement: tabel({
          bijschrift: `Mutaties per artikel, ${standLabel(van)} naar ${standLabel(naar)}, ${jaar} (× € 1.000)`,
          kolommen: [
            { kop: 'Artikel', rijkop: true, waarde: (r) => (r.regelsoort === 'totaal' ? 'Totaal' : `${r.artikel} ${r.omschrijving ?? ''}`.trim()) },
            { kop: standLabel(van), getal: true, waarde: (r) => opmaak.bedrag(r.bedragVan) },
            { kop: standLabel(naar), getal: true, waarde: (r) => opmaak.bedrag(r.bedragNaar) },
            { kop: 'Mutatie', getal: true, waarde: (r) => opmaak.mutatie(r.mutatie) },
            { kop: 'Mutatie %', getal: true, waarde: (r) => opmaak.procentMetTeken(r.mutatieProcent) },
            { kop: 'Aanwezig', waarde: (r) => AANWEZIG[r.aanwezig] ?? 'in beide' },
          ],
          rijen: totaal ? [...artikelen, totaal] : artikelen,
          rijKlasse: (r) => (r.regelsoort === 'totaal' ? 'totaalregel' : null),
        }),
        urls: [url],
        metadata: antwoord.metadata,
        legendaItems: [
          el('li', {}, voorbeeld({ kleur: KLEUR.stand, vlak: true }), 'totaal van een stand'),
          el('li', {}, voorbeeld({ kleur: KLEUR.hoger, vlak: true }), 'hoger (+)'),
          el('li', {}, voorbeeld({ kleur: KLEUR.lager, gearceerd: true }), 'lager (−)'),
        ],
      });
      ctx.meld(`Mutaties bijgewerkt: ${standLabel(van)} naar ${standLabel(naar)}, ${jaar}.`);
    };
  });
}

/** A horizontal waterfall: each step starts where the previous one ended; the two standen's totals frame it. */
function tekenWaterval(blok, { artikelen, totaal, van, naar, jaar }) {
  // Positions only: each step starts where the previous one ended. The figures themselves are the API's, shown in the table.
  const begin = totaal?.bedragVan ?? artikelen.reduce((som, a) => som + (a.bedragVan ?? 0), 0);
  const einde = totaal?.bedragNaar ?? artikelen.reduce((som, a) => som + (a.bedragNaar ?? 0), 0);
  let stand = begin;
  const stappen = [
    { label: `Van: ${standLabel(van)}`, x1: 0, x2: begin, soort: 'stand', tekst: opmaak.bedrag(begin) },
    ...artikelen.filter((a) => (a.mutatie ?? 0) !== 0).map((a) => {
      const x1 = stand;
      stand += a.mutatie;
      return {
        label: `${a.artikel} ${a.omschrijving ?? ''}${AANWEZIG[a.aanwezig] ? ` (${AANWEZIG[a.aanwezig]})` : ''}`,
        x1, x2: stand, soort: a.mutatie > 0 ? 'hoger' : 'lager', tekst: opmaak.mutatie(a.mutatie),
      };
    }),
    { label: `Naar: ${standLabel(naar)}`, x1: 0, x2: einde, soort: 'stand', tekst: opmaak.bedrag(einde) },
  ].map((s, i) => ({ ...s, sleutel: String(i) }));
  // Changes are small next to the totals: the axis starts near the lowest position (and says so), not at 0.
  const posities = stappen.flatMap((s) => (s.soort === 'stand' ? [s.x2] : [s.x1, s.x2]));
  const laag = Math.min(...posities);
  const hoog = Math.max(...posities);
  const marge = Math.max((hoog - laag) * 0.15, hoog * 0.001, 1);
  const vanafNul = laag - marge <= 0;
  const domein = [vanafNul ? Math.min(0, laag) : laag - marge, hoog + marge];
  const indeling = rijindeling(stappen.length, { rijHoogte: 40 });
  const kleur = { stand: KLEUR.stand, hoger: KLEUR.hoger, lager: 'url(#arcering-lager)' };
  teken(blok.grafiek, (breedte) => ({
    height: indeling.hoogte,
    ...BALKMARGES,
    x: { axis: 'top', label: null, domain: domein, grid: true, tickFormat: opmaak.inMiljoenen, ticks: Math.max(2, Math.floor(breedte / 110)) },
    y: { axis: null, type: 'band', domain: stappen.map((s) => s.sleutel), padding: 0 },
    marks: [
      arcering('arcering-lager', KLEUR.lager),
      Plot.barX(stappen, {
        x1: 'x1', x2: 'x2', y: 'sleutel', ...indeling.balkInsets[0], clip: true,
        fill: (s) => kleur[s.soort], stroke: (s) => (s.soort === 'lager' ? KLEUR.lager : kleur[s.soort]),
        title: (s) => `${s.label}: ${s.tekst} (× € 1.000)`,
      }),
      Plot.text(stappen, { y: 'sleutel', text: 'label', frameAnchor: 'left', textAnchor: 'start', dy: indeling.labelDy, lineWidth: regelbreedte(breedte, stappen.map((s) => s.tekst)), textOverflow: 'ellipsis' }),
      Plot.text(stappen, { y: 'sleutel', text: 'tekst', frameAnchor: 'right', textAnchor: 'end', dy: indeling.labelDy, fontWeight: 600 }),
    ],
  }), { label: `Watervalgrafiek: mutaties per artikel van ${standLabel(van)} naar ${standLabel(naar)}, ${jaar}, in € miljoen.` });
  return vanafNul;
}

function toonUitputting(blok, keuzes, standen, ctx) {
  if (!keuzes.realisatiejaar) {
    blok.meld(`Er is van ${keuzes.begroting} nog geen jaarverslag geladen: zonder realisatie is er geen uitputting.`);
    return;
  }
  const url = verzoek('/uitputting', { begroting: keuzes.begroting, begrotingsjaar: keuzes.realisatiejaar, soort: keuzes.soort });
  blok.laad(async () => {
    const antwoord = await haal(url, { signal: ctx.signal });
    return () => {
      const artikelen = antwoord.gegevens.filter((r) => r.artikel !== null && r.artikel !== undefined).sort((a, b) => a.artikel - b.artikel)
        .map((r, i) => ({ ...r, sleutel: String(i) }));
      const totaal = antwoord.gegevens.find((r) => r.artikel === null || r.artikel === undefined);
      if (!artikelen.length) {
        blok.meld('Geen artikelen met begroting en realisatie in dit jaar.');
        return;
      }
      const indeling = rijindeling(artikelen.length, { rijHoogte: 52, balken: 2 });
      const rechts = (r) => `${r.oordeel} ${opmaak.procentMetTeken(r.verschilProcent)}`;
      const maximum = Math.max(...artikelen.flatMap((r) => [r.begroot ?? 0, r.realisatie ?? 0]));
      teken(blok.grafiek, (breedte) => ({
        height: indeling.hoogte,
        ...BALKMARGES,
        x: { axis: 'top', label: null, domain: [0, maximum], nice: true, grid: true, tickFormat: opmaak.inMiljoenen, ticks: Math.max(2, Math.floor(breedte / 110)) },
        y: { axis: null, type: 'band', domain: artikelen.map((r) => r.sleutel), padding: 0 },
        marks: [
          arcering('arcering-realisatie', KLEUR.tweede),
          Plot.barX(artikelen.filter((r) => r.begroot !== null), {
            x: 'begroot', y: 'sleutel', ...indeling.balkInsets[0], fill: KLEUR.hoofd,
            title: (r) => `${r.artikel} ${r.omschrijving}: begroot ${opmaak.bedragMetEenheid(r.begroot)}`,
          }),
          Plot.barX(artikelen.filter((r) => r.realisatie !== null), {
            x: 'realisatie', y: 'sleutel', ...indeling.balkInsets[1], fill: 'url(#arcering-realisatie)', stroke: KLEUR.tweede,
            title: (r) => `${r.artikel} ${r.omschrijving}: realisatie ${opmaak.bedragMetEenheid(r.realisatie)}`,
          }),
          Plot.text(artikelen, { y: 'sleutel', text: (r) => `${r.artikel} ${r.omschrijving}`, frameAnchor: 'left', textAnchor: 'start', dy: indeling.labelDy, lineWidth: regelbreedte(breedte, artikelen.map(rechts)), textOverflow: 'ellipsis' }),
          Plot.text(artikelen, { y: 'sleutel', text: rechts, frameAnchor: 'right', textAnchor: 'end', dy: indeling.labelDy, fontWeight: 600 }),
          Plot.ruleX([0]),
        ],
      }), { label: `Staafgrafiek: begroting tegen realisatie per artikel, ${keuzes.begroting} ${keuzes.realisatiejaar}, in € miljoen.` });
      blok.toon({
        samenvatting: totaal
          ? `Totaal ${keuzes.realisatiejaar}: begroot ${opmaak.bedrag(totaal.begroot)} (${faseLabel(totaal.begrootFase).toLowerCase()}), realisatie ${opmaak.bedrag(totaal.realisatie)}, ${totaal.oordeel} ${opmaak.mutatie(totaal.verschil)} (× € 1.000).`
          : `Begroting tegen realisatie, ${keuzes.realisatiejaar}.`,
        tabelElement: tabel({
          bijschrift: `Begroting tegen realisatie per artikel, ${keuzes.begroting} ${keuzes.realisatiejaar} (× € 1.000)`,
          kolommen: [
            { kop: 'Artikel', rijkop: true, waarde: (r) => (r.artikel === null || r.artikel === undefined ? 'Totaal' : `${r.artikel} ${r.omschrijving ?? ''}`.trim()) },
            { kop: 'Begroot', getal: true, waarde: (r) => opmaak.bedrag(r.begroot) },
            { kop: 'Stand van de begroting', waarde: (r) => (r.begrootFase ? faseLabel(r.begrootFase) : opmaak.LEEG) },
            { kop: 'Realisatie', getal: true, waarde: (r) => opmaak.bedrag(r.realisatie) },
            { kop: 'Verschil', getal: true, waarde: (r) => opmaak.mutatie(r.verschil) },
            { kop: 'Verschil %', getal: true, waarde: (r) => opmaak.procentMetTeken(r.verschilProcent) },
            { kop: 'Oordeel', waarde: (r) => r.oordeel },
          ],
          rijen: totaal ? [...artikelen, totaal] : artikelen,
          rijKlasse: (r) => (r === totaal ? 'totaalregel' : null),
        }),
        urls: [url],
        metadata: antwoord.metadata,
        legendaItems: [
          el('li', {}, voorbeeld({ kleur: KLEUR.hoofd, vlak: true }), 'begroot'),
          el('li', {}, voorbeeld({ kleur: KLEUR.tweede, gearceerd: true }), 'realisatie'),
        ],
      });
    };
  });
}
