using System.ComponentModel;
using System.Globalization;
using BudgetApi.Http;
using BudgetApi.Laden;
using BudgetApi.Opslag;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace BudgetApi.Features;

/// <summary>Een bronbestand van de geserveerde gegevens: het document of een standbestand, met wat een lezer nodig heeft om er een regel van na te gaan.</summary>
/// <param name="Naam">Naam van het bestand, zoals bronBestand en /standen het noemen; in /bronnen/{naam}/regels staan zijn regels.</param>
/// <param name="Formaat">document (de tekst van het introductiedossier), begrotingsstaten, budgettaire-tabellen of standen-csv (zie docs/standbestanden.md).</param>
/// <param name="Sha256">SHA-256 van de bytes van het bestand zoals deze versie van de gegevens het laadde: de bytes waarvan /bronnen/{naam}/regels de regels geeft.</param>
/// <param name="AantalRegels">Aantal regels van het bestand (een regel eindigt op CRLF, LF of CR); leeg als het bestand op schijf die bytes niet meer heeft en ze nog niet geteld waren (een herlaadbeurt is onderweg).</param>
/// <param name="Standen">Id's van de standen waar het bestand cijfers aan geeft (zie /standen/{id}; in CSV gescheiden door ';').</param>
/// <param name="GeimporteerdOp">Wanneer het bestand is geïmporteerd; leeg voor een meegeleverd of geplaatst bestand.</param>
/// <param name="GeimporteerdDoor">Wie het bestand heeft geïmporteerd (uit het token); leeg voor een meegeleverd of geplaatst bestand.</param>
public sealed record BronbestandRegel(
    string Naam, string Formaat, string Sha256, int? AantalRegels, IReadOnlyList<string> Standen, DateTimeOffset? GeimporteerdOp, string? GeimporteerdDoor);

/// <summary>Eén regel van een bronbestand.</summary>
/// <param name="Regel">Het nummer van de regel in het bestand, vanaf 1: het nummer dat bronRegel en bronRegels noemen.</param>
/// <param name="Tekst">De regel precies zoals hij in het bestand staat (spaties en tabs inbegrepen), zonder het regeleinde; een regel van een CSV-bestand als ruwe tekst.</param>
public sealed record BronregelRegel(int Regel, string Tekst);

public sealed record BronQuery
{
    [FromRoute]
    [Description("Naam van het bronbestand, zoals /bronnen, bronBestand en /standen het noemen. Bijvoorbeeld: introductiedossier-jenv-2026.txt")]
    public string Naam { get; init; } = "";
}

public sealed record BronregelsQuery
{
    [FromRoute]
    [Description("Naam van het bronbestand, zoals /bronnen, bronBestand en /standen het noemen. Bijvoorbeeld: introductiedossier-jenv-2026.txt")]
    public string Naam { get; init; } = "";

    [Description("Eerste regel, vanaf 1, binnen het bestand (/bronnen noemt aantalRegels). Standaard: 1. Bijvoorbeeld: 531")]
    public int? Van { get; init; }

    [Description("Laatste regel, tot en met; niet voor van, en ten hoogste 1000 regels per verzoek. Voorbij het einde van het bestand stopt het bij de laatste regel. Standaard: van + 99. Bijvoorbeeld: 535")]
    public int? Tot { get; init; }
}

public sealed class BronregelsQueryValidator : AbstractValidator<BronregelsQuery>
{
    public BronregelsQueryValidator(Bronteksten bronteksten)
    {
        RuleFor(q => q.Van)
            .Must(v => v is null or >= 1)
            .WithMessage((_, v) => $"Regel {v} bestaat niet: van telt vanaf 1.");
        // Against the file's own length, where the name is known (else a 404) and its bytes are still this version's (else a 503).
        RuleFor(q => q).Custom((q, context) =>
        {
            if (q.Van is < 1) return;
            var van = q.Van ?? 1;
            var bestand = bronteksten.Zoek(q.Naam);
            var aantal = bestand is null ? null : bronteksten.AantalRegels(bestand);
            var lengte = bestand is not null && aantal is not null ? $"{bestand.Naam} heeft {aantal} regels" : null;
            if (lengte is not null && van > aantal)
            {
                context.AddFailure("van", $"Regel {van} ligt voorbij het einde: {lengte}; van kan 1 tot en met {aantal} zijn.");
                return;
            }
            if (q.Tot is not { } tot) return;
            if (tot < van)
            {
                context.AddFailure("tot", $"tot {tot} ligt voor van {van}" + (lengte is null ? "." : $"; {lengte}."));
            }
            else if ((long)tot - van + 1 > BronnenEndpoints.GrootsteBereik)
            {
                context.AddFailure("tot", $"Van {van} tot en met {tot} zijn {(long)tot - van + 1} regels; het maximum is {BronnenEndpoints.GrootsteBereik} per verzoek: " +
                                          $"tot kan ten hoogste {van + BronnenEndpoints.GrootsteBereik - 1} zijn" + (lengte is null ? "." : $" ({lengte})."));
            }
        });
    }
}

public static class BronnenEndpoints
{
    /// <summary>The most lines one request gives, as a page of /bedragen holds at most 1000 rows.</summary>
    public const int GrootsteBereik = 1000;

    /// <summary>The lines a request without 'tot' gives: van and the 99 after it.</summary>
    public const int StandaardBereik = 100;

