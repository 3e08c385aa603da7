using BudgetApi.Domein;
using BudgetApi.Features;
using BudgetApi.Features.Standen;
using BudgetApi.Laden;
using BudgetApi.Opslag;

namespace BudgetApi.Http;

/// <summary>A closed set of values, declared once in the contract as a component (an enum), with the C# list it comes from.</summary>
/// <param name="Naam">The component's name: #/components/schemas/{Naam}.</param>
/// <param name="Beschrijving">What the values are, in Dutch.</param>
/// <param name="Waarden">The values in their canonical spelling, from the list the code itself checks and writes with.</param>
public sealed record Codelijst(string Naam, string Beschrijving, IReadOnlyList<string> Waarden);

/// <summary>A value with a fixed form but no closed list (a stand's id, a fase with a year): declared once as a string pattern.</summary>
/// <param name="Naam">The component's name: #/components/schemas/{Naam}.</param>
/// <param name="Beschrijving">What the values are, in Dutch.</param>
/// <param name="Patroon">The regular expression (ECMA 262, as JSON Schema reads it) of the canonical spelling, made from the code lists.</param>
public sealed record Codepatroon(string Naam, string Beschrijving, string Patroon);

/// <summary>
/// Every closed set the contract declares, and which field and parameter holds which. Each set's values come from the code list the
/// service validates with and writes from (Begrotingscodes, Aansluitingberekening, Bevindingsoorten, Codes …), never typed again here,
/// so the contract cannot drift from the service. Parameters stay case-insensitive on input; the enum lists the canonical spelling,
/// which is what every response writes.
/// </summary>
public static class Codelijsten
{
    public static readonly Codelijst Csvdialect = new("Csvdialect", "Dialect van een CSV: rfc4180 (standaard: komma en decimale punt) of excel-nl (puntkomma en decimale komma, voor Nederlandse Excel).", Csvdialecten.Toegestaan);
    public static readonly Codelijst Soort = new("Soort", "Wat een begrotingsregel telt: verplichtingen, uitgaven of ontvangsten.", Begrotingscodes.Soorten);
    public static readonly Codelijst SoortMetSaldo = new("SoortMetSaldo", "verplichtingen, uitgaven, ontvangsten, of saldo (uitgaven min ontvangsten, berekend).", Queryregels.SoortenMetSaldo);
    public static readonly Codelijst Fase = new("Fase", "Fase van een stand in de begrotingscyclus, in de volgorde van de cyclus.", Begrotingscodes.Fasen);
    public static readonly Codelijst Categorie = new("Categorie", "Soort artikel: beleidsartikel of niet-beleidsartikel.", Begrotingscodes.Categorieen);
    public static readonly Codelijst Groepering = new("Groepering", "Waarnaar /totalen de artikelregels optelt.", TotalenQueryValidator.Groeperingen);
    public static readonly Codelijst Regelsoort = new("Regelsoort", "Het niveau van een begrotingsregel: artikel, of het niveau van een deel eronder.", Begrotingscodes.Niveaus);
    public static readonly Codelijst Deelniveau = new("Deelniveau", "Het niveau van een deel van een regel (een waarvan-regel of een regel van een budgettaire tabel).",
        [.. Begrotingscodes.Niveaus.Where(n => n != Begrotingscodes.NiveauArtikel)]);
    public static readonly Codelijst Mutatieregelsoort = new("Mutatieregelsoort", "Het niveau van een regel in /mutaties, of totaal (de som van de artikelregels van de begroting).", MutatiesEndpoints.Regelsoorten);
    public static readonly Codelijst Aandeelniveau = new("Aandeelniveau", "Het niveau waarvan /aandelen de delen samen 100 laat zijn: artikel of waarvan.", AandelenQueryValidator.Niveaus);
    public static readonly Codelijst Mutatieniveau = new("Mutatieniveau", "artikel: alleen de artikelregels; regel: elke regel op elke diepte.", MutatiesQueryValidator.Niveaus);
    public static readonly Codelijst SoortDeel = new("SoortDeel", "Wat een deel in /aandelen is: artikel, het niveau van een deel, of overig (de berekende rest van een artikel).", AandelenQueryValidator.SoortenDeel);
    public static readonly Codelijst Status = new("Status", "Filter op het oordeel van een aansluiting: een oordeel, of afwijking (sluit-niet en past-niet) of akkoord (de rest).", Aansluitingberekening.Statussen);
    public static readonly Codelijst SoortAansluiting = new("SoortAansluiting", "Soort aansluiting (zie docs/aansluitingen.md).", Aansluitingberekening.Soorten);
    public static readonly Codelijst Oordeel = new("Oordeel", "Het oordeel over een aansluiting.", Aansluitingberekening.Oordelen);
    public static readonly Codelijst Uitputtingsoordeel = new("Uitputtingsoordeel", "Realisatie tegen begroot: onderuitputting (lager), overuitputting (hoger) of gelijk.", UitputtingEndpoints.Oordelen);
    public static readonly Codelijst Aanwezig = new("Aanwezig", "In welke stand(en) een regel van /mutaties staat.", MutatiesEndpoints.Aanwezigheden);
    public static readonly Codelijst Verloopaanwezigheid = new("Verloopaanwezigheid", "Hoe een begrotingsjaar van /verloop aan zijn bedrag komt: gedrukt, verhuisd (via de was-wordt-tabel), geen-stand (een gat) of breuk.", VerloopEndpoints.Aanwezigheden);
    public static readonly Codelijst Suggestiesoort = new("Suggestiesoort", "Wat een suggestie van /zoeken is: begroting, organisatie, artikel of regel.", ZoekenEndpoints.Soorten);
    public static readonly Codelijst Meting = new("Meting", "Wat voor cijfer een organisatiecijfer is (data/README.md definieert elk).", Codes.Metingen);
    public static readonly Codelijst Herkomst = new("Herkomst", "Waar een organisatiecijfer vandaan komt: de tekst van het document of de tabel Bezetting FTE en budget.", Organisatiecijfers.Herkomsten);
    public static readonly Codelijst Organisatiesoort = new("Organisatiesoort", "Soort organisatie in het register.", Codes.OrganisatieSoorten);
    public static readonly Codelijst Bevindingsoort = new("Bevindingsoort", "Soort bevinding (zie docs/bevindingen.md).", Bevindingsoorten.Soorten);
    public static readonly Codelijst Ernst = new("Ernst", "Ernst van een bevinding: fout, tegenstrijdig of twijfel.", Bevindingsoorten.Ernsten);
    public static readonly Codelijst UitkomstPerStand = new("UitkomstPerStand", "Wat een import met één stand deed.", ImportEndpoints.Standuitkomsten);
    public static readonly Codelijst UitkomstVanImport = new("UitkomstVanImport", "Wat een import als geheel deed.", ImportEndpoints.Importuitkomsten);
    public static readonly Codelijst Standbestandsformaat = new("Standbestandsformaat", "Formaat van een standbestand (docs/standbestanden.md).",
        [.. Laden.Standbestanden.Standlezers.Alle.Select(l => l.Formaat)]);
    public static readonly Codelijst Bronformaat = new("Bronformaat", "Formaat van een bronbestand: het document (de tekst in data/bron, met zijn cijfers in data/*.csv) of een standbestand.",
        [Documentlezer.Formaat, .. Standbestandsformaat.Waarden]);

