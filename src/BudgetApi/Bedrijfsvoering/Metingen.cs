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

    /// <summary>
    /// The scrape endpoint; not rate limited, not in the OpenAPI document (it is for operations, not for analysts), not offered
    /// cross-origin, and answered only to whom <see cref="Metingentoegang"/> allows: to anyone else it does not exist (404).
    /// </summary>
    public static void MapMetingen(this IEndpointRouteBuilder app)
    {
        // The gauge exists once the meter does: create it before the first scrape.
        app.ServiceProvider.GetRequiredService<Metingen>();
        var toegang = Metingentoegang.Uit(app.ServiceProvider.GetRequiredService<IConfiguration>());
        app.MapPrometheusScrapingEndpoint(Metingen.Pad, meterProvider: null, configureBranchedPipeline: pijplijn => pijplijn.Use(async (context, volgende) =>
        {
            // No body here: the status code pages write the same 404 problem as for any unknown path.
            if (toegang.Mag(context.Connection)) await volgende(context);
            else context.Response.StatusCode = StatusCodes.Status404NotFound;
        }), optionsName: null).DisableRateLimiting().WithMetadata(new Microsoft.AspNetCore.Cors.DisableCorsAttribute()).ExcludeFromDescription();
    }
}

/// <summary>
/// Who may scrape /metrics (issue 18: it was public, with CORS *, and names the framework's versions). Two settings, and by
/// default only the machine itself: <c>Budget:Metingen:Netwerken</c>, the networks (CIDR) whose clients may scrape it,
/// default loopback; <c>Budget:Metingen:Poort</c>, a local port on which it is answered to anyone who reaches that port
/// (listen on it with ASPNETCORE_URLS and keep it off the public side of the load balancer). A connection without an address
/// (in-process, a Unix socket) is local. Behind a proxy the client is the proxy: allow the proxy's network only if the
/// proxy itself keeps /metrics off its public side.
/// </summary>
public sealed class Metingentoegang
{
    public const string NetwerkenSleutel = "Budget:Metingen:Netwerken";
    public const string PoortSleutel = "Budget:Metingen:Poort";

    private static readonly System.Net.IPNetwork[] Loopback = [System.Net.IPNetwork.Parse("127.0.0.0/8"), System.Net.IPNetwork.Parse("::1/128")];

    private readonly System.Net.IPNetwork[] _netwerken;
    private readonly int? _poort;

    private Metingentoegang(System.Net.IPNetwork[] netwerken, int? poort) => (_netwerken, _poort) = (netwerken, poort);

    /// <summary>Reads both settings; a network that is no CIDR or a port out of range stops the start, naming the setting.</summary>
    public static Metingentoegang Uit(IConfiguration configuratie)
    {
        var teksten = configuratie.GetSection(NetwerkenSleutel).Get<string[]>();
        var netwerken = teksten is null ? Loopback : teksten.Select(t => System.Net.IPNetwork.TryParse(t.Trim(), out var netwerk)
            ? netwerk
            : throw new InvalidOperationException($"{NetwerkenSleutel}: '{t}' is geen netwerk in CIDR-notatie (zoals 10.0.0.0/8 of ::1/128).")).ToArray();
        var poort = configuratie.GetValue<int?>(PoortSleutel);
        if (poort is < 1 or > 65535) throw new InvalidOperationException($"{PoortSleutel}: {poort} is geen poort (1-65535).");
        return new Metingentoegang(netwerken, poort);
    }

    public bool Mag(ConnectionInfo verbinding)
    {
        if (_poort is { } poort && verbinding.LocalPort == poort) return true;
        if (verbinding.RemoteIpAddress is not { } adres) return true;
        if (adres.IsIPv4MappedToIPv6) adres = adres.MapToIPv4();
        return _netwerken.Any(n => n.Contains(adres));
    }
}
