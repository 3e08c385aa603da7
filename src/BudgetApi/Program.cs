using System.Reflection;
using BudgetApi.Features;
using BudgetApi.Http;
using BudgetApi.Laden;
using BudgetApi.Opslag;
using FluentValidation;

var builder = WebApplication.CreateBuilder(args);

var opties = builder.Configuration.GetSection("Budget").Get<BudgetOpties>() ?? new BudgetOpties();
var dataMap = Path.GetFullPath(Path.Combine(builder.Environment.ContentRootPath, opties.DataMap));
var databasePad = Path.GetFullPath(Path.Combine(builder.Environment.ContentRootPath, opties.DatabasePad));

builder.Services.AddSingleton(new BudgetDb(databasePad));
builder.Services.AddSingleton<IGegevensversie>(new Gegevensversie(Gegevensversie.VanMap(dataMap)));
builder.Services.AddSingleton<Catalogus>();
builder.Services.AddSingleton<Aansluitingberekening.Lijst>();
builder.Services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Singleton,
    filter: v => v.ValidatorType.Namespace?.StartsWith("BudgetApi.Features", StringComparison.Ordinal) == true);
// Every error is a problem with status, title and detail, also those the framework answers itself (an unknown path).
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = Problemen.VulAan);
builder.Services.AddOpenApi("v1", OpenApiDocument.Configureer);
builder.Services.AddCors();
builder.Services.VoegAntwoordcacheToe(builder.Configuration);
// Numbers are numbers: no "123" accepted for an integer, so the OpenAPI schemas say integer, not integer-or-string.
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict);
// A query value that does not bind (vanJaar=abc) throws, so the exception handler can answer with a problem naming it.
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);

var app = builder.Build();

// The build-time OpenAPI generator starts this program only to read its endpoints: it must not load data.
var isDocumentGenerator = Assembly.GetEntryAssembly()?.GetName().Name == "GetDocument.Insider";
if (!isDocumentGenerator)
{
    var resultaat = Lader.Laad(dataMap, databasePad);
    if (!resultaat.Gelukt)
    {
        foreach (var probleem in resultaat.Problemen) Console.Error.WriteLine(probleem);
        Console.Error.WriteLine($"BudgetApi start niet: {resultaat.Problemen.Count} probleem/problemen in {dataMap}. De vorige database ({databasePad}) is ongewijzigd.");
        return 1;
    }
    app.Logger.LogInformation("Gegevens geladen uit {DataMap} in {Database}: {Rijen}", dataMap, databasePad,
        string.Join(", ", resultaat.RijenPerBestand.Select(r => $"{r.Key} {r.Value}")));
}

// Tell the user where to go: the addresses are known only once the server listens.
app.Lifetime.ApplicationStarted.Register(() =>
{
    var adressen = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
        .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses ?? [];
    foreach (var adres in adressen) Console.WriteLine($"BudgetApi luistert op {adres} — Swagger UI: {adres}/swagger");
});

app.GebruikFoutafhandeling();
app.UseStatusCodePages();
app.GebruikKopteksten();
// Public, read-only figures: any origin may read them, the OpenAPI document included (ADR /core/publish-openapi).
// A dashboard may revalidate what it holds itself: If-None-Match is allowed in, the ETag readable.
app.UseCors(cors => cors.AllowAnyOrigin().WithMethods("GET").WithHeaders("If-None-Match")
    .WithExposedHeaders("API-Version", "Content-Disposition", "ETag"));
app.GebruikAntwoordcache();

app.MapOpenApi(OpenApiDocument.Prefix + "/openapi.json");
app.UseSwaggerUI(ui =>
{
    ui.SwaggerEndpoint(OpenApiDocument.Prefix + "/openapi.json", "BudgetApi v1");
    ui.RoutePrefix = "swagger";
    ui.DocumentTitle = "BudgetApi — begroting Justitie en Veiligheid";
});
app.MapGet("/", () => Results.Redirect("/swagger")).ExcludeFromDescription();

var v1 = app.MapGroup(OpenApiDocument.Prefix).MetAntwoordcache();
v1.AddEndpointFilter(async (context, next) =>
    Formaat.Controleer(context.HttpContext.Request) is { } fout && context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<CsvMogelijk>() is not null
        ? fout
        : await next(context));
v1.MapBegrotingen();
v1.MapArtikelen();
v1.MapTotalen();
v1.MapAandelen();
v1.MapAansluitingen();
v1.MapOrganisaties();
v1.MapBezetting();
v1.MapBedragen();

app.Run();
return 0;

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
