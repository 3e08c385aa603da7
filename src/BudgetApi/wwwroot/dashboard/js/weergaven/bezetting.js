// Bezetting: per organisation its share of the staff (fte) against its share of the budget, and its budget per fte
// (/v1/bezetting: the printed table "Bezetting FTE (stand 2025) en budget (stand ontwerpbegroting 2026)").

import { haal, verzoek } from '../api.js';
import { grafiekblok } from '../blok.js';
import { el } from '../dom.js';
import { arcering, BALKMARGES, KLEUR, regelbreedte, rijen as rijindeling, teken, voorbeeld } from '../grafiek.js';
import { eenVan, keuzeformulier } from '../keuzes.js';
import * as opmaak from '../opmaak.js';
import { tabelVanApi } from '../tabel.js';

const Plot = globalThis.Plot;

const VOLGORDEN = [
  { waarde: 'bron', label: 'Zoals gedrukt' },
  { waarde: 'bezetting', label: 'Bezetting' },
  { waarde: 'budget', label: 'Budget' },
  { waarde: 'budgetPerFte', label: 'Budget per fte' },
];

const VELD = { bezetting: 'bezettingFte', budget: 'budgetMiljoen', budgetPerFte: 'budgetPerFteEuro' };

export default {
  id: 'bezetting',
  titel: 'Bezetting',

  toon(sectie, zoek, ctx) {
    const keuzes = { volgorde: eenVan(zoek, 'volgorde', VOLGORDEN.map((v) => v.waarde), 'bron') };
    ctx.zetUrl(keuzes, { vervang: true });

    sectie.append(
      el('p', { class: 'inleiding' },
        'Per organisatie de bezetting (fte, stand 2025) tegen het budget (ontwerpbegroting 2026), als aandeel van het geheel, ',
        'en het budget per fte. Bezetting is het personeel dat er werkt, niet de formatie.'),
      keuzeformulier({
        label: 'Keuzes voor de bezetting',
        velden: [{ naam: 'volgorde', label: 'Volgorde', soort: 'keuzerondjes', opties: VOLGORDEN }],
        waarden: keuzes,
        bijWijziging: (nieuw) => {
          Object.assign(keuzes, nieuw);
          ctx.zetUrl(keuzes);
          ververs();
        },
      }));

    const aandelen = grafiekblok({
      titel: 'Bezetting tegen budget per organisatie',
      eenheid: 'Aandeel in de totale bezetting en in het totale budget van de tabel, in procent; in de tabel ook fte en € miljoen.',
    });
    const perFte = grafiekblok({ titel: 'Budget per fte', eenheid: 'In euro per fte: budget × € 1 miljoen gedeeld door de bezetting.' });
    sectie.append(aandelen.element, perFte.element);

    const url = verzoek('/bezetting');
    // One request for both charts; a new order only sorts again. A failed request is not kept, so "Opnieuw proberen" asks again.
    let antwoord = null;
    const laden = () => (antwoord ??= haal(url, { signal: ctx.signal }).catch((fout) => {
      antwoord = null;
      throw fout;
    }));

    function ververs() {
      // Each table is the API's, in the chosen order: its CSV and Excel are the table as shown.
      const tabelUrl = (tabel) => verzoek('/bezetting/tabel', { tabel, volgorde: keuzes.volgorde });
      aandelen.laad(async () => {
        const [a, t] = await Promise.all([laden(), haal(tabelUrl('aandelen'), { signal: ctx.signal })]);
        return () => tekenAandelen(aandelen, a, url, keuzes, t, tabelUrl('aandelen'));
      });
      perFte.laad(async () => {
        const [a, t] = await Promise.all([laden(), haal(tabelUrl('budget-per-fte'), { signal: ctx.signal })]);
        return () => tekenPerFte(perFte, a, url, keuzes, t, tabelUrl('budget-per-fte'));
      });
      ctx.meld(`Grafieken bijgewerkt: volgorde ${VOLGORDEN.find((v) => v.waarde === keuzes.volgorde).label.toLowerCase()}.`);
    }
    ververs();
  },
};

function geordend(rijen, volgorde) {
  if (volgorde === 'bron') return [...rijen];
  const veld = VELD[volgorde];
  // Largest first; a row without the figure (the printed "Overig" has no budget) goes last.
  return [...rijen].sort((a, b) => (b[veld] ?? -Infinity) - (a[veld] ?? -Infinity));
}

