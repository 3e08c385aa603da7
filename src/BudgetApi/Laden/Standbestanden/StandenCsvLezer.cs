using System.Globalization;
using BudgetApi.Domein;

namespace BudgetApi.Laden.Standbestanden;

/// <summary>
/// The project's own stand format, which is also what GET /v1/bedragen?formaat=csv exports: one row per line and year,
/// UTF-8 (BOM allowed), RFC 4180, header names case-insensitive. Strict: anything it cannot read exactly is a refusal.
/// docs/standbestanden.md describes every column.
/// </summary>
public sealed class StandenCsvLezer : IStandlezer
{
    public const string FormaatCode = "standen-csv";

    public string Formaat => FormaatCode;

    /// <summary>The regelsoort of a printed total of the stand (TOTAAL, Totaal Beleidsartikelen): not a line of an artikel.</summary>
    public const string RegelsoortTotaal = "totaal";

    /// <summary>The path separator in the pad column; an omschrijving may not contain it.</summary>
    public const string PadScheiding = " > ";

    /// <summary>The columns in the order the export writes them, camelCase as the API writes them.</summary>
    public static readonly IReadOnlyList<string> Kolommen =
        ["hoofdstuk", "begroting", "begrotingsjaar", "fase", "soort", "artikel", "regelsoort", "pad", "omschrijving", "categorie", "jaar", "bedrag",
         "code", "totaalregel", "bronTabel"];

    private static readonly string[] Verplicht =
        ["hoofdstuk", "begrotingsjaar", "fase", "soort", "artikel", "regelsoort", "pad", "omschrijving", "categorie", "jaar", "bedrag"];

    private static readonly string[] Kenmerkend = ["hoofdstuk", "fase", "soort", "regelsoort", "jaar", "bedrag"];

