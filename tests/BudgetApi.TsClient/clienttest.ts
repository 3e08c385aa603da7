// The contract as a TypeScript client sees it (issue 17): types generated from openapi/budgetapi.json by openapi-typescript, calls made
// with openapi-fetch, the whole compiled by tsc --strict (tsconfig.json). Run by .ci/run against a service it started; BUDGETAPI_URL
// names it. Every operation of the document is called: the ones below with their typed call; any operation the document gains later
// is called too, untyped, with the document's own examples, and named in the output, so that it is added here. Exits non-zero on
// the first wrong figure.
import createClient, { type Middleware } from "openapi-fetch";
import type { components, paths } from "./gegenereerd/budgetapi.js";

type Probleem = components["schemas"]["ProblemDetails"];
type Fase = components["schemas"]["Fase"];
type Tabel = components["schemas"]["Tabel"];

const basis = process.env["BUDGETAPI_URL"] ?? "http://127.0.0.1:5080";
const client = createClient<paths>({ baseUrl: `${basis}/v1` });

// Which operations (method and path as the document writes them) were called through their typed method.
const geroepen = new Set<string>();
const registratie: Middleware = {
  onRequest({ request, schemaPath }) {
    geroepen.add(`${request.method.toLowerCase()} ${schemaPath}`);
    return undefined;
  },
};
client.use(registratie);

let controles = 0;
function klopt(voorwaarde: boolean, wat: string): void {
  if (!voorwaarde) throw new Error(`Klopt niet: ${wat}`);
  controles++;
}

function gegevens<T>(antwoord: { data?: { gegevens: T[] } | undefined; error?: unknown; response: Response }, wat: string): T[] {
  klopt(antwoord.response.status === 200 && antwoord.data !== undefined, `${wat} geeft 200 (${antwoord.response.status})`);
  return antwoord.data!.gegevens;
}

// Begrotingen, standen, one stand.
const begrotingen = gegevens(await client.GET("/begrotingen"), "/begrotingen");
const jenv = begrotingen.find((b) => b.code === "JenV");
klopt(jenv?.hoofdstuk === "VI", "JenV is hoofdstuk VI");
const vastgesteld: Fase = "vastgestelde-begroting";
const standen = gegevens(await client.GET("/standen", { params: { query: { begroting: "VI", begrotingsjaar: 2015, fase: vastgesteld } } }), "/standen");
klopt(standen.length === 1 && standen[0]?.fase === vastgesteld, "VI 2015 heeft één vastgestelde begroting");
const stand = gegevens(await client.GET("/standen/{id}", { params: { path: { id: "VI-2026-ontwerpbegroting" } } }), "/standen/{id}");
klopt(stand[0]?.begrotingsjaar === 2026, "de stand VI-2026-ontwerpbegroting is van 2026");

// The figures of the source.
const totaal = gegevens(await client.GET("/totalen", { params: { query: { begroting: ["JenV"], soort: "uitgaven", vanJaar: 2026, totJaar: 2026 } } }), "/totalen");
klopt(totaal.length === 1 && totaal[0]?.bedrag === 18_596_347, `JenV uitgaven 2026 = 18.596.347 (${totaal[0]?.bedrag})`);
klopt(totaal[0]?.fase === "ontwerpbegroting", "de fase van het totaal");

const politie: Partial<Record<Fase, number | null>> = {};
for (const fase of ["ontwerpbegroting", "jaarverslag"] as const) {
  const artikel = gegevens(
    await client.GET("/begrotingen/{begroting}/artikelen/{artikel}", { params: { path: { begroting: "VI", artikel: 31 }, query: { begrotingsjaar: 2015, fase, soort: "uitgaven" } } }),
    "/begrotingen/{begroting}/artikelen/{artikel}");
  politie[fase] = artikel[0]?.bedragen.find((b) => b.jaar === 2015)?.bedrag ?? null;
}
klopt(politie.ontwerpbegroting === 5_132_936 && politie.jaarverslag === 5_146_049, "VI artikel 31 2015: 5.132.936 → 5.146.049");
const artikelen = gegevens(await client.GET("/begrotingen/{begroting}/artikelen", { params: { path: { begroting: "JenV" }, query: { soort: "uitgaven" } } }), "/begrotingen/{begroting}/artikelen");
klopt(artikelen.some((a) => a.artikel === 31), "JenV heeft artikel 31");

const mutaties = gegevens(
  await client.GET("/mutaties", { params: { query: { begroting: "VI", begrotingsjaar: 2015, van: "ontwerpbegroting", naar: "jaarverslag", jaar: 2015 } } }), "/mutaties");
