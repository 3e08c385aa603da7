using Microsoft.OpenApi;

namespace BudgetApi.Http;

/// <summary>
/// What every client generator needs beyond the ADR shape (docs/api.md, "The contract"): the license, a description per tag,
/// 'security: []' on the public operations (only the import needs a token), the headers the service reads and writes (If-Match
/// on the import, ETag on the answers that carry one), the raw import body as binary, and closed objects
/// (additionalProperties: false) where the service writes exactly the declared fields.
/// </summary>
public static class OpenApiContract
{
    /// <summary>The tags, each with what its resource answers (Redocly's recommended rules ask a description for each).</summary>
    private static readonly Dictionary<string, string> Tagbeschrijvingen = new(StringComparer.Ordinal)
    {
        ["Begrotingen"] = "De begrotingen (hoofdstukken van de Rijksbegroting) met standen, en de stand die een vraag zonder begrotingsjaar en fase bedoelt.",
        ["Standen"] = "De standen (een begroting in één begrotingsjaar en één fase) met hun bronbestanden en etag, en het importeren van een standbestand.",
        ["Artikelen"] = "De artikelen van een stand per jaar, met hun delen op elke diepte en het restant 'overig, niet gespecificeerd'.",
        ["Totalen"] = "Totalen per begroting, artikel of categorie en jaar, met mutatie, meerjarig totaal en gemiddelde groei.",
        ["Aandelen"] = "Het aandeel van elk artikel of deel in het geheel en in zijn ouder.",
        ["Aansluitingen"] = "Elke aansluiting van gedrukte totalen, waarvan-regels en organisatiecijfers op de berekende som, met het oordeel.",
        ["Organisaties"] = "De organisaties en elk cijfer dat het document over ze geeft, in hun eigen eenheid.",
        ["Bezetting"] = "De tabel Bezetting FTE en budget, met aandelen en budget per fte.",
        ["Bedragen"] = "Alle bedragen in lange vorm, één rij per begrotingsregel en jaar, gefilterd, gesorteerd en gepagineerd; de CSV is het eigen standformaat.",
        ["Mutaties"] = "Wat er tussen twee standen veranderde, per regel en jaar.",
        ["Uitputting"] = "Begroting tegen realisatie: per artikel de laatste begrotingsstand tegen het jaarverslag.",
        ["Bevindingen"] = "Alles in de gegevens wat niet te vertrouwen is, met de betrokken cijfers en de waarde die de rekensom ondersteunt.",
        ["Bronnen"] = "De bronbestanden van de gegevens, en hun regels precies zoals ze er staan.",
    };

    /// <summary>Problem details are open by RFC 9457 (a problem type may add members); every other component is exactly what the service writes.</summary>
    private static readonly HashSet<string> Open = new(StringComparer.Ordinal) { nameof(Microsoft.AspNetCore.Mvc.ProblemDetails) };

    public static void Verfijn(Microsoft.OpenApi.OpenApiDocument document)
    {
        document.Info.License = new OpenApiLicense
        {
            Name = "EUPL-1.2",
            Url = new Uri("https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12"),
        };
        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
        {
            if (tag.Name is { } naam && Tagbeschrijvingen.TryGetValue(naam, out var beschrijving)) tag.Description = beschrijving;
        }

        foreach (var (pad, item) in document.Paths)
        {
            foreach (var (methode, operatie) in item.Operations ?? [])
            {
                // Reading is public: say so per operation, so a generator never sends (or asks for) a token there.
                if (operatie.Security is null || operatie.Security.Count == 0) operatie.Security = [];
                if (methode == HttpMethod.Get) Etag(operatie);
                if (methode == HttpMethod.Post && pad == "/standen") Import(operatie);
            }
        }

        foreach (var (naam, schema) in document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>())
        {
            if (schema is OpenApiSchema { Properties.Count: > 0 } gesloten && !Open.Contains(naam)) gesloten.AdditionalPropertiesAllowed = false;
        }
    }

    /// <summary>Every 200 of a data endpoint carries the ETag of the data version (Voorwaardelijk), except an Excel workbook.</summary>
    private static void Etag(OpenApiOperation operatie)
    {
        if (operatie.Responses?.TryGetValue("200", out var ok) != true || ok is not OpenApiResponse antwoord) return;
        antwoord.Headers ??= new Dictionary<string, IOpenApiHeader>();
        antwoord.Headers["ETag"] = new OpenApiHeader
        {
            Description = "Sterke ETag van deze representatie in deze gegevensversie (niet bij xlsx): stuur hem in If-None-Match voor een 304 zolang de gegevens gelijk zijn.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        };
    }

    /// <summary>The import: If-Match as the header parameter it is, and the raw body (application/octet-stream) as bytes.</summary>
    private static void Import(OpenApiOperation operatie)
    {
        operatie.Parameters ??= [];
        operatie.Parameters.Add(new OpenApiParameter
        {
            Name = "If-Match",
            In = ParameterLocation.Header,
            Required = false,
            Description = "De huidige etag van elke stand die de import vervangt (uit /standen), of '*' voor elke; zonder geeft een vervanging 409, met een verouderde 412.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        });
        if (operatie.RequestBody?.Content?.TryGetValue("application/octet-stream", out var ruw) == true)
        {
            ruw.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = "Het standbestand als bytes (UTF-8)." };
        }
        // The file picker: the raw body as bytes comes first, so Swagger UI offers a file input by default (and generated clients keep
        // sending the file as the body); a multipart form with the file as its part 'bestand' is last, for a browser form.
        if (operatie.RequestBody?.Content is { } inhoud && inhoud.TryGetValue("multipart/form-data", out var formulier))
        {
            formulier.Example = null;
            formulier.Schema = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Required = new HashSet<string> { Features.Standen.ImportEndpoints.Bestanddeel },
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    [Features.Standen.ImportEndpoints.Bestanddeel] = new OpenApiSchema
                    {
                        Type = JsonSchemaType.String,
                        Format = "binary",
                        Description = "Het standbestand, zoals het op schijf staat; zonder parameter bestandsnaam geldt de naam van dit bestand.",
                    },
                },
                AdditionalPropertiesAllowed = false,
            };
            var volgorde = inhoud.OrderBy(i => i.Key switch { "application/octet-stream" => 0, "multipart/form-data" => 2, _ => 1 }).ToList();
            inhoud.Clear();
            foreach (var (soort, media) in volgorde) inhoud[soort] = media;
        }
    }
}
