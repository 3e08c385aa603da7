using BudgetApi.Domein;
using BudgetApi.Laden.Standbestanden;
using BudgetApi.Tests.Infrastructuur;

namespace BudgetApi.Tests.Laden.Standbestanden;

/// <summary>
/// The real open-data samples, read once per test run (the budgettaire tabellen are 6.500 rows), as the repository ships them in
/// data/standen/: nothing outside the clone. <see cref="Sha256"/> pins each as it was received from the Ministry of Finance's open
/// data, so a test never reads an edited sample.
/// </summary>
internal static class Opendata
{
    public const string Begrotingsstaten = "begrotingsstaten-2013-2017.csv";
    public const string BudgettaireTabellen = "budgettaire-tabellen-owb-2016.csv";

    /// <summary>The SHA-256 of each sample as received (the files delivered with the assignment); data/standen/ holds them unchanged.</summary>
    public static readonly IReadOnlyDictionary<string, string> Sha256 = new Dictionary<string, string>
    {
        [Begrotingsstaten] = "b06793fc419477f0ac80ca3e828edd87a6afe0a977d8be97556d04667b6ac4e5",
        [BudgettaireTabellen] = "939e0b7840bc952064a06bc175a8165343df74fcca369d6aa8bf7db2b3dcb7e7",
    };

    public static string Pad(string bestand) => Repo.Bestand(Path.Combine("data", "standen", bestand));

    private static readonly Lazy<string> StatenTekst = new(() => File.ReadAllText(Pad(Begrotingsstaten)));
    private static readonly Lazy<string> TabellenTekst = new(() => File.ReadAllText(Pad(BudgettaireTabellen)));
    private static readonly Lazy<Leesresultaat> StatenGelezen = new(() => new BegrotingsstatenLezer().Lees(Begrotingsstaten, new StringReader(StatenTekst.Value)));
    private static readonly Lazy<Leesresultaat> TabellenGelezen = new(() => new BudgettaireTabellenLezer().Lees(BudgettaireTabellen, new StringReader(TabellenTekst.Value)));

    public static string Staten => StatenTekst.Value;
    public static string Tabellen => TabellenTekst.Value;

    /// <summary>The begrotingsstaten sample as read.</summary>
    public static Leesresultaat StatenResultaat => StatenGelezen.Value;

    /// <summary>The budgettaire tabellen sample as read.</summary>
    public static Leesresultaat TabellenResultaat => TabellenGelezen.Value;

    /// <summary>The physical lines of a text (1-based as in problems), without their line ends.</summary>
    public static string[] Regels(string tekst) => tekst.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');

    /// <summary>A small file cut from a sample: its header and the given line ranges (1-based, inclusive), joined with LF.</summary>
    public static string Uittreksel(string tekst, params (int Van, int Tot)[] reeksen)
    {
        var regels = Regels(tekst);
        var uit = new List<string> { regels[0] };
        foreach (var (van, tot) in reeksen) uit.AddRange(regels[(van - 1)..tot]);
        return string.Join("\n", uit) + "\n";
    }

    /// <summary>The budgettaire tabellen of VI only (lines 306–625 of the sample) as a file of its own: 321 lines.</summary>
    public static string TabellenVi => Uittreksel(Tabellen, (306, 625));

    public static Leesresultaat LeesTabellen(string tekst, string bestand = "vi.csv", Standverwachting? verwachting = null) =>
        new BudgettaireTabellenLezer().Lees(bestand, new StringReader(tekst), verwachting);

    public static Leesresultaat LeesStaten(string tekst, string bestand = "staten.csv", Standverwachting? verwachting = null) =>
        new BegrotingsstatenLezer().Lees(bestand, new StringReader(tekst), verwachting);

    /// <summary>Lines as comparable text, independent of where they stand in the file: for "the same result" across notations.</summary>
    public static List<string> Vingerafdruk(Leesresultaat r) =>
        r.Regels.Select(x => $"{x.Stand.Id}|{x.Soort}|{x.Artikel}|{string.Join(">", x.Pad.Select(p => $"{p.Niveau}:{p.Omschrijving}"))}|{x.Omschrijving}|{x.Code}|{x.Categorie}|{x.IsTotaalregel}|"
            + string.Join(";", x.Bedragen.OrderBy(b => b.Key).Select(b => $"{b.Key}={b.Value}")))
        .Concat(r.Totalen.Select(t => $"totaal|{t.Stand.Id}|{t.Soort}|{t.Totaal}|{t.AlleenBeleidsartikelen}|" + string.Join(";", t.Bedragen.OrderBy(b => b.Key).Select(b => $"{b.Key}={b.Value}"))))
        .Order(StringComparer.Ordinal).ToList();

    /// <summary>A line of a stand by its path of omschrijvingen below the artikel ("" for the artikel line).</summary>
    public static Standregel Regel(this Leesresultaat r, string stand, string soort, int artikel, string pad = "") =>
        r.Regels.Single(x => x.Stand.Id == stand && x.Soort == soort && x.Artikel == artikel && string.Join(" > ", x.Pad.Select(p => p.Omschrijving)) == pad);
}
