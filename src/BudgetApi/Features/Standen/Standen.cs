using System.ComponentModel;
using BudgetApi.Domein;
using BudgetApi.Http;
using BudgetApi.Opslag;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BudgetApi.Features.Standen;

/// <summary>Een bronbestand waar de cijfers van een stand uit komen.</summary>
/// <param name="Naam">Naam van het bronbestand: het introductiedossier, of het standbestand in de datamap of de importmap.</param>
/// <param name="Formaat">document, begrotingsstaten, budgettaire-tabellen of standen-csv (het eigen formaat, zie docs/standbestanden.md).</param>
/// <param name="Sha256">SHA-256 van het bestand: voor het document van zijn tekst (data/bron/introductiedossier-jenv-2026.txt, het bestand waarin bronRegel telt). De regels staan in /bronnen/{naam}/regels.</param>
/// <param name="GeimporteerdOp">Wanneer het bestand is geïmporteerd; leeg voor een meegeleverd of geplaatst bestand.</param>
/// <param name="GeimporteerdDoor">Wie het bestand heeft geïmporteerd (uit het token); leeg voor een meegeleverd of geplaatst bestand.</param>
/// <param name="Lezing">Hoe het bestand is gelezen: de herkende indeling, de tekstcodering, elke kolom en haar betekenis, de niet gelezen kolommen en het aantal bevindingen; leeg voor het document.</param>
public sealed record StandbronRegel(string Naam, string Formaat, string Sha256, DateTimeOffset? GeimporteerdOp, string? GeimporteerdDoor, Bronlezing? Lezing);

/// <summary>Eén stand: één versie van een begroting voor één begrotingsjaar in één fase van de cyclus.</summary>
/// <param name="Id">Id van de stand: hoofdstuk-begrotingsjaar-fase, bijvoorbeeld VI-2016-ontwerpbegroting.</param>
/// <param name="Begroting">Code van de begroting (JenV).</param>
/// <param name="Hoofdstuk">Hoofdstuk van de Rijksbegroting (VI).</param>
/// <param name="Naam">Huidige naam van de begroting.</param>
/// <param name="NaamZoalsGepubliceerd">Naam van de begroting zoals de bron van deze stand hem noemt (Veiligheid en Justitie in 2016).</param>
/// <param name="Begrotingsjaar">Het begrotingsjaar.</param>
/// <param name="Fase">ontwerpbegroting, vastgestelde-begroting, incidentele-suppletoire-1 … incidentele-suppletoire-12, 1e-suppletoire, september-suppletoire, 2e-suppletoire, jaarverslag of slotwet.</param>
/// <param name="Label">De stand in woorden: "ontwerpbegroting 2016".</param>
/// <param name="VanJaar">Eerste jaar met bedragen.</param>
/// <param name="TotJaar">Laatste jaar met bedragen.</param>
/// <param name="AantalRegels">Aantal begrotingsregels (artikelregels en hun delen).</param>
/// <param name="Bronnen">De bronbestanden van de stand (een stand kan uit meer bronnen komen).</param>
/// <param name="Etag">De versie van de inhoud van de stand: een import die de stand vervangt noemt hem in If-Match.</param>
public sealed record StandRegel(
    string Id, string Begroting, string Hoofdstuk, string Naam, string? NaamZoalsGepubliceerd, int Begrotingsjaar, string Fase, string Label,
    int? VanJaar, int? TotJaar, int AantalRegels, IReadOnlyList<StandbronRegel> Bronnen, string Etag);

/// <summary>
/// The CSV form: one row per stand and source file, with the source's lezing in flat columns (issue 14 §7): the layout, the
/// encoding, the columns read and the columns ignored each as one text ("1 'Begrotingsjaar' = begrotingsjaar; 2 'Begr.' = hoofdstuk
/// (naar de inhoud)"), and the number of findings. Empty for the document, which is not read by columns.
/// </summary>
public sealed record StandbronPlat(
    string Id, string Begroting, string Hoofdstuk, int Begrotingsjaar, string Fase, int? VanJaar, int? TotJaar, int AantalRegels, string Etag,
    string Bron, string Formaat, string Sha256, DateTimeOffset? GeimporteerdOp, string? GeimporteerdDoor,
    string? Indeling, string? Codering, string? Kolommen, string? Genegeerd, int? Bevindingen);

public sealed record StandenQuery
{
    [Description("Alleen de standen van deze begroting (code of hoofdstuk). Bijvoorbeeld: JenV")]
    public string? Begroting { get; init; }

    [Description("Alleen de standen van dit begrotingsjaar. Bijvoorbeeld: 2026")]
    public int? Begrotingsjaar { get; init; }

    [Description("Alleen de standen in deze fase: ontwerpbegroting, vastgestelde-begroting, incidentele-suppletoire-1 … incidentele-suppletoire-12, 1e-suppletoire, september-suppletoire, 2e-suppletoire, jaarverslag of slotwet. Bijvoorbeeld: ontwerpbegroting")]
    public string? Fase { get; init; }
}

public sealed class StandenQueryValidator : AbstractValidator<StandenQuery>
{
    public StandenQueryValidator(Catalogus catalogus)
    {
        RuleFor(q => q.Begroting).BestaandeBegroting(catalogus);
        RuleFor(q => q.Fase).BekendeWaarde("fase", Begrotingscodes.Fasen);
        RuleFor(q => q.Begrotingsjaar)
            .Must(j => j is null || catalogus.Standen.Any(s => s.Begrotingsjaar == j))
            .WithMessage((_, j) => $"Geen stand heeft begrotingsjaar {j}; beschikbaar: {string.Join(", ", catalogus.Standen.Select(s => s.Begrotingsjaar).Distinct().Order())}.");
    }
}

