// Inzoomen: from a begroting to an artikel, to its onderdelen and instrumenten, to one regel, by clicking a bar or a row.
// At every level the standenreeks (/v1/standenreeks: every stand of the begrotingsjaar side by side, with the mutaties
// between neighbours and the uitputting) and the verloop over begrotingsjaren (/v1/verloop: one amount per year, following
// the was → wordt table, with gaps and breaks named). An organisation found by the search box shows its own figures here.

import { alsTabel, haal, verzoek } from '../api.js';
import { begrotingOpties, FASEN, FASEN_KEUZE, faseLabel, SOORTEN, soortLabel, standaardBegroting } from '../begrippen.js';
import { grafiekblok, verzoekLinks, volgSortering } from '../blok.js';
import { el } from '../dom.js';
import { BALKMARGES, KLEUR, miljoenenAs, regelbreedte, rijen as rijindeling, teken } from '../grafiek.js';
import { eenVan, keuzeformulier } from '../keuzes.js';
import * as opmaak from '../opmaak.js';
import { tabelVanApi } from '../tabel.js';

const Plot = globalThis.Plot;

/** The address of a level of the drill-down: the view's own URL, so every level can be shared and the back button works. */
export function inzoomAdres(keuzes) {
  const zoek = new URLSearchParams({ weergave: 'inzoomen' });
  for (const naam of ['begroting', 'begrotingsjaar', 'soort', 'artikel', 'regel', 'fase', 'organisatie']) {
    if (keuzes[naam] !== undefined && keuzes[naam] !== null && keuzes[naam] !== '') zoek.append(naam, keuzes[naam]);
  }
  return `${location.pathname}?${zoek}`;
}

/** Goes to another address within the dashboard as a click on a menu link does: a history entry, then the view drawn anew. */
export function ga(adres) {
  history.pushState(null, '', adres);
  window.dispatchEvent(new PopStateEvent('popstate'));
  document.getElementById('weergave-titel')?.focus();
}

/** A link inside the dashboard: a real link (opens in a new tab too); a plain click stays in the page. */
function interneLink(adres, ...inhoud) {
  return el('a', {
    href: adres,
    onclick: (e) => {
      if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      e.preventDefault();
      ga(adres);
    },
  }, ...inhoud);
}

/** The full name of a line below its artikel: its path and its own omschrijving, as the API's regel parameter takes it. */
const volledig = (r) => (r.pad ? `${r.pad} > ${r.omschrijving}` : r.omschrijving);

