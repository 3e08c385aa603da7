// Mutaties: how a begroting moved between two of its standen, as a waterfall per artikel (/v1/mutaties), and begroting
// against realisatie per artikel (/v1/uitputting). The standen of the begroting (/v1/standen) decide what can be chosen:
// only standen that have a year in common can be compared, so no request is sent that the API would refuse.

import { begrotingOpties, faseLabel, jarenVan, standaardBegroting, standLabel, standSleutel } from '../begrippen.js';
import { alsTabel, haal, verzoek } from '../api.js';
import { grafiekblok } from '../blok.js';
import { el } from '../dom.js';
import { arcering, BALKMARGES, KLEUR, miljoenenAs, regelbreedte, rijen as rijindeling, teken, voorbeeld } from '../grafiek.js';
import { eenVan, keuzeformulier } from '../keuzes.js';
import * as opmaak from '../opmaak.js';
import { tabelVanApi } from '../tabel.js';

const Plot = globalThis.Plot;

const SOORTEN = [
  { waarde: 'uitgaven', label: 'Uitgaven' },
  { waarde: 'ontvangsten', label: 'Ontvangsten' },
  { waarde: 'verplichtingen', label: 'Verplichtingen' },
];

const AANWEZIG = { 'alleen-van': 'alleen in de eerste stand', 'alleen-naar': 'alleen in de tweede stand' };

/** The begroting standen a realisatie is measured against, last first (as /v1/uitputting does). */
const BEGROTINGSFASEN = ['2e-suppletoire', '1e-suppletoire', 'vastgestelde-begroting', 'ontwerpbegroting'];

const gemeen = (a, b) => jarenVan(a).filter((j) => jarenVan(b).includes(j));

