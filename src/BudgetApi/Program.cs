using System.Reflection;
using BudgetApi.Bedrijfsvoering;
using BudgetApi.Features;
using BudgetApi.Features.OData;
using BudgetApi.Features.Standen;
using BudgetApi.Http;
using BudgetApi.Laden;
using BudgetApi.Laden.Standbestanden;
using BudgetApi.Opslag;
using FluentValidation;

// The OData model is the largest single piece of the start and needs nothing of the host: built beside it (ODataEndpoints.BouwVooraf).
ODataEndpoints.BouwVooraf();
// appsettings.json is read from the application's own folder, wherever it is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.VoegBedrijfsvoeringToe();

// The build-time OpenAPI generator starts this program only to read its endpoints: it must not load data.
var isDocumentGenerator = Assembly.GetEntryAssembly()?.GetName().Name == "GetDocument.Insider";
var locaties = Locaties.Uit(builder.Configuration);
if (!isDocumentGenerator && locaties.Controleer() is { } ontoegankelijk)
{
    Console.Error.WriteLine(ontoegankelijk);
    return 1;
}
var dataMap = locaties.DataMap;
var databasePad = locaties.DatabasePad;
var importMap = locaties.ImportMap;

// The data a request reads is one version, held for the whole request (Gegevensgebruik): a reload or import swaps in a new
// version whole, and the request in flight finishes on the old one. Everything below is resolved from that version.
builder.Services.AddSingleton(sp => new Gegevensbron(dataMap, databasePad, importMap, Standlezers.Alle,
    sp.GetRequiredService<ILogger<Gegevensbron>>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<Metingen>()));
builder.Services.AddHostedService<Herlaadbewaker>();
builder.Services.AddScoped<Gegevensgebruik>();
builder.Services.AddScoped(sp => sp.GetRequiredService<Gegevensgebruik>().Gegevens);
builder.Services.AddScoped<IGegevensversie>(sp => sp.GetRequiredService<Gegevens>());
builder.Services.AddScoped(sp => sp.GetRequiredService<Gegevens>().Db);
builder.Services.AddScoped(sp => sp.GetRequiredService<Gegevens>().Catalogus);
builder.Services.AddScoped(sp => Aansluitingberekening.Lijst.Van(sp.GetRequiredService<Gegevens>()));
builder.Services.AddScoped(sp => BudgetApi.Bevindingen.Bevindinglijst.Van(sp.GetRequiredService<Gegevens>()));
builder.Services.AddScoped(sp => Bronteksten.Van(sp.GetRequiredService<Gegevens>(), dataMap, importMap));
builder.Services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Scoped,
    filter: v => v.ValidatorType.Namespace?.StartsWith("BudgetApi.Features", StringComparison.Ordinal) == true);
// Reading is public; importing needs a bearer token with the import role. Issuer, audiences and signing keys come from
// configuration (Authentication:Schemes:Bearer), so the ministry's identity provider plugs in; dotnet user-jwts for development.
// The import's policy names the scheme, and the authorization middleware authenticates only where a policy asks: a read (every
// other request) runs no authentication handler at all. So there is no UseAuthentication.
builder.Services.AddAuthentication().AddJwtBearer();
// Development: a key dotnet user-jwts makes after the start is taken without a restart (the README's order works).
Ontwikkeltokens.VoegToe(builder);
builder.Services.AddAuthorization(o => o.AddPolicy(ImportEndpoints.Beleid, ImportEndpoints.Beleidsregel));
// Every error is a problem with status, title and detail, also those the framework answers itself (an unknown path).
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = Problemen.VulAan);
builder.Services.AddOpenApi("v1", OpenApiDocument.Configureer);
builder.Services.AddCors(o => o.AddDefaultPolicy(Kopteksten.CorsBeleid));
builder.Services.VoegAntwoordcacheToe(builder.Configuration);
builder.Services.VoegODataToe(builder.Configuration);
// Numbers are numbers: no "123" accepted for an integer, so the OpenAPI schemas say integer, not integer-or-string.
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict);
// A query value that does not bind (vanJaar=abc) throws, so the exception handler can answer with a problem naming it.
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);

var app = builder.Build();

