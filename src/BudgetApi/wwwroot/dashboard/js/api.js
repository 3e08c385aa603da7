// The public API of this service, from the same origin. Every view asks only through here, so every chart can name the
// exact request behind it, and every failure becomes one clear Dutch message instead of an error in the console.

// The API is at ../v1 relative to the dashboard: a path base in front of the service (a reverse proxy) keeps working.
const basis = new URL('../v1', document.baseURI).pathname;

/** The exact request for a resource: `verzoek('/totalen', { begroting: ['JenV', 'AenM'], soort: 'uitgaven' })`. */
export function verzoek(pad, parameters = {}) {
  const zoek = new URLSearchParams();
  for (const [sleutel, waarde] of Object.entries(parameters)) {
    for (const w of [].concat(waarde)) {
      if (w !== undefined && w !== null && w !== '') zoek.append(sleutel, String(w));
    }
  }
  const tekst = zoek.toString();
  return basis + pad + (tekst ? `?${tekst}` : '');
}

/**
 * The same request as a download: `formaat=xlsx`, or `formaat=csv&dialect=excel-nl` (';' and a decimal comma, so Dutch Excel
 * opens it in columns; docs/api.md).
 */
export function alsDownload(url, formaat) {
  const adres = new URL(url, location.origin);
  adres.searchParams.set('formaat', formaat);
  if (formaat === 'csv') adres.searchParams.set('dialect', 'excel-nl');
  return adres.pathname + adres.search;
}

/**
 * The table a block shows, as the API serves it: the same request at `…/tabel` (`/v1/totalen?…` → `/v1/totalen/tabel?…`), whose
 * JSON the block draws its table from and whose CSV and Excel are the block's downloads, so a download is the screen (docs/dashboard.md).
 */
export function alsTabel(url) {
  const adres = new URL(url, location.origin);
  adres.pathname = `${adres.pathname.replace(/\/$/, '')}/tabel`;
  return adres.pathname + adres.search;
}

/** A request that did not answer with figures: the API's problem (RFC 9457) in words a reader can act on. */
export class ApiFout extends Error {
  constructor(url, status, probleem) {
    super(ApiFout.beschrijf(status, probleem));
    this.name = 'ApiFout';
    this.url = url;
    this.status = status;
    this.probleem = probleem;
  }

  static beschrijf(status, probleem) {
    if (status === 0) return 'De API is niet bereikbaar.';
    const delen = [`De API antwoordde met status ${status}${probleem?.title ? ` (${probleem.title})` : ''}.`];
    if (probleem?.detail && probleem.detail !== probleem.title) delen.push(probleem.detail);
    for (const p of probleem?.invalidParams ?? []) {
      if (!probleem.detail?.includes(p.reason)) delen.push(`${p.name}: ${p.reason}`);
    }
    return delen.join(' ');
  }
}

/** GET a resource as JSON. Throws ApiFout for any answer that is not 2xx; an aborted request rethrows its AbortError. */
export async function haal(url, { signal } = {}) {
  let antwoord;
  try {
    antwoord = await fetch(url, { headers: { Accept: 'application/json' }, signal });
  } catch (fout) {
    if (fout.name === 'AbortError') throw fout;
    throw new ApiFout(url, 0, null);
  }
  if (!antwoord.ok) {
    let probleem = null;
    try {
      probleem = await antwoord.json();
    } catch {
      // An answer without a problem body still gets its status in the message.
    }
    throw new ApiFout(url, antwoord.status, probleem);
  }
  return antwoord.json();
}

/**
 * Several requests, at most `tegelijk` at a time (the service runs on a small machine), answers in the order asked. One
 * failed request does not lose the others: its place holds `{ fout }` (an ApiFout), every other place the answer.
 * An aborted request (a newer selection) still throws.
 */
export async function haalAlle(urls, { signal, tegelijk = 4 } = {}) {
  const antwoorden = new Array(urls.length);
  let volgende = 0;
  async function werker() {
    while (volgende < urls.length) {
      const i = volgende++;
      try {
        antwoorden[i] = await haal(urls[i], { signal });
      } catch (fout) {
        if (!(fout instanceof ApiFout)) throw fout;
        antwoorden[i] = { fout };
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(tegelijk, urls.length) }, werker));
  return antwoorden;
}
