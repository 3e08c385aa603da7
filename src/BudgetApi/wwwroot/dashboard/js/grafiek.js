// Charts with Observable Plot (SVG): text stays text, every mark can carry a Dutch aria-label, and no inline style is
// needed. Each chart is drawn for the width of its box and drawn again when that width changes.

import { el, svg } from './dom.js';


/** Colours per series, in a fixed order, with a dash pattern and a symbol each so that no series depends on colour alone. */
export const REEKSEN = [
  { kleur: '#01689b', streep: null, symbool: 'circle' },
  { kleur: '#a90061', streep: '7 4', symbool: 'square' },
  { kleur: '#275937', streep: '2 3', symbool: 'diamond' },
  { kleur: '#e17000', streep: '10 3 2 3', symbool: 'triangle' },
  { kleur: '#42145f', streep: '4 2', symbool: 'star' },
  { kleur: '#154273', streep: '1 2', symbool: 'cross' },
];

export const KLEUR = {
  hoofd: '#01689b',
  tweede: '#a90061',
  stand: '#154273',
  hoger: '#a90061',
  lager: '#e17000',
  gedrukt: '#a8200d',
  berekend: '#01689b',
};

const getekend = new Set();

/**
 * Draws a chart into `houder`. `maak(breedte)` returns Plot's options for that width; `label` names the chart for
 * assistive technology (the figure's table holds the figures themselves).
 */
export function teken(houder, maak, { label, beschrijving }) {
  const tekening = { houder, maak, label, beschrijving, breedte: 0 };
  getekend.add(tekening);
  tekenOpnieuw(tekening);
  return tekening;
}

/**
 * Without its chart library (a blocked or failed download of vendor/) or with a chart that cannot be drawn, a block keeps its
 * table, request and downloads: the chart's place says so in Dutch, and only the console gets the technical error.
 */
function zonderGrafiek(tekening, fout) {
  if (fout) console.error(fout);
  getekend.delete(tekening);
  tekening.houder.replaceChildren(el('p', { class: 'melding geen-grafiek' },
    fout
      ? 'Deze grafiek kon niet worden getekend. De cijfers staan in de tabel hieronder.'
      : 'De grafiek kan niet worden getoond, omdat de grafiekbibliotheek niet is geladen. De cijfers staan in de tabel hieronder.'));
}

function tekenOpnieuw(tekening) {
  const Plot = globalThis.Plot;
  if (!Plot || !globalThis.d3) {
    zonderGrafiek(tekening);
    return;
  }
  try {
    tekenMet(Plot, tekening);
  } catch (fout) {
    zonderGrafiek(tekening, fout);
  }
}

function tekenMet(Plot, tekening) {
  const breedte = Math.max(260, Math.floor(tekening.houder.clientWidth));
  tekening.breedte = breedte;
  const opties = tekening.maak(breedte);
  const grafiek = Plot.plot({
    width: breedte,
    className: 'grafiek',
    ariaLabel: tekening.label,
    ariaDescription: tekening.beschrijving,
    ...opties,
  });
  // Plot appends a <style> element with its default rules; the Content-Security-Policy refuses inline styles, so the
  // element goes before the chart enters the page, and dashboard.css carries the same rules for the class 'grafiek'.
  for (const stijl of grafiek.querySelectorAll('style')) stijl.remove();
  // The chart is one image with one name; its table carries the figures. Plot's English labels of its inner groups
  // ("rule", "line") would be ARIA on elements that may not carry it, and unheard inside an image anyway.
  grafiek.setAttribute('role', 'img');
  for (const deel of grafiek.querySelectorAll('[aria-label], [aria-description]')) {
    deel.removeAttribute('aria-label');
    deel.removeAttribute('aria-description');
  }
  tekening.houder.replaceChildren(grafiek);
}

let wachtend = 0;
window.addEventListener('resize', () => {
  cancelAnimationFrame(wachtend);
  wachtend = requestAnimationFrame(() => {
    for (const tekening of getekend) {
      if (!tekening.houder.isConnected) {
        getekend.delete(tekening);
        continue;
      }
      if (Math.floor(tekening.houder.clientWidth) !== tekening.breedte) tekenOpnieuw(tekening);
    }
  });
});

