// The selections of a view as a form: radio buttons, check boxes or a list, each with its label. A change is read
// back at once; the view puts it in the URL (so it can be shared) and draws again.

import { el, nieuwId } from './dom.js';

/**
 * velden: [{ naam, label, soort: 'keuzerondjes' | 'vinkjes' | 'lijst' | 'tekst', opties: [{ waarde, label, groep?, meer? }], meerLabel?, uitleg? }];
 * waarden: { naam: string | string[] }. bijWijziging(nieuweWaarden) is called after every change.
 * In a list, options with a `groep` are grouped under it (optgroup). Check boxes marked `meer` go behind a disclosure
 * (`meerLabel`), open when one of them is checked, so a long list stays short on a small screen.
 * A text field (a search) is read back WACHTTIJD ms after the last key, not at every key: one request per word typed.
 */
export function keuzeformulier({ label, velden, waarden, bijWijziging }) {
  const formulier = el('form', { class: 'keuzes', 'aria-label': label });
  for (const veld of velden) formulier.append(maakVeld(veld, waarden[veld.naam]));
  formulier.addEventListener('submit', (e) => e.preventDefault());
  let gelezen = JSON.stringify(lees(formulier, velden));
  const meld = () => {
    const nieuw = lees(formulier, velden);
    if (JSON.stringify(nieuw) === gelezen) return;
    gelezen = JSON.stringify(nieuw);
    bijWijziging(nieuw);
  };
  let wacht;
  formulier.addEventListener('change', () => {
    clearTimeout(wacht);
    meld();
  });
  formulier.addEventListener('input', (e) => {
    if (e.target.type !== 'search') return;
    clearTimeout(wacht);
    wacht = setTimeout(meld, WACHTTIJD);
  });
  return formulier;
}

/** How long a search field waits after the last key before it asks: long enough not to ask per letter. */
export const WACHTTIJD = 350;

function maakVeld(veld, waarde) {
  if (veld.soort === 'tekst') {
    const id = nieuwId(`keuze-${veld.naam}`);
    const uitleg = veld.uitleg ? el('span', { id: `${id}-uitleg`, class: 'klein' }, veld.uitleg) : null;
    return el('div', { class: 'keuze-veld' },
      el('label', { for: id }, veld.label),
      el('input', { id, name: veld.naam, type: 'search', value: waarde ?? '', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': uitleg ? `${id}-uitleg` : null }),
      uitleg);
  }
  if (veld.soort === 'lijst') {
    const id = nieuwId(`keuze-${veld.naam}`);
    const optie = (o) => el('option', { value: o.waarde, selected: String(o.waarde) === String(waarde) }, o.label);
    const groepen = [...new Set(veld.opties.map((o) => o.groep))];
    return el('div', { class: 'keuze-veld' },
      el('label', { for: id }, veld.label),
      el('select', { id, name: veld.naam },
        groepen.map((g) => {
          const opties = veld.opties.filter((o) => o.groep === g).map(optie);
          return g === undefined ? opties : el('optgroup', { label: g }, opties);
        })));
  }
  const type = veld.soort === 'vinkjes' ? 'checkbox' : 'radio';
  const gekozen = new Set([].concat(waarde ?? []).map(String));
  const optie = (o) => el('label', {}, el('input', { type, name: veld.naam, value: o.waarde, checked: gekozen.has(String(o.waarde)) }), o.label);
  const meer = veld.opties.filter((o) => o.meer);
  return el('fieldset', {},
    el('legend', {}, veld.label),
    el('div', { class: 'keuze-opties' }, veld.opties.filter((o) => !o.meer).map(optie)),
    meer.length
      ? el('details', { class: 'keuze-meer', open: meer.some((o) => gekozen.has(String(o.waarde))) },
        el('summary', {}, veld.meerLabel ?? 'Meer'),
        el('div', { class: 'keuze-opties' }, meer.map(optie)))
      : null);
}

function lees(formulier, velden) {
  const gegevens = new FormData(formulier);
  return Object.fromEntries(velden.map((v) => [v.naam, v.soort === 'vinkjes' ? gegevens.getAll(v.naam) : v.soort === 'tekst' ? String(gegevens.get(v.naam) ?? '').trim() : gegevens.get(v.naam)]));
}

/** One value from the URL, if it is one of the allowed values; else the default. */
export function eenVan(zoek, naam, toegestaan, standaard) {
  const waarde = zoek.get(naam);
  const gevonden = toegestaan.find((t) => String(t).toLowerCase() === String(waarde ?? '').toLowerCase());
  return gevonden !== undefined ? String(gevonden) : standaard;
}

/** Several values from the URL, those that are allowed, in the allowed order; else the defaults. */
export function meerVan(zoek, naam, toegestaan, standaard) {
  const waarden = new Set(zoek.getAll(naam).map((w) => w.toLowerCase()));
  if (!zoek.has(naam)) return standaard;
  return toegestaan.filter((t) => waarden.has(String(t).toLowerCase())).map(String);
}