    public bool Herkent(IReadOnlyList<string> kopregel)
    {
        var namen = kopregel.Select(k => k.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToHashSet();
        return Kenmerkend.All(namen.Contains);
    }

    /// <summary>What this reader expects of a header, for the registry's refusal.</summary>
    public static string VerwachteKop => $"standen-csv: {string.Join(", ", Kolommen)}";

    private sealed record Rij(int Regel, Standsleutel Stand, string Soort, int? Artikel, string Regelsoort, string Pad, string Omschrijving,
        string? Categorie, int Jaar, long? Bedrag, string? Code, bool? Totaalregel, string? BronTabel, int BedragKolom);

    public Leesresultaat Lees(string bestand, TextReader inhoud, Standverwachting? verwachting = null)
    {
        var (csv, csvProblemen) = Csvbestand.Lees(bestand, inhoud);
        var problemen = new List<Leesprobleem>(csvProblemen);
        if (csv.Count == 0) return Geweigerd(problemen);

        var kop = csv[0];
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < kop.Velden.Count; i++)
        {
            var naam = kop[i].Trim();
            if (naam.Length == 0) continue;
            if (!index.TryAdd(naam, i) && Kolommen.Contains(naam, StringComparer.OrdinalIgnoreCase))
                problemen.Add(new Leesprobleem(bestand, kop.Regel, i + 1, $"de kolom '{naam}' staat twee keer in de kopregel (kolom {index[naam] + 1} en {i + 1})"));
        }
        foreach (var naam in Verplicht.Where(n => !index.ContainsKey(n)))
            problemen.Add(new Leesprobleem(bestand, kop.Regel, 0, $"de kopregel mist de kolom '{naam}' (verwacht: {string.Join(", ", Kolommen)})"));
        if (problemen.Count > 0) return Geweigerd(problemen);

        int Kolom(string naam) => index.TryGetValue(naam, out var i) ? i + 1 : 0;
        string Veld(Csvrij r, string naam) => index.TryGetValue(naam, out var i) ? r[i] : "";
        void Probleem(Csvrij r, string kolom, string melding) => problemen.Add(new Leesprobleem(bestand, r.Regel, Kolom(kolom), melding));

        var rijen = new List<Rij>();
        foreach (var r in csv.Skip(1))
        {
            if (r.IsLeeg) continue;
            var fout = problemen.Count;

            var hoofdstuk = Veld(r, "hoofdstuk").Trim();
            if (hoofdstuk.Length == 0) Probleem(r, "hoofdstuk", "het hoofdstuk ontbreekt");
            else if (!Hoofdstukcodes.IsGeldig(hoofdstuk)) Probleem(r, "hoofdstuk", Hoofdstukcodes.Melding(hoofdstuk));
            else if (verwachting?.Hoofdstuk is { } vh && hoofdstuk != vh)
                Probleem(r, "hoofdstuk", $"het hoofdstuk '{hoofdstuk}' verschilt van het hoofdstuk dat de import noemt ('{vh}')");

            var begrotingsjaar = Geheel(Veld(r, "begrotingsjaar"));
            if (begrotingsjaar is null or < 1900 or > 2200) Probleem(r, "begrotingsjaar", $"'{Veld(r, "begrotingsjaar")}' is geen begrotingsjaar");
            else if (verwachting?.Begrotingsjaar is { } vj && begrotingsjaar != vj)
                Probleem(r, "begrotingsjaar", $"het begrotingsjaar {begrotingsjaar} verschilt van het begrotingsjaar dat de import noemt ({vj})");

            var fase = Veld(r, "fase").Trim();
            if (!Begrotingscodes.Fasen.Contains(fase))
                Probleem(r, "fase", $"'{fase}' is geen fase (een van: {string.Join(", ", Begrotingscodes.Fasen)})");
            else if (verwachting?.Fase is { } vf && fase != vf)
                Probleem(r, "fase", $"de fase '{fase}' verschilt van de fase die de import noemt ('{vf}')");

            var soort = Veld(r, "soort").Trim();
            if (!Begrotingscodes.Soorten.Contains(soort))
                Probleem(r, "soort", $"'{soort}' is geen soort (een van: {string.Join(", ", Begrotingscodes.Soorten)})");

            var regelsoort = Veld(r, "regelsoort").Trim();
            var isTotaal = regelsoort == RegelsoortTotaal;
            if (!isTotaal && !Begrotingscodes.Niveaus.Contains(regelsoort))
                Probleem(r, "regelsoort", $"'{regelsoort}' is geen regelsoort (een van: {string.Join(", ", Begrotingscodes.Niveaus.Append(RegelsoortTotaal))})");

            var artikelVeld = Veld(r, "artikel").Trim();
            var artikel = Geheel(artikelVeld);
            if (isTotaal && artikelVeld.Length > 0) Probleem(r, "artikel", $"een totaalregel hoort bij geen artikel, maar noemt artikel '{artikelVeld}'");
            else if (!isTotaal && (artikel is null or < 0))
                Probleem(r, "artikel", artikelVeld.Length == 0 ? "het artikel ontbreekt (alleen een totaalregel heeft geen artikel)" : $"'{artikelVeld}' is geen artikelnummer");

            var pad = Lettertekens.Nfc(Veld(r, "pad").Trim());
            if ((isTotaal || regelsoort == Begrotingscodes.NiveauArtikel) && pad.Length > 0)
                Probleem(r, "pad", $"een {(isTotaal ? "totaalregel" : "artikelregel")} heeft geen pad, maar dit is '{pad}'");
            if (pad.Split(PadScheiding).Any(s => pad.Length > 0 && s.Trim().Length == 0))
                Probleem(r, "pad", $"het pad '{pad}' heeft een lege stap");

            var omschrijving = Lettertekens.Nfc(Veld(r, "omschrijving").Trim());
            foreach (var tekstveld in new[] { "omschrijving", "pad", "begroting", "bronTabel", "code" })
                if (Tekstvelden.Fout(Veld(r, tekstveld)) is { } tekstfout) Probleem(r, tekstveld, tekstfout);
            if (omschrijving.Length == 0) Probleem(r, "omschrijving", "de omschrijving ontbreekt");
            else if (omschrijving.Contains(PadScheiding, StringComparison.Ordinal))
                Probleem(r, "omschrijving", $"de omschrijving '{omschrijving}' bevat '{PadScheiding}', het scheidingsteken van het pad");

            var categorie = Veld(r, "categorie").Trim();
            if (categorie.Length > 0 && !Begrotingscodes.Categorieen.Contains(categorie))
                Probleem(r, "categorie", $"'{categorie}' is geen categorie (leeg, {string.Join(" of ", Begrotingscodes.Categorieen)})");

            var jaar = Geheel(Veld(r, "jaar"));
            if (jaar is null or < 1900 or > 2200) Probleem(r, "jaar", $"'{Veld(r, "jaar")}' is geen jaar");

            var bedrag = Getalnotatie.Kaal.Lees(Veld(r, "bedrag"));
            if (!bedrag.Gelukt) Probleem(r, "bedrag", $"{bedrag.Fout}; schrijf een geheel bedrag in duizenden euro's zonder scheidingstekens, of laat de cel leeg");

            var totaalregelVeld = Veld(r, "totaalregel").Trim();
            bool? totaalregel = totaalregelVeld.ToLowerInvariant() switch { "true" => true, "false" => false, "" => null, _ => null };
            if (totaalregel is null && totaalregelVeld.Length > 0) Probleem(r, "totaalregel", $"'{totaalregelVeld}' is geen true of false");

            if (problemen.Count > fout) continue;
            rijen.Add(new Rij(r.Regel, new Standsleutel(hoofdstuk, begrotingsjaar!.Value, fase), soort, isTotaal ? null : artikel, regelsoort, pad,
                omschrijving, categorie.Length > 0 ? categorie : null, jaar!.Value, bedrag.Waarde, Leeg(Veld(r, "code")), totaalregel,
                Leeg(Veld(r, "bronTabel")), Kolom("bedrag")));
        }

        // One row per line and year; a line is (stand, soort, artikel, pad, omschrijving).
        // An artikel line is one per stand, soort and artikel whatever its name; the name must then agree between years.
        var lijnen = rijen.GroupBy(r => (r.Stand, r.Soort, r.Artikel, r.Pad, Omschrijving: r.Regelsoort == Begrotingscodes.NiveauArtikel ? "" : r.Omschrijving)).ToList();
        var perPlek = lijnen.Where(g => g.Key.Omschrijving.Length > 0).ToDictionary(g => g.Key, g => g.First());
        foreach (var lijn in lijnen)
        {
            var eerste = lijn.First();
            var gezien = new Dictionary<int, Rij>();
            foreach (var r in lijn)
            {
                if (gezien.TryGetValue(r.Jaar, out var eerder))
                    problemen.Add(new Leesprobleem(bestand, r.Regel, Kolom("jaar"), $"regel {eerder.Regel} geeft dezelfde regel ('{Naam(r)}') al voor {r.Jaar}: één rij per regel en jaar"));
                else gezien[r.Jaar] = r;
                foreach (var (kolom, a, b) in new[]
                         {
                             ("regelsoort", eerste.Regelsoort, r.Regelsoort), ("omschrijving", eerste.Omschrijving, r.Omschrijving), ("categorie", eerste.Categorie, r.Categorie), ("code", eerste.Code, r.Code),
                             ("totaalregel", eerste.Totaalregel?.ToString(), r.Totaalregel?.ToString()), ("bronTabel", eerste.BronTabel, r.BronTabel),
                         })
                {
                    if (a != b)
                        problemen.Add(new Leesprobleem(bestand, r.Regel, Kolom(kolom),
                            $"de {kolom} '{b}' van '{Naam(r)}' verschilt van '{a}' op regel {eerste.Regel}: een regel heeft in elk jaar dezelfde {kolom}"));
                }
            }

            // Every ancestor named in the pad is itself a row: that row gives its level.
            if (eerste.Pad.Length == 0) continue;
            var stappen = eerste.Pad.Split(PadScheiding).Select(s => s.Trim()).ToList();
            for (var i = 0; i < stappen.Count; i++)
            {
                var ouderPad = string.Join(PadScheiding, stappen.Take(i));
                if (!perPlek.TryGetValue((eerste.Stand, eerste.Soort, eerste.Artikel, ouderPad, stappen[i]), out var ouder)
                    || ouder.Regelsoort is RegelsoortTotaal or Begrotingscodes.NiveauArtikel)
                {
                    problemen.Add(new Leesprobleem(bestand, eerste.Regel, Kolom("pad"),
                        $"de voorouder '{stappen[i]}' in het pad '{eerste.Pad}' staat niet als regel in het bestand ({eerste.Stand.Id} {eerste.Soort} artikel {eerste.Artikel}"
                        + (ouderPad.Length > 0 ? $", pad '{ouderPad}'" : ", direct onder het artikel") + ")"));
                    break;
                }
            }
        }
        if (problemen.Count > 0) return Geweigerd(problemen);

        var regels = new List<Standregel>();
        var totalen = new List<GedruktStandtotaal>();
        foreach (var lijn in lijnen)
        {
            var eerste = lijn.First();
            var bedragen = lijn.ToDictionary(r => r.Jaar, r => r.Bedrag);
            if (eerste.Regelsoort == RegelsoortTotaal)
            {
                totalen.Add(new GedruktStandtotaal
                {
                    Stand = eerste.Stand,
                    Soort = eerste.Soort,
                    Totaal = eerste.Omschrijving,
                    AlleenBeleidsartikelen = eerste.Categorie == Begrotingscodes.Beleidsartikel,
                    Bedragen = bedragen,
                    BronTabel = eerste.BronTabel,
                    Herkomst = new Vindplaats(bestand, eerste.Regel),
                });
                continue;
            }
            var padStappen = new List<Padstap>();
            if (eerste.Regelsoort != Begrotingscodes.NiveauArtikel)
            {
                var namen = eerste.Pad.Length == 0 ? [] : eerste.Pad.Split(PadScheiding).Select(s => s.Trim()).ToList();
                for (var i = 0; i < namen.Count; i++)
                    padStappen.Add(new Padstap(perPlek[(eerste.Stand, eerste.Soort, eerste.Artikel, string.Join(PadScheiding, namen.Take(i)), namen[i])].Regelsoort, namen[i]));
                padStappen.Add(new Padstap(eerste.Regelsoort, eerste.Omschrijving));
            }
            regels.Add(new Standregel
            {
                Stand = eerste.Stand,
                Soort = eerste.Soort,
                Artikel = eerste.Artikel!.Value,
                Pad = padStappen,
                Omschrijving = eerste.Omschrijving,
                Code = eerste.Code,
                Categorie = eerste.Categorie,
                Bedragen = bedragen,
                IsTotaalregel = eerste.Totaalregel == true,
                BronTabel = eerste.BronTabel,
                Herkomst = new Vindplaats(bestand, eerste.Regel),
                HerkomstPerJaar = lijn.ToDictionary(r => r.Jaar, r => new Vindplaats(bestand, r.Regel, r.BedragKolom)),
            });
        }
        var standen = rijen.Select(r => r.Stand).Distinct().Select(s => new Standkop(s, null)).ToList();
        return new Leesresultaat(FormaatCode, standen, regels, totalen, [], []);
    }

    private static string Naam(Rij r) =>
        $"{r.Stand.Id} {r.Soort} " + (r.Artikel is null ? "" : $"artikel {r.Artikel} ") + (r.Pad.Length > 0 ? r.Pad + PadScheiding : "") + r.Omschrijving;

    private static int? Geheel(string veld) =>
        int.TryParse(veld.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static string? Leeg(string veld) => veld.Trim().Length == 0 ? null : veld.Trim();

    private static Leesresultaat Geweigerd(List<Leesprobleem> problemen) => new(FormaatCode, [], [], [], [], problemen);
}