/** A hatch pattern as a mark: bars filled with `url(#id)` are told apart by texture as well as colour. */
export function arcering(id, kleur) {
  return () =>
    svg('defs', {},
      svg('pattern', { id, width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
        svg('rect', { width: 6, height: 6, fill: '#fff' }),
        svg('line', { x1: 0, y1: 0, x2: 0, y2: 6, stroke: kleur, 'stroke-width': 3 })));
}

/** A legend entry's sample: a line with the series' dash and symbol, or a filled (or hatched) block. */
export function voorbeeld({ kleur, streep, symbool, vlak, gearceerd }) {
  if (vlak || gearceerd) {
    const id = gearceerd ? `legenda-arcering-${kleur.slice(1)}` : null;
    return svg('svg', { width: 18, height: 14, 'aria-hidden': 'true', focusable: 'false' },
      gearceerd
        ? svg('defs', {}, svg('pattern', { id, width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
          svg('rect', { width: 6, height: 6, fill: '#fff' }), svg('line', { x1: 0, y1: 0, x2: 0, y2: 6, stroke: kleur, 'stroke-width': 3 })))
        : null,
      svg('rect', { x: 0.5, y: 0.5, width: 17, height: 13, fill: gearceerd ? `url(#${id})` : kleur, stroke: kleur }));
  }
  // Without d3 (its file failed to load) the sample is the line and its dash alone.
  const vorm = globalThis.d3 ? globalThis.d3.symbol(symboolVan(symbool), 40)() : null;
  return svg('svg', { width: 30, height: 14, 'aria-hidden': 'true', focusable: 'false' },
    svg('line', { x1: 1, y1: 7, x2: 29, y2: 7, stroke: kleur, 'stroke-width': 2.5, 'stroke-dasharray': streep ?? undefined }),
    vorm ? svg('path', { d: vorm, transform: 'translate(15 7)', fill: kleur, stroke: kleur }) : null);
}

function symboolVan(naam) {
  const d3 = globalThis.d3;
  return {
    circle: d3.symbolCircle, square: d3.symbolSquare, diamond: d3.symbolDiamond2, triangle: d3.symbolTriangle2,
    star: d3.symbolStar, cross: d3.symbolCross,
  }[naam] ?? d3.symbolCircle;
}

/**
 * The layout of the horizontal bar charts: one row per item, its label on a line above its bar, so long Dutch labels
 * fit at any width (390 px included) without a wide left margin. Returns the y scale and the text and bar offsets.
 */
export function rijen(aantal, { rijHoogte = 46, balken = 1 } = {}) {
  const hoogte = aantal * rijHoogte + 40;
  // Within a row: label at the top, then the bar(s); insets are measured from the row's top and bottom.
  const labelDy = -rijHoogte / 2 + 9;
  const balkInsets = [];
  const beschikbaar = rijHoogte - 20;
  const per = beschikbaar / balken;
  for (let i = 0; i < balken; i++) {
    balkInsets.push({ insetTop: 18 + i * per, insetBottom: rijHoogte - 18 - (i + 1) * per + 2 });
  }
  return { hoogte, labelDy, balkInsets };
}

/**
 * An axis of amounts (thousands of euros) in € miljoen: the domain widened to round values, round ticks within it, and
 * labels with as many decimals as the step needs (40,1 40,2 … for a begroting of 40 miljoen; 5.000 10.000 … for one of
 * 18 miljard). `aantal` is about how many ticks fit. Returns Plot's `domain`, `ticks` and `tickFormat`.
 */
export function miljoenenAs(domein, aantal) {
  const d3 = globalThis.d3;
  let [laag, hoog] = [Math.min(...domein) / 1000, Math.max(...domein) / 1000];
  if (laag === hoog) [laag, hoog] = [Math.min(0, laag), Math.max(0, hoog) || 1];
  [laag, hoog] = d3.nice(laag, hoog, aantal);
  const stap = d3.tickStep(laag, hoog, aantal);
  const decimalen = Math.max(0, -Math.floor(Math.log10(stap) + 1e-9));
  const vorm = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: decimalen, maximumFractionDigits: decimalen });
  return {
    domain: [laag * 1000, hoog * 1000],
    ticks: d3.ticks(laag, hoog, aantal).map((t) => t * 1000),
    tickFormat: (v) => vorm.format(v / 1000),
  };
}

/** Margins of the horizontal bar charts: room for the first and last tick label of the axis on top. */
export const BALKMARGES = { marginLeft: 24, marginRight: 24, marginTop: 26, marginBottom: 8 };

/**
 * The room for a row's label beside the figure printed on the right of the same line, in ems of the charts' 13 px text,
 * for Plot's truncation with an ellipsis (lineWidth is in ems). `rechts` are the right-hand texts of the chart.
 */
export function regelbreedte(breedte, rechts = []) {
  const langste = Math.max(0, ...rechts.map((t) => String(t).length));
  // A bold digit of 13 px is about 8 px wide; margins and a gap of 24 px.
  return Math.max(6, (breedte - langste * 8 - BALKMARGES.marginLeft - BALKMARGES.marginRight - 24) / 13);
}
