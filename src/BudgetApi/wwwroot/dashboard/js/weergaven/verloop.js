// Meerjarig verloop: uitgaven, ontvangsten or saldo per begroting and consolidated over the years of the stand
// (/v1/totalen), and, where the service has the open-data standen, the same across begrotingsjaren per fase.

import { alsTabel, haal, haalAlle, verzoek } from '../api.js';
import {
  begrotingLabel, begrotingOpties, FASEN, FASEN_KEUZE, faseLabel, nieuwsteBegrotingen, SOORTEN_MET_SALDO, soortLabel, standaardBegroting,
} from '../begrippen.js';
import { grafiekblok } from '../blok.js';
import { el } from '../dom.js';
import { miljoenenAs, REEKSEN, teken, voorbeeld } from '../grafiek.js';
import { eenVan, keuzeformulier, meerVan } from '../keuzes.js';
import * as opmaak from '../opmaak.js';
import { tabelVanApi } from '../tabel.js';

const Plot = globalThis.Plot;

export default {
  id: 'verloop',
  titel: 'Meerjarig verloop',

  toon(sectie, zoek, ctx) {
    const codes = ctx.begrotingen.map((b) => b.code);
    const nieuwste = nieuwsteBegrotingen(ctx.begrotingen);
    const keuzes = {
      soort: eenVan(zoek, 'soort', SOORTEN_MET_SALDO.map((s) => s.waarde), 'uitgaven'),
      begroting: meerVan(zoek, 'begroting', codes, nieuwste),
      reeks: eenVan(zoek, 'reeks', codes, standaardBegroting(ctx.begrotingen)),
      fase: meerVan(zoek, 'fase', FASEN.map((f) => f.waarde), ['ontwerpbegroting', 'jaarverslag']),
    };
    ctx.zetUrl(keuzes, { vervang: true });

    // Each block asks again only when one of its own selections changed (the open-data block sends a request per stand).
    const EIGEN = { perBegroting: ['soort', 'begroting'], overJaren: ['soort', 'reeks', 'fase'] };
    let getoond = {};
    const wijzig = (nieuw) => {
      Object.assign(keuzes, nieuw);
      ctx.zetUrl(keuzes);
      ververs();
    };
    const ouder = ctx.begrotingen.filter((b) => !nieuwste.includes(b.code));
    const meerLabel = `Andere begrotingen (open data, tot begrotingsjaar ${Math.max(...ouder.map((b) => b.begrotingsjaar))})`;

    sectie.append(
      el('p', { class: 'inleiding' },
        'Het verloop over de jaren van de stand, per begroting en voor de begrotingen samen (geconsolideerd). ',
        'Uitgaven en ontvangsten worden nooit opgeteld; het saldo is uitgaven min ontvangsten.'),
      keuzeformulier({
        label: 'Keuzes voor het meerjarig verloop',
        velden: [
          { naam: 'soort', label: 'Soort', soort: 'keuzerondjes', opties: SOORTEN_MET_SALDO },
          {
            naam: 'begroting', label: 'Begrotingen', soort: 'vinkjes', meerLabel,
            // The begrotingen of the newest begrotingsjaar first; the others' latest stands are years older and mostly one year long.
            opties: ctx.begrotingen.map((b) => ({ waarde: b.code, label: begrotingLabel(b), meer: !nieuwste.includes(b.code) })),
          },
        ],
        waarden: keuzes,
        bijWijziging: wijzig,
      }));

    const perBegroting = grafiekblok({
      titel: 'Per begroting en geconsolideerd',
      eenheid: 'Grafiek in € miljoen; tabel in € × 1.000, exact zoals de API de bedragen geeft.',
    });
    sectie.append(perBegroting.element);

    const overJaren = grafiekblok({
      titel: 'Over begrotingsjaren (open data)',
      eenheid: 'Per begrotingsjaar het bedrag voor dat jaar zelf, in elke gekozen fase. Grafiek in € miljoen; tabel in € × 1.000.',
      keuzes: keuzeformulier({
        label: 'Keuzes voor het verloop over begrotingsjaren',
        velden: [
          { naam: 'reeks', label: 'Begroting', soort: 'lijst', opties: begrotingOpties(ctx.begrotingen) },
          { naam: 'fase', label: 'Fasen', soort: 'vinkjes', opties: FASEN_KEUZE },
        ],
        waarden: keuzes,
        bijWijziging: wijzig,
      }),
    });
    sectie.append(overJaren.element);

    function ververs() {
      const anders = (namen) => namen.some((n) => String(getoond[n]) !== String(keuzes[n]));
      if (anders(EIGEN.perBegroting)) toonPerBegroting(perBegroting, keuzes, ctx);
      if (anders(EIGEN.overJaren)) toonOverJaren(overJaren, keuzes, ctx);
      getoond = { ...keuzes };
    }
    ververs();
  },
};