    public static RouteGroupBuilder MapBronnen(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/bronnen").WithTags("Bronnen");
        group.MapGet("", GetBronnen)
            .WithName("GetBronnen")
            .WithSummary("De bronbestanden van de gegevens")
            .WithDescription("Elk bestand waar een cijfer van deze versie van de gegevens uit komt: de tekst van het introductiedossier (data/bron) en elk " +
                             "standbestand (de open data in data/standen en elke import), met formaat, sha256 van zijn bytes, aantal regels, de standen " +
                             "die het voedt en wie het wanneer importeerde. Elk cijfer noemt zijn bestand en regel (bronBestand, bronRegel); " +
                             "/bronnen/{naam}/regels geeft die regels. In CSV één regel per bestand, de standen gescheiden door ';'.");
        group.MapGet("/{naam}", GetBron)
            .WithName("GetBron")
            .WithSummary("Eén bronbestand")
            .WithDescription("Het bronbestand met deze naam, zoals /bronnen het geeft.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{naam}/regels", GetBronregels)
            .WithName("GetBronregels")
            .WithSummary("Regels van een bronbestand, precies zoals ze er staan")
            .WithDescription("De regels van tot en met tot (vanaf 1) van het bronbestand, elk met zijn nummer en zijn tekst precies zoals in het bestand " +
                             "(zonder het regeleinde), uit de bytes die deze versie van de gegevens laadde: metadata noemt het bestand, zijn sha256 en " +
                             "aantal regels. Zo is elk bronRegel na te slaan: de gedrukte TOTAAL van B. Ontvangsten JenV (18.596.347) staat op regel 533 " +
                             "van introductiedossier-jenv-2026.txt. Standaard 100 regels, ten hoogste 1000 per verzoek. 503 als het bestand op schijf niet " +
                             "meer de bytes van deze versie heeft (een herlaadbeurt is onderweg).")
            .MetValidatie<BronregelsQuery>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return group;
    }

    static LijstResultaat<BronbestandRegel> GetBronnen(Bronteksten bronteksten) => Antwoord(bronteksten, bronteksten.Bestanden, "bronnen");

    static Results<LijstResultaat<BronbestandRegel>, ProblemHttpResult> GetBron([AsParameters] BronQuery query, Bronteksten bronteksten) =>
        bronteksten.Zoek(query.Naam) is { } bestand ? Antwoord(bronteksten, [bestand], $"bron-{Bestandsnaam(bestand)}") : Onbekend(query.Naam, bronteksten);

    static Results<LijstResultaat<BronregelRegel>, ProblemHttpResult> GetBronregels(
        [AsParameters] BronregelsQuery query, Bronteksten bronteksten, IGegevensversie versie, HttpContext http)
    {
        if (bronteksten.Zoek(query.Naam) is not { } bestand) return Onbekend(query.Naam, bronteksten);
        var van = query.Van ?? 1;
        var tot = query.Tot ?? van + StandaardBereik - 1;
        var gelezen = bronteksten.Lees(bestand, van, tot);
        if (gelezen.Afwijking is { } afwijking)
        {
            // Lines of other bytes would cite figures this version does not serve: nothing rather than something else.
            http.Response.Headers.RetryAfter = "5";
            return TypedResults.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Type = "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.4",
                Title = "Het bronbestand is niet beschikbaar",
                Detail = $"{char.ToUpperInvariant(afwijking[0])}{afwijking[1..]}: een nieuwe versie van de gegevens wordt geladen, of het laden mislukte " +
                         $"(/health/ready noemt waarom). Versie {versie.Versie} geeft geen regels van andere bytes dan die zij laadde; probeer het zo opnieuw.",
            });
        }
        var rijen = gelezen.Regels.Select(r => new BronregelRegel(r.Regel, r.Tekst)).ToList();
        var metadata = new Metadata
        {
            Bron = Titel(bestand),
            Bestand = bestand.Naam,
            Sha256 = bestand.Sha256,
            AantalRegels = gelezen.AantalRegels,
            Aantal = rijen.Count,
        };
        var bereik = rijen.Count == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $"-{rijen[0].Regel}-{rijen[^1].Regel}");
        return new LijstResultaat<BronregelRegel>(new Lijst<BronregelRegel>(rijen, metadata), $"regels-{Bestandsnaam(bestand)}{bereik}");
    }

    private static ProblemHttpResult Onbekend(string naam, Bronteksten bronteksten) => Problemen.NietGevonden("naam",
        $"Er is geen bronbestand '{naam}' in deze versie van de gegevens; er zijn: {string.Join(", ", bronteksten.Bestanden.Select(b => b.Naam))} (zie /bronnen).");

    private static LijstResultaat<BronbestandRegel> Antwoord(Bronteksten bronteksten, IReadOnlyList<Brontekst> bestanden, string bestandsnaam)
    {
        var rijen = bestanden.Select(b => new BronbestandRegel(b.Naam, b.Formaat, b.Sha256, bronteksten.AantalRegels(b), b.Standen, b.GeimporteerdOp, b.GeimporteerdDoor)).ToList();
        var metadata = new Metadata { Bron = string.Join("; ", bestanden.Select(Titel)), Aantal = rijen.Count };
        return new LijstResultaat<BronbestandRegel>(new Lijst<BronbestandRegel>(rijen, metadata), bestandsnaam);
    }

    /// <summary>metadata.bron: the document by its full title, a stand file by its name.</summary>
    private static string Titel(Brontekst bestand) => bestand.Formaat == Documentlezer.Formaat ? BudgetApi.Bronnen.Document : bestand.Naam;

    /// <summary>The file's name without its extension, for the name of a download (regels-introductiedossier-jenv-2026-531-535.csv).</summary>
    private static string Bestandsnaam(Brontekst bestand) =>
        string.Concat(Path.GetFileNameWithoutExtension(bestand.Naam).Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-'));
}
