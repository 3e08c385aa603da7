using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace BudgetApi.Http;

/// <summary>
/// Shapes the one OpenAPI document to the NL GOV API Design Rules and makes it exact enough for generated clients (docs/api.md,
/// "The contract"): servers with the major version, contact, the API-Version header on every response, CSV and Excel as operations
/// of their own (Formaatpaden), every closed set as one enum component (<see cref="Codelijsten"/>),
/// the complete problem schema, 'required' for every field a response always writes, and links as URI references.
/// </summary>
public static class OpenApiDocument
{
    public const string Versie = "1.0.0";
    public const string Prefix = "/v1";

    /// <summary>
    /// The document's description, the first thing Swagger UI shows: what the service holds now and what it answers, with the dashboard.
    /// What it says of the data (begrotingen, begrotingsjaren, their number) is checked against the bundled data by OpenApiTests.
    /// </summary>
    public const string Beschrijving =
        "Cijfers van de Rijksbegroting, elk met zijn vindplaats (bronbestand en regel).\n\n" +
        "**Wat de dienst heeft** (de meegeleverde gegevens): de begrotingen JenV en AenM in de ontwerpbegroting 2026, uit het introductiedossier " +
        "van het ministerie van Justitie en Veiligheid, met de aansluitingen op de gedrukte totalen en bezetting en budget per organisatie; en de " +
        "open data van de Rijksbegroting: 24 begrotingen in de begrotingsjaren 2013 tot en met 2017, van ontwerpbegroting tot jaarverslag " +
        "(de begrotingsstaten, met verplichtingen, uitgaven en ontvangsten), met de budgettaire tabellen van de ontwerpbegroting 2016. " +
        "Een geïmporteerde stand (POST /standen) komt erbij; /begrotingen en /standen geven wat er nu is.\n\n" +
        "**Wat de API geeft**: per stand de artikelen en hun delen, totalen, aandelen, mutaties tussen standen, uitputting, alle bedragen in " +
        "lange vorm, aansluitingen, bevindingen (wat niet te vertrouwen is) en de bronregels zelf. Bedragen zijn gehele getallen in duizenden " +
        "euro's; een leeg veld in de bron is null, nooit 0. Elke collectie is er ook als CSV (/csv/…) en als Excel-werkmap (/xlsx/…).\n\n" +
        "**Het [dashboard](/dashboard)** toont dezelfde cijfers in grafieken en tabellen. Voor Excel en Power BI staan ze ook in een OData v4-feed " +
        "op /odata (niet in dit document: het model staat in /odata/$metadata, de sets, queryopties en limieten in docs/odata.md).";

    /// <summary>What the Authorize dialog says: who needs a token, and how to get one (the README's walkthrough).</summary>
    public const string Tokenuitleg =
        "Alleen importeren (POST /standen) vraagt een token; lezen is openbaar. Het token is een JWT met de rol budget-importeur of de scope " +
        "budget.importeren.\n\n**Een token krijgen.** In productie geeft de identiteitsprovider van het ministerie het (vraag DFEZ om de rol). " +
        "In ontwikkeling (dotnet run) maakt het SDK er een, in de map van de repository:\n\n" +
        "`dotnet user-jwts create --project src/BudgetApi --role budget-importeur --name analist --output token`\n\n" +
        "Plak de uitvoer hieronder bij Value (zonder 'Bearer ') en kies Authorize. De dienst neemt zo'n token ook aan als de sleutel pas na " +
        "het starten is gemaakt. De README ('Importing a stand, as a new user would') beschrijft de stappen.";

