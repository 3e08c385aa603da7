// Aandelen: each artikel's share of the begroting, or each waarvan line's, with the remainder of every artikel
// ("overig, niet gespecificeerd") shown as its own, hatched bar (/v1/aandelen).

import { alsTabel, haal, verzoek } from '../api.js';
import { begrotingOpties, jarenVan, SOORTEN, soortLabel, standaardBegroting, standSleutel } from '../begrippen.js';
import { grafiekblok } from '../blok.js';
import { el } from '../dom.js';
import { arcering, BALKMARGES, KLEUR, regelbreedte, rijen as rijindeling, teken, voorbeeld } from '../grafiek.js';
import { eenVan, keuzeformulier } from '../keuzes.js';
import * as opmaak from '../opmaak.js';
import { tabelVanApi } from '../tabel.js';

const Plot = globalThis.Plot;

const NIVEAUS = [
  { waarde: 'artikel', label: 'Per artikel' },
  { waarde: 'waarvan', label: 'Per waarvan-regel, met de rest' },
];

export default {
  id: 'aandelen',
  titel: 'Aandelen',

  toon(sectie, zoek, ctx) {
    const codes = ctx.begrotingen.map((b) => b.code);
    // The URL's order is the request's: begroting, begrotingsjaar and fase (the stand), soort, jaar, niveau.
    const keuzes = {
      begroting: eenVan(zoek, 'begroting', codes, standaardBegroting(ctx.begrotingen)),
      begrotingsjaar: zoek.get('begrotingsjaar') ?? '',
      fase: zoek.get('fase') ?? '',
      soort: eenVan(zoek, 'soort', SOORTEN.map((s) => s.waarde), 'uitgaven'),
      jaar: zoek.get('jaar') ?? '',
      niveau: eenVan(zoek, 'niveau', NIVEAUS.map((n) => n.waarde), 'artikel'),
    };
    let standen = [];

    const formulierPlek = el('div');
    sectie.append(
      el('p', { class: 'inleiding' },
        'Wie krijgt welk deel: het aandeel van elk artikel in de begroting, of van elke waarvan-regel, in een gekozen stand en jaar. ',
        'Waarvan-regels dekken hun artikel niet altijd helemaal; de rest staat er apart bij als "overig, niet gespecificeerd" (gearceerd).'),
      formulierPlek);
    const blok = grafiekblok({
      titel: 'Aandeel in de begroting',
      eenheid: 'Aandelen in procent van de hele begroting; bedragen in de tabel in € × 1.000.',
    });
    sectie.append(blok.element);

    /** The stand the selections name, else the one the API takes by default (the begroting's newest, as /begrotingen lists it). */
    function kiesStand() {
      const begroting = ctx.begrotingen.find((b) => b.code === keuzes.begroting);
      const inJaar = standen.filter((s) => String(s.begrotingsjaar) === String(keuzes.begrotingsjaar));
      const stand = inJaar.find((s) => s.fase === keuzes.fase.toLowerCase()) ?? inJaar.at(-1)
        ?? standen.find((s) => s.begrotingsjaar === begroting?.begrotingsjaar && s.fase === begroting?.fase) ?? standen.at(-1);
      keuzes.begrotingsjaar = String(stand?.begrotingsjaar ?? '');
      keuzes.fase = stand?.fase ?? '';
      const jaren = jarenVan(stand).map(String);
      keuzes.jaar = eenVan(new URLSearchParams({ jaar: keuzes.jaar }), 'jaar', jaren, jaren.includes(keuzes.begrotingsjaar) ? keuzes.begrotingsjaar : jaren[0] ?? '');
      return stand;
    }

    // The standen and years to choose from depend on the begroting, the years on the stand: the form is built again after
    // a change, with the focus back on the list that changed.
    function bouwFormulier() {
      const stand = standen.find((s) => standSleutel(s) === `${keuzes.begrotingsjaar}-${keuzes.fase}`);
      const actief = document.activeElement?.name;
      formulierPlek.replaceChildren(keuzeformulier({
        label: 'Keuzes voor de aandelen',
        velden: [
          { naam: 'begroting', label: 'Begroting', soort: 'lijst', opties: begrotingOpties(ctx.begrotingen) },
          { naam: 'stand', label: 'Stand', soort: 'lijst', opties: standen.map((s) => ({ waarde: standSleutel(s), label: s.label, groep: `Begrotingsjaar ${s.begrotingsjaar}` })) },
          { naam: 'soort', label: 'Soort', soort: 'lijst', opties: SOORTEN },
          { naam: 'jaar', label: 'Jaar', soort: 'lijst', opties: jarenVan(stand).map((j) => ({ waarde: j, label: String(j) })) },
          { naam: 'niveau', label: 'Niveau', soort: 'keuzerondjes', opties: NIVEAUS },
        ],
        waarden: { ...keuzes, stand: standSleutel({ begrotingsjaar: keuzes.begrotingsjaar, fase: keuzes.fase }) },
        bijWijziging: wijzig,
      }));
      if (actief) formulierPlek.querySelector(`[name="${actief}"]`)?.focus();
    }

    async function wijzig({ stand, ...nieuw }) {
      const andereBegroting = nieuw.begroting !== keuzes.begroting;
      Object.assign(keuzes, nieuw);
      if (andereBegroting) {
        // A new begroting starts at its own default stand.
        keuzes.begrotingsjaar = '';
        keuzes.fase = '';
      } else {
        [keuzes.begrotingsjaar, keuzes.fase] = [stand.slice(0, 4), stand.slice(5)];
      }
      await laad({ vervang: false });
    }

    async function laad({ vervang }) {
      blok.bezig();
      try {
        ({ standen } = await ctx.standenVan(keuzes.begroting));
      } catch (fout) {
        if (fout.name !== 'ApiFout') console.error(fout);
        blok.fout(fout, undefined, () => laad({ vervang }));
        return;
      }
      if (ctx.signal.aborted) return;
      kiesStand();
      ctx.zetUrl(keuzes, { vervang });
      bouwFormulier();
      ververs();
    }

    function ververs() {
      if (!keuzes.fase) {
        blok.meld(`Er zijn geen standen van ${keuzes.begroting} in de gegevens.`);
        return;
      }
      const url = verzoek('/aandelen', keuzes);
      const tabelUrl = alsTabel(url);
      blok.laad(async () => {
        const [antwoord, tabelAntwoord] = await Promise.all([haal(url, { signal: ctx.signal }), haal(tabelUrl, { signal: ctx.signal })]);
        return () => tekenAandelen(blok, antwoord, url, keuzes, ctx, tabelAntwoord, tabelUrl);
      });
    }
    laad({ vervang: true });
  },
};

