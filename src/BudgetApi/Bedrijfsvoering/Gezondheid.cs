using System.Text.Json;
using BudgetApi.Opslag;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BudgetApi.Bedrijfsvoering;

/// <summary>
/// Ready means: a complete database is loaded and can be read. Reports the data version, when it was loaded and the standen in
/// service, and the last reload that failed (the old data keeps serving then: still ready, with a warning). Asks the data source
/// per check, so a reload that swaps the data is seen by the next probe.
/// </summary>
public sealed class Gereedheidscontrole(Gegevensbron bron, ILogger<Gereedheidscontrole> log, TimeProvider klok) : IHealthCheck
{
    private static string ZonderPad(string tekst, string pad, string instelling) =>
        pad.Length == 0 ? tekst : tekst.Replace(pad, instelling, StringComparison.Ordinal);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (bron.Huidig is null)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("Er is nog geen volledige database geladen."));
        }
        var gegevens = bron.NeemInGebruik();
        try
        {
            IReadOnlyList<Stand> standen;
            try
            {
                // The catalogue answers from memory; a query proves the database file itself is still there and readable.
                using (var verbinding = gegevens.Db.Open())
                using (var opdracht = verbinding.CreateCommand())
                {
                    opdracht.CommandText = "SELECT count(*) FROM stand";
                    opdracht.ExecuteScalar();
                }
                standen = gegevens.Catalogus.Standen;
            }
            catch (Exception fout)
            {
                log.LogError(fout, "Gereedheid: de database kan niet worden gelezen");
                return Task.FromResult(HealthCheckResult.Unhealthy("De geladen database kan niet worden gelezen."));
            }
            if (standen.Count == 0) return Task.FromResult(HealthCheckResult.Unhealthy("De geladen database bevat geen stand."));

            // Small, for a probe: status, data version, when it was loaded, the time. The standen themselves are /v1/standen (documented,
            // with their sources and etags); they were 381 entries (40 KB) here.
            var data = new Dictionary<string, object>
            {
                ["gegevensversie"] = gegevens.Versie,
                ["geladenOp"] = bron.GeladenOp!.Value,
                // In whole seconds: JSON drops a fraction's trailing zeros, so a time to the tick has no fixed length and a HEAD's
                // Content-Length would not be the GET's made a moment later.
                ["tijd"] = HeleSeconden(klok.GetUtcNow()),
                ["aantalStanden"] = standen.Count,
                ["standen"] = "/v1/standen",
            };
            if (bron.LaatsteMislukking is { } mislukt)
            {
                // Public: a folder of the server is named by its setting, not its path (the log names the path).
                var problemen = mislukt.Problemen.Select(p => ZonderPad(ZonderPad(p, bron.ImportMap, Locaties.ImportMapSleutel), bron.DataMap, Locaties.DataMapSleutel)).ToList();
                data["laatsteHerlaadpoging"] = new Herlaadpoging(mislukt.Tijd, false, mislukt.Aanleiding, problemen);
                return Task.FromResult(HealthCheckResult.Degraded(
                    $"De laatste herlaadpoging ({mislukt.Tijd:O}, {mislukt.Aanleiding}) is mislukt; versie {gegevens.Versie} blijft in gebruik.", data: data));
            }
            return Task.FromResult(HealthCheckResult.Healthy("Gereed.", data));
        }
        finally
        {
            gegevens.GeefVrij();
        }
    }

    private static DateTimeOffset HeleSeconden(DateTimeOffset t) => new(t.Ticks - t.Ticks % TimeSpan.TicksPerSecond, t.Offset);
}

/// <summary>A reload attempt as readiness shows it.</summary>
public sealed record Herlaadpoging(DateTimeOffset Tijdstip, bool Gelukt, string Aanleiding, IReadOnlyList<string> Problemen);

public static class Gezondheid
{
    public const string LevendPad = "/health/live";
    public const string GereedPad = "/health/ready";
    private const string GereedLabel = "gereed";

    public static IServiceCollection VoegGezondheidToe(this IServiceCollection diensten)
    {
        diensten.TryAddSingleton(TimeProvider.System);
        diensten.AddHealthChecks().AddCheck<Gereedheidscontrole>("gegevens", tags: [GereedLabel]);
        return diensten;
    }

    /// <summary>Liveness checks nothing but that the process answers; readiness runs the data check. Neither is rate limited.</summary>
    public static void MapGezondheid(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks(LevendPad, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = Schrijf })
            .DisableRateLimiting().ExcludeFromDescription();
        app.MapHealthChecks(GereedPad, new HealthCheckOptions
            {
                Predicate = c => c.Tags.Contains(GereedLabel),
                ResponseWriter = Schrijf,
                ResultStatusCodes =
                {
                    [HealthStatus.Healthy] = StatusCodes.Status200OK,
                    // Degraded: the old data serves after a failed reload; the instance can take traffic.
                    [HealthStatus.Degraded] = StatusCodes.Status200OK,
                    [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
                },
            })
            .DisableRateLimiting().ExcludeFromDescription();
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static Task Schrijf(HttpContext context, HealthReport rapport)
    {
        var antwoord = new Dictionary<string, object?>
        {
            ["status"] = rapport.Status switch
            {
                HealthStatus.Healthy => "gereed",
                HealthStatus.Degraded => "gereed-met-waarschuwing",
                _ => "niet-gereed",
            },
        };
        if (rapport.Entries.Count == 0) antwoord["status"] = "levend";
        foreach (var (_, regel) in rapport.Entries)
        {
            antwoord["toelichting"] = regel.Description;
            foreach (var (sleutel, waarde) in regel.Data) antwoord[sleutel] = waarde;
        }
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsJsonAsync(antwoord, Json);
    }
}
