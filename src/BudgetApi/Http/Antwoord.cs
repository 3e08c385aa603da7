using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Primitives;

namespace BudgetApi.Http;

/// <summary>Naast de regels van elk antwoord: wat de cijfers zijn, in welke eenheid, en waar ze vandaan komen.</summary>
public sealed record Metadata
{
    /// <summary>Het brondocument van elk cijfer.</summary>
    public string Bron { get; init; } = Bronnen.Document;

    /// <summary>De versie van de begroting (bijvoorbeeld 'ontwerpbegroting 2026'), waar de regels begrotingscijfers zijn.</summary>
    public string? Stand { get; init; }

    /// <summary>De standen waar de regels uit komen, elk met id, begroting en fase, waar de regels begrotingscijfers zijn.</summary>
    public IReadOnlyList<StandVerwijzing>? Standen { get; init; }

    /// <summary>Valuta van de bedragen ('EUR'); leeg waar de regels hun eigen eenheid hebben.</summary>
    public string? Valuta { get; init; }

    /// <summary>Vermenigvuldig een bedrag hiermee voor euro's: 1000 bij de begrotingstabellen (x € 1.000).</summary>
    public int? Factor { get; init; }

    /// <summary>Hoe percentages en groeicijfers zijn afgerond (ze worden exact uit de gehele bedragen berekend en één keer afgerond, zoals hier staat).</summary>
    public string? Afronding { get; init; }

    /// <summary>Het aantal regels in dit antwoord.</summary>
    public int Aantal { get; init; }

    /// <summary>Paginering, bij collecties met pagina's.</summary>
    public Paginering? Paginering { get; init; }

    /// <summary>Bij bevindingen (/bevindingen): hoeveel de keuze er per soort en ernst heeft, over alle pagina's.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<Telling>? Tellingen { get; init; }

    /// <summary>Bij regels van een bronbestand (/bronnen/{naam}/regels): de naam van het bestand.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Bestand { get; init; }

    /// <summary>Bij regels van een bronbestand: de SHA-256 van de bytes waaruit ze gelezen zijn, zoals deze versie van de gegevens ze laadde.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Sha256 { get; init; }

    /// <summary>Bij regels van een bronbestand: hoeveel regels het bestand heeft.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? AantalRegels { get; init; }
}

/// <summary>Een stand genoemd in metadata: zijn id (voor /standen/{id}), begroting, hoofdstuk, begrotingsjaar en fase.</summary>
public sealed record StandVerwijzing(string Id, string Begroting, string Hoofdstuk, int Begrotingsjaar, string Fase, string Label)
{
    /// <summary>metadata.bron: the sources of the standen, each once; the document by its full title.</summary>
    public static string Bronnaam(IEnumerable<Opslag.Stand> standen) => string.Join("; ", standen.SelectMany(s => s.Bronnen)
        .Select(b => b.Naam == Laden.Documentlezer.Bestand ? Bronnen.Document : b.Naam).Distinct());

    public static StandVerwijzing Van(Opslag.Stand s) => new(s.Sleutel.Id, s.Begroting.Code, s.Begroting.Hoofdstuk, s.Begrotingsjaar, s.Fase, s.Label);

    /// <summary>The metadata of rows that come from these standen: their labels, sources and ids.</summary>
    public static Metadata Metadata(IReadOnlyList<Opslag.Stand> standen, int aantal, string? afronding = null) => new()
    {
        Bron = Bronnaam(standen),
        Stand = string.Join("; ", standen.Select(s => s.Label).Distinct()),
        Standen = standen.Select(Van).ToList(),
        Valuta = "EUR",
        Factor = 1000,
        Afronding = afronding,
        Aantal = aantal,
    };
}