    public static readonly Codelijst Tabeleenheid = new("Tabeleenheid", "Wat de cellen van een kolom van een tabel zijn: tekst, code (een jaar of nummer), bedrag (€ × 1.000), mutatie (€ × 1.000, met teken), procent, procent-met-teken, getal (in de eenheid die de kop noemt), euro of getal-met-teken (een verschil in zijn eigen eenheid).", Tabeleenheden.Alle);

    /// <summary>Every set, in the order the components are listed.</summary>
    public static IReadOnlyList<Codelijst> Alle { get; } =
    [
        Csvdialect, Soort, SoortMetSaldo, Fase, Categorie, Groepering, Regelsoort, Deelniveau, Mutatieregelsoort, Aandeelniveau, Mutatieniveau, SoortDeel,
        Status, SoortAansluiting, Oordeel, Uitputtingsoordeel, Aanwezig, Verloopaanwezigheid, Suggestiesoort, Meting, Herkomst, Organisatiesoort, Bevindingsoort, Ernst,
        UitkomstPerStand, UitkomstVanImport, Standbestandsformaat, Bronformaat, Tabeleenheid,
    ];

    /// <summary>A word means one closed set wherever it stands, as a field of a row or as a query parameter ...</summary>
    private static readonly Dictionary<string, Codelijst> PerNaam = new(StringComparer.Ordinal)
    {
        ["soort"] = Soort,
        ["fase"] = Fase,
        ["begrootFase"] = Fase,
        ["categorie"] = Categorie,
        ["groepering"] = Groepering,
        ["regelsoort"] = Regelsoort,
        ["soortDeel"] = SoortDeel,
        ["status"] = Status,
        ["aansluiting"] = SoortAansluiting,
        ["soortAansluiting"] = SoortAansluiting,
        ["meting"] = Meting,
        ["herkomst"] = Herkomst,
        ["ernst"] = Ernst,
        ["aanwezig"] = Aanwezig,
        ["aanwezigheid"] = Verloopaanwezigheid,
    };

