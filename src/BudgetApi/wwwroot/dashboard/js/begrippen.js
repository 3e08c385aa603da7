// The domain's closed lists as the dashboard shows them, in the order of the budget cycle (src/BudgetApi/Domein/Begrotingscodes.cs).

// The numbered incidentele suppletoire begrotingen (ISB) stand between the vastgestelde begroting and the 1e suppletoire, as
// in Begrotingscodes.Fasen; they are in the list for their place and label, not offered as a choice (FASEN_KEUZE): they are rare.
const AANTAL_ISB = 12;
const ISB = Array.from({ length: AANTAL_ISB }, (_, i) => ({ waarde: `incidentele-suppletoire-${i + 1}`, label: `${i + 1}e incidentele suppletoire`, zeldzaam: true }));

export const FASEN = [
  { waarde: 'ontwerpbegroting', label: 'Ontwerpbegroting' },
  { waarde: 'vastgestelde-begroting', label: 'Vastgestelde begroting' },
  ...ISB,
  { waarde: '1e-suppletoire', label: '1e suppletoire' },
  { waarde: 'september-suppletoire', label: 'Septembersuppletoire' },
  { waarde: '2e-suppletoire', label: '2e suppletoire' },
  { waarde: 'jaarverslag', label: 'Jaarverslag (realisatie)' },
  { waarde: 'slotwet', label: 'Slotwet' },
];

/** The fasen offered as a choice (every fase stays valid in a URL). */
export const FASEN_KEUZE = FASEN.filter((f) => !f.zeldzaam);

export const faseLabel = (fase) => FASEN.find((f) => f.waarde === fase)?.label ?? fase;

export const SOORTEN = [
  { waarde: 'uitgaven', label: 'Uitgaven' },
  { waarde: 'ontvangsten', label: 'Ontvangsten' },
];

export const SOORTEN_MET_SALDO = [...SOORTEN, { waarde: 'saldo', label: 'Saldo (uitgaven min ontvangsten)' }];

export const soortLabel = (soort) => SOORTEN_MET_SALDO.find((s) => s.waarde === soort)?.label ?? soort;

/** A stand's label when the API gives none: "ontwerpbegroting 2016". */
export const standLabel = (stand) => stand.label ?? `${faseLabel(stand.fase).toLowerCase()} ${stand.begrotingsjaar}`;

/** The ministry's own begroting: the default wherever a view shows one begroting. */
export const EIGEN_BEGROTING = 'JenV';

/** The begroting a view shows when the URL names none: JenV if the service has it, else the first. */
export function standaardBegroting(begrotingen) {
  return begrotingen.find((b) => b.code === EIGEN_BEGROTING)?.code ?? begrotingen[0]?.code ?? '';
}

/**
 * The begrotingen of the newest begrotingsjaar (JenV and AenM, ontwerpbegroting 2026): chosen by default where a view
 * shows several, and listed first, as the other begrotingen of the open data end years earlier.
 */
export function nieuwsteBegrotingen(begrotingen) {
  const jaar = Math.max(...begrotingen.map((b) => b.begrotingsjaar ?? 0));
  return begrotingen.filter((b) => (b.begrotingsjaar ?? 0) === jaar).map((b) => b.code);
}

/** A begroting as a list shows it: its hoofdstuk, name and code, "VI Justitie en Veiligheid (JenV)". */
export function begrotingLabel(begroting) {
  if (!begroting) return '';
  return [begroting.hoofdstuk, begroting.naam].filter(Boolean).join(' ') + (begroting.naam ? ` (${begroting.code})` : begroting.code);
}

/** The begrotingen as options of a list, in the order of the Rijksbegroting (as /v1/begrotingen gives them). */
export const begrotingOpties = (begrotingen) => begrotingen.map((b) => ({ waarde: b.code, label: begrotingLabel(b) }));

/** A stand as the API names it in van/naar or begrotingsjaar + fase: the key of the stand within its begroting. */
export const standSleutel = (stand) => `${stand.begrotingsjaar}-${stand.fase}`;

