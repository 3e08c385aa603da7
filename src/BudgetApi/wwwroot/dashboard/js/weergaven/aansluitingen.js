// Aansluitingen en bevindingen: every printed figure that does not add up, gedrukt against berekend with where it stands
// in the source (/v1/aansluitingen), and every finding about figures that contradict each other (/v1/bevindingen).

import { haal, verzoek } from '../api.js';
import { faseLabel } from '../begrippen.js';
import { grafiekblok, nogNietBeschikbaar } from '../blok.js';
import { el, svg } from '../dom.js';
import { BALKMARGES, KLEUR, regelbreedte, rijen as rijindeling, teken, voorbeeld } from '../grafiek.js';
import { eenVan, keuzeformulier } from '../keuzes.js';
import * as opmaak from '../opmaak.js';
import { tabel } from '../tabel.js';

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
  { waarde: 'bezettingstabel', label: 'Bezettingstabel' },
  { waarde: 'uitgavenbegroting-jenv', label: 'Uitgavenbegroting JenV' },
  { waarde: 'organisatie-delen', label: 'Delen van een organisatie' },
  { waarde: 'organisatie-begroting', label: 'Organisatie tegen begroting' },
];

const ERNSTEN = [
  { waarde: '', label: 'Alle' },
  { waarde: 'fout', label: 'Fout' },
  { waarde: 'tegenstrijdig', label: 'Tegenstrijdig' },
  { waarde: 'twijfel', label: 'Twijfel' },
];
const ERNST_KLEUR = { fout: '#a8200d', tegenstrijdig: '#e17000', twijfel: '#01689b' };

const AFWIJKEND = new Set(['sluit-niet', 'past-niet']);

export default {
  id: 'aansluitingen',
  titel: 'Aansluitingen en bevindingen',

  toon(sectie, zoek, ctx) {
    const codes = ctx.begrotingen.map((b) => b.code);
    const bevindingenBeschikbaar = ctx.aanbod.heeft('/bevindingen');
    const keuzes = {
      status: eenVan(zoek, 'status', STATUSSEN.map((s) => s.waarde), 'afwijking'),
      begroting: eenVan(zoek, 'begroting', ['', ...codes], ''),
      aansluiting: eenVan(zoek, 'aansluiting', SOORTEN_AANSLUITING.map((s) => s.waarde), ''),
    };
    if (bevindingenBeschikbaar) keuzes.ernst = eenVan(zoek, 'ernst', ERNSTEN.map((e) => e.waarde), '');
    ctx.zetUrl(keuzes, { vervang: true });

    sectie.append(el('p', { class: 'inleiding' },
      'Sluit de tabel aan? Elk gedrukt cijfer tegen wat de delen samen zijn, met waar het in de bron staat. ',
      'Een gedrukt cijfer wordt nooit verbeterd: de juiste waarde staat ernaast.'));

    const aansluitingen = grafiekblok({
      titel: 'Aansluitingen: gedrukt tegen berekend',
      eenheid: 'Elk cijfer in zijn eigen eenheid (× € 1.000, € miljoen, fte); per eenheid een grafiek.',
      keuzes: keuzeformulier({
        label: 'Keuzes voor de aansluitingen',
        velden: [
          { naam: 'status', label: 'Welke', soort: 'keuzerondjes', opties: STATUSSEN },
          { naam: 'begroting', label: 'Begroting', soort: 'lijst', opties: [{ waarde: '', label: 'Alle (ook organisatiecijfers)' }, ...codes.map((c) => ({ waarde: c, label: c }))] },
          { naam: 'aansluiting', label: 'Soort aansluiting', soort: 'lijst', opties: SOORTEN_AANSLUITING },
        ],
        waarden: keuzes,
        bijWijziging: (nieuw) => {
          Object.assign(keuzes, nieuw);
          ctx.zetUrl(keuzes);
          toonAansluitingen(aansluitingen, keuzes, ctx);
        },
      }),
    });

    const bevindingen = grafiekblok({
      titel: 'Bevindingen: cijfers die niet kloppen of elkaar tegenspreken',
      eenheid: 'Aantal bevindingen per soort en ernst; in de tabel elk cijfer zoals gedrukt, met bestand en regel.',
      keuzes: bevindingenBeschikbaar
        ? keuzeformulier({
          label: 'Keuzes voor de bevindingen',
          velden: [{ naam: 'ernst', label: 'Ernst', soort: 'lijst', opties: ERNSTEN }],
          waarden: keuzes,
          bijWijziging: (nieuw) => {
            Object.assign(keuzes, nieuw);
            ctx.zetUrl(keuzes);
            toonBevindingen(bevindingen, keuzes, ctx);
          },
        })
        : null,
    });
    sectie.append(aansluitingen.element, bevindingen.element);

    toonAansluitingen(aansluitingen, keuzes, ctx);
    if (bevindingenBeschikbaar) toonBevindingen(bevindingen, keuzes, ctx);
    else bevindingen.meld(nogNietBeschikbaar('Deze grafiek', ['/bevindingen']));
  },
};