/// <summary>Hoeveel bevindingen er zijn van één soort en ernst.</summary>
/// <param name="Soort">Soort bevinding.</param>
/// <param name="Ernst">fout, tegenstrijdig of twijfel.</param>
/// <param name="Aantal">Het aantal bevindingen van deze soort en ernst, over alle pagina's.</param>
public sealed record Telling(string Soort, string Ernst, int Aantal);

public sealed record Paginering(int Pagina, int PaginaGrootte, int TotaalAantal, int AantalPaginas, string Zelf, string? Volgende, string? Vorige);

/// <summary>Het JSON-antwoord van elke collectie: de regels onder één sleutel, de metadata ernaast.</summary>
public sealed record Lijst<T>(IReadOnlyList<T> Gegevens, Metadata Metadata);

/// <summary>
/// A collection answered as JSON (default), as CSV (Accept: text/csv or ?formaat=csv: RFC 4180, UTF-8 with BOM for Excel,
/// one header row, the same fields as the JSON rows) or as an Excel workbook (?formaat=xlsx or the xlsx media type: the same
/// rows as the CSV, typed and formatted, and a sheet "Toelichting"). One way to write every collection.
/// A nested row is written flat by <paramref name="platmaken"/>; <paramref name="platType"/> names the flat row's type, so that an
/// empty list still has its header row.
/// </summary>
public sealed class LijstResultaat<T>(Lijst<T> lijst, string bestandsnaam, Func<T, IEnumerable<object>>? platmaken = null, Type? platType = null)
    : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult, IValueHttpResult
{
    public Lijst<T> Lijst { get; } = lijst;

    int? IStatusCodeHttpResult.StatusCode => StatusCodes.Status200OK;

    object? IValueHttpResult.Value => Lijst;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var uitvoer = Formaat.Kies(httpContext.Request);
        // CSV and Excel give the same flat rows: the one flattening (platmaken), or the rows themselves.
        var rijen = platmaken is null ? Lijst.Gegevens.Cast<object>() : Lijst.Gegevens.SelectMany(platmaken);
        var rijType = platmaken is null ? typeof(T) : platType;
        var opties = httpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        // The file's name says what was selected (Bestandsnamen): totalen-JenV-uitgaven-ontwerpbegroting-2026.xlsx, never totalen.xlsx for every choice.
        var naam = Bestandsnamen.Voor(bestandsnaam, httpContext.Request.Query, Lijst.Metadata);
        if (uitvoer == Uitvoer.Csv)
        {
            httpContext.Response.ContentType = "text/csv; charset=utf-8";
            httpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"{naam}.csv\"";
            var tekst = Csv.Schrijf(rijen, rijType, Csvdialecten.Kies(httpContext.Request));
            await httpContext.Response.Body.WriteAsync(Encoding.UTF8.GetPreamble());
            await httpContext.Response.WriteAsync(tekst, Encoding.UTF8);
            return;
        }
        if (uitvoer == Uitvoer.Xlsx)
        {
            httpContext.Response.ContentType = Xlsx.MediaType;
            httpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"{naam}.xlsx\"";
            var werkmap = Xlsx.Schrijf(rijen, rijType, Toelichting.Voor(httpContext, JsonSerializer.SerializeToNode(Lijst.Metadata, opties)!.AsObject()));
            await httpContext.Response.Body.WriteAsync(werkmap);
            return;
        }
        await httpContext.Response.WriteAsJsonAsync(Lijst, opties);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(Lijst<T>), ["application/json", "text/csv", Xlsx.MediaType]));
        builder.Metadata.Add(new CsvMogelijk());
        // An unknown ?formaat is a 400 on every collection (Formaat.Controleer), so every collection documents it.
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status400BadRequest, typeof(ProblemDetails), ["application/problem+json"]));
    }
}

/// <summary>
/// The two CSV dialects (?dialect=): RFC 4180 (the default: ',' between fields, a decimal point), and the one Dutch Excel opens
/// by double-click into columns (excel-nl: ';' between fields, a decimal comma). Both are UTF-8 with a BOM, CRLF, the same
/// quoting and the same formula escape; only the separator and the decimal sign differ.
/// </summary>
public enum Csvdialect { Rfc4180, ExcelNl }