    /// <summary>
    /// ... except where the same word names another set in one schema (by its component name) or one operation (by its id); null
    /// where the field is not closed there. 'niveau', 'oordeel', 'uitkomst' and a stand file's 'formaat' mean something else in each place.
    /// </summary>
    private static readonly Dictionary<(string Waar, string Naam), Codelijst?> Elders = new()
    {
        [(nameof(TotaalRegel), "soort")] = SoortMetSaldo,
        [("GetTotalen", "soort")] = SoortMetSaldo,
        [(nameof(BevindingRegel), "soort")] = Bevindingsoort,
        [(nameof(BevindinggroepRegel), "soort")] = Bevindingsoort,
        [("GetBevindingen", "soort")] = Bevindingsoort,
        [("GetBevindingenGegroepeerd", "soort")] = Bevindingsoort,
        [(nameof(Telling), "soort")] = Bevindingsoort,
        [(nameof(OrganisatieRegel), "soort")] = Organisatiesoort,
        [(nameof(MutatieRegel), "regelsoort")] = Mutatieregelsoort,
        [(nameof(AandeelRegel), "niveau")] = Aandeelniveau,
        [("GetAandelen", "niveau")] = Aandeelniveau,
        [("GetMutaties", "niveau")] = Mutatieniveau,
        [(nameof(Waarvanregel), "niveau")] = Deelniveau,
        [(nameof(AansluitingRegel), "oordeel")] = Oordeel,
        [(nameof(UitputtingRegel), "oordeel")] = Uitputtingsoordeel,
        [(nameof(StandenreeksRegel), "oordeel")] = Uitputtingsoordeel,
        [(nameof(StandenreeksRegel), "regelsoort")] = Mutatieregelsoort,
        [("GetStandenreeks", "niveau")] = Mutatieniveau,
        [(nameof(Suggestie), "soort")] = Suggestiesoort,
        [(nameof(Standuitkomst), "uitkomst")] = UitkomstPerStand,
        [(nameof(Importuitkomst), "uitkomst")] = UitkomstVanImport,
        [(nameof(StandbronRegel), "formaat")] = Bronformaat,
        [(nameof(BronbestandRegel), "formaat")] = Bronformaat,
        // A problem's status is the HTTP status (an integer), not a reconciliation's.
        [(nameof(Microsoft.AspNetCore.Mvc.ProblemDetails), "status")] = null,
        [(nameof(Importuitkomst), "formaat")] = Standbestandsformaat,
        [(nameof(Tabelkolom), "eenheid")] = Tabeleenheid,
        // A table (/…/tabel) takes its resource's parameters, with the same sets.
        [("GetTotalenTabel", "soort")] = SoortMetSaldo,
        [("GetVerloopTabel", "soort")] = SoortMetSaldo,
        [("GetAandelenTabel", "niveau")] = Aandeelniveau,
        [("GetMutatiesTabel", "niveau")] = Mutatieniveau,
        [("GetStandenreeksTabel", "niveau")] = Mutatieniveau,
        [("GetBevindingenTabel", "soort")] = Bevindingsoort,
    };

