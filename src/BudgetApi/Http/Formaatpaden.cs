using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.OpenApi;

namespace BudgetApi.Http;

/// <summary>
/// CSV and Excel as operations of their own (issue 17, docs/api.md "The contract"): every collection that answers in CSV and Excel
/// (<see cref="CsvMogelijk"/>) is also at /v1/csv/… and /v1/xlsx/… with the same path and parameters after the prefix, and in the
/// contract each is its own operation with one answer type: the JSON operation answers JSON only, the CSV operation a text/csv file,
/// the Excel operation an xlsx file. A generated client then has one type per answer (openapi-typescript no longer types the JSON as
/// "rows or string", NSwag asks for what the operation gives). The existing ?formaat= and Accept keep working, undeclared in the
/// contract, for the dashboard and every URL in use: a format path is that same request with formaat set, so caching, ETags and
/// the writers are the one way they were. A new collection gets both operations by being a <see cref="LijstResultaat{T}"/>.
/// </summary>
public static class Formaatpaden
{
    /// <summary>The formats with a path of their own, and their one media type in the contract.</summary>
    public static readonly IReadOnlyList<(string Naam, string MediaType)> Formaten = [("csv", "text/csv"), ("xlsx", Xlsx.MediaType)];

    private const string Gekozen = "BudgetApi.Formaatpad";

    /// <summary>
    /// Before routing: /v1/csv/totalen?… becomes /v1/totalen?…&amp;formaat=csv. A formaat in the query that says otherwise is a 400 naming
    /// it (the path and the query would ask for two answers); the same value is allowed.
    /// </summary>
    public static IApplicationBuilder GebruikFormaatpaden(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var verzoek = context.Request;
        foreach (var (naam, _) in Formaten)
        {
            if (!verzoek.Path.StartsWithSegments($"{OpenApiDocument.Prefix}/{naam}", StringComparison.OrdinalIgnoreCase, out var rest) || !rest.HasValue) continue;
            var gevraagd = verzoek.Query["formaat"].ToString();
            if (gevraagd.Length > 0 && !gevraagd.Equals(naam, StringComparison.OrdinalIgnoreCase))
            {
                await Problemen.OngeldigeParameter("formaat",
                    $"Het pad {OpenApiDocument.Prefix}/{naam}/… vraagt {naam}, formaat vraagt '{gevraagd}': laat formaat weg of vraag {OpenApiDocument.Prefix}{rest}.").ExecuteAsync(context);
                return;
            }
            var query = new QueryBuilder(verzoek.Query.Where(p => !p.Key.Equals("formaat", StringComparison.OrdinalIgnoreCase))) { { "formaat", naam } };
            verzoek.Path = new PathString(OpenApiDocument.Prefix).Add(rest);
            verzoek.QueryString = query.ToQueryString();
            context.Items[Gekozen] = naam;
            break;
        }
        await next(context);
    });

    /// <summary>
    /// After routing: a format path of something that has no CSV or Excel answer (a single document, the import, the OpenAPI document)
    /// is not there: 404, as any unknown path.
    /// </summary>
    public static IApplicationBuilder WeigerFormaatpadenZonderFormaat(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Items.TryGetValue(Gekozen, out var naam) && context.GetEndpoint()?.Metadata.GetMetadata<CsvMogelijk>() is null)
        {
            await Problemen.NietGevonden("pad", $"{OpenApiDocument.Prefix}/{naam}/… is er alleen voor collecties met een CSV- en Excel-vorm; " +
                $"{context.Request.Path} heeft die niet.").ExecuteAsync(context);
            return;
        }
        await next(context);
    });

    /// <summary>
    /// The contract: each GET that answers JSON, CSV and Excel under one 200 becomes three operations. The JSON one keeps its path and id
    /// and answers JSON only; GetX becomes GetXCsv at /csv/… and GetXXlsx at /xlsx/…, with the same parameters and the same problems.
    /// The Excel answer has no ETag (it carries the moment it was made).
    /// </summary>
    public static void Splits(Microsoft.OpenApi.OpenApiDocument document)
    {
        var nieuw = new List<(string Pad, OpenApiPathItem Item)>();
        foreach (var (pad, item) in document.Paths)
        {
            if (item.Operations?.GetValueOrDefault(HttpMethod.Get) is not OpenApiOperation json
                || json.Responses?.GetValueOrDefault("200") is not OpenApiResponse ok || ok.Content is not { } inhoud
                || !Formaten.All(f => inhoud.ContainsKey(f.MediaType))) continue;
            foreach (var (naam, mediaType) in Formaten)
            {
                var antwoorden = new OpenApiResponses();
                foreach (var (status, antwoord) in json.Responses) antwoorden[status] = status == "200" ? Alleen(ok, mediaType) : antwoord;
                var label = naam == "csv" ? "CSV" : "Excel";
                nieuw.Add(($"/{naam}{pad}", new OpenApiPathItem
                {
                    Operations = new Dictionary<HttpMethod, OpenApiOperation>
                    {
                        [HttpMethod.Get] = new()
                        {
                            OperationId = json.OperationId + char.ToUpperInvariant(naam[0]) + naam[1..],
                            Tags = json.Tags,
                            Summary = $"{json.Summary} — als {label}",
                            Description = $"Dezelfde regels als {pad}, als {label}-bestand: {Formaatbeschrijving(naam)} Zelfde parameters en problemen als {pad}; " +
                                          $"ook als {pad}?formaat={naam}.",
                            // The CSV operation alone takes the dialect (rfc4180 or excel-nl; OpenApiDocument.DialectComponent).
                            Parameters = naam == "csv"
                                ? [.. json.Parameters ?? [], new OpenApiParameterReference(Csvdialecten.Parameter, document)]
                                : json.Parameters,
                            Responses = antwoorden,
                            Security = json.Security,
                        },
                    },
                }));
            }
            ok.Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = inhoud["application/json"] };
            json.Description += $" Als CSV: /csv{pad}; als Excel: /xlsx{pad} (ook met ?formaat=csv of xlsx, of de Accept-header).";
        }
        foreach (var (pad, item) in nieuw) document.Paths.Add(pad, item);
    }

    /// <summary>What a format's file is, for its operation's description and its answer's schema.</summary>
    public static string Formaatbeschrijving(string naam) => naam == "csv"
        ? "CSV (RFC 4180, CRLF, UTF-8 met BOM): een kopregel met dezelfde veldnamen als de JSON-regels, dan één regel per rij; een lijst " +
          $"(bronRegels, bronBestandenDelen) is één veld, de waarden gescheiden door '{Csv.Lijstscheiding}'."
        : "een Excel-werkmap (.xlsx) met het blad Gegevens (dezelfde regels als de CSV, getallen als getallen) en het blad Toelichting.";

    /// <summary>The 200 with one media type: a file, as bytes (format binary), so every generator hands it over as a stream or blob.</summary>
    private static OpenApiResponse Alleen(OpenApiResponse ok, string mediaType) => new()
    {
        Description = ok.Description,
        Headers = ok.Headers?.Where(h => mediaType == "text/csv" || h.Key != "ETag").ToDictionary(h => h.Key, h => h.Value),
        Content = new Dictionary<string, OpenApiMediaType>
        {
            [mediaType] = new()
            {
                Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Format = "binary",
                    Description = Formaatbeschrijving(mediaType == "text/csv" ? "csv" : "xlsx"),
                },
            },
        },
    };
}
