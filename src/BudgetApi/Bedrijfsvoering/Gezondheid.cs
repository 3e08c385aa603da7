using System.Text.Json;
using BudgetApi.Opslag;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BudgetApi.Bedrijfsvoering;

/// <summary>A reload that did not take: when, and why (the problems, as the loader names them). The old data kept serving.</summary>
public sealed record MisluktHerladen(DateTimeOffset Tijdstip, IReadOnlyList<string> Problemen);

/// <summary>
/// What readiness reports about the data being served. The loader tells it when a complete database is in service
/// (at start, after a reload or an import) and when a reload failed; readiness stays 200 with the old version then, and names the failure.
/// </summary>
public interface ILaadtoestand
{
    /// <summary>When the data now being served was loaded; null while no complete database is in service.</summary>
    DateTimeOffset? GeladenOp { get; }

    /// <summary>The last reload that failed after the data now served was loaded; null when none did.</summary>
    MisluktHerladen? LaatsteMislukking { get; }

    /// <summary>A complete database is in service (start, reload, import): clears any earlier failure.</summary>
    void Geladen();

    /// <summary>A reload failed and the previous data keeps serving.</summary>
    void HerladenMislukt(IReadOnlyList<string> problemen);
}

public sealed class Laadtoestand(TimeProvider tijd) : ILaadtoestand
{
    private volatile Toestand _toestand = new(null, null);

    private sealed record Toestand(DateTimeOffset? GeladenOp, MisluktHerladen? Mislukking);

    public DateTimeOffset? GeladenOp => _toestand.GeladenOp;

    public MisluktHerladen? LaatsteMislukking => _toestand.Mislukking;

    public void Geladen() => _toestand = new Toestand(tijd.GetUtcNow(), null);

    public void HerladenMislukt(IReadOnlyList<string> problemen) =>
        _toestand = _toestand with { Mislukking = new MisluktHerladen(tijd.GetUtcNow(), problemen) };
}

/// <summary>
/// Ready means: a complete database is loaded and can be read. Reports the data version and the standen in service;
/// everything is resolved per check, so a reload that swaps the data is seen by the next probe.
/// </summary>
public sealed class Gereedheidscontrole(IServiceProvider diensten, ILogger<Gereedheidscontrole> log) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var toestand = diensten.GetRequiredService<ILaadtoestand>();
        if (toestand.GeladenOp is null)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("Er is nog geen volledige database geladen."));
        }
        IReadOnlyList<Begroting> begrotingen;
        try
        {
            // The catalogue answers from memory; a query proves the database file itself is still there and readable.
            using (var verbinding = diensten.GetRequiredService<BudgetDb>().Open())
            using (var opdracht = verbinding.CreateCommand())
            {
                opdracht.CommandText = "SELECT count(*) FROM begroting";
                opdracht.ExecuteScalar();
            }
            begrotingen = diensten.GetRequiredService<Catalogus>().Begrotingen;
        }
        catch (Exception fout)
        {
            log.LogError(fout, "Gereedheid: de database kan niet worden gelezen");
            return Task.FromResult(HealthCheckResult.Unhealthy("De geladen database kan niet worden gelezen."));
        }
        if (begrotingen.Count == 0) return Task.FromResult(HealthCheckResult.Unhealthy("De geladen database bevat geen begroting."));

        var gegevens = new Dictionary<string, object>
        {
            ["gegevensversie"] = diensten.GetRequiredService<IGegevensversie>().Versie,
            ["geladenOp"] = toestand.GeladenOp.Value,
            ["standen"] = begrotingen.Select(b => new GeladenStand(b.Code, b.Naam, b.Stand, b.VanJaar, b.TotJaar)).ToList(),
        };
        if (toestand.LaatsteMislukking is { } mislukt)
        {
            gegevens["laatsteHerlaadpoging"] = new Herlaadpoging(mislukt.Tijdstip, false, mislukt.Problemen);
            return Task.FromResult(HealthCheckResult.Degraded(
                $"De laatste herlaadpoging ({mislukt.Tijdstip:O}) is mislukt; de vorige gegevens blijven in gebruik.", data: gegevens));
        }
        return Task.FromResult(HealthCheckResult.Healthy("Gereed.", gegevens));
    }
}

/// <summary>A stand in service, as readiness lists it.</summary>
public sealed record GeladenStand(string Begroting, string Naam, string Stand, int VanJaar, int TotJaar);

/// <summary>A reload attempt as readiness shows it.</summary>
public sealed record Herlaadpoging(DateTimeOffset Tijdstip, bool Gelukt, IReadOnlyList<string> Problemen);

public static class Gezondheid
{
    public const string LevendPad = "/health/live";
    public const string GereedPad = "/health/ready";
    private const string GereedLabel = "gereed";

    public static IServiceCollection VoegGezondheidToe(this IServiceCollection diensten)
    {
        diensten.TryAddSingleton(TimeProvider.System);
        diensten.AddSingleton<ILaadtoestand, Laadtoestand>();
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