public static class Csvdialecten
{
    public const string Parameter = "dialect";

    public static readonly IReadOnlyList<string> Toegestaan = ["rfc4180", "excel-nl"];

    public static Csvdialect Kies(HttpRequest request) => VanNaam(request.Query[Parameter].ToString()) ?? Csvdialect.Rfc4180;

    /// <summary>An unknown ?dialect is a 400 on every collection, as an unknown ?formaat is.</summary>
    public static IResult? Controleer(HttpRequest request)
    {
        var dialect = request.Query[Parameter].ToString();
        if (dialect.Length == 0 || VanNaam(dialect) is not null) return null;
        return Problemen.OngeldigeParameter(Parameter, $"Onbekend CSV-dialect '{dialect}'; toegestaan: {string.Join(", ", Toegestaan)}.");
    }

    private static Csvdialect? VanNaam(string dialect) => dialect.ToLowerInvariant() switch
    {
        "" or "rfc4180" => Csvdialect.Rfc4180,
        "excel-nl" => Csvdialect.ExcelNl,
        _ => null,
    };
}

/// <summary>Marks an endpoint that also answers in CSV and Excel; the OpenAPI document then lists the 'formaat' parameter.</summary>
public sealed class CsvMogelijk;

/// <summary>The forms a collection answers in: JSON (the default), CSV, Excel.</summary>
public enum Uitvoer { Json, Csv, Xlsx }

public static class Formaat
{
    public static readonly IReadOnlyList<string> Toegestaan = ["json", "csv", "xlsx"];

    /// <summary>?formaat wins; without it the Accept header chooses (highest q, on a tie the first listed); JSON otherwise.</summary>
    public static Uitvoer Kies(HttpRequest request)
    {
        // Most requests name no format and accept anything: answered without parsing the query and the Accept header (the
        // front cache asks this on every hit). A query with '%' may spell the key encoded, so it is parsed.
        var query = request.QueryString.Value;
        var accept = request.Headers.Accept;
        if ((string.IsNullOrEmpty(query) || (query.IndexOf("formaat", StringComparison.OrdinalIgnoreCase) < 0 && !query.Contains('%')))
            && (StringValues.IsNullOrEmpty(accept) || (accept.Count == 1 && accept[0] == "*/*")))
        {
            return Uitvoer.Json;
        }
        var formaat = request.Query["formaat"].ToString();
        if (formaat.Length > 0) return VanNaam(formaat) ?? Uitvoer.Json;
        var voorkeur = request.GetTypedHeaders().Accept
            .Select((a, volgorde) => (Uitvoer: VanMediaType(a.MediaType.Value), Kwaliteit: a.Quality ?? 1, Volgorde: volgorde))
            .Where(a => a.Uitvoer is not null && a.Kwaliteit > 0)  // q=0: "not this one"
            .OrderByDescending(a => a.Kwaliteit).ThenBy(a => a.Volgorde)
            .FirstOrDefault();
        return voorkeur.Uitvoer ?? Uitvoer.Json;
    }

    /// <summary>Checks ?formaat before any endpoint runs, so a wrong value is a 400 on every collection.</summary>
    public static IResult? Controleer(HttpRequest request)
    {
        var formaat = request.Query["formaat"].ToString();
        if (formaat.Length == 0 || VanNaam(formaat) is not null) return null;
        return Problemen.OngeldigeParameter("formaat", $"Onbekend formaat '{formaat}'; toegestaan: {string.Join(", ", Toegestaan)}.");
    }

    private static Uitvoer? VanNaam(string formaat) => formaat.ToLowerInvariant() switch
    {
        "json" => Uitvoer.Json,
        "csv" => Uitvoer.Csv,
        "xlsx" => Uitvoer.Xlsx,
        _ => null,
    };

