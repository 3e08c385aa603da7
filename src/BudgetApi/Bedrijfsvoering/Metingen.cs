using System.Diagnostics.Metrics;
using BudgetApi.Opslag;
using OpenTelemetry.Metrics;

namespace BudgetApi.Bedrijfsvoering;

/// <summary>
/// What an operator scrapes at /metrics (Prometheus text format, OpenTelemetry): the framework's request counts and
/// latencies (http_server_request_duration_seconds, per route and status), and the service's own meter 'BudgetApi':
/// the version of the data in service, and the outcome of every import and reload.
/// </summary>
public sealed class Metingen
{
    public const string MeterNaam = "BudgetApi";
    public const string Pad = "/metrics";

    // The outcomes an import or a reload is counted under (the tag 'uitkomst').
    public const string Geslaagd = "geslaagd";
    /// <summary>The file was refused: it did not validate (a 400/422 to the client); nothing changed.</summary>
    public const string Afgewezen = "afgewezen";
    /// <summary>The service could not complete it (disk, database); nothing changed.</summary>
    public const string Mislukt = "mislukt";

    private readonly Counter<long> _imports;
    private readonly Counter<long> _herladen;

    public Metingen(IMeterFactory meters, IServiceProvider diensten)
    {
        var meter = meters.Create(MeterNaam);
        _imports = meter.CreateCounter<long>("budgetapi.imports", "{import}", "Afgehandelde imports van standen, per uitkomst.");
        _herladen = meter.CreateCounter<long>("budgetapi.herladen", "{herlading}", "Herlaadpogingen van de gegevens, per uitkomst.");
        // Resolved at every scrape: a reload that swaps the data shows its version at the next scrape.
        meter.CreateObservableGauge("budgetapi.gegevensversie", () => new Measurement<int>(1,
            new KeyValuePair<string, object?>("versie", diensten.GetRequiredService<Gegevensbron>().Huidig?.Versie ?? "")),
            description: "De versie van de gegevens in gebruik (label versie); de waarde is altijd 1.");
    }

    /// <summary>Counts one import by its outcome (<see cref="Geslaagd"/>, <see cref="Afgewezen"/>, <see cref="Mislukt"/>).</summary>
    public void ImportAfgehandeld(string uitkomst) => _imports.Add(1, new KeyValuePair<string, object?>("uitkomst", uitkomst));

    /// <summary>Counts one reload by its outcome.</summary>
    public void HerladenAfgehandeld(string uitkomst) => _herladen.Add(1, new KeyValuePair<string, object?>("uitkomst", uitkomst));
}

public static class MetingenRegistratie
{
    public static IServiceCollection VoegMetingenToe(this IServiceCollection diensten)
    {
        diensten.AddSingleton<Metingen>();
        diensten.AddOpenTelemetry().WithMetrics(m => m
            .AddAspNetCoreInstrumentation()
            .AddMeter(Metingen.MeterNaam)
            .AddPrometheusExporter());
        return diensten;
    }

    /// <summary>The scrape endpoint; not rate limited, not in the OpenAPI document (it is for operations, not for analysts).</summary>
    public static void MapMetingen(this IEndpointRouteBuilder app)
    {
        // The gauge exists once the meter does: create it before the first scrape.
        app.ServiceProvider.GetRequiredService<Metingen>();
        app.MapPrometheusScrapingEndpoint(Metingen.Pad).DisableRateLimiting().ExcludeFromDescription();
    }
}
