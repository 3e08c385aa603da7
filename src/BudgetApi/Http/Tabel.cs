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

    /// <summary>A difference in its own unit (fte, € miljoen), with the decimals it has; the screen shows its sign (+16.752.821, -0,5).</summary>
    public const string GetalMetTeken = "getal-met-teken";

    public static readonly IReadOnlyList<string> Alle = [Tekst, Code, Bedrag, Mutatie, Procent, ProcentMetTeken, Getal, Euro, GetalMetTeken];
}

/// <summary>Eén kolom van een tabel zoals het dashboard hem toont.</summary>
/// <param name="Sleutel">Vaste naam van de kolom (camelCase, een fase of een jaar), voor wie de tabel leest zonder de kop.</param>
/// <param name="Titel">De kop zoals het scherm, de CSV en Excel hem tonen (Nederlands).</param>
/// <param name="Eenheid">Wat de cellen zijn: tekst, code, bedrag, mutatie, procent, procent-met-teken, getal, euro of getal-met-teken.</param>
public sealed record Tabelkolom(string Sleutel, string Titel, string Eenheid);

/// <summary>Eén rij van een tabel: per kolom één cel.</summary>
/// <param name="Cellen">Per kolom, in de volgorde van kolommen: een getal (bedragen geheel, in € × 1.000; percentages in procent), een tekst, of leeg (null: de bron geeft niets, nooit 0). Een woord in een getalkolom ('niet in stand') zegt waarom er geen getal staat.</param>
/// <param name="Totaal">Of dit de totaalrij is (of de regel van het gekozen niveau boven zijn delen): die blijft onderaan bij het sorteren.</param>
/// <param name="Artikel">Waar de rij een begrotingsregel is: het artikelnummer, om erop in te zoomen (/standenreeks?artikel=…); anders leeg.</param>
/// <param name="Regel">Waar de rij een deel onder een artikel is: zijn pad met de eigen omschrijving, zoals /standenreeks?regel=… het vraagt; anders leeg.</param>
/// <param name="Links">Waar een cel naar iets verwijst (een bronregel): per link de kolom, waar in de tekst van de cel de link staat en het adres. Het scherm maakt van dat stuk een link; CSV en Excel houden alleen de tekst. Leeg (weggelaten) zonder links.</param>
public sealed record Tabelrij(IReadOnlyList<object?> Cellen, bool Totaal = false, int? Artikel = null, string? Regel = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<Tabellink>? Links = null);