    private static Uitvoer? VanMediaType(string? mediaType) => mediaType?.ToLowerInvariant() switch
    {
        "application/json" => Uitvoer.Json,
        "text/csv" => Uitvoer.Csv,
        Xlsx.MediaType => Uitvoer.Xlsx,
        _ => null,
    };
}

/// <summary>
/// One column of what CSV and Excel write: its header, its type, how a row gives its value, and how it shows in Excel. The columns of a
/// flat row are its properties (header camelCase, as in the JSON: <see cref="Csv.Kolommen"/>); the columns of a table as the dashboard
/// shows it carry their Dutch heading and their unit (<see cref="Tabel"/>).
/// </summary>
public sealed record Kolom(string Naam, Type Type, Func<object, object?> Lees, bool IsPad = false, Celsoort? Soort = null)
{
    /// <summary>A column of free text (a string, or a list of strings): the one kind a spreadsheet could take for a formula.</summary>
    public bool IsTekst => Type == typeof(string) || Type == typeof(IReadOnlyList<string>);

    /// <summary>A property of a flat row; a path (<see cref="Domein.PadAttribute"/>) has its steps escaped one by one.</summary>
    public static Kolom Van(PropertyInfo eigenschap) => new(
        JsonNamingPolicy.CamelCase.ConvertName(eigenschap.Name),
        Nullable.GetUnderlyingType(eigenschap.PropertyType) ?? eigenschap.PropertyType,
        eigenschap.GetValue,
        eigenschap.GetCustomAttribute<Domein.PadAttribute>() is not null);
}

/// <summary>
/// The one CSV writer: the rows' properties in declaration order, camelCase headers as in the JSON. RFC 4180, and safe to open in a
/// spreadsheet (docs/api.md, "CSV"):
/// <list type="bullet">
/// <item>a field is quoted when it holds '"', ',', ';' (the separator of the Dutch dialect, and of a list in one field), a CR or a LF,
/// bare or as a pair, or starts or ends with a space: one row of data is always one record, whatever program reads it;</item>
/// <item>a text field that a spreadsheet would take for a formula (it starts with '=', '+', '-', '@', a tab or a CR) is written
/// with a leading apostrophe and quoted, as OWASP advises (<see cref="Domein.Formule"/>). Numbers stay numbers: a number column is never
/// escaped, nor a text that is a plain number ("-5"). The project's own stand format takes the apostrophe off again when it reads
/// this export back (<see cref="Domein.Formule.Terug"/>), so export → import → export is the same, byte for byte.</item>
/// </list>
/// </summary>
public static class Csv
{
    /// <summary>
    /// The rows as CSV in <paramref name="dialect"/>: RFC 4180 (the default), or the Dutch Excel dialect (<see cref="Csvdialect.ExcelNl"/>:
    /// ';' between fields and a decimal comma in a decimal or percentage column). Quoting and the formula escape are the same in both.
    /// </summary>
    public static string Schrijf(IEnumerable<object> rijen, Type? type, Csvdialect dialect = Csvdialect.Rfc4180)
    {
        var lijst = rijen.ToList();
        var rijType = type ?? lijst.FirstOrDefault()?.GetType();
        return rijType is null ? "" : Schrijf(Kolommen(rijType), lijst, dialect);
    }

