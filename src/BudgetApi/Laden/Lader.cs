using System.Globalization;
using FluentValidation;
using Microsoft.Data.Sqlite;

namespace BudgetApi.Laden;

/// <summary>The outcome of a load: the problems found (empty when the database was built and moved into place).</summary>
public sealed record Laadresultaat(IReadOnlyList<Laadprobleem> Problemen, IReadOnlyDictionary<string, int> RijenPerBestand)
{
    public bool Gelukt => Problemen.Count == 0;
}

/// <summary>
/// The only writer: reads data/, validates every row, and builds the SQLite database in a temporary file that
/// replaces the previous database only when it is complete. A failed load leaves the previous database as it was.
/// </summary>
public static class Lader
{
    public const string Begrotingen = "begrotingen.csv";
    public const string Artikelen = "artikelen.csv";
    public const string Waarvanregels = "waarvanregels.csv";
    public const string GedrukteTotalen = "gedrukte-totalen.csv";
    public const string UitgavenbegrotingJenV = "uitgavenbegroting-jenv.csv";
    public const string Organisaties = "organisaties.csv";
    public const string Organisatiefeiten = "organisatiefeiten.csv";
    public const string Bezetting = "bezetting.csv";

    public static Laadresultaat Laad(string dataMap, string databasePad)
    {
        var problemen = new List<Laadprobleem>();
        var context = new Laadcontext();
        var tabellen = new Dictionary<string, RuweTabel>();

        // Files are validated in dependency order: a row may only point to what an earlier file established.
        // A row registers its key even when one of its figures is wrong: a bad amount in article 31 is one problem,
        // not also one for every waarvan line and reference that points to article 31.
        var begrotingen = Valideer(dataMap, Begrotingen, ["begroting", "naam", "stand", "eenheid", "van_jaar", "tot_jaar", "bron_regel"],
            (_, eerste) => new BegrotingValidator(eerste), r => r["begroting"], problemen, tabellen,
            r =>
            {
                if (Velden.IsJaar(r["van_jaar"]) && Velden.IsJaar(r["tot_jaar"]))
                {
                    context.Begrotingen.TryAdd(r["begroting"], (int.Parse(r["van_jaar"], CultureInfo.InvariantCulture), int.Parse(r["tot_jaar"], CultureInfo.InvariantCulture)));
                }
            });
        Valideer(dataMap, Artikelen, ["begroting", "soort", "artikel", "omschrijving", "categorie", "bron_tabel", "bron_regel"],
            (_, eerste) => new ArtikelValidator(context, eerste), r => RijValidator.Sleutel(r["begroting"], r["soort"], r["artikel"]), problemen, tabellen,
            r => context.Artikelen.Add((r["begroting"], r["soort"], r["artikel"])));
        Valideer(dataMap, Waarvanregels, ["begroting", "soort", "artikel", "omschrijving", "bron_tabel", "bron_regel"],
            (_, eerste) => new WaarvanregelValidator(context, eerste), r => RijValidator.Sleutel(r["begroting"], r["soort"], r["artikel"], r["omschrijving"]), problemen, tabellen,
            r => context.Waarvanregels.Add((r["begroting"], r["soort"], r["artikel"], r["omschrijving"])));
        Valideer(dataMap, GedrukteTotalen, ["begroting", "soort", "totaal", "bron_tabel", "bron_regel"],
            (_, eerste) => new GedruktTotaalValidator(context, eerste), r => RijValidator.Sleutel(r["begroting"], r["soort"], r["totaal"]), problemen, tabellen, _ => { });
        Valideer(dataMap, UitgavenbegrotingJenV, ["omschrijving", "bedrag", "artikel", "bron_regel"],
            (_, eerste) => new UitgavenbegrotingValidator(context, eerste), r => r["omschrijving"], problemen, tabellen, _ => { });
        // Organisations may name a parent that stands further down the file, so every code is known before the rows are checked.
        Valideer(dataMap, Organisaties, ["code", "naam", "afkorting", "soort", "onderdeel_van", "bron_regel"],
            (tabel, eerste) =>
            {
                foreach (var rij in tabel.Rijen.Where(r => r["code"].Length > 0)) context.Organisaties.Add(rij["code"]);
                return new OrganisatieValidator(context, eerste);
            }, r => r["code"], problemen, tabellen, _ => { });
        Valideer(dataMap, Organisatiefeiten, ["organisatie", "meting", "omschrijving", "jaar", "peildatum", "waarde", "zoals_gedrukt", "eenheid", "kwalificatie", "tabel", "deel_van", "komt_overeen_met", "bron_sectie", "bron_regel"],
            (_, eerste) => new OrganisatiefeitValidator(context, eerste),
            r => RijValidator.Sleutel(r["organisatie"], r["meting"], r["omschrijving"], r["jaar"], r["peildatum"]), problemen, tabellen, _ => { });
        ValideerDeelVan(tabellen.GetValueOrDefault(Organisatiefeiten), problemen);
        Valideer(dataMap, Bezetting, ["organisatie_zoals_gedrukt", "organisatie", "bezetting_fte", "budget_miljoen", "komt_overeen_met", "bron_regel"],
            (_, eerste) => new BezettingValidator(context, eerste), r => r["organisatie_zoals_gedrukt"], problemen, tabellen, _ => { });

        var rijen = tabellen.ToDictionary(t => t.Key, t => t.Value.Rijen.Count);
        if (problemen.Count > 0 || begrotingen is null)
        {
            return new Laadresultaat(problemen, rijen);
        }

        Bouw(tabellen, databasePad);
        return new Laadresultaat([], rijen);
    }