function tekenAandelen(blok, antwoord, url, keuzes, ctx, tabelAntwoord, tabelUrl) {
  const rijen = antwoord.gegevens;
  if (!rijen.length) {
    blok.meld(`${soortLabel(keuzes.soort)} van ${keuzes.begroting} in ${keuzes.jaar}: deze stand heeft geen regels.`);
    return;
  }
  const perWaarvan = keuzes.niveau === 'waarvan';
  const label = (r) => (perWaarvan ? `${r.artikel} ${r.artikelOmschrijving} · ${r.deel}` : `${r.artikel} ${r.deel}`);
  // By size, largest first (who gets the most), as the table opens; a part without a share comes last; equal shares keep the API's order.
  const items = rijen.map((r, i) => ({ ...r, sleutel: `${i}`, label: label(r), rest: r.soortDeel === 'overig' }))
    .sort((a, b) => (a.aandeelVanGeheel === null) - (b.aandeelVanGeheel === null) || (b.aandeelVanGeheel ?? 0) - (a.aandeelVanGeheel ?? 0));
  const soort = soortLabel(keuzes.soort).toLowerCase();
  const stand = antwoord.metadata?.stand ?? `${keuzes.fase} ${keuzes.begrotingsjaar}`;
  const geheel = rijen[0]?.bedragGeheel ?? null;
  const indeling = rijindeling(items.length);
  const arceringId = `arcering-aandelen-${keuzes.niveau}`;
  const rechts = (r) => opmaak.procent(r.aandeelVanGeheel);

  teken(blok.grafiek, (breedte) => ({
    height: indeling.hoogte,
    ...BALKMARGES,
    x: { axis: 'top', label: null, domain: [0, Math.max(...items.map((r) => r.aandeelVanGeheel ?? 0))], nice: true, grid: true, tickFormat: (v) => `${opmaak.getal(v)}%`, ticks: Math.max(2, Math.floor(breedte / 80)) },
    y: { axis: null, type: 'band', domain: items.map((r) => r.sleutel), padding: 0 },
    marks: [
      arcering(arceringId, KLEUR.tweede),
      Plot.barX(items, {
        x: 'aandeelVanGeheel', y: 'sleutel', ...indeling.balkInsets[0],
        fill: (r) => (r.rest ? `url(#${arceringId})` : KLEUR.hoofd), stroke: (r) => (r.rest ? KLEUR.tweede : KLEUR.hoofd),
        title: (r) => `${r.label}: ${opmaak.procent(r.aandeelVanGeheel)} (${opmaak.bedragMetEenheid(r.bedrag)})`,
      }),
      Plot.text(items, {
        y: 'sleutel', text: 'label', frameAnchor: 'left', textAnchor: 'start', dy: indeling.labelDy,
        lineWidth: regelbreedte(breedte, items.map(rechts)), textOverflow: 'ellipsis',
      }),
      Plot.text(items, {
        y: 'sleutel', text: rechts, frameAnchor: 'right', textAnchor: 'end', dy: indeling.labelDy, fontWeight: 600,
      }),
      Plot.ruleX([0]),
    ],
  }), { label: `Staafgrafiek: aandeel ${perWaarvan ? 'van elke waarvan-regel en rest' : 'van elk artikel'} in de ${soort} van ${keuzes.begroting} in ${keuzes.jaar}, ${stand}.` });

  const grootste = [...items].sort((a, b) => (b.bedrag ?? 0) - (a.bedrag ?? 0))[0];
  const resten = items.filter((r) => r.rest);
  blok.toon({
    samenvatting: `${soortLabel(keuzes.soort)} van ${keuzes.begroting} in ${keuzes.jaar}, ${stand}: ${opmaak.bedrag(geheel)} (× € 1.000). ` +
      (grootste ? `Grootste deel: ${grootste.label}, ${opmaak.procent(grootste.aandeelVanGeheel)}. ` : '') +
      (perWaarvan ? `${items.length - resten.length} waarvan-regels en ${resten.length} resten "overig, niet gespecificeerd" (gearceerd).` : ''),
    // The API's table (its rows already by size); marked as sorted by the share, so a click on it reverses the order.
    tabelElement: tabelVanApi(tabelAntwoord, { rijkop: perWaarvan ? 'deel' : 'artikel', sortering: { sleutel: 'aandeelVanGeheel', richting: 'aflopend' } }),
    tabelUrl,
    urls: [url],
    metadata: antwoord.metadata,
    legendaItems: perWaarvan
      ? [
        el('li', {}, voorbeeld({ kleur: KLEUR.hoofd, vlak: true }), 'waarvan-regel'),
        el('li', {}, voorbeeld({ kleur: KLEUR.tweede, gearceerd: true }), 'overig, niet gespecificeerd (rest van het artikel)'),
      ]
      : null,
  });
  ctx.meld(`Grafiek bijgewerkt: aandelen ${perWaarvan ? 'per waarvan-regel' : 'per artikel'}, ${keuzes.begroting} ${keuzes.jaar}, ${stand}.`);
}