function tekenAandelen(blok, antwoord, url, keuzes, tabelAntwoord, tabelUrl) {
  const rijen = geordend(antwoord.gegevens, keuzes.volgorde).map((r, i) => ({ ...r, sleutel: String(i) }));
  const indeling = rijindeling(rijen.length, { rijHoogte: 52, balken: 2 });
  const maximum = Math.max(...rijen.flatMap((r) => [r.aandeelBezettingProcent ?? 0, r.aandeelBudgetProcent ?? 0]));
  const rechts = (r) => `${opmaak.procent(r.aandeelBezettingProcent)} · ${opmaak.procent(r.aandeelBudgetProcent)}`;
  teken(blok.grafiek, (breedte) => ({
    height: indeling.hoogte,
    ...BALKMARGES,
    x: { axis: 'top', label: null, domain: [0, maximum], nice: true, grid: true, tickFormat: (v) => `${opmaak.getal(v)}%`, ticks: Math.max(2, Math.floor(breedte / 80)) },
    y: { axis: null, type: 'band', domain: rijen.map((r) => r.sleutel), padding: 0 },
    marks: [
      arcering('arcering-budget', KLEUR.tweede),
      Plot.barX(rijen.filter((r) => r.aandeelBezettingProcent !== null), {
        x: 'aandeelBezettingProcent', y: 'sleutel', ...indeling.balkInsets[0], fill: KLEUR.hoofd,
        title: (r) => `${r.organisatieZoalsGedrukt}: bezetting ${opmaak.getal(r.bezettingFte)} fte, ${opmaak.procent(r.aandeelBezettingProcent)}`,
      }),
      Plot.barX(rijen.filter((r) => r.aandeelBudgetProcent !== null), {
        x: 'aandeelBudgetProcent', y: 'sleutel', ...indeling.balkInsets[1], fill: 'url(#arcering-budget)', stroke: KLEUR.tweede,
        title: (r) => `${r.organisatieZoalsGedrukt}: budget € ${opmaak.getal(r.budgetMiljoen)} miljoen, ${opmaak.procent(r.aandeelBudgetProcent)}`,
      }),
      Plot.text(rijen, {
        y: 'sleutel', text: 'organisatieZoalsGedrukt', frameAnchor: 'left', textAnchor: 'start', dy: indeling.labelDy,
        lineWidth: regelbreedte(breedte, rijen.map(rechts)), textOverflow: 'ellipsis',
      }),
      Plot.text(rijen, {
        y: 'sleutel', frameAnchor: 'right', textAnchor: 'end', dy: indeling.labelDy, fontWeight: 600,
        text: rechts,
      }),
      Plot.ruleX([0]),
    ],
  }), { label: 'Staafgrafiek: per organisatie het aandeel in de bezetting en het aandeel in het budget, in procent.' });

  const politie = rijen.find((r) => r.organisatie === 'Politie');
  blok.toon({
    samenvatting: 'Per organisatie twee staven: bovenaan het aandeel in de bezetting (fte), daaronder het aandeel in het budget (gearceerd). ' +
      (politie ? `De Politie heeft ${opmaak.procent(politie.aandeelBezettingProcent)} van de bezetting en ${opmaak.procent(politie.aandeelBudgetProcent)} van het budget.` : ''),
    tabelElement: tabelVanApi(tabelAntwoord),
    tabelUrl,
    urls: [url],
    metadata: antwoord.metadata,
    legendaItems: [
      el('li', {}, voorbeeld({ kleur: KLEUR.hoofd, vlak: true }), 'aandeel in de bezetting (fte)'),
      el('li', {}, voorbeeld({ kleur: KLEUR.tweede, gearceerd: true }), 'aandeel in het budget'),
    ],
  });
}

function tekenPerFte(blok, antwoord, url, keuzes, tabelAntwoord, tabelUrl) {
  const alle = geordend(antwoord.gegevens, keuzes.volgorde);
  const rijen = alle.filter((r) => r.budgetPerFteEuro !== null).map((r, i) => ({ ...r, sleutel: String(i) }));
  const zonder = alle.filter((r) => r.budgetPerFteEuro === null);
  const indeling = rijindeling(rijen.length, { rijHoogte: 40 });
  teken(blok.grafiek, (breedte) => ({
    height: indeling.hoogte,
    ...BALKMARGES,
    x: { axis: 'top', label: null, domain: [0, Math.max(...rijen.map((r) => r.budgetPerFteEuro))], nice: true, grid: true, tickFormat: (v) => opmaak.getal(v), ticks: Math.max(2, Math.floor(breedte / 110)) },
    y: { axis: null, type: 'band', domain: rijen.map((r) => r.sleutel), padding: 0 },
    marks: [
      Plot.barX(rijen, {
        x: 'budgetPerFteEuro', y: 'sleutel', ...indeling.balkInsets[0], fill: KLEUR.hoofd,
        title: (r) => `${r.organisatieZoalsGedrukt}: ${opmaak.euro(r.budgetPerFteEuro)} per fte`,
      }),
      Plot.text(rijen, {
        y: 'sleutel', text: 'organisatieZoalsGedrukt', frameAnchor: 'left', textAnchor: 'start', dy: indeling.labelDy,
        lineWidth: regelbreedte(breedte, rijen.map((r) => opmaak.euro(r.budgetPerFteEuro))), textOverflow: 'ellipsis',
      }),
      Plot.text(rijen, {
        y: 'sleutel', frameAnchor: 'right', textAnchor: 'end', dy: indeling.labelDy, fontWeight: 600, text: (r) => opmaak.euro(r.budgetPerFteEuro),
      }),
      Plot.ruleX([0]),
    ],
  }), { label: 'Staafgrafiek: budget per fte per organisatie, in euro.' });

  const hoogste = [...rijen].sort((a, b) => b.budgetPerFteEuro - a.budgetPerFteEuro)[0];
  blok.toon({
    samenvatting: (hoogste ? `Het hoogste budget per fte: ${hoogste.organisatieZoalsGedrukt}, ${opmaak.euro(hoogste.budgetPerFteEuro)}. ` : '') +
      (zonder.length ? `Zonder budget in de tabel, dus zonder budget per fte: ${zonder.map((r) => r.organisatieZoalsGedrukt).join(', ')}.` : ''),
    tabelElement: tabelVanApi(tabelAntwoord),
    tabelUrl,
    urls: [url],
    metadata: antwoord.metadata,
  });
}