/** The standen of a begroting in the order of the budget cycle: by begrotingsjaar, then by fase. */
export function sorteerStanden(standen) {
  const volgorde = (fase) => FASEN.findIndex((f) => f.waarde === fase);
  return [...standen].sort((a, b) => a.begrotingsjaar - b.begrotingsjaar || volgorde(a.fase) - volgorde(b.fase));
}

/** The years a stand has figures for (a stand of 2016 may run from 2014 to 2020). */
export function jarenVan(stand) {
  const jaren = [];
  for (let j = stand?.vanJaar ?? stand?.begrotingsjaar; j <= (stand?.totJaar ?? stand?.begrotingsjaar); j++) jaren.push(j);
  return jaren;
}

export const ERNSTEN = [
  { waarde: 'fout', label: 'Fout' },
  { waarde: 'tegenstrijdig', label: 'Tegenstrijdig' },
  { waarde: 'twijfel', label: 'Twijfel' },
];

/**
 * The kinds of findings, in the API's order, with the labels of the API's one table (Bevindingsoorten.Labels in
 * src/BudgetApi/Domein/Bevinding.cs, served as soortLabel; BevindingenTests checks that this list is that table).
 */
export const BEVINDINGSOORTEN = [
  { waarde: 'totaal-sluit-niet', label: 'Totaal sluit niet' },
  { waarde: 'tegenstrijdigheid', label: 'Tegenstrijdigheid' },
  { waarde: 'onmogelijk-getal', label: 'Onmogelijk getal' },
  { waarde: 'patroonbreuk', label: 'Patroonbreuk' },
  { waarde: 'onwaarschijnlijk', label: 'Onwaarschijnlijk cijfer' },
  { waarde: 'wees', label: 'Wees (hoort nergens bij)' },
  { waarde: 'herhaald-blok', label: 'Herhaald blok' },
  { waarde: 'herhaalde-kopregel', label: 'Herhaalde kopregel' },
  { waarde: 'afwijkend-artikelnummer', label: 'Afwijkend artikelnummer' },
  { waarde: 'tegenstrijdige-totaalmarkering', label: 'Tegenstrijdige totaalmarkering' },
  { waarde: 'code-past-niet-bij-naam', label: 'Code past niet bij naam' },
  { waarde: 'onbekende-code', label: 'Onbekende code' },
  { waarde: 'andere-eenheid', label: 'Andere eenheid' },
  { waarde: 'ander-begrotingsjaar', label: 'Ander begrotingsjaar' },
  { waarde: 'lege-regel', label: 'Lege regel' },
  { waarde: 'losse-cel', label: 'Losse cel' },
  { waarde: 'rekenbladfout', label: 'Rekenbladfout' },
  { waarde: 'herhaalde-omschrijving', label: 'Herhaalde omschrijving' },
  { waarde: 'bronnen-verschillen', label: 'Bronnen verschillen' },
  { waarde: 'onbekende-kolom', label: 'Onbekende kolom' },
  { waarde: 'afgerond-bedrag', label: 'Afgerond bedrag' },
  { waarde: 'geen-bedrag', label: 'Geen bedrag' },
  { waarde: 'najaarsnota-meerjarig', label: 'Najaarsnota meerjarig' },
];

export const bevindingsoortLabel = (soort) => BEVINDINGSOORTEN.find((s) => s.waarde === soort)?.label ?? soort;

/**
 * The selections as the views read them, with a begroting named by its hoofdstuk (VI, XX) written as its code (JenV, AenM):
 * a shared link may use either, as the API accepts either.
 */
export function metBegrotingscodes(zoek, begrotingen, namen = ['begroting', 'reeks']) {
  const uit = new URLSearchParams();
  for (const [naam, waarde] of zoek) {
    const begroting = namen.includes(naam)
      ? begrotingen.find((b) => [b.code, b.hoofdstuk].some((c) => c && c.toLowerCase() === waarde.toLowerCase()))
      : null;
    uit.append(naam, begroting?.code ?? waarde);
  }
  return uit;
}