    private static RuweTabel? Valideer(
        string dataMap, string bestand, string[] verplichteKolommen,
        Func<RuweTabel, IReadOnlyDictionary<string, int>, RijValidator> maakValidator, Func<RuweRij, string> sleutel,
        List<Laadprobleem> problemen, Dictionary<string, RuweTabel> tabellen, Action<RuweRij> registreer)
    {
        var tabel = RuweTabel.Lees(dataMap, bestand, problemen);
        tabellen[bestand] = tabel;
        if (tabel.Kolommen.Count == 0 || !tabel.HeeftKolommen(verplichteKolommen, problemen)) return null;

        var eersteRegel = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var rij in tabel.Rijen) eersteRegel.TryAdd(sleutel(rij), rij.Regel);

        var validator = maakValidator(tabel, eersteRegel);
        foreach (var rij in tabel.Rijen)
        {
            var uitkomst = validator.Validate(rij);
            foreach (var fout in uitkomst.Errors)
            {
                problemen.Add(new Laadprobleem(bestand, rij.Regel, rij.KolomNummer(fout.PropertyName), fout.ErrorMessage));
            }
            registreer(rij);
        }
        return tabel;
    }

    /// <summary>A 'deel_van' must name a row of the same table (and year), or the reconciliation would compare with nothing.</summary>
    private static void ValideerDeelVan(RuweTabel? feiten, List<Laadprobleem> problemen)
    {
        if (feiten is null || feiten.Kolommen.Count == 0) return;
        var rijen = feiten.Rijen.Select(r => (r["tabel"], r["omschrijving"], r["jaar"])).ToHashSet();
        foreach (var rij in feiten.Rijen.Where(r => r["deel_van"].Length > 0 && r["tabel"].Length > 0))
        {
            if (!rijen.Contains((rij["tabel"], rij["deel_van"], rij["jaar"])))
            {
                problemen.Add(new Laadprobleem(feiten.Bestand, rij.Regel, rij.KolomNummer("deel_van"),
                    $"kolom 'deel_van': tabel '{rij["tabel"]}' heeft geen regel '{rij["deel_van"]}' voor jaar '{rij["jaar"]}'"));
            }
        }
    }

    private static void Bouw(Dictionary<string, RuweTabel> tabellen, string databasePad)
    {
        var map = Path.GetDirectoryName(Path.GetFullPath(databasePad))!;
        Directory.CreateDirectory(map);
        // Left behind by a load that was killed: the half-built file and SQLite's journal beside it; never the live database.
        foreach (var oud in Directory.EnumerateFiles(map, Path.GetFileName(databasePad) + ".*.bouw*"))
        {
            File.Delete(oud);
        }

        var tijdelijk = $"{databasePad}.{Guid.NewGuid():N}.bouw";
        try
        {
            // Pooling off: the file must be closed before it is moved into place.
            using (var verbinding = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = tijdelijk, Pooling = false }.ToString()))
            {
                verbinding.Open();
                using var transactie = verbinding.BeginTransaction();
                var schrijver = new Databaseschrijver(verbinding, transactie);
                schrijver.Schrijf(tabellen);
                transactie.Commit();
            }
            File.Move(tijdelijk, databasePad, overwrite: true);
        }
        finally
        {
            if (File.Exists(tijdelijk)) File.Delete(tijdelijk);
        }
    }
}
