using System.Reflection;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace BudgetApi.Http;

/// <summary>What the cells of a table's column are, and so how a screen shows them and Excel formats them (the code list Tabeleenheid).</summary>
public static class Tabeleenheden
{
    /// <summary>Text.</summary>
    public const string Tekst = "tekst";

    /// <summary>A number that names (a year, an artikel, a source line): no thousands separator.</summary>
    public const string Code = "code";

    /// <summary>An amount in € × 1.000, whole.</summary>
    public const string Bedrag = "bedrag";

    /// <summary>A difference in € × 1.000, whole; the screen shows its sign (+13.113).</summary>
    public const string Mutatie = "mutatie";

    /// <summary>A percentage in percent (47.56, two decimals); Excel holds the fraction with the format 0.00%.</summary>
    public const string Procent = "procent";

    /// <summary>A change in percent; the screen shows its sign (+1,29%); Excel as <see cref="Procent"/>.</summary>
    public const string ProcentMetTeken = "procent-met-teken";

    /// <summary>A number in its own unit (fte, € miljoen), which the heading names.</summary>
    public const string Getal = "getal";

    /// <summary>Whole euros.</summary>
    public const string Euro = "euro";

    public static readonly IReadOnlyList<string> Alle = [Tekst, Code, Bedrag, Mutatie, Procent, ProcentMetTeken, Getal, Euro];
}

/// <summary>Eén kolom van een tabel zoals het dashboard hem toont.</summary>
/// <param name="Sleutel">Vaste naam van de kolom (camelCase, een fase of een jaar), voor wie de tabel leest zonder de kop.</param>
/// <param name="Titel">De kop zoals het scherm, de CSV en Excel hem tonen (Nederlands).</param>
/// <param name="Eenheid">Wat de cellen zijn: tekst, code, bedrag, mutatie, procent, procent-met-teken, getal of euro.</param>
public sealed record Tabelkolom(string Sleutel, string Titel, string Eenheid);

/// <summary>Eén rij van een tabel: per kolom één cel.</summary>
/// <param name="Cellen">Per kolom, in de volgorde van kolommen: een getal (bedragen geheel, in € × 1.000; percentages in procent), een tekst, of leeg (null: de bron geeft niets, nooit 0). Een woord in een getalkolom ('niet in stand') zegt waarom er geen getal staat.</param>
/// <param name="Totaal">Of dit de totaalrij is (of de regel van het gekozen niveau boven zijn delen): die blijft onderaan bij het sorteren.</param>
/// <param name="Artikel">Waar de rij een begrotingsregel is: het artikelnummer, om erop in te zoomen (/standenreeks?artikel=…); anders leeg.</param>
/// <param name="Regel">Waar de rij een deel onder een artikel is: zijn pad met de eigen omschrijving, zoals /standenreeks?regel=… het vraagt; anders leeg.</param>
public sealed record Tabelrij(IReadOnlyList<object?> Cellen, bool Totaal = false, int? Artikel = null, string? Regel = null);

/// <summary>
/// Een tabel zoals het dashboard hem toont: de koppen, de rijen in de volgorde van het scherm, en de metadata van de gegevens
/// waar hij uit gemaakt is. Dezelfde tabel als CSV (/v1/csv/…/tabel) en Excel (/v1/xlsx/…/tabel): dezelfde kolommen en koppen,
/// dezelfde rijen in dezelfde volgorde.
/// </summary>
/// <param name="Titel">Het bijschrift van de tabel.</param>
/// <param name="Kolommen">De kolommen, in de volgorde van het scherm.</param>
/// <param name="Rijen">De rijen, in de volgorde waarin het scherm de tabel opent.</param>
/// <param name="Metadata">De metadata van het antwoord waar de tabel uit gemaakt is (bron, stand, eenheid, paginering).</param>
public sealed record Tabel(string Titel, IReadOnlyList<Tabelkolom> Kolommen, IReadOnlyList<Tabelrij> Rijen, Metadata Metadata)
{
    /// <summary>How CSV and Excel write each column: the Dutch heading, the cell's value and the one rule of how a unit shows in Excel.</summary>
    public IReadOnlyList<Kolom> Schrijfkolommen() => Kolommen.Select((k, i) => new Kolom(
        k.Titel,
        k.Eenheid switch
        {
            Tabeleenheden.Tekst => typeof(string),
            Tabeleenheden.Procent or Tabeleenheden.ProcentMetTeken => typeof(decimal),
            _ => typeof(long),
        },
        rij => ((Tabelrij)rij).Cellen[i],
        Soort: k.Eenheid switch
        {
            Tabeleenheden.Tekst => Celsoort.Tekst,
            Tabeleenheden.Code => Celsoort.Code,
            Tabeleenheden.Procent or Tabeleenheden.ProcentMetTeken => Celsoort.Procent,
            _ => Celsoort.Getal,
        })).ToList();
}

/// <summary>
/// A table as the dashboard shows it (<see cref="Tabel"/>), answered as JSON, CSV or Excel by the same choice as every collection
/// (<see cref="Formaat"/>, the format paths, the CSV dialect), written by the one CSV writer and the one Excel writer: the file is the
/// table on the screen by construction, because the screen draws its table from this JSON.
/// </summary>
public sealed class TabelResultaat(Tabel tabel, string bestandsnaam) : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult, IValueHttpResult
{
    public Tabel Tabel { get; } = tabel;

    int? IStatusCodeHttpResult.StatusCode => StatusCodes.Status200OK;

    object? IValueHttpResult.Value => Tabel;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var uitvoer = Formaat.Kies(httpContext.Request);
        var opties = httpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var naam = Bestandsnamen.Voor(bestandsnaam, httpContext.Request.Query, Tabel.Metadata);
        if (uitvoer == Uitvoer.Csv)
        {
            httpContext.Response.ContentType = "text/csv; charset=utf-8";
            httpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"{naam}.csv\"";
            var tekst = Csv.Schrijf(Tabel.Schrijfkolommen(), Tabel.Rijen, Csvdialecten.Kies(httpContext.Request));
            await httpContext.Response.Body.WriteAsync(Encoding.UTF8.GetPreamble());
            await httpContext.Response.WriteAsync(tekst, Encoding.UTF8);
            return;
        }
        if (uitvoer == Uitvoer.Xlsx)
        {
            httpContext.Response.ContentType = Xlsx.MediaType;
            httpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"{naam}.xlsx\"";
            // The Toelichting names the table by its caption, beside the metadata of the figures.
            var metadata = JsonSerializer.SerializeToNode(Tabel.Metadata, opties)!.AsObject();
            metadata.Insert(0, "titel", Tabel.Titel);
            var werkmap = Xlsx.Schrijf(Tabel.Schrijfkolommen(), Tabel.Rijen, Toelichting.Voor(httpContext, metadata));
            await httpContext.Response.Body.WriteAsync(werkmap);
            return;
        }
        await httpContext.Response.WriteAsJsonAsync(Tabel, opties);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(Tabel), ["application/json", "text/csv", Xlsx.MediaType]));
        builder.Metadata.Add(new CsvMogelijk());
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status400BadRequest, typeof(ProblemDetails), ["application/problem+json"]));
    }
}
