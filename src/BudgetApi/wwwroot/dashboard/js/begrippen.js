// The domain's closed lists as the dashboard shows them, in the order of the budget cycle (src/BudgetApi/Domein/Begrotingscodes.cs).

export const FASEN = [
  { waarde: 'ontwerpbegroting', label: 'Ontwerpbegroting' },
  { waarde: 'vastgestelde-begroting', label: 'Vastgestelde begroting' },
  { waarde: '1e-suppletoire', label: '1e suppletoire' },
  { waarde: '2e-suppletoire', label: '2e suppletoire' },
  { waarde: 'jaarverslag', label: 'Jaarverslag (realisatie)' },
  { waarde: 'slotwet', label: 'Slotwet' },
];

export const faseLabel = (fase) => FASEN.find((f) => f.waarde === fase)?.label ?? fase;

export const SOORTEN = [
  { waarde: 'uitgaven', label: 'Uitgaven' },
  { waarde: 'ontvangsten', label: 'Ontvangsten' },
];

export const SOORTEN_MET_SALDO = [...SOORTEN, { waarde: 'saldo', label: 'Saldo (uitgaven min ontvangsten)' }];

export const soortLabel = (soort) => SOORTEN_MET_SALDO.find((s) => s.waarde === soort)?.label ?? soort;

/** A stand's label when the API gives none: "ontwerpbegroting 2016". */
export const standLabel = (stand) => stand.label ?? `${faseLabel(stand.fase).toLowerCase()} ${stand.begrotingsjaar}`;

/** The begrotingen of the document, chosen by default where a view shows several. */
export function standaardBegrotingen(begrotingen) {
  const codes = begrotingen.map((b) => b.code);
  const document = codes.filter((c) => c === 'JenV' || c === 'AenM');
  return document.length ? document : codes.slice(0, 1);
}

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