/// <summary>Een link in een cel van een tabel: een stuk van de tekst van de cel dat naar iets verwijst.</summary>
/// <param name="Kolom">De sleutel van de kolom van de cel.</param>
/// <param name="Begin">Waar het stuk in de tekst van de cel begint (in UTF-16-tekens, zoals JavaScript en .NET een tekst tellen).</param>
/// <param name="Tekst">Het stuk tekst van de cel dat de link is ("regel 533"): de tekens vanaf begin.</param>
/// <param name="Adres">Waar de link heen gaat (een API-verzoek, /v1/bronnen/…/regels?van=…&amp;tot=…).</param>
/// <param name="Naam">Wat de link opent, voluit, voor wie hem niet ziet ("regel 533 van introductiedossier-jenv-2026.txt").</param>
public sealed record Tabellink(string Kolom, int Begin, string Tekst, string Adres, string Naam);

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
            Tabeleenheden.Procent or Tabeleenheden.ProcentMetTeken or Tabeleenheden.Getal or Tabeleenheden.GetalMetTeken => typeof(decimal),
            _ => typeof(long),
        },
        rij => ((Tabelrij)rij).Cellen[i],
        Soort: k.Eenheid switch
        {
            Tabeleenheden.Tekst => Celsoort.Tekst,
            Tabeleenheden.Code => Celsoort.Code,
            Tabeleenheden.Procent or Tabeleenheden.ProcentMetTeken => Celsoort.Procent,
            // A figure in its own unit may carry decimals (10,8 fte, € 1.565,01 miljoen): a decimal comma in the excel-nl CSV,
            // its own places in Excel; whole, it is written as any whole number.
            Tabeleenheden.Getal or Tabeleenheden.GetalMetTeken => Celsoort.Decimaal,
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
        // sorteer names a column of this table, known only once the table is made: checked here, a 400 naming it otherwise.
        var sorteer = httpContext.Request.Query[Tabelsortering.Parameter].ToString();
        if (sorteer.Length > 0 && Tabelsortering.Fout(Tabel.Kolommen, sorteer) is { } fout)
        {
            await Problemen.OngeldigeParameter(Tabelsortering.Parameter, fout).ExecuteAsync(httpContext);
            return;
        }
        var tabel = sorteer.Length > 0 ? Tabel with { Rijen = Tabelsortering.Sorteer(Tabel.Kolommen, Tabel.Rijen, sorteer) } : Tabel;
        await Schrijf(httpContext, tabel);
    }

    private async Task Schrijf(HttpContext httpContext, Tabel tabel)
    {
        var uitvoer = Formaat.Kies(httpContext.Request);
        var opties = httpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var naam = Bestandsnamen.Voor(bestandsnaam, httpContext.Request.Query, tabel.Metadata);
        if (uitvoer == Uitvoer.Csv)
        {
            httpContext.Response.ContentType = "text/csv; charset=utf-8";
            httpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"{naam}.csv\"";
            var tekst = Csv.Schrijf(tabel.Schrijfkolommen(), tabel.Rijen, Csvdialecten.Kies(httpContext.Request));
            await httpContext.Response.Body.WriteAsync(Encoding.UTF8.GetPreamble());
            await httpContext.Response.WriteAsync(tekst, Encoding.UTF8);
            return;
        }
        if (uitvoer == Uitvoer.Xlsx)
        {
            httpContext.Response.ContentType = Xlsx.MediaType;
            httpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"{naam}.xlsx\"";
            // The Toelichting names the table by its caption, beside the metadata of the figures.
            var metadata = JsonSerializer.SerializeToNode(tabel.Metadata, opties)!.AsObject();
            metadata.Insert(0, "titel", tabel.Titel);
            var werkmap = Xlsx.Schrijf(tabel.Schrijfkolommen(), tabel.Rijen, Toelichting.Voor(httpContext, metadata));
            await httpContext.Response.Body.WriteAsync(werkmap);
            return;
        }
        await httpContext.Response.WriteAsJsonAsync(tabel, opties);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(Tabel), ["application/json", "text/csv", Xlsx.MediaType]));
        builder.Metadata.Add(new CsvMogelijk());
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status400BadRequest, typeof(ProblemDetails), ["application/problem+json"]));
    }
}


/// <summary>
/// The order a reader picks by clicking a heading (js/tabel.js), as a parameter of every /tabel operation, so that the download
/// carries it: sorteer=&lt;sleutel&gt; ascending, sorteer=-&lt;sleutel&gt; descending. The comparison is the screen's: a total row stays
/// below its parts; an empty cell (and a word in a number column, "niet in stand") last in either direction; numbers as numbers;
/// text in Dutch order (case and accents ignored, digits as numbers: "artikel 9" before "artikel 31"); equal cells keep the
/// table's own order.
/// </summary>
public static class Tabelsortering
{
    public const string Parameter = "sorteer";

    public const string Uitleg = "Sorteer de rijen op deze kolom (de sleutel uit kolommen): sorteer=aandeelVanGeheel oplopend, sorteer=-aandeelVanGeheel aflopend. " +
                                 "Zoals het dashboard sorteert bij een klik op een kop: een totaalrij blijft onderaan, een lege cel (of een woord in een getalkolom) " +
                                 "komt onderaan in beide richtingen, getallen als getal, tekst in Nederlandse volgorde (hoofdletters en accenten tellen niet, " +
                                 "cijfers als getal); gelijke cellen houden de volgorde van de tabel. Bij een tabel met pagina's: eerst sorteren, dan de pagina. " +
                                 "Zonder: de volgorde waarin de tabel opent. Een onbekende sleutel is een 400 die sorteer noemt.";

    /// <summary>Why <paramref name="sorteer"/> names no column of the table; null when it does.</summary>
    public static string? Fout(IReadOnlyList<Tabelkolom> kolommen, string sorteer)
    {
        var sleutel = sorteer.StartsWith('-') ? sorteer[1..] : sorteer;
        return kolommen.Any(k => k.Sleutel == sleutel) ? null
            : $"Onbekende kolom '{sleutel}' voor sorteer; toegestaan: {string.Join(", ", kolommen.Select(k => k.Sleutel))} (met '-' ervoor: aflopend).";
    }