function toonPerBegroting(blok, keuzes, ctx) {
  if (!keuzes.begroting.length) {
    blok.meld('Kies ten minste één begroting.');
    return;
  }
  const url = verzoek('/totalen', { begroting: keuzes.begroting, soort: keuzes.soort });
  // The chart from the API's rows; the table (and its downloads) is the API's table of the same request.
  const tabelUrl = alsTabel(url);
  blok.laad(async () => {
    const [antwoord, tabelAntwoord] = await Promise.all([haal(url, { signal: ctx.signal }), haal(tabelUrl, { signal: ctx.signal })]);
    return () => {
      const rijen = antwoord.gegevens;
      const groepen = [...new Set(rijen.map((r) => r.begroting))];
      const naam = (g) => (g.includes('+') ? `${g} (geconsolideerd)` : g);
      const jaren = [...new Set(rijen.map((r) => r.jaar))].sort((a, b) => a - b);
      const periode = jaren.length > 1 ? `${jaren[0]}–${jaren.at(-1)}` : String(jaren[0]);
      const soort = soortLabel(keuzes.soort);
      tekenLijnen(blok, {
        rijen: rijen.map((r) => ({ reeks: r.begroting, x: r.jaar, bedrag: r.bedrag })),
        reeksen: groepen,
        naam,
        xDomein: jaren,
        label: `Lijngrafiek: ${soort.toLowerCase()} per begroting, ${periode}, in € miljoen.`,
      });
      const per = groepen.map((g) => {
        const vanGroep = rijen.filter((r) => r.begroting === g);
        return { groep: g, bedragen: new Map(vanGroep.map((r) => [r.jaar, r.bedrag])), eerste: vanGroep[0] };
      });
      blok.toon({
        samenvatting: `${soort}, ${periode} (× € 1.000): ` + per.map((p) => (jaren.length === 1
          ? `${naam(p.groep)} ${opmaak.bedrag(p.bedragen.get(jaren[0]))}`
          : `${naam(p.groep)} ${opmaak.bedrag(p.bedragen.get(jaren[0]))} in ${jaren[0]} en ${opmaak.bedrag(p.bedragen.get(jaren.at(-1)))} in ${jaren.at(-1)}` +
            (p.eerste.gemiddeldeGroeiProcent === null ? '' : `, gemiddeld ${opmaak.procentMetTeken(p.eerste.gemiddeldeGroeiProcent)} per jaar`))).join('; ') +
          // Several begrotingen are compared in the newest stand they all have (the API's rule), which may be years older.
          `. Stand: ${antwoord.metadata?.stand ?? 'onbekend'}.`,
        tabelElement: tabelVanApi(tabelAntwoord),
        urls: [url],
        tabelUrl,
        metadata: antwoord.metadata,
        legendaItems: legenda(groepen, naam),
      });
      ctx.meld(`Grafiek bijgewerkt: ${soort.toLowerCase()} van ${keuzes.begroting.join(', ')}.`);
    };
  });
}