export default {
  id: 'mutaties',
  titel: 'Mutaties',

  toon(sectie, zoek, ctx) {
    const codes = ctx.begrotingen.map((b) => b.code);

    sectie.append(el('p', { class: 'inleiding' },
      'Hoe een begroting verandert tussen twee standen (bijvoorbeeld van ontwerpbegroting naar jaarverslag), per artikel, ',
      'en hoeveel van de begroting is uitgegeven: begroting tegen realisatie.'));

    const keuzes = {
      begroting: eenVan(zoek, 'begroting', codes, standaardBegroting(ctx.begrotingen)),
      soort: eenVan(zoek, 'soort', SOORTEN.map((s) => s.waarde), 'uitgaven'),
    };
    const algemeen = el('div');
    const mutatieKeuzes = el('div');
    const uitputtingKeuzes = el('div');
    const mutatieBlok = grafiekblok({
      titel: 'Mutaties tussen twee standen, per artikel',
      eenheid: 'Waterval: het totaal van de eerste stand, dan per artikel de mutatie, dan het totaal van de tweede stand. De grafiek begint bij 0; as en labels in € miljoen, tabel in € × 1.000.',
      keuzes: mutatieKeuzes,
    });
    const uitputtingBlok = grafiekblok({
      titel: 'Begroting tegen realisatie, per artikel',
      eenheid: 'Per artikel de laatste begrotingsstand van het jaar en de realisatie uit het jaarverslag. Grafiek in € miljoen; tabel in € × 1.000.',
      keuzes: uitputtingKeuzes,
    });
    sectie.append(algemeen, mutatieBlok.element, uitputtingBlok.element);

    let standen = [];
    // Where the selections come from: the URL on opening, the form after a change.
    let bron = zoek;
    // The chosen standen themselves (van, naar); keuzes holds them as the URL and the API name them.
    let van = null;
    let naar = null;

    /** Comparable standen: those that share a year with another stand of the begroting. */
    const vergelijkbaar = () => standen.filter((s) => standen.some((t) => t !== s && gemeen(s, t).length));
    const naarOpties = () => standen.filter((s) => s !== van && van && gemeen(van, s).length);
    /** Years with a jaarverslag and a begroting stand beside it: the years /v1/uitputting answers for. */
    const realisatiejaren = () => standen.filter((s) => s.fase === 'jaarverslag'
      && standen.some((t) => t.begrotingsjaar === s.begrotingsjaar && BEGROTINGSFASEN.includes(t.fase))).map((s) => s.begrotingsjaar);

    /**
     * A stand as a link or the API names it: a fase of the begrotingsjaar ("ontwerpbegroting"), begrotingsjaar-fase
     * ("2014-jaarverslag"), or the stand's id ("VI-2015-jaarverslag").
     */
    function zoekStand(tekst, begrotingsjaar) {
      const t = (tekst ?? '').toLowerCase();
      if (!t) return null;
      return standen.find((s) => s.id.toLowerCase() === t || standSleutel(s) === t)
        ?? standen.find((s) => String(s.begrotingsjaar) === String(begrotingsjaar) && s.fase === t) ?? null;
    }

    function kiesStanden() {
      const kandidaten = vergelijkbaar();
      const begrotingsjaar = bron.get('begrotingsjaar');
      van = zoekStand(bron.get('van'), begrotingsjaar);
      naar = zoekStand(bron.get('naar'), begrotingsjaar);
      if (!kandidaten.includes(van)) {
        // By default the named begrotingsjaar, else the latest with two standen or more: its first fase against its last.
        const jaren = [...new Set(kandidaten.map((s) => s.begrotingsjaar))];
        const jaar = jaren.find((j) => String(j) === String(begrotingsjaar))
          ?? [...jaren].reverse().find((j) => kandidaten.filter((s) => s.begrotingsjaar === j).length >= 2) ?? jaren.at(-1);
        const inJaar = kandidaten.filter((s) => s.begrotingsjaar === jaar);
        van = inJaar[0] ?? null;
        if (!naar && inJaar.length >= 2) naar = inJaar.at(-1);
      }
      const mogelijk = naarOpties();
      if (!mogelijk.includes(naar)) {
        naar = mogelijk.filter((s) => s.begrotingsjaar === van?.begrotingsjaar).at(-1) ?? mogelijk.at(-1) ?? null;
      }
      // In the URL as in the API: the begrotingsjaar of naar, and van with its own year when that is another.
      keuzes.begrotingsjaar = naar ? String(naar.begrotingsjaar) : '';
      keuzes.van = van && naar ? (van.begrotingsjaar === naar.begrotingsjaar ? van.fase : standSleutel(van)) : '';
      keuzes.naar = naar ? naar.fase : '';
      const jaren = van && naar ? gemeen(van, naar).map(String) : [];
      keuzes.jaar = eenVan(bron, 'jaar', jaren, jaren.includes(keuzes.begrotingsjaar) ? keuzes.begrotingsjaar : jaren[0] ?? '');
      const realisatie = realisatiejaren().map(String);
      keuzes.realisatiejaar = eenVan(bron, 'realisatiejaar', realisatie, realisatie.at(-1) ?? '');
    }

    async function laadStanden({ vervang }) {
      mutatieBlok.bezig();
      uitputtingBlok.bezig();
      try {
        ({ standen } = await ctx.standenVan(keuzes.begroting));
      } catch (fout) {
        if (fout.name !== 'ApiFout') console.error(fout);
        mutatieBlok.fout(fout, undefined, () => laadStanden({ vervang }));
        uitputtingBlok.fout(fout, undefined, () => laadStanden({ vervang }));
        return;
      }
      if (ctx.signal.aborted) return;
      kiesStanden();
      ctx.zetUrl(keuzes, { vervang });
      bouwFormulieren();
      ververs();
    }

    const MUTATIE_KEUZES = ['begroting', 'soort', 'begrotingsjaar', 'van', 'naar', 'jaar'];
    const UITPUTTING_KEUZES = ['begroting', 'soort', 'realisatiejaar'];
    let getoond = {};

    function wijzig(nieuw) {
      const andereBegroting = nieuw.begroting !== undefined && nieuw.begroting !== keuzes.begroting;
      if (andereBegroting) {
        // Another begroting has other standen: start from its defaults.
        Object.assign(keuzes, nieuw);
        bron = new URLSearchParams();
        laadStanden({ vervang: false });
        return;
      }
      // The forms name standen by their key (2015-ontwerpbegroting); as the URL names them, they are read back the same way.
      const gekozen = {
        ...keuzes, ...nieuw,
        van: nieuw.van ?? (van ? standSleutel(van) : ''),
        naar: nieuw.naar ?? (naar ? standSleutel(naar) : ''),
      };
      Object.assign(keuzes, { begroting: gekozen.begroting, soort: gekozen.soort });
      bron = new URLSearchParams(Object.entries(gekozen));
      kiesStanden();
      ctx.zetUrl(keuzes);
      bouwFormulieren();
      ververs();
    }

    function bouwFormulieren() {
      const actief = document.activeElement?.name;
      const alsOptie = (s) => ({ waarde: standSleutel(s), label: standLabel(s), groep: `Begrotingsjaar ${s.begrotingsjaar}` });
      algemeen.replaceChildren(keuzeformulier({
        label: 'Begroting en soort',
        velden: [
          { naam: 'begroting', label: 'Begroting', soort: 'lijst', opties: begrotingOpties(ctx.begrotingen) },
          { naam: 'soort', label: 'Soort', soort: 'lijst', opties: SOORTEN },
        ],
        waarden: keuzes,
        bijWijziging: wijzig,
      }));
      mutatieKeuzes.replaceChildren(van && naar ? keuzeformulier({
        label: 'Keuzes voor de mutaties',
        velden: [
          { naam: 'van', label: 'Van stand', soort: 'lijst', opties: vergelijkbaar().map(alsOptie) },
          { naam: 'naar', label: 'Naar stand', soort: 'lijst', opties: naarOpties().map(alsOptie) },
          { naam: 'jaar', label: 'Jaar', soort: 'lijst', opties: gemeen(van, naar).map((j) => ({ waarde: j, label: String(j) })) },
        ],
        waarden: { van: standSleutel(van), naar: standSleutel(naar), jaar: keuzes.jaar },
        bijWijziging: wijzig,
      }) : '');
      const jaren = realisatiejaren();
      uitputtingKeuzes.replaceChildren(jaren.length ? keuzeformulier({
        label: 'Keuzes voor begroting tegen realisatie',
        velden: [{ naam: 'realisatiejaar', label: 'Begrotingsjaar', soort: 'lijst', opties: jaren.map((j) => ({ waarde: j, label: String(j) })) }],
        waarden: keuzes,
        bijWijziging: wijzig,
      }) : '');
      if (actief) sectie.querySelector(`[name="${actief}"]`)?.focus();
    }

    // Each chart asks again only when one of its own selections changed.
    function ververs() {
      const anders = (namen) => namen.some((n) => getoond[n] !== keuzes[n]);
      if (anders(MUTATIE_KEUZES)) toonMutaties(mutatieBlok, keuzes, van, naar, standen, ctx);
      if (anders(UITPUTTING_KEUZES)) toonUitputting(uitputtingBlok, keuzes, ctx);
      getoond = { ...keuzes };
    }

    laadStanden({ vervang: true });
  },
};

