using System.Text.Json.Nodes;

namespace BudgetApi.Http;

/// <summary>
/// The example of every parameter, in one place: Swagger UI fills them in on "Try it out", so each must give an answer
/// with rows on the bundled data. A parameter's example is the same in every operation, unless the operation needs
/// another to find something (reconciliations that do not add up are in JenV's ontvangsten).
/// </summary>
public static class Voorbeelden
{
    private static readonly Dictionary<string, JsonNode> PerParameter = new()
    {
        ["begroting"] = "JenV",
        ["soort"] = "uitgaven",
        ["artikel"] = 31,
        ["jaar"] = 2026,
        ["begrotingsjaar"] = 2026,
        ["fase"] = "ontwerpbegroting",
        ["id"] = "VI-2026-ontwerpbegroting",
        ["vanJaar"] = 2026,
        ["totJaar"] = 2030,
        ["groepering"] = "begroting",
        ["niveau"] = "artikel",
        ["status"] = "afwijking",
        ["aansluiting"] = "gedrukt-totaal",
        ["onderdeelVan"] = "DGSenB",
        ["meting"] = "bezetting",
        ["code"] = "DJI",
        ["regelsoort"] = "artikel",
        ["sortering"] = "-bedrag",
        ["pagina"] = 1,
        ["paginaGrootte"] = 100,
        ["organisatie"] = "DGRR",
        ["ernst"] = "fout",
        ["dialect"] = "excel-nl",
        ["q"] = "Politie",
        // An artikelonderdeel of VI artikel 31 (Politie) in the budgettaire tabellen of the ontwerpbegroting 2016.
        ["regel"] = "Bekostiging nationale politie",
        ["aantal"] = 10,
        ["tabel"] = "aandelen",
        ["volgorde"] = "budget",
    };

    private static readonly Dictionary<(string Operatie, string Parameter), JsonNode> PerOperatie = new()
    {
        [("GetAansluitingen", "soort")] = "ontvangsten",
        [("GetAansluitingen", "q")] = "totaal ontvangsten",
        // Mutaties and uitputting need two standen of one year: the open data's VI 2015 has the whole cycle up to the jaarverslag.
        [("GetMutaties", "begroting")] = "VI",
        [("GetMutaties", "begrotingsjaar")] = 2015,
        [("GetMutaties", "van")] = "ontwerpbegroting",
        [("GetMutaties", "naar")] = "jaarverslag",
        [("GetMutaties", "jaar")] = 2015,
        [("GetUitputting", "begroting")] = "VI",
        [("GetUitputting", "begrotingsjaar")] = 2015,
        // The standenreeks of a line below artikel 31 needs the budgettaire tabellen of 2016 (VI 2015's begrotingsstaten stop at the artikel).
        [("GetStandenreeks", "begroting")] = "VI",
        [("GetStandenreeks", "begrotingsjaar")] = 2016,
        [("GetStandenreeks", "jaar")] = 2016,
        // The dashboard's tables take their resource's parameters, and its examples.
        [("GetMutatiesTabel", "begroting")] = "VI",
        [("GetMutatiesTabel", "begrotingsjaar")] = 2015,
        [("GetMutatiesTabel", "van")] = "ontwerpbegroting",
        [("GetMutatiesTabel", "naar")] = "jaarverslag",
        [("GetMutatiesTabel", "jaar")] = 2015,
        [("GetUitputtingTabel", "begroting")] = "VI",
        [("GetUitputtingTabel", "begrotingsjaar")] = 2015,
        [("GetStandenreeksTabel", "begroting")] = "VI",
        [("GetStandenreeksTabel", "begrotingsjaar")] = 2016,
        [("GetStandenreeksTabel", "jaar")] = 2016,
        [("GetAansluitingenTabel", "soort")] = "ontvangsten",
        [("GetAansluitingenTabel", "q")] = "totaal ontvangsten",
        [("GetBevindingenTabel", "soort")] = "patroonbreuk",
        [("GetBevindingenTabel", "q")] = "rechtspleging",
        // sorteer names a column of the table, so its example is per table: a sort a reader would pick there.
        [("GetTotalenTabel", "sorteer")] = "-meerjarigTotaal",
        [("GetAandelenTabel", "sorteer")] = "artikel",
        [("GetMutatiesTabel", "sorteer")] = "-mutatie",
        [("GetUitputtingTabel", "sorteer")] = "-verschil",
        [("GetStandenreeksTabel", "sorteer")] = "regel",
        [("GetVerloopTabel", "sorteer")] = "-begrotingsjaar",
        [("GetBezettingTabel", "sorteer")] = "organisatie",
        [("GetAansluitingenTabel", "sorteer")] = "-verschil",
        [("GetBevindingenTabel", "sorteer")] = "soort",
        [("GetOrganisatieTabel", "sorteer")] = "-waarde",
        [("GetBegrotingen", "q")] = "justitie",
        [("GetOrganisaties", "q")] = "justitiele inrichtingen",
        [("ImporteerStanden", "begroting")] = "VI",
        [("ImporteerStanden", "begrotingsjaar")] = 2026,
        [("ImporteerStanden", "fase")] = "1e-suppletoire",
        [("ImporteerStanden", "bestandsnaam")] = "voorjaarsnota-2026.csv",
        [("GetBevindingen", "soort")] = "patroonbreuk",
        [("GetBevindingenGegroepeerd", "soort")] = "patroonbreuk",
        // DGRR's ontvangsten follow VI artikel 32 Rechtspleging en rechtsbijstand: the pattern's break is found by the artikel's name.
        [("GetBevindingen", "q")] = "rechtspleging",
        [("GetBevindingenGegroepeerd", "q")] = "rechtspleging",
        // The printed TOTAAL of B. Ontvangsten JenV (18.596.347) on line 533, with two lines either side.
        [("GetBron", "naam")] = Laden.Documentlezer.Bestand,
        [("GetBronregels", "naam")] = Laden.Documentlezer.Bestand,
        [("GetBronregels", "van")] = 531,
        [("GetBronregels", "tot")] = 535,
    };