function toonOverJaren(blok, keuzes, ctx) {
  if (!keuzes.fase.length) {
    blok.meld('Kies ten minste één fase.');
    return;
  }
  blok.laad(async () => {
    const { url: standenUrl, standen: alle } = await ctx.standenVan(keuzes.reeks);
    const standen = alle.filter((s) => keuzes.fase.includes(s.fase));
    if (!standen.length) return () => blok.meld(`Er zijn geen standen van ${keuzes.reeks} in de gekozen fasen.`);
    // One request for every begrotingsjaar and fase: the API's table of the verloop (a column per fase), which the chart
    // draws too, and which is the one download of this block.
    const tabelUrl = verzoek('/verloop/tabel', { begroting: keuzes.reeks, soort: keuzes.soort, fase: FASEN.map((f) => f.waarde).filter((f) => keuzes.fase.includes(f) && standen.some((s) => s.fase === f)) });
    // The was → wordt table says where an artikel moved to another begroting: there the series changes scope.
    const wasWordtUrl = verzoek('/was-wordt');
    const [wasWordt, tabelAntwoord] = await haalAlle([wasWordtUrl, tabelUrl], { signal: ctx.signal });
    // Without the table there is nothing to show; without the was → wordt table the chart lacks only its scope marks (named, with a retry).
    if (tabelAntwoord.fout) throw tabelAntwoord.fout;
    const mislukt = wasWordt.fout ? [{ url: wasWordtUrl, fout: wasWordt.fout }] : [];
    return () => {
      const kolom = (sleutel) => tabelAntwoord.kolommen.findIndex((k) => k.sleutel === sleutel);
      const jaarKolom = kolom('begrotingsjaar');
      const fasen = FASEN.map((f) => f.waarde).filter((f) => kolom(f) >= 0);
      const alleRijen = tabelAntwoord.rijen.flatMap((r) => fasen.map((f) => ({ reeks: f, x: r.cellen[jaarKolom], bedrag: r.cellen[kolom(f)] ?? null })));
      // The chart's years are those with a figure; where years are missing (2018–2025) the lines break.
      const jaren = [...new Set(alleRijen.filter((r) => r.bedrag !== null).map((r) => r.x))].sort((a, b) => a - b);
      const rijen = alleRijen.filter((r) => jaren.includes(r.x));
      const periode = jaren.length > 1 ? `${jaren[0]}–${jaren.at(-1)}` : String(jaren[0]);
      const gaten = jaren.slice(1).map((j, i) => [jaren[i], j]).filter(([a, b]) => b - a > 1)
        .map(([a, b]) => (b - a === 2 ? String(a + 1) : `${a + 1}–${b - 1}`));
      const soort = soortLabel(keuzes.soort);
      const grenzen = omvangsgrenzen(wasWordt.gegevens ?? [], standen[0], jaren);
      tekenLijnen(blok, {
        rijen,
        reeksen: fasen,
        naam: faseLabel,
        xDomein: jaren,
        grenzen,
        label: `Lijngrafiek: ${soort.toLowerCase()} van ${keuzes.reeks} per begrotingsjaar ${periode}, per fase, in € miljoen.`,
      });
      blok.toon({
        samenvatting: [
          `${soort} van ${keuzes.reeks} in het begrotingsjaar zelf, per fase, ${periode} (× € 1.000).` +
            (gaten.length ? ` Geen standen in ${opmaak.opsomming(gaten)}: de lijnen zijn daar onderbroken.` : ''),
          ...grenzen.map((g) => el('p', { class: 'omvangsgrens' }, `Omvang anders vanaf ${g.x} (gestippelde lijn): ${g.tekst}`)),
          gepubliceerdeNamen(standen),
        ],
        tabelElement: tabelVanApi(tabelAntwoord, { breed: ['toelichting'] }),
        urls: [standenUrl, wasWordtUrl],
        tabelUrl,
        metadata: {
          bron: tabelAntwoord.metadata?.bron,
          stand: `${standen.length} standen van ${keuzes.reeks} (${opmaak.opsomming(keuzes.fase.map((f) => faseLabel(f).toLowerCase()))})`,
        },
        legendaItems: legenda(fasen, faseLabel),
        mislukt,
      });
    };
  });
}

/**
 * Where the series changes scope: an artikel of this begroting moved to another one (or came from one) between two shown
 * begrotingsjaren, by the was → wordt table (/v1/was-wordt). Each with the first shown year on the new side and a sentence.
 */
function omvangsgrenzen(wasWordt, stand, jaren) {
  if (!stand) return [];
  const h = stand.hoofdstuk;
  return wasWordt
    .filter((w) => (w.wasHoofdstuk === h || w.wordtHoofdstuk === h) && w.wasHoofdstuk !== w.wordtHoofdstuk)
    .map((w) => ({ w, x: jaren.find((j) => j >= w.wordtEersteBegrotingsjaar) }))
    .filter(({ w, x }) => x !== undefined && jaren.some((j) => j <= w.wasLaatsteBegrotingsjaar))
    .map(({ w, x }) => ({
      x,
      tekst: w.wasHoofdstuk === h
        ? `tot en met ${w.wasLaatsteBegrotingsjaar} omvatte ${stand.begroting} (${h}) ook artikel ${w.wasArtikel} ${w.wasOmschrijving}; vanaf ${w.wordtEersteBegrotingsjaar} is dat ${w.wordtHoofdstuk} artikel ${w.wordtArtikel} ${w.wordtOmschrijving}. De jaren ervoor en erna zijn niet gelijk van omvang.`
        : `vanaf ${w.wordtEersteBegrotingsjaar} omvat ${stand.begroting} (${h}) ook artikel ${w.wordtArtikel} ${w.wordtOmschrijving}, tot en met ${w.wasLaatsteBegrotingsjaar} ${w.wasHoofdstuk} artikel ${w.wasArtikel} ${w.wasOmschrijving}. De jaren ervoor en erna zijn niet gelijk van omvang.`,
    }));
}