    /// <summary>The rows in the order <paramref name="sorteer"/> asks; as they are when it is empty or names no column.</summary>
    public static IReadOnlyList<Tabelrij> Sorteer(IReadOnlyList<Tabelkolom> kolommen, IReadOnlyList<Tabelrij> rijen, string? sorteer)
    {
        if (string.IsNullOrEmpty(sorteer) || Fout(kolommen, sorteer) is not null) return rijen;
        var aflopend = sorteer.StartsWith('-');
        var sleutel = aflopend ? sorteer[1..] : sorteer;
        var kolom = kolommen.Select((k, i) => (k, i)).First(p => p.k.Sleutel == sleutel);
        var tekst = kolom.k.Eenheid == Tabeleenheden.Tekst;
        var teken = aflopend ? -1 : 1;
        var genummerd = rijen.Select((rij, volgorde) => (rij, volgorde, waarde: Waarde(rij.Cellen[kolom.i], tekst))).ToList();
        genummerd.Sort((a, b) =>
        {
            if (a.rij.Totaal != b.rij.Totaal) return a.rij.Totaal ? 1 : -1;
            if (a.waarde is null || b.waarde is null)
                return a.waarde is null && b.waarde is null ? a.volgorde.CompareTo(b.volgorde) : a.waarde is null ? 1 : -1;
            var verschil = a.waarde is decimal x && b.waarde is decimal y ? x.CompareTo(y) : Nederlands.Compare((string)a.waarde, (string)b.waarde);
            return verschil == 0 ? a.volgorde.CompareTo(b.volgorde) : teken * verschil;
        });
        return genummerd.Select(p => p.rij).ToList();
    }

    /// <summary>What a cell sorts by: a number column by its number (a word or a blank: null), a text column by its text (blank: null).</summary>
    private static object? Waarde(object? cel, bool tekst)
    {
        if (!tekst)
        {
            return cel switch
            {
                long l => (decimal)l, int i => (decimal)i, decimal d => d, double d => (decimal)d, _ => null,
            };
        }
        var schoon = cel is null ? "" : string.Join(' ', Convert.ToString(cel, System.Globalization.CultureInfo.InvariantCulture)!.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return schoon.Length == 0 ? null : schoon;
    }

    /// <summary>
    /// Dutch order as the screen's Intl.Collator('nl', { numeric: true, sensitivity: 'base' }) gives it, without ICU (the service
    /// runs with invariant globalization): case and accents folded away (Zoekterm.Vouw), a run of digits compared as a number,
    /// and spaces before punctuation before digits before letters, as the Unicode collation orders them.
    /// </summary>
    public static readonly IComparer<string> Nederlands = Comparer<string>.Create(static (a, b) =>
    {
        var (x, y) = (Domein.Zoekterm.Vouw(a), Domein.Zoekterm.Vouw(b));
        int i = 0, j = 0;
        while (i < x.Length && j < y.Length)
        {
            if (char.IsAsciiDigit(x[i]) && char.IsAsciiDigit(y[j]))
            {
                var (bi, bj) = (i, j);
                while (i < x.Length && char.IsAsciiDigit(x[i])) i++;
                while (j < y.Length && char.IsAsciiDigit(y[j])) j++;
                var (gx, gy) = (x[bi..i].TrimStart('0'), y[bj..j].TrimStart('0'));
                var getal = gx.Length != gy.Length ? gx.Length.CompareTo(gy.Length) : string.CompareOrdinal(gx, gy);
                if (getal != 0) return getal;
                continue;
            }
            var (kx, ky) = (Klasse(x[i]), Klasse(y[j]));
            if (kx != ky) return kx.CompareTo(ky);
            if (x[i] != y[j]) return x[i].CompareTo(y[j]);
            i++;
            j++;
        }
        return (x.Length - i).CompareTo(y.Length - j);
    });

    private static int Klasse(char c) => char.IsWhiteSpace(c) ? 0 : char.IsAsciiDigit(c) ? 2 : char.IsLetter(c) ? 3 : 1;
}