const mutatie31 = mutaties.find((m) => m.artikel === 31 && m.regelsoort === "artikel");
klopt(mutatie31?.mutatie === 13_113 && mutatie31.van === "VI-2015-ontwerpbegroting" && mutatie31.naar === "VI-2015-jaarverslag", "mutatie artikel 31 2015 = 13.113");

const bedragen = gegevens(
  await client.GET("/bedragen", { params: { query: { begroting: ["VI"], begrotingsjaar: 2016, fase: "ontwerpbegroting", soort: "uitgaven", jaar: 2016, regelsoort: "artikel", paginaGrootte: 1000 } } }),
  "/bedragen");
klopt(bedragen.reduce((som, b) => som + (b.bedrag ?? 0), 0) === 11_456_930, "VI uitgaven 2016 in de ontwerpbegroting 2016 = 11.456.930");

klopt(gegevens(await client.GET("/aandelen", { params: { query: { begroting: "JenV", soort: "uitgaven", jaar: 2026 } } }), "/aandelen").length > 0, "aandelen");
klopt(gegevens(await client.GET("/aansluitingen", { params: { query: { begroting: "JenV" } } }), "/aansluitingen").length > 0, "aansluitingen");
const organisaties = gegevens(await client.GET("/organisaties"), "/organisaties");
klopt(organisaties.some((o) => o.code === "DJI"), "DJI is een organisatie");
klopt(gegevens(await client.GET("/organisaties/{code}", { params: { path: { code: "DJI" } } }), "/organisaties/{code}").length > 0, "de cijfers van DJI");
klopt(gegevens(await client.GET("/bezetting"), "/bezetting").length > 0, "bezetting");
klopt(gegevens(await client.GET("/uitputting", { params: { query: { begroting: "VI", begrotingsjaar: 2015, soort: "uitgaven" } } }), "/uitputting").length > 0, "uitputting");
const verhuizing = gegevens(await client.GET("/was-wordt"), "/was-wordt")[0];
klopt(verhuizing?.wasHoofdstuk === "VI" && verhuizing.wordtHoofdstuk === "XX" && verhuizing.wordtArtikel === 37, "Migratie: VI 37 wordt XX 37");
const bevindingen = gegevens(await client.GET("/bevindingen", { params: { query: { soort: "totaal-sluit-niet" } } }), "/bevindingen");
klopt(bevindingen.length > 0 && bevindingen.every((b) => b.soort === "totaal-sluit-niet"), "bevindingen van één soort (kebab-case)");
// Bevindingen per probleem: JenV's, its organisations' among them (DJI's like-for-like € 3,3 against € 3,6 miljard), searched with q.
const problemen = gegevens(
  await client.GET("/bevindingen/gegroepeerd", { params: { query: { begroting: "JenV", q: "dji", paginaGrootte: 100 } } }), "/bevindingen/gegroepeerd");
const dji = problemen.find((p) => p.id === "tegenstrijdigheid/DJI/geld/alleen-financiering-door-jenv");
klopt(dji?.organisatie === "DJI" && dji.hoofdstuk === null && dji.soortLabel === "Tegenstrijdigheid", "de DJI-bevinding staat onder JenV, met haar label");
klopt(dji?.jaren.length === 1 && dji.jaren[0] === 2024 && dji.bevindingen[0]?.id === "tegenstrijdigheid/DJI/geld/alleen-financiering-door-jenv/2024",
  "de DJI-bevinding gaat over 2024, met haar eigen id");
klopt(dji?.bevindingen[0]?.cijfers.some((c) => c.zoalsGedrukt?.includes("3,6 miljard") === true) === true, "de DJI-bevinding noemt de € 3,6 miljard die JenV financiert");
const totaalProbleem = gegevens(
  await client.GET("/bevindingen/gegroepeerd", { params: { query: { begroting: "JenV", soort: "totaal-sluit-niet", ernst: "fout", paginaGrootte: 100 } } }),
  "/bevindingen/gegroepeerd").find((p) => p.id === "totaal-sluit-niet/gedrukt-totaal/VI-2026-ontwerpbegroting/ontvangsten/totaal");
klopt(totaalProbleem?.jaren.join(",") === "2026,2027,2028,2029,2030" && totaalProbleem.bevindingen[0]?.juisteWaarde === 1_843_526,
  "het gedrukte TOTAAL van B. Ontvangsten JenV: één probleem in 5 jaren, 2026 juist 1.843.526");