/** The begroting's name as each year's source published it, years with one name together, beside today's name. */
function gepubliceerdeNamen(standen) {
  const vandaag = standen[0]?.naam;
  const perJaar = new Map();
  for (const s of standen) if (!perJaar.has(s.begrotingsjaar)) perJaar.set(s.begrotingsjaar, s.naamZoalsGepubliceerd ?? s.naam);
  const groepen = [];
  for (const [jaar, naam] of [...perJaar].sort((a, b) => a[0] - b[0])) {
    const laatste = groepen.at(-1);
    if (laatste?.naam === naam) laatste.tot = jaar;
    else groepen.push({ naam, van: jaar, tot: jaar });
  }
  if (groepen.every((g) => g.naam === vandaag)) return null;
  const delen = groepen.map((g) => `${g.van === g.tot ? g.van : `${g.van}–${g.tot}`} ${g.naam}`);
  return el('p', { class: 'gepubliceerde-namen' }, `Naam zoals gepubliceerd: ${delen.join('; ')} (nu: ${vandaag}).`);
}

function legenda(reeksen, naam) {
  return reeksen.map((r, i) => el('li', {}, voorbeeld(REEKSEN[i % REEKSEN.length]), naam(r)));
}

/**
 * A line per series over the years, each with its own colour, dash and symbol; a point per year with its exact amount as
 * title. Years are evenly spaced; where a year is missing (2017 to 2026) the line breaks, so no trend is drawn over the gap.
 */
function tekenLijnen(blok, { rijen, reeksen, naam, xDomein, label, grenzen = [] }) {
  const deel = (x) => xDomein.filter((j, i) => i > 0 && j - xDomein[i - 1] > 1 && j <= x).length;
  const bedragen = rijen.map((r) => r.bedrag).filter((b) => b !== null);
  teken(blok.grafiek, (breedte) => {
    const hoogte = Math.round(Math.min(420, Math.max(260, breedte * 0.5)));
    const as = miljoenenAs([0, ...bedragen], Math.round(hoogte / 50));
    return {
      height: hoogte,
      marginLeft: 64,
      marginRight: 24,
      marginTop: 28,
      x: { type: 'point', domain: xDomein, label: null, tickFormat: opmaak.jaar, padding: 0.3 },
      y: { label: '€ miljoen', grid: true, ...as },
      marks: [
        Plot.ruleY([0]),
        // Where the scope changes (omvangsgrenzen): a dotted line at the first year on the new side, with its note in the summary.
        ...grenzen.flatMap((g) => [
          Plot.ruleX([g.x], { stroke: '#4a4a4a', strokeDasharray: '2 4', strokeWidth: 1.5 }),
          Plot.text([g.x], { x: (j) => j, frameAnchor: 'top', dy: -14, text: () => 'omvang anders', fill: '#4a4a4a' }),
        ]),
        ...reeksen.flatMap((reeks, i) => {
          const stijl = REEKSEN[i % REEKSEN.length];
          const punten = rijen.filter((r) => r.reeks === reeks);
          return [
            Plot.line(punten, { x: 'x', y: 'bedrag', z: (p) => deel(p.x), stroke: stijl.kleur, strokeWidth: 2.5, strokeDasharray: stijl.streep ?? undefined }),
            Plot.dot(punten.filter((p) => p.bedrag !== null), {
              x: 'x', y: 'bedrag', fill: stijl.kleur, stroke: stijl.kleur, symbol: stijl.symbool, r: 4.5,
              title: (p) => `${naam(reeks)}, ${p.x}: ${opmaak.bedragMetEenheid(p.bedrag)}`,
            }),
          ];
        }),
      ],
    };
  }, { label: `${label} De cijfers staan in de tabel onder de grafiek.` });
}