    /// <summary>The rows in these columns: the flat rows' properties, or a table's columns (<see cref="Tabel"/>).</summary>
    public static string Schrijf(IReadOnlyList<Kolom> kolommen, IEnumerable<object> rijen, Csvdialect dialect = Csvdialect.Rfc4180)
    {
        var lijst = rijen.ToList();
        var nederlands = dialect == Csvdialect.ExcelNl;
        using var schrijver = new StringWriter(CultureInfo.InvariantCulture);
        using var csv = new CsvWriter(schrijver, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            NewLine = "\r\n",
            Delimiter = nederlands ? ";" : ",",
            // Escaping is ours, per column (a number column is never escaped): CsvHelper's own would escape "-5" in any column.
            InjectionOptions = InjectionOptions.None,
        });
        // Dutch Excel reads "47,56" as a number only with the comma; whole numbers (amounts, years) carry no separator in either dialect.
        var kommaKolom = kolommen.Select(k => nederlands && Kolomopmaak.Voor(k) is Celsoort.Decimaal or Celsoort.Procent).ToArray();
        // A table's heading can name a stand or a begroting: escaped as any text (a camelCase name never starts with a formula sign).
        foreach (var k in kolommen)
        {
            var kop = Domein.Formule.Ontwapen(k.Naam);
            csv.WriteField(kop, MoetTussenAanhalingstekens(kop));
        }
        csv.NextRecord();
        foreach (var rij in lijst)
        {
            for (var i = 0; i < kolommen.Count; i++)
            {
                var k = kolommen[i];
                var waarde = k.Lees(rij);
                var tekst = Tekst(waarde);
                // A word in a number column of a table ("niet in stand") is text, escaped as text.
                if (kommaKolom[i] && waarde is not string)
                {
                    // A number of this column, never text: its only comma is the decimal one, so it needs no quotes with ';' between fields.
                    csv.WriteField(tekst.Replace('.', ','), shouldQuote: false);
                    continue;
                }
                var veld = k.IsPad ? Domein.Formule.OntwapenPad(tekst) : k.IsTekst || waarde is string ? Domein.Formule.Ontwapen(tekst) : tekst;
                csv.WriteField(veld, MoetTussenAanhalingstekens(veld));
            }
            csv.NextRecord();
        }
        csv.Flush();
        return schrijver.ToString();
    }

    /// <summary>RFC 4180 §2.6, for every reader: a field with a quote, a separator (',' or the Dutch ';'), any line end, or an edge space is quoted.</summary>
    public static bool MoetTussenAanhalingstekens(string? veld) =>
        !string.IsNullOrEmpty(veld)
        && (veld.AsSpan().IndexOfAny("\",;\r\n") >= 0 || veld[0] == ' ' || veld[^1] == ' ' || veld[0] == Domein.Formule.Apostrof);

    /// <summary>The columns of a flat row, for CSV and Excel alike: its simple properties in declaration order, camelCase.</summary>
    public static IReadOnlyList<Kolom> Kolommen(Type rijType) =>
        rijType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<JsonIgnoreAttribute>() is null && IsEenvoudig(p.PropertyType))
            .Select(Kolom.Van)
            .ToList();

    /// <summary>A simple value, or a list of numbers (bronRegels) or texts (bronBestandenDelen): a JSON array is one CSV field, its items joined with ';'.</summary>
    private static bool IsEenvoudig(Type t)
    {
        t = Nullable.GetUnderlyingType(t) ?? t;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(DateOnly) || t == typeof(DateTimeOffset) || t == typeof(IReadOnlyList<int>) || t == typeof(IReadOnlyList<string>);
    }

    /// <summary>What joins the items of a list in one CSV field: not ',' (the field separator), so a field of numbers needs no quotes.</summary>
    public const string Lijstscheiding = ";";

    /// <summary>A value as the CSV writes it; Excel writes text columns (and enums) the same way.</summary>
    public static string Tekst(object? waarde) => waarde switch
    {
        null => "",
        bool b => b ? "true" : "false",
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        // A moment (when a file was imported) as ISO 8601 with its offset, as the JSON writes it.
        DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IReadOnlyList<int> lijst => string.Join(Lijstscheiding, lijst.Select(g => g.ToString(CultureInfo.InvariantCulture))),
        IReadOnlyList<string> lijst => string.Join(Lijstscheiding, lijst),
        _ => waarde.ToString() ?? "",
    };
}

