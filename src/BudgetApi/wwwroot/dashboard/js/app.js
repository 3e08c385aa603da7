// The dashboard: six views on the public API. The URL holds the view and its selections (?weergave=aandelen&jaar=2027…),
// so every view can be shared and the browser's back button goes back to the previous selection.

import { haal, verzoek } from './api.js';
import { metBegrotingscodes, sorteerStanden } from './begrippen.js';
import { el } from './dom.js';
import verloop from './weergaven/verloop.js';
import aandelen from './weergaven/aandelen.js';
import mutaties from './weergaven/mutaties.js';
import aansluitingen from './weergaven/aansluitingen.js';
import bezetting from './weergaven/bezetting.js';
import inzoomen from './weergaven/inzoomen.js';
import { zoekbox } from './zoeken.js';

const WEERGAVEN = [verloop, aandelen, mutaties, aansluitingen, bezetting, inzoomen];
const TITEL = 'Dashboard begroting Justitie en Veiligheid';

const plek = document.getElementById('weergave');
const status = document.getElementById('status');
const menu = document.querySelector('nav .menu');
let lopend = null;

async function start() {
  let basis;
  try {
    const begrotingen = (await haal(verzoek('/begrotingen'))).gegevens;
    basis = { begrotingen, standenVan: standenLijst() };
  } catch (fout) {
    if (fout.name !== 'ApiFout') console.error(fout);
    plek.replaceChildren(el('div', { class: 'melding melding-fout', role: 'alert' },
      el('p', {}, `Het dashboard kan de API niet lezen. ${fout.name === 'ApiFout' ? fout.message : ''}`.trim()),
      el('p', {}, el('button', { type: 'button', class: 'pagina-knop', onclick: () => location.reload() }, 'Opnieuw proberen'))));
    return;
  }

  // The menu's links are real links (they work in a new tab); a plain click changes the view without reloading.
  menu.addEventListener('click', (e) => {
    const link = e.target.closest('a');
    if (!link || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    if (link.href !== location.href) history.pushState(null, '', link.href);
    toon(basis);
    document.getElementById('weergave-titel')?.focus();
  });
  window.addEventListener('popstate', () => toon(basis));
  // The search box opens what it finds in the view Inzoomen (js/zoeken.js).
  zoekbox(document.getElementById('zoeken'));
  toon(basis);
}

/**
 * The standen of a begroting (/v1/standen?begroting=JenV), in the order of the budget cycle, asked once per page: views
 * that offer a choice of stand share them. A failed request is not kept, so the next view asks again.
 */
function standenLijst() {
  const gevraagd = new Map();
  return (code) => {
    const url = verzoek('/standen', { begroting: code });
    if (!gevraagd.has(code)) {
      const belofte = haal(url).then((antwoord) => ({ url, standen: sorteerStanden(antwoord.gegevens) }));
      belofte.catch(() => gevraagd.delete(code));
      gevraagd.set(code, belofte);
    }
    return gevraagd.get(code);
  };
}

function toon(basis) {
  lopend?.abort();
  lopend = new AbortController();
  const zoek = metBegrotingscodes(new URLSearchParams(location.search), basis.begrotingen);
  const weergave = WEERGAVEN.find((w) => w.id === zoek.get('weergave')) ?? WEERGAVEN[0];

  for (const link of menu.querySelectorAll('a')) {
    const id = new URL(link.href).searchParams.get('weergave');
    if (id === weergave.id) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  document.title = `${weergave.titel} — ${TITEL}`;

  const sectie = el('section', { 'aria-labelledby': 'weergave-titel' },
    el('h2', { id: 'weergave-titel', tabindex: -1 }, weergave.titel));
  plek.replaceChildren(sectie);

  weergave.toon(sectie, zoek, {
    ...basis,
    signal: lopend.signal,
    /** Puts the view's selections in the URL: a new history entry after a change, a replacement when only completing it. */
    zetUrl(keuzes, { vervang = false } = {}) {
      const nieuw = new URLSearchParams({ weergave: weergave.id });
      for (const [naam, waarde] of Object.entries(keuzes)) {
        for (const w of [].concat(waarde ?? [])) if (w !== '') nieuw.append(naam, w);
      }
      const adres = `${location.pathname}?${nieuw}`;
      if (adres === `${location.pathname}${location.search}`) return;
      if (vervang) history.replaceState(null, '', adres);
      else history.pushState(null, '', adres);
    },
    /** Tells assistive technology what changed (the chart itself is an image). */
    meld(tekst) {
      status.textContent = '';
      requestAnimationFrame(() => { status.textContent = tekst; });
    },
  });
}

start();