// Standenreeks: VI artikel 31 in 2015 across every stand of the year, the mutatie between neighbours, and the uitputting.
const reeks = gegevens(
  await client.GET("/standenreeks", { params: { query: { begroting: "VI", begrotingsjaar: 2015, soort: "uitgaven", artikel: 31, jaar: 2015 } } }), "/standenreeks");
const artikel31 = reeks.find((r) => r.regelsoort === "artikel" && r.artikel === 31);
klopt(artikel31?.standen.map((s) => s.bedrag).join(",") === "5132936,5132936,5150343,5150542,5146049",
  `VI artikel 31 2015 per stand: 5.132.936 → 5.132.936 → 5.150.343 → 5.150.542 → 5.146.049 (${artikel31?.standen.map((s) => s.bedrag).join(" → ")})`);
klopt(artikel31?.standen[0]?.fase === "ontwerpbegroting" && artikel31.standen[4]?.fase === "jaarverslag" && artikel31.standen[4].mutatie === -4_493,
  "van ontwerpbegroting tot jaarverslag, de laatste mutatie −4.493");
klopt(artikel31?.begroot === 5_150_542 && artikel31.realisatie === 5_146_049 && artikel31.verschil === -4_493 && artikel31.oordeel === "onderuitputting",
  "de uitputting van VI artikel 31 in 2015");

// Verloop over begrotingsjaren: JenV artikel 31 in every ontwerpbegroting, and XX 37 followed back into VI 37 by was → wordt.
const verloop = gegevens(
  await client.GET("/verloop", { params: { query: { begroting: "JenV", artikel: 31, fase: "ontwerpbegroting", soort: "uitgaven" } } }), "/verloop");
const perJaar = new Map(verloop.map((r) => [r.begrotingsjaar, r]));
klopt(perJaar.get(2015)?.bedrag === 5_132_936 && perJaar.get(2016)?.bedrag === 5_199_190 && perJaar.get(2026)?.bedrag === 8_843_848,
  "verloop JenV artikel 31: 2015 5.132.936, 2016 5.199.190, 2026 8.843.848");
klopt(perJaar.get(2020)?.aanwezigheid === "geen-stand" && perJaar.get(2020)?.bedrag === null, "geen ontwerpbegroting 2020: een gat, geen 0");
const asiel = gegevens(await client.GET("/verloop", { params: { query: { begroting: "XX", artikel: 37, fase: "ontwerpbegroting" } } }), "/verloop");
const asiel2016 = asiel.find((r) => r.begrotingsjaar === 2016);
klopt(asiel2016?.aanwezigheid === "verhuisd" && asiel2016.hoofdstuk === "VI" && asiel2016.bedrag === 824_898, "XX 37 in 2016 is VI 37: 824.898, verhuisd");

// Suggestions for a search box: accents and case do not matter.
const suggesties = gegevens(await client.GET("/zoeken", { params: { query: { q: "justitiele inrichtingen", aantal: 3 } } }), "/zoeken");
klopt(suggesties[0]?.soort === "organisatie" && suggesties[0].code === "DJI" && suggesties[0].url === "/v1/organisaties/DJI",
  "justitiele inrichtingen vindt DJI eerst");

const bronnen = gegevens(await client.GET("/bronnen"), "/bronnen");
klopt(bronnen.length > 0, "bronnen");
klopt(gegevens(await client.GET("/bronnen/{naam}", { params: { path: { naam: bronnen[0]!.naam } } }), "/bronnen/{naam}").length === 1, "één bron");
const regels = gegevens(
  await client.GET("/bronnen/{naam}/regels", { params: { path: { naam: "introductiedossier-jenv-2026.txt" }, query: { van: 531, tot: 535 } } }), "/bronnen/{naam}/regels");
klopt(regels.some((r) => r.tekst.includes("18.596.347")), "de bronregel met 18.596.347");