    private static string Fasen => "(" + string.Join("|", Begrotingscodes.Fasen.Select(System.Text.RegularExpressions.Regex.Escape)) + ")";

    /// <summary>A hoofdstuk as the registry writes it (Hoofdstukcodes): a Roman numeral with at most an A or B, or one capital for a fund.</summary>
    private const string Hoofdstuk = "([IVXLCDM]+[AB]?|[A-Z])";

    public static readonly Codepatroon Standid = new("Standid",
        "Id van een stand: hoofdstuk-begrotingsjaar-fase (VI-2026-ontwerpbegroting), zoals /standen het geeft.", $"^{Hoofdstuk}-[0-9]{{4}}-{Fasen}$");
    public static readonly Codepatroon Standkeuze = new("Standkeuze",
        "Een stand van de begroting: een fase van het begrotingsjaar (jaarverslag), of begrotingsjaar-fase voor een stand van een ander begrotingsjaar (2014-jaarverslag).",
        $"^([0-9]{{4}}-)?{Fasen}$");
    public static readonly Codepatroon Fasecombinatie = new("Fasecombinatie",
        "De fase van een totaal: één fase, of bij een geconsolideerde groep de fasen van zijn standen met '+' (ontwerpbegroting+jaarverslag) waar ze verschillen.",
        $"^{Fasen}(\\+{Fasen})*$");
    public static readonly Codepatroon Begroting = new("Begroting",
        "Code van een begroting uit het register (data/hoofdstukken.csv: JenV, AenM, BZK, …) of haar hoofdstuk (VI, XX); hoofdletters doen er niet toe. " +
        "Welke begrotingen standen hebben geeft /begrotingen. Het register groeit met de gegevens, daarom een vorm en geen opsomming.",
        "^[A-Za-z][A-Za-z0-9]{0,19}$");

    /// <summary>Every pattern, in the order the components are listed.</summary>
    public static IReadOnlyList<Codepatroon> Patronen { get; } = [Standid, Standkeuze, Fasecombinatie, Begroting];

    /// <summary>Which field of a schema, or parameter of an operation (by its id; null: every operation), holds which pattern.</summary>
    private static readonly Dictionary<(string? Waar, string Naam), Codepatroon> PatroonPerNaam = new()
    {
        [(nameof(MutatieRegel), "van")] = Standid,
        [(nameof(MutatieRegel), "naar")] = Standid,
        [("GetStand", "id")] = Standid,
        [("GetMutaties", "van")] = Standkeuze,
        [("GetMutaties", "naar")] = Standkeuze,
        [("GetMutatiesTabel", "van")] = Standkeuze,
        [("GetMutatiesTabel", "naar")] = Standkeuze,
        [(nameof(TotaalRegel), "fase")] = Fasecombinatie,
        [(null, "begroting")] = Begroting,
    };

    /// <summary>The pattern of a field of a schema, or of a parameter of an operation; null when it has none.</summary>
    public static Codepatroon? PatroonVoor(string waar, string naam, bool parameter) =>
        PatroonPerNaam.TryGetValue((waar, naam), out var p) ? p : parameter ? PatroonPerNaam.GetValueOrDefault((null, naam)) : null;

    /// <summary>The set a field of a schema, or a query parameter of an operation, holds; null when its values are open.</summary>
    public static Codelijst? Voor(string waar, string naam) =>
        Elders.TryGetValue((waar, naam), out var lijst) ? lijst : PerNaam.GetValueOrDefault(naam);

    /// <summary>The places named in <see cref="Elders"/>: the document must have each, or the table is stale.</summary>
    public static IEnumerable<(string Waar, string Naam)> Uitzonderingen => Elders.Keys;

    /// <summary>
    /// ?sortering is a list of fields, each with '-' for descending, so it is not one value of a set: its pattern is made from the
    /// fields <see cref="Sortering"/> allows (fields are matched without regard to case; the pattern gives the canonical spelling).
    /// </summary>
    public static string Sorteerpatroon
    {
        get
        {
            var veld = $"-?({string.Join("|", Features.Sortering.Toegestaan)})";
            return $"^{veld}(,{veld})*$";
        }
    }
}