public static class StandenEndpoints
{
    public static RouteGroupBuilder MapStanden(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/standen").WithTags("Standen");
        group.MapGet("", GetStanden)
            .WithName("GetStanden")
            .WithSummary("Alle standen in de data")
            .WithDescription("Elke stand (een versie van een begroting voor één begrotingsjaar in één fase van de cyclus): begroting en hoofdstuk, " +
                             "begrotingsjaar, fase, de jaren met bedragen, het aantal regels, de bronbestanden met hun sha256 en wie ze wanneer importeerde, " +
                             "en de etag die een vervangende import in If-Match noemt. Filter op begroting, begrotingsjaar en fase. In CSV één regel per stand en bronbestand.")
            .MetValidatie<StandenQuery>();
        group.MapGet("/{id}", GetStand)
            .WithName("GetStand")
            .WithSummary("Eén stand")
            .WithDescription("De stand met dit id (hoofdstuk-begrotingsjaar-fase, zoals VI-2016-ontwerpbegroting; de code mag ook: JenV-2026-ontwerpbegroting).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    static LijstResultaat<StandRegel> GetStanden([AsParameters] StandenQuery query, Catalogus catalogus)
    {
        var begroting = catalogus.ZoekBegroting(query.Begroting);
        var fase = Queryregels.Canoniek(query.Fase, Begrotingscodes.Fasen);
        var standen = catalogus.Standen
            .Where(s => begroting is null || s.Begroting == begroting)
            .Where(s => query.Begrotingsjaar is null || s.Begrotingsjaar == query.Begrotingsjaar)
            .Where(s => fase is null || s.Fase == fase)
            .ToList();
        return Antwoord(standen, "standen");
    }

    static Results<LijstResultaat<StandRegel>, ProblemHttpResult> GetStand(
        [Description("Id van de stand: hoofdstuk-begrotingsjaar-fase (of code-begrotingsjaar-fase). Bijvoorbeeld: VI-2026-ontwerpbegroting")] string id,
        Catalogus catalogus)
    {
        if (Zoek(catalogus, id) is not { } stand)
        {
            return Problemen.NietGevonden("stand", $"Er is geen stand '{id}'; een id is hoofdstuk-begrotingsjaar-fase, zoals VI-2026-ontwerpbegroting. De standen staan in /standen.");
        }
        return Antwoord([stand], $"stand-{stand.Sleutel.Id}");
    }

    /// <summary>A stand by its id; the begroting's code may stand for its hoofdstuk (JenV-2026-ontwerpbegroting).</summary>
    internal static Stand? Zoek(Catalogus catalogus, string id)
    {
        if (catalogus.ZoekStand(id) is { } stand) return stand;
        var delen = id.Split('-', 3);
        if (delen.Length == 3 && catalogus.ZoekBegroting(delen[0]) is { } begroting && int.TryParse(delen[1], out var jaar))
        {
            return catalogus.ZoekStand(begroting, jaar, Queryregels.Canoniek(delen[2], Begrotingscodes.Fasen) ?? delen[2]);
        }
        return null;
    }

    private static LijstResultaat<StandRegel> Antwoord(IReadOnlyList<Stand> standen, string bestandsnaam)
    {
        var rijen = Rijen(standen);
        var metadata = new Metadata { Bron = StandVerwijzing.Bronnaam(standen), Aantal = rijen.Count };
        return new LijstResultaat<StandRegel>(new Lijst<StandRegel>(rijen, metadata), bestandsnaam, Plat);
    }

    /// <summary>The standen as /standen answers them, and the OData feed's Standen.</summary>
    internal static List<StandRegel> Rijen(IEnumerable<Stand> standen) => standen.Select(s => new StandRegel(s.Sleutel.Id, s.Begroting.Code,
        s.Begroting.Hoofdstuk, s.Begroting.Naam, s.NaamZoalsGepubliceerd, s.Begrotingsjaar, s.Fase, s.Label, s.VanJaar, s.TotJaar, s.AantalRegels,
        s.Bronnen.Select(b => new StandbronRegel(b.Naam, b.Formaat, b.Sha256, b.GeimporteerdOp, b.GeimporteerdDoor, b.Lezing)).ToList(), s.Etag)).ToList();

    private static IEnumerable<object> Plat(StandRegel s) => s.Bronnen.Select(b => new StandbronPlat(
        s.Id, s.Begroting, s.Hoofdstuk, s.Begrotingsjaar, s.Fase, s.VanJaar, s.TotJaar, s.AantalRegels, s.Etag, b.Naam, b.Formaat, b.Sha256, b.GeimporteerdOp, b.GeimporteerdDoor,
        b.Lezing?.Indeling, b.Lezing?.Codering, b.Lezing is { } l ? Kolomtekst(l.Kolommen) : null, b.Lezing is { } g ? Kolomtekst(g.Genegeerd) : null, b.Lezing?.Bevindingen));

    /// <summary>Columns as one cell an analyst reads: "1 'Begrotingsjaar' = begrotingsjaar; 7 'Toelichting' = onbekend".</summary>
    private static string Kolomtekst(IEnumerable<Kolombeschrijving> kolommen) =>
        string.Join("; ", kolommen.Select(k => $"{k.Kolom} '{k.Kop}' = {k.Betekenis}"));
}