// The dashboard's tables (/…/tabel): Dutch headings, a cell per column, typed as number, text or null.
function tabel(antwoord: { data?: Tabel | undefined; response: Response }, wat: string): Tabel {
  klopt(antwoord.response.status === 200 && antwoord.data !== undefined, `${wat} geeft 200 (${antwoord.response.status})`);
  const t = antwoord.data!;
  klopt(t.rijen.every((r) => r.cellen.length === t.kolommen.length), `${wat}: elke rij heeft een cel per kolom`);
  return t;
}
/** The cell of a row under the column with this sleutel. */
const cel = (t: Tabel, rij: number, sleutel: string): string | number | null => t.rijen[rij]?.cellen[t.kolommen.findIndex((k) => k.sleutel === sleutel)] ?? null;
const totalenTabel = tabel(await client.GET("/totalen/tabel", { params: { query: { begroting: ["JenV"], soort: "uitgaven" } } }), "/totalen/tabel");
klopt(cel(totalenTabel, 0, "2026") === 18_596_347 && totalenTabel.kolommen[0]?.titel === "Begroting", "de tabel van de totalen: JenV 2026 = 18.596.347");
const reeksTabel = tabel(await client.GET("/standenreeks/tabel", { params: { query: { begroting: "VI", begrotingsjaar: 2015, soort: "uitgaven", artikel: 31 } } }), "/standenreeks/tabel");
klopt(cel(reeksTabel, 0, "ontwerpbegroting") === 5_132_936 && cel(reeksTabel, 0, "jaarverslag") === 5_146_049, "de standenreeks: een kolom per stand, 5.132.936 → 5.146.049");
const verloopTabel = tabel(await client.GET("/verloop/tabel", { params: { query: { begroting: "JenV", fase: ["ontwerpbegroting", "jaarverslag"] } } }), "/verloop/tabel");
klopt(verloopTabel.kolommen.map((k) => k.sleutel).join(",") === "begrotingsjaar,ontwerpbegroting,jaarverslag,begroting,naam,toelichting", "het verloop: een kolom per fase");
klopt(tabel(await client.GET("/aandelen/tabel", { params: { query: { begroting: "JenV", jaar: 2026 } } }), "/aandelen/tabel").kolommen.some((k) => k.eenheid === "procent"), "aandelen als tabel");
klopt(tabel(await client.GET("/mutaties/tabel", { params: { query: { begroting: "VI", begrotingsjaar: 2015, van: "ontwerpbegroting", naar: "jaarverslag", jaar: 2015 } } }), "/mutaties/tabel").rijen.at(-1)?.totaal === true, "mutaties als tabel, de totaalrij onderaan");
klopt(tabel(await client.GET("/uitputting/tabel", { params: { query: { begroting: "VI", begrotingsjaar: 2015 } } }), "/uitputting/tabel").rijen.length > 0, "uitputting als tabel");
klopt(tabel(await client.GET("/bezetting/tabel", { params: { query: { tabel: "budget-per-fte", volgorde: "budgetPerFte" } } }), "/bezetting/tabel").kolommen.at(-1)?.eenheid === "euro", "budget per fte als tabel");
const aansluitingenTabel = tabel(await client.GET("/aansluitingen/tabel", { params: { query: { begroting: "JenV", status: "afwijking", paginaGrootte: 5 } } }), "/aansluitingen/tabel");
klopt(aansluitingenTabel.rijen.length === 5 && (aansluitingenTabel.rijen[0]?.links ?? []).some((l) => l.kolom === "bron" && l.adres.startsWith("/v1/bronnen/")), "aansluitingen als tabel, de bronregels als link");
const bevindingenTabel = tabel(await client.GET("/bevindingen/tabel", { params: { query: { begroting: "JenV", q: "DJI" } } }), "/bevindingen/tabel");
klopt(bevindingenTabel.rijen.length > 0 && bevindingenTabel.kolommen[1]?.sleutel === "soort", "bevindingen als tabel, gezocht met q");
const organisatieTabel = tabel(await client.GET("/organisaties/{code}/tabel", { params: { path: { code: "DJI" }, query: { sorteer: "-waarde" } } }), "/organisaties/{code}/tabel");
const waarden = organisatieTabel.rijen.map((r) => r.cellen[1]).filter((w): w is number => typeof w === "number");
klopt(waarden.length > 1 && waarden.every((w, i) => i === 0 || (waarden[i - 1] ?? w) >= w), "een organisatie als tabel, gesorteerd met sorteer=-waarde");

// CSV and Excel: operations of their own, each with one answer type.
const csv = await client.GET("/csv/totalen", { params: { query: { begroting: ["JenV"], vanJaar: 2026, totJaar: 2026 } }, parseAs: "text" });
klopt(csv.response.status === 200 && csv.response.headers.get("content-type")?.startsWith("text/csv") === true, "CSV is text/csv");
const csvTekst: string = csv.data ?? "";
klopt(csvTekst.split("\r\n")[1]?.includes(",18596347,") === true, "de CSV-regel van JenV 2026 heeft 18596347");
const xlsx = await client.GET("/xlsx/totalen", { params: { query: { begroting: ["JenV"] } }, parseAs: "arrayBuffer" });
const werkmap = new Uint8Array(xlsx.data ?? new ArrayBuffer(0));
klopt(xlsx.response.status === 200 && werkmap[0] === 0x50 && werkmap[1] === 0x4b, "xlsx is een zip-pakket (PK)");

