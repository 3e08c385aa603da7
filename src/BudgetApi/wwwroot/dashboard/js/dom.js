// Building the page from data without ever parsing HTML: text is always text (no innerHTML, which the
// Content-Security-Policy's Trusted Types would refuse anyway), and no style attributes (style-src 'self').

const SVG = 'http://www.w3.org/2000/svg';

function vul(element, eigenschappen, kinderen) {
  for (const [naam, waarde] of Object.entries(eigenschappen ?? {})) {
    if (waarde === undefined || waarde === null || waarde === false) continue;
    if (naam.startsWith('on') && typeof waarde === 'function') element.addEventListener(naam.slice(2), waarde);
    else element.setAttribute(naam, waarde === true ? '' : String(waarde));
  }
  for (const kind of kinderen.flat(Infinity)) {
    if (kind === undefined || kind === null || kind === false) continue;
    element.append(kind instanceof Node ? kind : document.createTextNode(String(kind)));
  }
  return element;
}

/** An HTML element: `el('a', { href: '…' }, 'tekst')`. Attributes by setAttribute, children as nodes or text. */
export const el = (tag, eigenschappen, ...kinderen) => vul(document.createElement(tag), eigenschappen, kinderen);

/** An SVG element, for legend samples and the chart's patterns. */
export const svg = (tag, eigenschappen, ...kinderen) => vul(document.createElementNS(SVG, tag), eigenschappen, kinderen);

let teller = 0;

/** A unique id for aria-labelledby and the like. */
export const nieuwId = (voorvoegsel) => `${voorvoegsel}-${++teller}`;