    /// <summary>
    /// The body Swagger UI offers for an import: a stand in the project's own format (the CSV of /bedragen): JenV's 1e suppletoire
    /// 2026 with artikel 31 Politie raised by 25.000. A real, small stand: imported once it is new (201), again it is unchanged (200).
    /// </summary>
    public const string Standbestand =
        "hoofdstuk,begroting,begrotingsjaar,fase,soort,artikel,regelsoort,pad,omschrijving,categorie,jaar,bedrag\n" +
        "VI,JenV,2026,1e-suppletoire,uitgaven,31,artikel,,Politie,beleidsartikel,2026,8868848\n" +
        "VI,JenV,2026,1e-suppletoire,uitgaven,31,waarvan,,Bijdrage aan Politie,beleidsartikel,2026,8505305\n";

    /// <summary>
    /// The example of each operation's JSON answer: what the service answers on the bundled data to the parameters' examples (what
    /// Swagger UI's "Try it out" sends), with the rows cut to the first <see cref="Voorbeeldregels"/>. Never typed by hand: the file
    /// Http/Antwoordvoorbeelden.json is written by AntwoordvoorbeeldenTests from real answers (BUDGETAPI_VOORBEELDEN_SCHRIJVEN=1), and the
    /// same test fails when an example is no longer what the service answers, or an operation has none.
    /// </summary>
    public static JsonNode? Antwoord(string? operatie) => operatie is not null && Antwoorden.Value.TryGetPropertyValue(operatie, out var v) ? v?.DeepClone() : null;

    /// <summary>How many rows an answer's example keeps (the metadata stays as served, aantal included).</summary>
    public const int Voorbeeldregels = 2;

    private static readonly Lazy<JsonObject> Antwoorden = new(() =>
    {
        using var bron = typeof(Voorbeelden).Assembly.GetManifestResourceStream("BudgetApi.Antwoordvoorbeelden.json")
            ?? throw new InvalidOperationException("BudgetApi.Antwoordvoorbeelden.json ontbreekt in de assembly.");
        return JsonNode.Parse(bron)!.AsObject();
    });

    public static JsonNode? Voor(string? operatie, string parameter, bool herhaalbaar)
    {
        var voorbeeld = operatie is not null && PerOperatie.TryGetValue((operatie, parameter), out var v) ? v
            : PerParameter.TryGetValue(parameter, out var p) ? p : null;
        if (voorbeeld is null) return null;
        return herhaalbaar ? new JsonArray(voorbeeld.DeepClone()) : voorbeeld.DeepClone();
    }
}
