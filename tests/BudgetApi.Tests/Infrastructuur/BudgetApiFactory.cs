using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace BudgetApi.Tests.Infrastructuur;

/// <summary>The real service over real HTTP, loading the shipped data/ into its own SQLite file.</summary>
public class BudgetApiFactory : WebApplicationFactory<Program>
{
    private readonly TijdelijkeMap _map = new();

    /// <summary>Keeps the read limit of appsettings.json instead of switching it off.</summary>
    public bool MetSnelheidslimiet { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Budget:DataMap", Repo.DataMap);
        builder.UseSetting("Budget:DatabasePad", _map["budget.db"]);
        // Like the benchmarks, the tests send far more requests than a person: the read limit is off here and tested on its own.
        if (!MetSnelheidslimiet) builder.UseSetting("Budget:Snelheidslimiet:PerMinuut", "0");
        builder.UseSetting("Logging:LogLevel:" + BudgetApi.Bedrijfsvoering.Logboek.VerzoekCategorie, "Warning");
        // The identity provider the tests' tokens come from (Tokens): importing works here as with the ministry's.
        foreach (var (sleutel, waarde) in Tokens.Instellingen()) builder.UseSetting(sleutel, waarde);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _map.Dispose();
    }
}

/// <summary>The same service on a real Kestrel port, for a real browser.</summary>
public sealed class KestrelFactory : BudgetApiFactory
{
    public KestrelFactory() => UseKestrel(0);
}

[CollectionDefinition(Naam)]
public sealed class ApiCollectie : ICollectionFixture<BudgetApiFactory>
{
    public const string Naam = "api";
}