export default {
  id: 'inzoomen',
  titel: 'Inzoomen en standenreeks',

  async toon(sectie, zoek, ctx) {
    if (zoek.get('organisatie')) {
      toonOrganisatie(sectie, zoek.get('organisatie'), ctx);
      return;
    }
    const codes = ctx.begrotingen.map((b) => b.code);
    const begroting = eenVan(zoek, 'begroting', codes, standaardBegroting(ctx.begrotingen));
    const keuzes = {
      begroting,
      begrotingsjaar: zoek.get('begrotingsjaar') ?? '',
      soort: eenVan(zoek, 'soort', SOORTEN.map((s) => s.waarde), 'uitgaven'),
      artikel: /^\d+$/.test(zoek.get('artikel') ?? '') ? zoek.get('artikel') : '',
      regel: zoek.get('regel') ?? '',
      fase: eenVan(zoek, 'fase', FASEN.map((f) => f.waarde), ''),
    };
    if (!keuzes.artikel) keuzes.regel = '';

    const inleiding = el('p', { class: 'inleiding' },
      'Klik op een balk of op een regel in de tabel om in te zoomen: begroting → artikel → onderdeel en instrument → regel. ',
      'Op elk niveau alle standen van het begrotingsjaar naast elkaar, en het verloop over de begrotingsjaren.');
    const kruimels = el('nav', { class: 'kruimelpad', 'aria-label': 'Kruimelpad' });
    sectie.append(inleiding, kruimels);

    let standen;
    try {
      ({ standen } = await ctx.standenVan(begroting));
    } catch (fout) {
      sectie.append(el('div', { class: 'melding melding-fout', role: 'alert' }, el('p', {}, `De standen van ${begroting} konden niet worden opgehaald. ${fout.message}`)));
      return;
    }
    const jaren = [...new Set(standen.map((s) => String(s.begrotingsjaar)))];
    keuzes.begrotingsjaar = eenVan(new URLSearchParams({ j: keuzes.begrotingsjaar }), 'j', jaren, jaren.at(-1) ?? '');
    ctx.zetUrl(keuzes, { vervang: true });

    sectie.append(keuzeformulier({
      label: 'Keuzes voor inzoomen',
      velden: [
        { naam: 'begroting', label: 'Begroting', soort: 'lijst', opties: begrotingOpties(ctx.begrotingen) },
        { naam: 'begrotingsjaar', label: 'Begrotingsjaar', soort: 'lijst', opties: jaren.map((j) => ({ waarde: j, label: j })) },
        { naam: 'soort', label: 'Soort', soort: 'keuzerondjes', opties: SOORTEN },
      ],
      waarden: keuzes,
      // Another begroting starts at its top; another year or soort keeps the line, as far as that year has it.
      bijWijziging: (nieuw) => ga(inzoomAdres(nieuw.begroting === keuzes.begroting
        ? { ...keuzes, ...nieuw } : { begroting: nieuw.begroting, soort: nieuw.soort })),
    }));

    const naam = ctx.begrotingen.find((b) => b.code === begroting);
    const niveaus = [{ tekst: `${naam?.hoofdstuk ?? begroting} ${naam?.naam ?? ''} ${keuzes.begrotingsjaar}`.trim(), keuzes: { begroting, begrotingsjaar: keuzes.begrotingsjaar, soort: keuzes.soort } }];
    if (keuzes.artikel) niveaus.push({ tekst: `Artikel ${keuzes.artikel}`, keuzes: { ...niveaus[0].keuzes, artikel: keuzes.artikel } });
    if (keuzes.regel) {
      const stappen = keuzes.regel.split('>').map((s) => s.trim()).filter(Boolean);
      stappen.forEach((stap, i) => niveaus.push({ tekst: stap, keuzes: { ...niveaus[1].keuzes, regel: stappen.slice(0, i + 1).join(' > ') } }));
    }
    kruimels.append(el('ol', {}, niveaus.map((n, i) => el('li', {},
      i === niveaus.length - 1 ? el('span', { 'aria-current': 'page' }, n.tekst) : interneLink(inzoomAdres(n.keuzes), n.tekst)))));

    const reeks = grafiekblok({
      titel: `Standenreeks ${niveaus.at(-1).tekst}`,
      eenheid: 'Elke stand van het begrotingsjaar naast elkaar, met de mutatie ten opzichte van de stand ervoor en de uitputting (realisatie min laatste begroting). ' +
        'Grafiek in € miljoen (de laatste stand); tabel in € × 1.000, exact zoals de API.',
    });
    const verloop = grafiekblok({
      titel: `Verloop over begrotingsjaren: ${niveaus.at(-1).tekst}`,
      eenheid: 'Per begrotingsjaar het bedrag van dat jaar zelf, in één fase. Een gat is een jaar zonder stand; een verhuizing volgt de was-wordt-tabel. Grafiek in € miljoen; tabel in € × 1.000.',
      keuzes: keuzeformulier({
        label: 'Fase van het verloop',
        velden: [{ naam: 'fase', label: 'Fase', soort: 'lijst', opties: [{ waarde: '', label: 'Standaard (de fase van de meeste jaren)' }, ...FASEN_KEUZE] }],
        waarden: keuzes,
        bijWijziging: (nieuw) => ga(inzoomAdres({ ...keuzes, ...nieuw })),
      }),
    });
    sectie.append(reeks.element, verloop.element);
    toonReeks(reeks, keuzes, ctx);
    toonVerloop(verloop, keuzes, ctx);
  },
};