// A typed problem: what was wrong, by parameter.
const fout = await client.GET("/totalen", { params: { query: { begroting: ["JenV"], vanJaar: 2031, totJaar: 2030 } } });
const probleem: Probleem | undefined = fout.error;
klopt(fout.response.status === 400 && probleem?.status === 400, "vanJaar na totJaar is een 400");
klopt(probleem?.invalidParams?.some((p) => p.name === "vanJaar") === true && /^[0-9a-f]{32}$/.test(probleem.traceId), "het probleem noemt vanJaar en heeft een traceId");
const verplichtingen = await client.GET("/totalen", { params: { query: { begroting: ["JenV"], soort: "verplichtingen" } } });
klopt(verplichtingen.error?.invalidParams?.[0]?.name === "soort", "verplichtingen van een stand zonder verplichtingen: een probleem dat soort noemt");

// The import, without a token: the typed 401 (the import with a token is tested by the C# clients, which can make one).
const bestand = new Blob(["hoofdstuk,begroting\n"], { type: "text/csv" });
const zonderToken = await client.POST("/standen", {
  params: { query: { bestandsnaam: "proef.csv" } },
  body: { bestand: "" },
  bodySerializer: () => {
    const formulier = new FormData();
    formulier.append("bestand", bestand, "proef.csv");
    return formulier;
  },
});
klopt(zonderToken.response.status === 401 && zonderToken.error?.status === 401, "importeren zonder token is een 401-probleem");

// Every operation of the document: the typed calls above, and any other one with the document's examples.
const document = (await (await fetch(`${basis}/v1/openapi.json`)).json()) as {
  paths: Record<string, Record<string, { operationId: string; parameters?: { name: string; in: string; example?: unknown; $ref?: string }[] }>>;
};
/** The path with the document's example for each parameter, as Swagger UI fills them in. */
function Voorbeeld(pad: string, parameters: { name: string; in: string; example?: unknown }[]): string {
  let url = pad;
  const query = new URLSearchParams();
  for (const p of parameters) {
    const waarden: unknown[] = Array.isArray(p.example) ? p.example : p.example === undefined ? [] : [p.example];
    if (p.in === "path") url = url.replace(`{${p.name}}`, encodeURIComponent(String(waarden[0])));
    else if (p.in === "query") for (const w of waarden) query.append(p.name, String(w));
  }
  return `${url}?${query}`;
}
const zonderType: string[] = [];
let operaties = 0;
for (const [pad, item] of Object.entries(document.paths)) {
  for (const [methode, operatie] of Object.entries(item)) {
    operaties++;
    if (geroepen.has(`${methode} ${pad}`) || pad.startsWith("/csv/") || pad.startsWith("/xlsx/")) continue;
    zonderType.push(operatie.operationId);
    const antwoord = await fetch(`${basis}/v1${Voorbeeld(pad, operatie.parameters ?? [])}`, { method: methode.toUpperCase() });
    klopt(antwoord.status === 200, `${operatie.operationId} met de voorbeelden van het document geeft 200 (${antwoord.status})`);
  }
}
// The CSV and Excel operations of every collection: the same request as the JSON one, a file as the answer.
for (const pad of Object.keys(document.paths).filter((p) => p.startsWith("/csv/") || p.startsWith("/xlsx/"))) {
  const json = document.paths[pad.slice(pad.indexOf("/", 1))]?.["get"];
  const antwoord = await fetch(`${basis}/v1${Voorbeeld(pad, json?.parameters ?? [])}`);
  const soort = antwoord.headers.get("content-type") ?? "";
  klopt(antwoord.status === 200 && (pad.startsWith("/csv/") ? soort.startsWith("text/csv") : soort.startsWith("application/vnd.openxmlformats")), `${pad} geeft een bestand (${antwoord.status} ${soort})`);
  await antwoord.arrayBuffer();
}
console.log(`typescript-client: ${controles} controles, ${operaties} operaties, ${geroepen.size} met hun getypeerde methode` +
  (zonderType.length > 0 ? `; zonder getypeerde aanroep in clienttest.ts (voeg toe): ${zonderType.join(", ")}` : ""));