    /// <summary>What each status the service answers with means, in Dutch (a response's description in the document).</summary>
    private static readonly Dictionary<string, string> Statusbeschrijvingen = new(StringComparer.Ordinal)
    {
        ["200"] = "Gelukt: de gevraagde gegevens.",
        ["201"] = "Aangemaakt: de import bracht een nieuwe stand; Location wijst hem aan.",
        ["400"] = "Ongeldig verzoek (problem+json): elke ongeldige parameter in invalidParams, of elk probleem van een geweigerd bestand, met wat wel mag.",
        ["401"] = "Niet aangemeld (problem+json): een geldig bearer-token ontbreekt.",
        ["403"] = "Geen toegang (problem+json): het token heeft de rol of scope voor importeren niet.",
        ["404"] = "Niet gevonden (problem+json): wat het pad noemt (begroting, stand, artikel, organisatie, bronbestand) bestaat niet.",
        ["409"] = "Conflict (problem+json): de import wijzigt een bestaande stand; noem zijn huidige etag in If-Match.",
        ["412"] = "Voorwaarde niet vervuld (problem+json): de etag in If-Match is niet meer die van de stand.",
        ["503"] = "Tijdelijk niet beschikbaar (problem+json): de gegevens worden geladen of een andere import loopt; probeer het na Retry-After opnieuw.",
        ["507"] = "Onvoldoende opslag (problem+json): het bestand of de database kon niet worden opgeslagen; er is niets veranderd.",
    };

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
                Description = Beschrijving,
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
                Description = Tokenuitleg,
            };
            return Task.CompletedTask;
        });
        opties.AddOperationTransformer((operation, context, _) =>
        {
            if (!context.Description.ActionDescriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.Authorization.IAuthorizeData>().Any()) return Task.CompletedTask;
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Beveiligingsschema, context.Document)] = [] }];
            foreach (var (mediaType, inhoud) in operation.RequestBody?.Content ?? new Dictionary<string, OpenApiMediaType>())
            {
                // A raw body is the file's text; the multipart form's part is a file to pick (OpenApiContract).
                if (mediaType != "multipart/form-data") inhoud.Example = JsonValue.Create(Voorbeelden.Standbestand);
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

        // 'required' is every field the serializer always writes: a null is written as null, never left out, so a nullable field is
        // required too (type [x, null]). Only a field with a condition to leave it out (JsonIgnore WhenWritingNull) is optional.
        opties.AddSchemaTransformer((schema, context, _) =>
        {
            // The schema of a type (also where it first appears as the value of a property, as Metadata does in every list).
            var info = context.JsonTypeInfo;
            if (info.Kind != System.Text.Json.Serialization.Metadata.JsonTypeInfoKind.Object || info.Type.Assembly != typeof(OpenApiDocument).Assembly
                || schema.Properties is not { Count: > 0 } velden || !info.Properties.All(p => velden.ContainsKey(p.Name))) return Task.CompletedTask;
            schema.Required = new HashSet<string>(info.Properties.Where(p => p.ShouldSerialize is null).Select(p => p.Name), StringComparer.Ordinal);
            return Task.CompletedTask;
        });

        opties.AddDocumentTransformer(async (document, context, ct) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
            Codelijstcomponenten(document);
            await Probleemschema(document, context, ct);
            GeslotenVelden(document);
            Koppelingen(document);
            Tabelcellen(document);
            OpenApiContract.Verfijn(document);
            DialectComponent(document);
            Formaatpaden.Splits(document);
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
            foreach (var (status, antwoord) in operation.Responses ?? [])
            {
                if (antwoord is not OpenApiResponse response) continue;
                // A real answer of the bundled data as the example, not Swagger UI's "string" and 0 (Voorbeelden.Antwoord).
                if (status == "200" && response.Content?.TryGetValue("application/json", out var json) == true && Voorbeelden.Antwoord(operation.OperationId) is { } voorbeeld)
                {
                    json.Example = voorbeeld;
                }
                response.Headers ??= new Dictionary<string, IOpenApiHeader>();
                response.Headers["API-Version"] = new OpenApiHeader
                {
                    Description = "De volledige versie van de API (semver).",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, Examples = [JsonValue.Create(Versie)!] },
                };
                // The framework names a status by its English reason phrase ("OK", "Bad Request"): say in Dutch what the answer is.
                response.Description = Statusbeschrijvingen.GetValueOrDefault(status) ?? (string.IsNullOrEmpty(response.Description) ? status : response.Description);
            }
            return Task.CompletedTask;
        });
    }

    /// <summary>The component of ?sortering: a pattern, not an enum (<see cref="Codelijsten.Sorteerpatroon"/>).</summary>
    public const string SorteringComponent = "Sortering";

    /// <summary>Each closed set once, as a string enum component, its values from the code list (<see cref="Codelijsten"/>).</summary>
    private static void Codelijstcomponenten(Microsoft.OpenApi.OpenApiDocument document)
    {
        foreach (var lijst in Codelijsten.Alle)
        {
            document.AddComponent(lijst.Naam, new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = lijst.Beschrijving,
                Enum = [.. lijst.Waarden.Select(w => (JsonNode)JsonValue.Create(w)!)],
            });
        }
        foreach (var patroon in Codelijsten.Patronen)
        {
            document.AddComponent(patroon.Naam, new OpenApiSchema { Type = JsonSchemaType.String, Description = patroon.Beschrijving, Pattern = patroon.Patroon });
        }
        document.AddComponent(SorteringComponent, new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Pattern = Codelijsten.Sorteerpatroon,
            Description = $"Sorteervelden ({string.Join(", ", Features.Sortering.Toegestaan)}), gescheiden door komma's, elk met '-' ervoor voor aflopend.",
        });
    }

    /// <summary>The CSV dialect, declared once (components/parameters/dialect) and referenced by every CSV operation (Formaatpaden).</summary>
    private static void DialectComponent(Microsoft.OpenApi.OpenApiDocument document)
    {
        document.AddComponent(Csvdialecten.Parameter, new OpenApiParameter
        {
            Name = Csvdialecten.Parameter,
            In = ParameterLocation.Query,
            Required = false,
            Description = "Alleen bij csv: rfc4180 (standaard; velden gescheiden door een komma, decimale punt) of excel-nl (velden gescheiden " +
                          "door een puntkomma, decimale komma in percentages en decimalen), zodat Nederlandse Excel het bestand met een dubbelklik " +
                          "in kolommen opent. Beide UTF-8 met BOM en CRLF, met dezelfde aanhalingstekens en dezelfde bescherming tegen formules.",
            Schema = new OpenApiSchemaReference(Codelijsten.Csvdialect.Naam, document),
            Example = Voorbeelden.Voor(null, Csvdialecten.Parameter, herhaalbaar: false),
        });
    }

    /// <summary>
    /// The one problem shape (RFC 9457) as the service writes it (Probleemschrijver, Problemen): type, title, status and detail always,
    /// traceId always, invalidParams with every 400 for parameters, and for an import the file's problems (400) or the standen in the
    /// way (409, 412). The items are the records the service writes them from.
    /// </summary>
    private static async Task Probleemschema(Microsoft.OpenApi.OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        if (!document.Components!.Schemas!.TryGetValue(nameof(Microsoft.AspNetCore.Mvc.ProblemDetails), out var p) || p is not OpenApiSchema probleem) return;
        foreach (var type in new[] { typeof(OngeldigeParameter), typeof(Features.Standen.Bestandsprobleem), typeof(Features.Standen.Standetag) })
        {
            document.AddComponent(type.Name, await context.GetOrCreateSchemaAsync(type, cancellationToken: ct));
        }
        OpenApiSchema Tekst(string beschrijving, string? formaat = null) => new() { Type = JsonSchemaType.String, Format = formaat, Description = beschrijving };
        OpenApiSchema Lijst(string item, string beschrijving) => new()
        {
            Type = JsonSchemaType.Array, Items = new OpenApiSchemaReference(item, document), Description = beschrijving,
        };
        probleem.Description = "Een probleem (RFC 9457, application/problem+json): elk antwoord dat geen gegevens geeft.";
        probleem.Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = Tekst("URI van de soort probleem (de sectie van RFC 9110 of RFC 6585 over de status; about:blank als er geen is).", "uri-reference"),
            ["title"] = Tekst("Korte samenvatting in het Nederlands, met de ongeldige parameter(s) bij een 400."),
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "De HTTP-status." },
            ["detail"] = Tekst("Wat er mis is en hoe het verzoek te herstellen, in het Nederlands."),
            ["instance"] = Tekst("URI van dit voorkomen van het probleem (niet gebruikt).", "uri-reference"),
            ["traceId"] = Tekst("Id van het verzoek (W3C trace id, 32 hexadecimale tekens), ook in elke logregel van het verzoek: noem het bij een melding."),
            ["invalidParams"] = Lijst(nameof(OngeldigeParameter), "Bij een 400 voor parameters: elke ongeldige parameter met wat er mis is en wat mag."),
            ["problemen"] = Lijst(nameof(Features.Standen.Bestandsprobleem), "Bij een geweigerd standbestand (400 van POST /standen): elk probleem met regel en kolom."),
            ["standen"] = Lijst(nameof(Features.Standen.Standetag), "Bij 409 en 412 van POST /standen: de standen die de import zou vervangen, met hun huidige etag."),
        };
        probleem.Required = new HashSet<string>(["type", "title", "status", "detail", "traceId"], StringComparer.Ordinal);
    }

    /// <summary>
    /// Every field and query parameter that holds a closed set refers to its one component (nullable fields as the generator writes a
    /// nullable reference: oneOf null or the component). A parameter keeps its description and default beside the reference.
    /// </summary>
    private static void GeslotenVelden(Microsoft.OpenApi.OpenApiDocument document)
    {
        var gezien = new HashSet<(string, string)>();
        foreach (var (naam, component) in document.Components!.Schemas!)
        {
            if (component is not OpenApiSchema { Properties: { } velden }) continue;
            foreach (var (veld, schema) in velden.ToList())
            {
                if (Codelijsten.PatroonVoor(naam, veld, parameter: false) is { } patroon)
                {
                    var naarPatroon = new OpenApiSchemaReference(patroon.Naam, document) { Description = schema.Description };
                    velden[veld] = schema.Type?.HasFlag(JsonSchemaType.Null) == true
                        ? new OpenApiSchema { OneOf = [new OpenApiSchema { Type = JsonSchemaType.Null }, naarPatroon] }
                        : naarPatroon;
                    gezien.Add((naam, veld));
                    continue;
                }
                if (Codelijsten.Voor(naam, veld) is not { } lijst)
                {
                    gezien.Add((naam, veld));
                    continue;
                }
                gezien.Add((naam, veld));
                if (schema is not OpenApiSchema { Type: { } type } || !type.HasFlag(JsonSchemaType.String))
                {
                    throw new InvalidOperationException($"{naam}.{veld} is geen tekst en kan geen {lijst.Naam} zijn.");
                }
                var verwijzing = new OpenApiSchemaReference(lijst.Naam, document) { Description = schema.Description };
                velden[veld] = type.HasFlag(JsonSchemaType.Null)
                    ? new OpenApiSchema { OneOf = [new OpenApiSchema { Type = JsonSchemaType.Null }, verwijzing] }
                    : verwijzing;
            }
        }
        foreach (var operatie in document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []))
        {
            foreach (var parameter in operatie.Parameters?.OfType<OpenApiParameter>() ?? [])
            {
                gezien.Add((operatie.OperationId!, parameter.Name!));
                if (parameter.Schema is OpenApiSchema vorm && Codelijsten.PatroonVoor(operatie.OperationId!, parameter.Name!, parameter: true) is { } patroon)
                {
                    // A repeatable parameter (begroting=JenV&begroting=AenM) is an array of the pattern.
                    var naarPatroon = new OpenApiSchemaReference(patroon.Naam, document);
                    if (vorm.Type == JsonSchemaType.Array) vorm.Items = naarPatroon;
                    else parameter.Schema = naarPatroon;
                    continue;
                }
                if (parameter.In != ParameterLocation.Query || parameter.Schema is not OpenApiSchema schema) continue;
                if (parameter.Name == "sortering")
                {
                    parameter.Schema = new OpenApiSchemaReference(SorteringComponent, document) { Default = schema.Default };
                    continue;
                }
                if (Codelijsten.Voor(operatie.OperationId!, parameter.Name!) is not { } lijst) continue;
                // A repeatable parameter (fase=ontwerpbegroting&fase=jaarverslag) is an array of the set.
                if (schema.Type == JsonSchemaType.Array)
                {
                    schema.Items = new OpenApiSchemaReference(lijst.Naam, document);
                    continue;
                }
                if (schema.Type != JsonSchemaType.String) throw new InvalidOperationException($"{operatie.OperationId} {parameter.Name} is geen tekst en kan geen {lijst.Naam} zijn.");
                parameter.Schema = new OpenApiSchemaReference(lijst.Naam, document) { Default = schema.Default };
            }
        }
        // A stale exception (a field renamed, an operation gone) would silently stop applying: say so instead.
        var weg = Codelijsten.Uitzonderingen.Where(u => !gezien.Contains(u)).ToList();
        if (weg.Count > 0) throw new InvalidOperationException("Codelijsten noemt wat het document niet heeft: " + string.Join(", ", weg));
    }

    /// <summary>A table's cell is a number, a text or empty (Tabelrij.cellen): said so, so a generated client types it.</summary>
    private static void Tabelcellen(Microsoft.OpenApi.OpenApiDocument document)
    {
        if (!document.Components!.Schemas!.TryGetValue(nameof(Tabelrij), out var r) || r is not OpenApiSchema { Properties: { } velden }) return;
        if (velden["cellen"] is OpenApiSchema cellen) cellen.Items = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Number | JsonSchemaType.Null };
    }

    /// <summary>Paging links are relative URI references (/v1/bedragen?pagina=2), not free text.</summary>
    private static void Koppelingen(Microsoft.OpenApi.OpenApiDocument document)
    {
        if (!document.Components!.Schemas!.TryGetValue(nameof(Paginering), out var p) || p is not OpenApiSchema { Properties: { } velden }) return;
        foreach (var veld in new[] { "zelf", "volgende", "vorige" })
        {
            if (velden[veld] is OpenApiSchema link) link.Format = "uri-reference";
        }
    }
}