function toonReeks(blok, keuzes, ctx) {
  const url = verzoek('/standenreeks', {
    begroting: keuzes.begroting, begrotingsjaar: keuzes.begrotingsjaar, soort: keuzes.soort,
    artikel: keuzes.artikel, niveau: keuzes.artikel ? 'regel' : '', regel: keuzes.regel, paginaGrootte: 1000,
  });
  // The table (a column per stand) is the API's table of the same request: the level's line and the lines one level below it.
  const tabelUrl = alsTabel(url);
  blok.laad(async () => {
    const [antwoord, tabelAntwoord] = await Promise.all([haal(url, { signal: ctx.signal }), haal(tabelUrl, { signal: ctx.signal })]);
    return () => {
      const rijen = antwoord.gegevens;
      // The line this level is about, and the lines one level below it: what a click zooms into.
      const huidig = !keuzes.artikel ? rijen.find((r) => r.regelsoort === 'totaal')
        : !keuzes.regel ? rijen.find((r) => r.regelsoort === 'artikel')
          : rijen.find((r) => r.regelsoort !== 'artikel' && volledig(r).toLowerCase() === keuzes.regel.toLowerCase()) ?? rijen[0];
      const kinderen = !keuzes.artikel ? rijen.filter((r) => r.regelsoort === 'artikel')
        : rijen.filter((r) => r.regelsoort !== 'artikel' && r.regelsoort !== 'totaal' && r.pad.toLowerCase() === (keuzes.regel ? volledig(huidig) : '').toLowerCase());
      if (!huidig) {
        blok.meld(`De standenreeks heeft deze regel niet in ${keuzes.begrotingsjaar}. Kies een hoger niveau in het kruimelpad.`);
        return;
      }
      const laatste = (r) => [...r.standen].reverse().find((s) => s.inStand && s.bedrag !== null);
      const adres = (r) => inzoomAdres({ ...keuzes, artikel: r.artikel, regel: r.regelsoort === 'artikel' ? '' : volledig(r) });
      const naam = (r) => (r.regelsoort === 'artikel' ? `${r.artikel} ${r.omschrijving}` : r.omschrijving);

      tekenBalken(blok, kinderen.map((r) => ({ naam: naam(r), bedrag: laatste(r)?.bedrag ?? null, fase: laatste(r)?.fase, adres: adres(r) })),
        `Staafgrafiek: ${soortLabel(keuzes.soort).toLowerCase()} van de onderdelen van ${naam(huidig)}, ${keuzes.begrotingsjaar}, laatste stand, in € miljoen.`);

      const eerste = huidig.standen[0];
      const laatsteStand = laatste(huidig);
      blok.toon({
        samenvatting: `${naam(huidig)}, ${soortLabel(keuzes.soort).toLowerCase()} ${huidig.jaar} (× € 1.000): ` +
          `${opmaak.bedrag(eerste?.bedrag)} in de ${faseLabel(eerste?.fase).toLowerCase()}` +
          (laatsteStand && laatsteStand !== eerste ? `, ${opmaak.bedrag(laatsteStand.bedrag)} in de ${faseLabel(laatsteStand.fase).toLowerCase()}` : '') +
          (huidig.oordeel ? `; ${huidig.oordeel} van ${opmaak.mutatie(huidig.verschil)}` : '') +
          `. ${kinderen.length ? `${kinderen.length} onderdelen; klik op een balk of regel om in te zoomen.` : 'Deze regel heeft geen onderdelen.'}`,
        // Each line below this level is a link that zooms into it, by the artikel and regel the API's row names.
        tabelElement: tabelVanApi(tabelAntwoord, {
          cel: (kolom, rij, tekst) => (kolom.sleutel === 'regel' && !rij.totaal
            ? interneLink(inzoomAdres({ ...keuzes, artikel: rij.artikel ?? '', regel: rij.regel ?? '' }), tekst) : null),
        }),
        urls: [url],
        tabelUrl,
        metadata: antwoord.metadata,
      });
      ctx.meld(`Standenreeks bijgewerkt: ${naam(huidig)}.`);
    };
  });
}

