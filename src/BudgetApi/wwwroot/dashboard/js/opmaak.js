// Numbers as Dutch readers expect them: 18.596.347 and 47,56%, one formatter per kind, all nl-NL.
// Amounts arrive as integers (thousands of euros) and are shown exactly; only chart axes show them in millions.

const geheel = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });
const geheelMetTeken = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0, signDisplay: 'exceptZero' });
const tweeDecimalen = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const tweeDecimalenMetTeken = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'exceptZero' });
const totTweeDecimalen = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 });
const totTweeDecimalenMetTeken = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2, signDisplay: 'exceptZero' });
const euros = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });

/** What a table shows where the source prints nothing (null): never 0. */
export const LEEG = '—';

const leeg = (v) => v === null || v === undefined;

/** An amount in thousands of euros, exactly: 18596347 → "18.596.347". */
export const bedrag = (v) => (leeg(v) ? LEEG : geheel.format(v));

/** A change in thousands of euros, with its sign: "+13.113", "-85.737". */
export const mutatie = (v) => (leeg(v) ? LEEG : geheelMetTeken.format(v));

/** A percentage as the API gives it (two decimals): 47.56 → "47,56%". */
export const procent = (v) => (leeg(v) ? LEEG : `${tweeDecimalen.format(v)}%`);

/** A change in percent, with its sign: "+1,29%". */
export const procentMetTeken = (v) => (leeg(v) ? LEEG : `${tweeDecimalenMetTeken.format(v)}%`);

/** Whole euros: 127217 → "€ 127.217". */
export const euro = (v) => (leeg(v) ? LEEG : euros.format(v));

/** A figure in its own unit (fte, € miljoen), with the decimals it has: 355.25 → "355,25". */
export const getal = (v) => (leeg(v) ? LEEG : totTweeDecimalen.format(v));

/** A difference in its own unit, with its sign: "+16.752.821", "-25". */
export const getalMetTeken = (v) => (leeg(v) ? LEEG : totTweeDecimalenMetTeken.format(v));

const miljoenen = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 3 });
const miljoenenMetTeken = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 3, signDisplay: 'exceptZero' });

/**
 * An amount in thousands as € miljoen, for a chart's labels beside an axis in € miljoen (one unit per chart). Three decimals
 * at most, so it stays exact: 18596347 → "18.596,347", 25 → "0,025" (never rounded to 0).
 */
export const miljoen = (v) => (leeg(v) ? LEEG : miljoenen.format(v / 1000));

/** A change in thousands as € miljoen with its sign: 13113 → "+13,113". */
export const miljoenMetTeken = (v) => (leeg(v) ? LEEG : miljoenenMetTeken.format(v / 1000));

/** A year as a label (no thousands separator). */
export const jaar = (v) => String(v);

/** An amount with its unit spelled out, for sentences and chart labels: "€ 18.596.347 × 1.000". */
export const bedragMetEenheid = (v) => (leeg(v) ? 'geen bedrag' : `€ ${geheel.format(v)} × 1.000`);

/** A list in Dutch: "JenV, AenM en JenV+AenM". */
export function opsomming(delen) {
  if (delen.length <= 1) return delen.join('');
  return `${delen.slice(0, -1).join(', ')} en ${delen.at(-1)}`;
}
