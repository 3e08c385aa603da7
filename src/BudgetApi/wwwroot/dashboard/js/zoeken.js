// The search box in the header: suggestions from /v1/zoeken as you type (begrotingen, organisaties, artikelen, regels),
// as an ARIA combobox with a listbox (arrow keys, Enter, Escape); choosing one opens it in the view Inzoomen.

import { ApiFout, haal, verzoek } from './api.js';
import { el } from './dom.js';
import { adresVanSuggestie, ga } from './weergaven/inzoomen.js';

const SOORT = { begroting: 'Begroting', organisatie: 'Organisatie', artikel: 'Artikel', regel: 'Regel' };
const WACHTTIJD = 150;

export function zoekbox(formulier) {
  const veld = formulier.querySelector('input');
  const lijst = formulier.querySelector('[role=listbox]');
  const uitleg = formulier.querySelector('.zoek-uitleg');
  let suggesties = [];
  let actief = -1;
  let wacht = 0;
  let lopend = null;

  const sluit = () => {
    lijst.hidden = true;
    veld.setAttribute('aria-expanded', 'false');
    veld.removeAttribute('aria-activedescendant');
    actief = -1;
  };

  const kies = (s) => {
    sluit();
    veld.value = '';
    ga(adresVanSuggestie(s));
  };

  const markeer = (index) => {
    actief = index;
    for (const [i, optie] of [...lijst.children].entries()) optie.setAttribute('aria-selected', String(i === index));
    if (index >= 0) veld.setAttribute('aria-activedescendant', `zoek-suggestie-${index}`);
    else veld.removeAttribute('aria-activedescendant');
  };

  async function vraag(tekst) {
    lopend?.abort();
    lopend = new AbortController();
    try {
      const antwoord = await haal(verzoek('/zoeken', { q: tekst, aantal: 8 }), { signal: lopend.signal });
      suggesties = antwoord.gegevens;
      lijst.replaceChildren(...suggesties.map((s, i) => el('li', {
        id: `zoek-suggestie-${i}`, role: 'option', 'aria-selected': 'false',
        onmousedown: (e) => e.preventDefault(),
        onclick: () => kies(s),
      }, el('span', { class: 'zoek-soort' }, SOORT[s.soort] ?? s.soort), ' ', s.tekst)));
      if (!suggesties.length) lijst.replaceChildren(el('li', { role: 'option', 'aria-disabled': 'true', 'aria-selected': 'false' }, `Niets gevonden voor “${tekst}”.`));
      lijst.hidden = false;
      veld.setAttribute('aria-expanded', 'true');
      uitleg.textContent = suggesties.length ? `${suggesties.length} suggesties; kies met de pijltjes en Enter.` : 'Geen suggesties.';
      markeer(-1);
    } catch (fout) {
      if (fout.name === 'AbortError') return;
      if (!(fout instanceof ApiFout)) console.error(fout);
      lijst.replaceChildren(el('li', { role: 'option', 'aria-disabled': 'true', 'aria-selected': 'false' }, `Zoeken lukt nu niet. ${fout.message}`));
      lijst.hidden = false;
      veld.setAttribute('aria-expanded', 'true');
    }
  }

  veld.addEventListener('input', () => {
    clearTimeout(wacht);
    const tekst = veld.value.trim();
    if (!/[\p{L}\p{N}]/u.test(tekst)) {
      sluit();
      return;
    }
    wacht = setTimeout(() => vraag(tekst.slice(0, 100)), WACHTTIJD);
  });
  veld.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && suggesties.length) {
      e.preventDefault();
      if (lijst.hidden) lijst.hidden = false;
      markeer((actief + 1) % suggesties.length);
    } else if (e.key === 'ArrowUp' && suggesties.length) {
      e.preventDefault();
      markeer(actief <= 0 ? suggesties.length - 1 : actief - 1);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const s = suggesties[actief >= 0 ? actief : 0];
      if (s && !lijst.hidden) kies(s);
    } else if (e.key === 'Escape') {
      sluit();
    }
  });
  veld.addEventListener('blur', () => setTimeout(sluit, 100));
  formulier.addEventListener('submit', (e) => e.preventDefault());
}