function toonVerloop(blok, keuzes, ctx) {
  const parameters = { begroting: keuzes.begroting, artikel: keuzes.artikel, regel: keuzes.regel, soort: keuzes.soort, fase: keuzes.fase };
  const url = verzoek('/verloop', parameters);
  const tabelUrl = verzoek('/verloop/tabel', parameters);
  blok.laad(async () => {
    const [antwoord, tabelAntwoord] = await Promise.all([haal(url, { signal: ctx.signal }), haal(tabelUrl, { signal: ctx.signal })]);
    return () => {
      const rijen = antwoord.gegevens;
      if (!rijen.length) {
        blok.meld('Er is geen verloop over begrotingsjaren voor deze regel.');
        return;
      }
      const fase = faseLabel(rijen[0].fase).toLowerCase();
      const gaten = rijen.filter((r) => r.aanwezigheid === 'geen-stand').map((r) => r.begrotingsjaar);
      const breuken = rijen.filter((r) => r.aanwezigheid === 'breuk').map((r) => r.begrotingsjaar);
      const bedragen = rijen.map((r) => r.bedrag).filter((b) => b !== null);
      teken(blok.grafiek, (breedte) => {
        const hoogte = Math.round(Math.min(360, Math.max(240, breedte * 0.45)));
        const as = miljoenenAs([0, ...bedragen], Math.round(hoogte / 50));
        return {
          height: hoogte,
          marginLeft: 64,
          marginRight: 24,
          marginTop: 28,
          // Years on a linear axis: a year without a figure is a gap in the line and keeps its width.
          x: { label: null, tickFormat: (v) => (Number.isInteger(v) ? String(v) : ''), ticks: Math.max(2, Math.floor(breedte / 70)) },
          y: { label: '€ miljoen', grid: true, ...as },
          marks: [
            Plot.ruleY([0]),
            Plot.line(rijen, { x: 'begrotingsjaar', y: 'bedrag', stroke: KLEUR.hoofd, strokeWidth: 2.5 }),
            Plot.dot(rijen.filter((r) => r.bedrag !== null), {
              x: 'begrotingsjaar', y: 'bedrag', r: 4.5, stroke: KLEUR.hoofd,
              // A year followed through the was → wordt table is drawn hollow: the same policy under another begroting.
              fill: (r) => (r.aanwezigheid === 'verhuisd' ? '#fff' : KLEUR.hoofd),
              title: (r) => `${r.begrotingsjaar}: ${opmaak.bedragMetEenheid(r.bedrag)} (${r.hoofdstuk}${r.artikel ? ` artikel ${r.artikel}` : ''})`,
            }),
          ],
        };
      }, { label: `Lijngrafiek: ${rijen[0].omschrijving} per begrotingsjaar, ${fase}, in € miljoen. De cijfers staan in de tabel onder de grafiek.` });
      blok.toon({
        samenvatting: `${rijen[0].omschrijving}, ${soortLabel(keuzes.soort).toLowerCase()} in het begrotingsjaar zelf, ${fase}, ${rijen[0].begrotingsjaar}–${rijen.at(-1).begrotingsjaar}.` +
          (gaten.length ? ` Geen stand in ${gaten.length} jaren: de lijn is daar onderbroken.` : '') +
          (breuken.length ? ` Breuk in ${opmaak.opsomming(breuken.map(String))}: de regel staat daar niet en de was-wordt-tabel verklaart dat niet.` : '') +
          (rijen.some((r) => r.aanwezigheid === 'verhuisd') ? ' Open punten: gevolgd via de was-wordt-tabel naar een andere begroting of een ander nummer.' : ''),
        tabelElement: tabelVanApi(tabelAntwoord, { breed: ['toelichting'] }),
        tabelUrl,
        urls: [url],
        metadata: antwoord.metadata,
      });
    };
  });
}

/**
 * One bar per line a click zooms into, its label above it. Each bar's title names it; a click on a bar follows that line's
 * address. The same lines are links in the table, for the keyboard and for assistive technology (the chart is one image).
 */