function toonMutaties(blok, keuzes, van, naar, standen, ctx) {
  if (!van || !naar) {
    blok.meld(standen.length <= 1
      ? `${keuzes.begroting} heeft ${standen.length ? 'één stand' : 'geen standen'} in de gegevens: er is niets te vergelijken.`
      : `De standen van ${keuzes.begroting} hebben geen jaar gemeen: er is niets te vergelijken.`);
    return;
  }
  // The request as the URL names the standen: the begrotingsjaar of naar, van as a fase of that year or as begrotingsjaar-fase.
  const url = verzoek('/mutaties', {
    begroting: keuzes.begroting, begrotingsjaar: keuzes.begrotingsjaar, van: keuzes.van, naar: keuzes.naar,
    soort: keuzes.soort, niveau: 'artikel', jaar: keuzes.jaar,
  });
  const jaar = Number(keuzes.jaar);
  const tabelUrl = alsTabel(url);
  blok.laad(async () => {
    const [antwoord, tabelAntwoord] = await Promise.all([haal(url, { signal: ctx.signal }), haal(tabelUrl, { signal: ctx.signal })]);
    return () => {
      const artikelen = antwoord.gegevens.filter((r) => r.regelsoort === 'artikel' && r.jaar === jaar).sort((a, b) => a.artikel - b.artikel);
      const totaal = antwoord.gegevens.find((r) => r.regelsoort === 'totaal' && r.jaar === jaar);
      if (!artikelen.length) {
        blok.meld(`Geen artikelen met bedragen in ${jaar} in deze standen.`);
        return;
      }
      tekenWaterval(blok, { artikelen, totaal, van, naar, jaar });
      const gewijzigd = artikelen.filter((a) => (a.mutatie ?? 0) !== 0);
      blok.toon({
        samenvatting: `${standLabel(van)} naar ${standLabel(naar)}, ${jaar}: ` +
          (totaal ? `totaal van ${opmaak.bedrag(totaal.bedragVan)} naar ${opmaak.bedrag(totaal.bedragNaar)} (${opmaak.mutatie(totaal.mutatie)}, × € 1.000); ` : '') +
          `${gewijzigd.length} van de ${artikelen.length} artikelen veranderen.`,
        tabelElement: tabelVanApi(tabelAntwoord),
        tabelUrl,
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
    { label: `Van: ${standLabel(van)}`, x1: 0, x2: begin, soort: 'stand', tekst: opmaak.miljoen(begin), exact: opmaak.bedrag(begin) },
    ...artikelen.filter((a) => (a.mutatie ?? 0) !== 0).map((a) => {
      const x1 = stand;
      stand += a.mutatie;
      return {
        label: `${a.artikel} ${a.omschrijving ?? ''}${AANWEZIG[a.aanwezig] ? ` (${AANWEZIG[a.aanwezig]})` : ''}`,
        x1, x2: stand, soort: a.mutatie > 0 ? 'hoger' : 'lager', tekst: opmaak.miljoenMetTeken(a.mutatie), exact: opmaak.mutatie(a.mutatie),
      };
    }),
    { label: `Naar: ${standLabel(naar)}`, x1: 0, x2: einde, soort: 'stand', tekst: opmaak.miljoen(einde), exact: opmaak.bedrag(einde) },
  ].map((s, i) => ({ ...s, sleutel: String(i) }));
  // The axis starts at 0 (or below it, for a negative position), so a total's bar is as long as its amount and two totals
  // compare truly; no mutation (or only small ones) never zooms the axis to a sliver around the totals.
  const posities = stappen.flatMap((s) => [s.x1, s.x2]);
  const domein = [Math.min(0, ...posities), Math.max(0, ...posities)];
  const indeling = rijindeling(stappen.length, { rijHoogte: 40 });
  const kleur = { stand: KLEUR.stand, hoger: KLEUR.hoger, lager: 'url(#arcering-lager)' };
  teken(blok.grafiek, (breedte) => ({
    height: indeling.hoogte,
    ...BALKMARGES,
    x: { axis: 'top', label: null, grid: true, ...miljoenenAs(domein, Math.max(2, Math.floor(breedte / 110))) },
    y: { axis: null, type: 'band', domain: stappen.map((s) => s.sleutel), padding: 0 },
    marks: [
      arcering('arcering-lager', KLEUR.lager),
      Plot.barX(stappen, {
        x1: 'x1', x2: 'x2', y: 'sleutel', ...indeling.balkInsets[0], clip: true,
        fill: (s) => kleur[s.soort], stroke: (s) => (s.soort === 'lager' ? KLEUR.lager : kleur[s.soort]),
        title: (s) => `${s.label}: € ${s.tekst} miljoen (${s.exact} × € 1.000)`,
      }),
      Plot.text(stappen, { y: 'sleutel', text: 'label', frameAnchor: 'left', textAnchor: 'start', dy: indeling.labelDy, lineWidth: regelbreedte(breedte, stappen.map((s) => s.tekst)), textOverflow: 'ellipsis' }),
      Plot.text(stappen, { y: 'sleutel', text: 'tekst', frameAnchor: 'right', textAnchor: 'end', dy: indeling.labelDy, fontWeight: 600 }),
    ],
  }), { label: `Watervalgrafiek: mutaties per artikel van ${standLabel(van)} naar ${standLabel(naar)}, ${jaar}, in € miljoen.` });
}

function toonUitputting(blok, keuzes, ctx) {
  if (!keuzes.realisatiejaar) {
    blok.meld(`${keuzes.begroting} heeft geen jaarverslag met een begrotingsstand ernaast in de gegevens: zonder realisatie is er geen uitputting.`);
    return;
  }
  const url = verzoek('/uitputting', { begroting: keuzes.begroting, begrotingsjaar: keuzes.realisatiejaar, soort: keuzes.soort });
  const tabelUrl = alsTabel(url);
  blok.laad(async () => {
    const [antwoord, tabelAntwoord] = await Promise.all([haal(url, { signal: ctx.signal }), haal(tabelUrl, { signal: ctx.signal })]);
    return () => {
      const artikelen = antwoord.gegevens.filter((r) => r.artikel !== null && r.artikel !== undefined).sort((a, b) => a.artikel - b.artikel)
        .map((r, i) => ({ ...r, sleutel: String(i) }));
      const totaal = antwoord.gegevens.find((r) => r.artikel === null || r.artikel === undefined);
      if (!artikelen.length) {
        blok.meld('Geen artikelen met begroting en realisatie in dit jaar.');
        return;
      }
      const indeling = rijindeling(artikelen.length, { rijHoogte: 52, balken: 2 });
      // Beside each pair of bars the oordeel in words; on a narrow screen in short words, so the artikel's name keeps its room.
      const KORT = { onderuitputting: 'onder', overuitputting: 'over' };
      const rechtsVoor = (breedte) => (r) => `${(breedte < 600 ? KORT[r.oordeel] : null) ?? r.oordeel ?? 'onbekend'} ${opmaak.procentMetTeken(r.verschilProcent)}`;
      const maximum = Math.max(...artikelen.flatMap((r) => [r.begroot ?? 0, r.realisatie ?? 0]));
      teken(blok.grafiek, (breedte) => {
        const rechts = rechtsVoor(breedte);
        return {
          height: indeling.hoogte,
          ...BALKMARGES,
          x: { axis: 'top', label: null, grid: true, ...miljoenenAs([0, maximum], Math.max(2, Math.floor(breedte / 110))) },
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
        };
      }, { label: `Staafgrafiek: begroting tegen realisatie per artikel, ${keuzes.begroting} ${keuzes.realisatiejaar}, in € miljoen.` });
      blok.toon({
        samenvatting: totaal
          ? `Totaal ${keuzes.realisatiejaar}: begroot ${opmaak.bedrag(totaal.begroot)} (${faseLabel(totaal.begrootFase).toLowerCase()}), realisatie ${opmaak.bedrag(totaal.realisatie)}, ${totaal.oordeel ?? 'oordeel onbekend'} ${opmaak.mutatie(totaal.verschil)} (× € 1.000). ` +
            `${artikelen.filter((r) => r.oordeel === 'onderuitputting').length} artikelen met onderuitputting, ${artikelen.filter((r) => r.oordeel === 'overuitputting').length} met overuitputting.`
          : `Begroting tegen realisatie, ${keuzes.realisatiejaar}.`,
        tabelElement: tabelVanApi(tabelAntwoord),
        tabelUrl,
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