function toonAansluitingen(blok, keuzes, ctx) {
  const url = verzoek('/aansluitingen', {
    status: keuzes.status === 'alle' ? '' : keuzes.status, begroting: keuzes.begroting, aansluiting: keuzes.aansluiting,
  });
  blok.laad(async () => {
    const antwoord = await haal(url, { signal: ctx.signal });
    return () => {
      const rijen = antwoord.gegevens.map((r, i) => ({ ...r, sleutel: String(i), label: r.jaar ? `${r.jaar} · ${r.omschrijving}` : r.omschrijving }));
      if (!rijen.length) {
        blok.meld('Geen aansluitingen met deze keuzes.');
        return;
      }
      tekenPerEenheid(blok, rijen);
      const afwijkingen = rijen.filter((r) => AFWIJKEND.has(r.oordeel));
      blok.toon({
        samenvatting: `${rijen.length} aansluiting${rijen.length === 1 ? '' : 'en'}, waarvan ${afwijkingen.length} niet ${afwijkingen.length === 1 ? 'sluit of past' : 'sluiten of passen'}. ` +
          'Open rondje: gedrukt; blauw vierkant: berekend uit de delen.',
        tabelElement: tabel({
          bijschrift: 'Aansluitingen: gedrukt tegen berekend, met de bron van elk cijfer',
          kolommen: [
            { kop: 'Wat', rijkop: true, waarde: (r) => r.omschrijving },
            { kop: 'Jaar', geenAfbreking: true, waarde: (r) => (r.jaar ? String(r.jaar) : opmaak.LEEG) },
            { kop: 'Gedrukt', getal: true, waarde: (r) => opmaak.getal(r.gedrukt) },
            { kop: 'Berekend', getal: true, waarde: (r) => opmaak.getal(r.berekend) },
            { kop: 'Verschil', getal: true, waarde: (r) => opmaak.getalMetTeken(r.verschil) },
            { kop: 'Eenheid', geenAfbreking: true, waarde: (r) => r.eenheid },
            { kop: 'Oordeel', geenAfbreking: true, waarde: (r) => el('span', { class: AFWIJKEND.has(r.oordeel) ? 'oordeel-afwijking' : null }, r.oordeel) },
            { kop: 'Juiste waarde', getal: true, waarde: (r) => opmaak.getal(r.juisteWaarde) },
            { kop: 'Bron', waarde: bronVanAansluiting },
            { kop: 'API', waarde: (r) => el('a', { href: verzoekVoorAansluiting(r) }, 'verzoek', el('span', { class: 'visueel-verborgen' }, ` voor ${r.label}`)) },
          ],
          rijen,
        }),
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

/** Where both sides stand: the printed figure's line and table, and the lines of the parts that were added up. */
function bronVanAansluiting(r) {
  return el('span', {},
    `regel ${r.bronRegel}${r.bronTabel ? ` (${r.bronTabel})` : ''}`,
    r.bronRegels ? el('span', { class: 'klein' }, `; delen: regel${r.aantalDelen === 1 ? '' : 's'} ${String(r.bronRegels).split(',').join(', ')}${r.bronTabelDelen && r.bronTabelDelen !== r.bronTabel ? ` (${r.bronTabelDelen})` : ''}`) : null);
}

/** The narrowest request of /v1/aansluitingen that holds this row: its kind, begroting, soort and year. */
function verzoekVoorAansluiting(r) {
  return verzoek('/aansluitingen', { aansluiting: r.soortAansluiting, begroting: r.begroting, soort: r.soort, jaar: r.jaar });
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
    el('h4', { class: 'deelgrafiek-titel' }, eenheid === 'x € 1.000' ? 'Bedragen in € × 1.000 (de as in € miljoen)' : `In ${eenheid}`), houders[i],
  ]));
  eenheden.forEach((eenheid, i) => {
    const deel = rijen.filter((r) => r.eenheid === eenheid);
    const indeling = rijindeling(deel.length, { rijHoogte: deel.length > 30 ? 36 : 44 });
    const maximum = Math.max(...deel.flatMap((r) => [r.gedrukt, r.berekend]));
    const geld = eenheid === 'x € 1.000';
    const rechts = (r) => (AFWIJKEND.has(r.oordeel) ? `verschil ${opmaak.getalMetTeken(r.verschil)}` : 'sluit');
    teken(houders[i], (breedte) => ({
      height: indeling.hoogte,
      ...BALKMARGES,
      x: {
        axis: 'top', label: null, domain: [0, maximum], nice: true, grid: true, insetLeft: 6, insetRight: 8,
        tickFormat: geld ? opmaak.inMiljoenen : opmaak.getal, ticks: Math.max(2, Math.floor(breedte / 110)),
      },
      y: { axis: null, type: 'band', domain: deel.map((r) => r.sleutel), padding: 0 },
      marks: [
        Plot.link(deel, { x1: 'gedrukt', x2: 'berekend', y1: 'sleutel', y2: 'sleutel', dy: 8, stroke: '#6b6b6b', strokeWidth: 1.5 }),
        Plot.dot(deel, {
          x: 'gedrukt', y: 'sleutel', dy: 8, r: 5.5, stroke: KLEUR.gedrukt, strokeWidth: 2.5, fill: 'white',
          title: (r) => `${r.label}: gedrukt ${opmaak.getal(r.gedrukt)} ${r.eenheid}`,
        }),
        Plot.dot(deel, {
          x: 'berekend', y: 'sleutel', dy: 8, r: 4.5, symbol: 'square', fill: KLEUR.berekend,
          title: (r) => `${r.label}: berekend ${opmaak.getal(r.berekend)} ${r.eenheid}`,
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
    }), { label: `Grafiek: gedrukt tegen berekend, in ${eenheid}, voor ${deel.length} aansluiting${deel.length === 1 ? '' : 'en'}.` });
  });
}

function toonBevindingen(blok, keuzes, ctx) {
  const url = verzoek('/bevindingen', { ernst: keuzes.ernst });
  blok.laad(async () => {
    const antwoord = await haal(url, { signal: ctx.signal });
    return () => {
      const rijen = antwoord.gegevens;
      if (!rijen.length) {
        blok.meld('Geen bevindingen met deze keuzes.');
        return;
      }
      // The chart counts the findings per kind and severity; the table lists each one with its figures.
      const soorten = [...new Set(rijen.map((b) => b.soort))];
      const tellingen = soorten.flatMap((soort) => ERNSTEN.slice(1).map((e) => ({
        soort, ernst: e.waarde, aantal: rijen.filter((b) => b.soort === soort && b.ernst === e.waarde).length,
      }))).filter((t) => t.aantal > 0);
      const indeling = rijindeling(soorten.length, { rijHoogte: 40 });
      const meeste = Math.max(...soorten.map((s) => rijen.filter((b) => b.soort === s).length));
      // Counts are whole numbers: ticks only at whole steps.
      const gehele = (breedte) => {
        const stap = Math.max(1, Math.ceil(meeste / Math.max(1, Math.floor(breedte / 90))));
        return Array.from({ length: Math.floor(meeste / stap) + 1 }, (_, i) => i * stap);
      };
      teken(blok.grafiek, (breedte) => ({
        height: indeling.hoogte,
        ...BALKMARGES,
        x: { axis: 'top', label: null, grid: true, domain: [0, meeste], tickFormat: opmaak.getal, ticks: gehele(breedte) },
        y: { axis: null, type: 'band', domain: soorten, padding: 0 },
        color: { domain: ERNSTEN.slice(1).map((e) => e.waarde), range: ERNSTEN.slice(1).map((e) => ERNST_KLEUR[e.waarde]) },
        marks: [
          Plot.barX(tellingen, Plot.stackX({
            x: 'aantal', y: 'soort', fill: 'ernst', ...indeling.balkInsets[0], stroke: 'white',
            title: (t) => `${t.soort}, ${t.ernst}: ${t.aantal}`,
          })),
          Plot.text(soorten, { y: (s) => s, text: (s) => s, frameAnchor: 'left', textAnchor: 'start', dy: indeling.labelDy, lineWidth: regelbreedte(breedte, ['999']), textOverflow: 'ellipsis' }),
          Plot.text(soorten, { y: (s) => s, text: (s) => String(rijen.filter((b) => b.soort === s).length), frameAnchor: 'right', textAnchor: 'end', dy: indeling.labelDy, fontWeight: 600 }),
          Plot.ruleX([0]),
        ],
      }), { label: `Staafgrafiek: aantal bevindingen per soort, naar ernst, ${rijen.length} in totaal.` });

      blok.toon({
        samenvatting: `${rijen.length} bevinding${rijen.length === 1 ? '' : 'en'}: ` +
          ERNSTEN.slice(1).map((e) => `${rijen.filter((b) => b.ernst === e.waarde).length} ${e.label.toLowerCase()}`).join(', ') + '.',
        tabelElement: tabel({
          bijschrift: 'Bevindingen met elk cijfer zoals gedrukt en waar het staat',
          kolommen: [
            { kop: 'Ernst', waarde: (b) => el('span', { class: `ernst ernst-${b.ernst}` }, b.ernst) },
            { kop: 'Soort', rijkop: true, waarde: (b) => b.soort },
            { kop: 'Uitleg', waarde: (b) => b.uitleg },
            { kop: 'Waarover', waarde: (b) => [b.begroting ?? b.hoofdstuk, b.begrotingsjaar, b.fase && faseLabel(b.fase), b.organisatie].filter(Boolean).join(', ') || opmaak.LEEG },
            { kop: 'Cijfers (zoals gedrukt)', waarde: (b) => el('ul', {}, (b.cijfers ?? []).map((c) => el('li', {},
              `${c.zoalsGedrukt ?? opmaak.getal(c.waarde)} ${c.eenheid}: ${c.omschrijving}${c.jaar ? ` (${c.jaar})` : ''}`))) },
            { kop: 'Juiste waarde', waarde: (b) => (b.juisteWaarde === null || b.juisteWaarde === undefined ? opmaak.LEEG
              : el('span', {}, `${opmaak.getal(b.juisteWaarde)}${b.eenheid ? ` ${b.eenheid}` : ''}`, b.berekening ? el('span', { class: 'klein' }, ` (${b.berekening})`) : null)) },
            { kop: 'Bron', waarde: (b) => el('ul', {}, [...new Set((b.cijfers ?? []).map((c) =>
              `${c.bronBestand}, regel ${c.bronRegel}${c.bronSectie ? ` (${c.bronSectie})` : ''}`))].map((t) => el('li', {}, t))) },
            { kop: 'API', waarde: (b) => el('a', { href: verzoek('/bevindingen', { soort: b.soort, begroting: b.begroting ?? b.hoofdstuk, organisatie: b.organisatie, ernst: b.ernst }) },
              'verzoek', el('span', { class: 'visueel-verborgen' }, ` voor bevinding ${b.id}`)) },
          ],
          rijen,
        }),
        urls: [url],
        metadata: antwoord.metadata,
        legendaItems: ERNSTEN.slice(1).map((e) => el('li', {}, voorbeeld({ kleur: ERNST_KLEUR[e.waarde], vlak: true }), e.label.toLowerCase())),
      });
    };
  });
}