function tekenBalken(blok, items, label) {
  const klikbaar = new Map(items.map((i) => [`${i.naam}: ${opmaak.bedragMetEenheid(i.bedrag)}`, i.adres]));
  const { hoogte, labelDy, balkInsets } = rijindeling(Math.max(1, items.length));
  const bedragen = items.map((i) => i.bedrag).filter((b) => b !== null);
  teken(blok.grafiek, (breedte) => {
    const as = miljoenenAs([0, ...bedragen], Math.max(2, Math.floor(breedte / 110)));
    return {
      height: hoogte,
      ...BALKMARGES,
      x: { axis: 'top', label: '€ miljoen', grid: true, ...as },
      y: { domain: items.map((i) => i.naam), axis: null },
      marks: [
        Plot.ruleX([0]),
        Plot.barX(items, { y: 'naam', x: 'bedrag', fill: KLEUR.hoofd, ...balkInsets[0], title: (i) => `${i.naam}: ${opmaak.bedragMetEenheid(i.bedrag)}` }),
        Plot.text(items, {
          y: 'naam', text: 'naam', frameAnchor: 'left', textAnchor: 'start', dy: labelDy, lineWidth: regelbreedte(breedte, items.map((i) => opmaak.bedrag(i.bedrag))),
          fontWeight: 600,
        }),
        Plot.text(items, { y: 'naam', text: (i) => opmaak.bedrag(i.bedrag), frameAnchor: 'right', textAnchor: 'end', dy: labelDy }),
      ],
    };
  }, { label: `${label} Klik op een balk om in te zoomen; dezelfde regels staan als links in de tabel.` });
  blok.grafiek.classList.add('klikbaar');
  blok.grafiek.onclick = (e) => {
    const balk = e.target.closest('rect');
    const adres = balk && klikbaar.get(balk.querySelector('title')?.textContent ?? '');
    if (adres) ga(adres);
  };
}

/** An organisation found by the search box: its figures as the text and the bezetting table give them, and the budget lines that name it. */
function toonOrganisatie(sectie, code, ctx) {
  const url = verzoek(`/organisaties/${encodeURIComponent(code)}`);
  // The table and its downloads are the API's table of the organisation's figures (/organisaties/{code}/tabel), as every block's.
  const tabelUrl = alsTabel(url);
  const regelsUrl = verzoek('/zoeken', { q: code, aantal: 20 });
  const kop = el('h3', {}, `Organisatie ${code}`);
  const houder = el('div', { 'aria-busy': 'true' });
  const verzoeken = el('div', { class: 'verzoeken' });
  const blok = el('section', { class: 'blok', 'aria-label': `Organisatie ${code}` }, kop, houder, verzoeken);
  volgSortering(blok, verzoeken);
  sectie.append(blok);
  Promise.all([haal(tabelUrl, { signal: ctx.signal }), haal(regelsUrl, { signal: ctx.signal })]).then(([cijfers, gevonden]) => {
    const naam = gevonden.gegevens.find((s) => s.soort === 'organisatie' && s.code.toLowerCase() === code.toLowerCase())?.tekst ?? code;
    kop.textContent = naam;
    const regels = gevonden.gegevens.filter((s) => s.soort === 'artikel' || s.soort === 'regel');
    houder.removeAttribute('aria-busy');
    houder.replaceChildren(
      tabelVanApi(cijfers, { breed: ['omschrijving'] }),
      el('h4', {}, 'Begrotingsregels die deze naam noemen'),
      regels.length
        ? el('ul', {}, regels.map((s) => el('li', {}, interneLink(adresVanSuggestie(s), s.tekst))))
        : el('p', {}, 'Geen begrotingsregel noemt deze naam.'));
    verzoeken.replaceChildren(...verzoekLinks([url, regelsUrl], `de cijfers van ${naam}`, tabelUrl));
  }).catch((fout) => {
    if (fout?.name === 'AbortError') return;
    houder.removeAttribute('aria-busy');
    houder.replaceChildren(el('div', { class: 'melding melding-fout', role: 'alert' }, el('p', {}, `De cijfers van ${code} konden niet worden opgehaald. ${fout.message}`)));
  });
}

/** Where a suggestion of /v1/zoeken leads in the dashboard: the drill-down at that begroting, artikel or regel, or the organisation. */
export function adresVanSuggestie(s) {
  if (s.soort === 'organisatie') return inzoomAdres({ organisatie: s.code });
  return inzoomAdres({
    begroting: s.begroting,
    begrotingsjaar: s.soort === 'begroting' ? '' : s.begrotingsjaar,
    artikel: s.artikel ?? '',
    regel: s.soort === 'regel' ? (s.pad ? `${s.pad} > ${s.omschrijving}` : s.omschrijving) : '',
  });
}
