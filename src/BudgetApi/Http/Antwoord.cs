using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace BudgetApi.Http;

/// <summary>Beside the rows of every response: what the figures are, in which unit, from where.</summary>
public sealed record Metadata
{
    /// <summary>The source document of every figure.</summary>
    public string Bron { get; init; } = Bronnen.Document;

    /// <summary>The version of the budget (e.g. "ontwerpbegroting 2026"), where the rows are budget figures.</summary>
    public string? Stand { get; init; }

    /// <summary>Currency of the amounts ("EUR"); absent where rows carry their own unit.</summary>
    public string? Valuta { get; init; }

    /// <summary>Multiply an amount by this to get euros: 1000 for the budget tables (x € 1.000).</summary>
    public int? Factor { get; init; }

    /// <summary>How percentages and growth rates are rounded (they are computed exactly from the integer amounts and rounded once, here).</summary>
    public string? Afronding { get; init; }

    /// <summary>The number of rows in this response.</summary>
    public int Aantal { get; init; }

    /// <summary>Paging, for paged resources.</summary>
    public Paginering? Paginering { get; init; }
}

public sealed record Paginering(int Pagina, int PaginaGrootte, int TotaalAantal, int AantalPaginas, string Zelf, string? Volgende, string? Vorige);

/// <summary>The JSON body of every collection: the rows under one key, metadata beside them.</summary>
public sealed record Lijst<T>(IReadOnlyList<T> Gegevens, Metadata Metadata);

/// <summary>
/// A collection answered as JSON (default) or as CSV (Accept: text/csv or ?formaat=csv): RFC 4180, UTF-8 with BOM for Excel,
/// one header row, the same fields as the JSON rows. One way to write every collection.
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
        if (Formaat.IsCsv(httpContext.Request))
        {
            httpContext.Response.ContentType = "text/csv; charset=utf-8";
            httpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"{bestandsnaam}.csv\"";
            var rijen = platmaken is null ? Lijst.Gegevens.Cast<object>() : Lijst.Gegevens.SelectMany(platmaken);
            var tekst = Csv.Schrijf(rijen, platmaken is null ? typeof(T) : platType);
            await httpContext.Response.Body.WriteAsync(Encoding.UTF8.GetPreamble());
            await httpContext.Response.WriteAsync(tekst, Encoding.UTF8);
            return;
        }
        var opties = httpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        await httpContext.Response.WriteAsJsonAsync(Lijst, opties);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(Lijst<T>), ["application/json", "text/csv"]));
        builder.Metadata.Add(new CsvMogelijk());
        // An unknown ?formaat is a 400 on every collection (Formaat.Controleer), so every collection documents it.
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status400BadRequest, typeof(ProblemDetails), ["application/problem+json"]));
    }
}

/// <summary>Marks an endpoint that also answers in CSV; the OpenAPI document then lists the 'formaat' parameter.</summary>
public sealed class CsvMogelijk;

public static class Formaat
{
    public static readonly IReadOnlyList<string> Toegestaan = ["json", "csv"];

    public static bool IsCsv(HttpRequest request)
    {
        var formaat = request.Query["formaat"].ToString();
        if (formaat.Length > 0) return formaat.Equals("csv", StringComparison.OrdinalIgnoreCase);
        return request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Checks ?formaat before any endpoint runs, so a wrong value is a 400 on every CSV-capable endpoint.</summary>
    public static IResult? Controleer(HttpRequest request)
    {
        var formaat = request.Query["formaat"].ToString();
        if (formaat.Length == 0 || Toegestaan.Contains(formaat, StringComparer.OrdinalIgnoreCase)) return null;
        return Problemen.OngeldigeParameter("formaat", $"Onbekend formaat '{formaat}'; toegestaan: json, csv.");
    }
}

/// <summary>The one CSV writer: the rows' properties in declaration order, camelCase headers as in the JSON.</summary>
public static class Csv
{
    public static string Schrijf(IEnumerable<object> rijen, Type? type)
    {
        var lijst = rijen.ToList();
        var rijType = type ?? lijst.FirstOrDefault()?.GetType();
        using var schrijver = new StringWriter(CultureInfo.InvariantCulture);
        using var csv = new CsvWriter(schrijver, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\r\n" });
        if (rijType is null) return "";
        var eigenschappen = rijType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<JsonIgnoreAttribute>() is null && IsEenvoudig(p.PropertyType)).ToList();
        foreach (var p in eigenschappen) csv.WriteField(JsonNamingPolicy.CamelCase.ConvertName(p.Name));
        csv.NextRecord();
        foreach (var rij in lijst)
        {
            foreach (var p in eigenschappen) csv.WriteField(Tekst(p.GetValue(rij)));
            csv.NextRecord();
        }
        csv.Flush();
        return schrijver.ToString();
    }

    private static bool IsEenvoudig(Type t)
    {
        t = Nullable.GetUnderlyingType(t) ?? t;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(DateOnly);
    }

    private static string Tekst(object? waarde) => waarde switch
    {
        null => "",
        bool b => b ? "true" : "false",
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => waarde.ToString() ?? "",
    };
}
