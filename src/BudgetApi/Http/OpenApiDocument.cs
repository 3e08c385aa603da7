using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace BudgetApi.Http;

/// <summary>
/// Shapes the one OpenAPI document to the NL GOV API Design Rules: servers with the major version, contact,
/// the API-Version header on every response, the 'formaat' parameter where CSV is offered.
/// </summary>
public static class OpenApiDocument
{
    public const string Versie = "1.0.0";
    public const string Prefix = "/v1";

    /// <summary>The name of the bearer scheme in the document's components.</summary>
    public const string Beveiligingsschema = "bearer";

    public static void Configureer(OpenApiOptions opties)
    {
        opties.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "BudgetApi — begroting Justitie en Veiligheid",
                Version = Versie,
                Description = "Meerjarige cijfers van de begrotingen JenV en AenM (stand ontwerpbegroting 2026, bedragen x € 1.000), " +
                              "aansluitingen op de gedrukte totalen, en bezetting en budget per organisatie. Elk cijfer met zijn vindplaats in het introductiedossier JenV 2026.",
                Contact = new OpenApiContact
                {
                    Name = "Directie Financieel-Economische Zaken (DFEZ), ministerie van Justitie en Veiligheid",
                    Email = "budgetapi@minjenv.nl",
                    Url = new Uri("https://www.rijksoverheid.nl/ministeries/ministerie-van-justitie-en-veiligheid"),
                },
            };
            // Paths are relative to the server '/v1', so the major version appears once, in servers (ADR /core/uri-version).
            document.Servers = [new OpenApiServer { Url = Prefix, Description = "BudgetApi versie 1" }];
            var paden = new OpenApiPaths();
            foreach (var (pad, item) in document.Paths)
            {
                paden.Add(pad.StartsWith(Prefix + "/", StringComparison.Ordinal) ? pad[Prefix.Length..] : pad, item);
            }
            document.Paths = paden;
            return Task.CompletedTask;
        });

        // Importing needs a bearer token (JWT) with the import role; reading needs nothing. The scheme is declared once, and required
        // only by the operations that ask for authorization, so Swagger UI's Authorize sends the token there and generated clients know.
        opties.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[Beveiligingsschema] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "Een JWT van de identiteitsprovider van het ministerie (in ontwikkeling: dotnet user-jwts) met de rol " +
                              "budget-importeur of de scope budget.importeren. Alleen importeren vraagt een token; lezen is openbaar.",
            };
            return Task.CompletedTask;
        });
        opties.AddOperationTransformer((operation, context, _) =>
        {
            if (!context.Description.ActionDescriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.Authorization.IAuthorizeData>().Any()) return Task.CompletedTask;
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Beveiligingsschema, context.Document)] = [] }];
            foreach (var (_, inhoud) in operation.RequestBody?.Content ?? new Dictionary<string, OpenApiMediaType>())
            {
                inhoud.Example = JsonValue.Create(Voorbeelden.Standbestand);
            }
            return Task.CompletedTask;
        });

        // Percentages and decimal figures are exact decimals, not binary floating point: say so in the contract.
        opties.AddSchemaTransformer((schema, context, _) =>
        {
            var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
            if (type == typeof(decimal)) schema.Format = "decimal";
            return Task.CompletedTask;
        });

        opties.AddOperationTransformer((operation, context, _) =>
        {
            // Query keys are camelCase (ADR /core/query-keys-camel-case) whatever the C# property is called;
            // binding of query keys is case-insensitive, so the documented name is the name that works.
            foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
            {
                if (parameter.In == ParameterLocation.Query && parameter.Name is { Length: > 0 } naam) parameter.Name = Validatie.Parameternaam(naam);
                parameter.Example ??= Voorbeelden.Voor(operation.OperationId, parameter.Name!, parameter.Schema?.Type?.HasFlag(JsonSchemaType.Array) == true);
            }
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            if (metadata.OfType<CsvMogelijk>().Any())
            {
                operation.Parameters ??= [];
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = "formaat",
                    In = ParameterLocation.Query,
                    Required = false,
                    Description = "Uitvoerformaat: json (standaard), csv (RFC 4180, UTF-8 met BOM) of xlsx (Excel-werkmap: dezelfde regels als de csv, " +
                                  "getallen als getallen, met een blad Toelichting). Ook met de header Accept: text/csv of " +
                                  "Accept: " + Xlsx.MediaType + ". formaat gaat voor Accept.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. Formaat.Toegestaan.Select(f => (JsonNode)JsonValue.Create(f)!)] },
                    Example = Voorbeelden.Voor(operation.OperationId, "formaat", herhaalbaar: false),
                });
            }
            foreach (var (status, antwoord) in operation.Responses ?? [])
            {
                if (antwoord is not OpenApiResponse response) continue;
                // An Excel workbook is a file, not the JSON envelope: a binary string, so a client saves it rather than parses it.
                if (response.Content?.TryGetValue(Xlsx.MediaType, out var werkmap) == true)
                {
                    werkmap.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = "Excel-werkmap (.xlsx) met de bladen Gegevens en Toelichting." };
                }
                response.Headers ??= new Dictionary<string, IOpenApiHeader>();
                response.Headers["API-Version"] = new OpenApiHeader
                {
                    Description = "De volledige versie van de API (semver).",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, Examples = [JsonValue.Create(Versie)!] },
                };
                if (string.IsNullOrEmpty(response.Description)) response.Description = status;
            }
            return Task.CompletedTask;
        });
    }
}
