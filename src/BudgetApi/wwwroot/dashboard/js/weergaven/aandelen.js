// Aandelen: each artikel's share of the begroting, or each waarvan line's, with the remainder of every artikel
// ("overig, niet gespecificeerd") shown as its own, hatched bar (/v1/aandelen).

import { haal, verzoek } from '../api.js';
import { SOORTEN, soortLabel, standaardBegrotingen } from '../begrippen.js';
import { grafiekblok } from '../blok.js';
import { el } from '../dom.js';
import { arcering, BALKMARGES, KLEUR, regelbreedte, rijen as rijindeling, teken, voorbeeld } from '../grafiek.js';
import { eenVan, keuzeformulier } from '../keuzes.js';
import * as opmaak from '../opmaak.js';
import { tabel } from '../tabel.js';

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
    const begroting = eenVan(zoek, 'begroting', codes, standaardBegrotingen(ctx.begrotingen)[0]);
    const keuzes = {
      begroting,
      soort: eenVan(zoek, 'soort', SOORTEN.map((s) => s.waarde), 'uitgaven'),
      jaar: eenVan(zoek, 'jaar', jarenVan(ctx, begroting), String(jarenVan(ctx, begroting)[0])),
      niveau: eenVan(zoek, 'niveau', NIVEAUS.map((n) => n.waarde), 'artikel'),
    };
    ctx.zetUrl(keuzes, { vervang: true });

    // The years to choose from depend on the begroting: a new begroting gets a new form (and keeps the focus on its list).
    const maakFormulier = () => keuzeformulier({
      label: 'Keuzes voor de aandelen',
      velden: [
        { naam: 'begroting', label: 'Begroting', soort: 'lijst', opties: codes.map((c) => ({ waarde: c, label: c })) },
        { naam: 'soort', label: 'Soort', soort: 'lijst', opties: SOORTEN },
        { naam: 'jaar', label: 'Jaar', soort: 'lijst', opties: jarenVan(ctx, keuzes.begroting).map((j) => ({ waarde: j, label: String(j) })) },
        { naam: 'niveau', label: 'Niveau', soort: 'keuzerondjes', opties: NIVEAUS },
      ],
      waarden: keuzes,
      bijWijziging: (nieuw) => {
        const andereBegroting = nieuw.begroting !== keuzes.begroting;
        Object.assign(keuzes, nieuw);
        if (andereBegroting) {
          const jaren = jarenVan(ctx, keuzes.begroting).map(String);
          if (!jaren.includes(keuzes.jaar)) keuzes.jaar = jaren[0];
          const nieuwFormulier = maakFormulier();
          formulier.replaceWith(nieuwFormulier);
          formulier = nieuwFormulier;
          formulier.querySelector('select[name="begroting"]').focus();
        }
        ctx.zetUrl(keuzes);
        ververs();
      },
    });
    let formulier = maakFormulier();

    sectie.append(
      el('p', { class: 'inleiding' },
        'Wie krijgt welk deel: het aandeel van elk artikel in de begroting, of van elke waarvan-regel. ',
        'Waarvan-regels dekken hun artikel niet altijd helemaal; de rest staat er apart bij als "overig, niet gespecificeerd" (gearceerd).'),
      formulier);

    const blok = grafiekblok({
      titel: 'Aandeel in de begroting',
      eenheid: 'Aandelen in procent van de hele begroting; bedragen in de tabel in € × 1.000.',
    });
    sectie.append(blok.element);

    function ververs() {
      const url = verzoek('/aandelen', keuzes);
      blok.laad(async () => {
        const antwoord = await haal(url, { signal: ctx.signal });
        return () => tekenAandelen(blok, antwoord, url, keuzes, ctx);
      });
    }
    ververs();
  },
};

function jarenVan(ctx, code) {
  const b = ctx.begrotingen.find((x) => x.code === code);
  const jaren = [];
  for (let j = b?.vanJaar ?? 0; j <= (b?.totJaar ?? -1); j++) jaren.push(j);
  return jaren;
}

function tekenAandelen(blok, antwoord, url, keuzes, ctx) {
  const rijen = antwoord.gegevens;
  const perWaarvan = keuzes.niveau === 'waarvan';
  const label = (r) => (perWaarvan ? `${r.artikel} ${r.artikelOmschrijving} · ${r.deel}` : `${r.artikel} ${r.deel}`);
  const items = rijen.map((r, i) => ({ ...r, sleutel: `${i}`, label: label(r), rest: r.soortDeel === 'overig' }));
  const soort = soortLabel(keuzes.soort).toLowerCase();
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
  }), { label: `Staafgrafiek: aandeel ${perWaarvan ? 'van elke waarvan-regel en rest' : 'van elk artikel'} in de ${soort} van ${keuzes.begroting} in ${keuzes.jaar}.` });

  const grootste = [...items].sort((a, b) => (b.bedrag ?? 0) - (a.bedrag ?? 0))[0];
  const resten = items.filter((r) => r.rest);
  blok.toon({
    samenvatting: `${soortLabel(keuzes.soort)} van ${keuzes.begroting} in ${keuzes.jaar}: ${opmaak.bedrag(geheel)} (× € 1.000). ` +
      (grootste ? `Grootste deel: ${grootste.label}, ${opmaak.procent(grootste.aandeelVanGeheel)}. ` : '') +
      (perWaarvan ? `${items.length - resten.length} waarvan-regels en ${resten.length} resten "overig, niet gespecificeerd" (gearceerd).` : ''),
    tabelElement: tabel({
      bijschrift: `Aandelen in de ${soort} van ${keuzes.begroting}, ${keuzes.jaar} (bedragen × € 1.000)`,
      kolommen: perWaarvan
        ? [
          { kop: 'Artikel', waarde: (r) => `${r.artikel} ${r.artikelOmschrijving}` },
          { kop: 'Deel', rijkop: true, waarde: (r) => r.deel },
          { kop: 'Bedrag', getal: true, waarde: (r) => opmaak.bedrag(r.bedrag) },
          { kop: 'Bedrag artikel', getal: true, waarde: (r) => opmaak.bedrag(r.bedragOuder) },
          { kop: 'Aandeel in artikel', getal: true, waarde: (r) => opmaak.procent(r.aandeelVanOuder) },
          { kop: 'Aandeel in begroting', getal: true, waarde: (r) => opmaak.procent(r.aandeelVanGeheel) },
          { kop: 'Bronregel', getal: true, waarde: (r) => String(r.bronRegel) },
        ]
        : [
          { kop: 'Artikel', rijkop: true, waarde: (r) => `${r.artikel} ${r.deel}` },
          { kop: 'Bedrag', getal: true, waarde: (r) => opmaak.bedrag(r.bedrag) },
          { kop: 'Aandeel in begroting', getal: true, waarde: (r) => opmaak.procent(r.aandeelVanGeheel) },
          { kop: 'Bronregel', getal: true, waarde: (r) => String(r.bronRegel) },
        ],
      rijen: items,
    }),
    urls: [url],
    metadata: antwoord.metadata,
    legendaItems: perWaarvan
      ? [
        el('li', {}, voorbeeld({ kleur: KLEUR.hoofd, vlak: true }), 'waarvan-regel'),
        el('li', {}, voorbeeld({ kleur: KLEUR.tweede, gearceerd: true }), 'overig, niet gespecificeerd (rest van het artikel)'),
      ]
      : null,
  });
  ctx.meld(`Grafiek bijgewerkt: aandelen ${perWaarvan ? 'per waarvan-regel' : 'per artikel'}, ${keuzes.begroting} ${keuzes.jaar}.`);
}