if (!isDocumentGenerator)
{
    var gegevensbron = app.Services.GetRequiredService<Gegevensbron>();
    Laadresultaat resultaat;
    try
    {
        resultaat = gegevensbron.Laad();
    }
    catch (Exception fout) when (Opstartfout.IsSchijffout(fout))
    {
        Console.Error.WriteLine(Opstartfout.BouwenMislukt(databasePad, fout));
        return 1;
    }
    if (!resultaat.Gelukt)
    {
        foreach (var probleem in resultaat.Problemen) Console.Error.WriteLine(probleem);
        Console.Error.WriteLine($"BudgetApi start niet: {resultaat.Problemen.Count} probleem/problemen in {dataMap}. De vorige database ({databasePad}) is ongewijzigd.");
        return 1;
    }
    app.Logger.LogInformation("Gegevens versie {Versie} geladen uit {DataMap} en {ImportMap} in {Database}: {Standen} standen",
        gegevensbron.Huidig!.Versie, dataMap, importMap, gegevensbron.Huidig.Db.DatabasePad, gegevensbron.Huidig.Catalogus.Standen.Count);
}

// Tell the user where to go: the addresses are known only once the server listens.
app.Lifetime.ApplicationStarted.Register(() =>
{
    var adressen = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
        .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses ?? [];
    foreach (var adres in adressen) Logboek.Meld(app, $"BudgetApi luistert op {adres} — Swagger UI: {adres}/swagger — dashboard: {adres}/dashboard");
});

// A read whose answer is kept is answered first of all, before routing and before every middleware below, which it does
// the work of itself (the request log's line, HEAD, the header limit, the security headers, CORS, the rate limit): Http/Antwoordcache.cs.
app.GebruikOpgeslagenAntwoorden();
app.GebruikVerzoeklog();
app.GebruikHead();
app.GebruikFoutafhandeling();
app.UseStatusCodePages();
app.GebruikKopteksten();
app.GebruikAllow();
app.GebruikVerzoeklimieten();
// /v1/csv/… and /v1/xlsx/…: a collection as CSV or Excel at a path of its own (Http/Formaatpaden.cs, issue 17).
app.GebruikFormaatpaden();
app.UseRouting();
app.WeigerFormaatpadenZonderFormaat();
// CORS as Kopteksten.CorsBeleid says (public, read-only figures: any origin may read them).
app.UseCors();
// The rate limit before authorization: a request refused for its token (401, 403) counts toward its client's limit too, so
// guessing tokens meets the import's limit like any import (issue 18: 98.912 × 401 and not one 429).
app.GebruikSnelheidslimiet();
app.UseAuthorization();
app.GebruikAntwoordcache();
app.MapGezondheid();
app.MapMetingen();

app.MapOpenApi(OpenApiDocument.Prefix + "/openapi.json");
app.UseSwaggerUI(SwaggerUi.Configureer);
app.MapGet("/", () => Results.Redirect("/swagger")).ExcludeFromDescription();
app.GebruikDashboard();

var v1 = app.MapGroup(OpenApiDocument.Prefix).MetAntwoordcache();
v1.AddEndpointFilter(async (context, next) =>
    (Formaat.Controleer(context.HttpContext.Request) ?? Csvdialecten.Controleer(context.HttpContext.Request)) is { } fout
    && context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<CsvMogelijk>() is not null
        ? fout
        : await next(context));
v1.MapBegrotingen();
v1.MapStanden();
v1.MapImport().MetImportlimieten(app.Configuration);
v1.MapArtikelen();
v1.MapTotalen();
v1.MapAandelen();
v1.MapAansluitingen();
v1.MapOrganisaties();
v1.MapBezetting();
v1.MapBedragen();
v1.MapMutaties();
v1.MapUitputting();
v1.MapWasWordt();
v1.MapStandenreeks();
v1.MapVerloop();
// The dashboard's tables, each as JSON, CSV and Excel (Features/Tabellen.cs, issue 16 §3).
v1.MapTabellen();
v1.MapZoeken();
v1.MapBevindingen();
v1.MapBronnen();
// The OData v4 feed for Excel and Power BI (docs/odata.md): the same figures, read-only, beside the REST resources.
app.MapOData();

try
{
    app.Run();
}
catch (IOException fout)
{
    Console.Error.WriteLine(Opstartfout.StartenMislukt(fout)); // a port in use: one line, not a stack
    return 1;
}
return 0;

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
