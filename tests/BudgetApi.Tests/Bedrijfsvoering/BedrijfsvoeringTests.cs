using System.Net;
using System.Text.Json.Nodes;
using BudgetApi.Bedrijfsvoering;
using BudgetApi.Opslag;
using BudgetApi.Tests.Infrastructuur;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BudgetApi.Tests.Bedrijfsvoering;

/// <summary>The service with its own settings for one test: a rate limit, an environment.</summary>
public sealed class InstelbareFactory(params (string Sleutel, string Waarde)[] instellingen) : BudgetApiFactory
{
    public string? Omgeving { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (sleutel, waarde) in instellingen) builder.UseSetting(sleutel, waarde);
        if (Omgeving is not null) builder.UseEnvironment(Omgeving);
    }
}

public sealed class SnelheidslimietTests
{
    [Fact]
    public async Task Boven_de_leeslimiet_volgt_een_429_probleem_met_Retry_After_en_gezondheid_telt_niet_mee()
    {
        await using var factory = new InstelbareFactory(("Budget:Snelheidslimiet:PerMinuut", "3"));
        var client = factory.CreateClient();
        for (var i = 0; i < 3; i++) (await client.GetAsync("/v1/begrotingen")).StatusCode.Should().Be(HttpStatusCode.OK);
        for (var i = 0; i < 5; i++) (await client.GetAsync(Gezondheid.GereedPad)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync(Gezondheid.LevendPad)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync(Metingen.Pad)).StatusCode.Should().Be(HttpStatusCode.OK);

        using var antwoord = await client.GetAsync("/v1/totalen");

        antwoord.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        var wacht = int.Parse(antwoord.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        wacht.Should().BeInRange(1, 60);
        antwoord.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var probleem = JsonNode.Parse(await antwoord.Content.ReadAsStringAsync())!;
        probleem["status"]!.GetValue<int>().Should().Be(429);
        probleem["title"]!.GetValue<string>().Should().Be("Te veel verzoeken");
        probleem["detail"]!.GetValue<string>().Should().Be(
            $"Dit adres heeft het maximum aantal verzoeken per minuut bereikt. Probeer het over {wacht} seconden opnieuw (zie Retry-After).");
        probleem["traceId"]!.GetValue<string>().Should().MatchRegex("^[0-9a-f]{32}$");
        antwoord.Headers.GetValues("API-Version").Should().Equal("1.0.0");
    }

    [Fact]
    public async Task De_standaardlimiet_van_1200_per_minuut_haalt_een_dashboard_niet()
    {
        await using var factory = new BudgetApiFactory { MetSnelheidslimiet = true };
        var client = factory.CreateClient();
        // A dashboard of 20 tiles refreshing every 10 seconds asks 120 a minute; ten of them stay under the limit.
        for (var i = 0; i < 1200; i++)
        {
            var antwoord = await client.GetAsync("/v1/begrotingen");
            antwoord.StatusCode.Should().Be(HttpStatusCode.OK, $"request {i + 1}");
        }
        (await client.GetAsync("/v1/begrotingen")).StatusCode.Should().Be(HttpStatusCode.TooManyRequests, "the 1201st in the same minute");
    }
}

/// <summary>
/// The import's limits, as the lead attaches them to POST /v1/standen: the same registrations as Program.cs, with a
/// stand-in operation that reads its body, on a real Kestrel port (the test server enforces no body limit).
/// </summary>
public sealed class ImportlimietTests : IAsyncLifetime, IDisposable
{
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [Verzoeklimieten.ImportMaxBytesSleutel] = "1000",
            ["Budget:Snelheidslimiet:ImportPerMinuut"] = "2",
            ["Budget:Snelheidslimiet:PerMinuut"] = "0",
        });
        builder.VoegBedrijfsvoeringToe();
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = BudgetApi.Http.Problemen.VulAan);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.GebruikHead();
        BudgetApi.Http.Foutafhandeling.GebruikFoutafhandeling(_app);
        _app.UseStatusCodePages();
        _app.GebruikVerzoeklimieten();
        _app.UseRouting();
        _app.GebruikSnelheidslimiet();
        _app.MapPost("/v1/standen", async (HttpRequest request) =>
        {
            using var lezer = new StreamReader(request.Body);
            return Results.Text($"gelezen: {(await lezer.ReadToEndAsync()).Length}");
        }).MetImportlimieten(_app.Configuration);
        await _app.StartAsync();
        _client = new HttpClient { BaseAddress = new Uri(_app.Urls.First()) };
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task Een_te_groot_importbestand_is_een_413_probleem_en_de_importlimiet_is_strenger()
    {
        (await (await _client.PostAsync("/v1/standen", new StringContent(new string('x', 1000)))).Content.ReadAsStringAsync()).Should().Be("gelezen: 1000");

        using var teGroot = await _client.PostAsync("/v1/standen", new StringContent(new string('x', 1001)));
        teGroot.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        teGroot.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var probleem = JsonNode.Parse(await teGroot.Content.ReadAsStringAsync())!;
        probleem["title"]!.GetValue<string>().Should().Be("Verzoek te groot");
        probleem["detail"]!.GetValue<string>().Should().Be("Het verzoek is groter dan de 1000 bytes die deze operatie aanneemt.");

        using var derde = await _client.PostAsync("/v1/standen", new StringContent("x"));
        derde.StatusCode.Should().Be(HttpStatusCode.TooManyRequests, "two imports a minute");
        JsonNode.Parse(await derde.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>().Should().StartWith("Dit adres heeft het maximum aantal imports per minuut bereikt.");
    }
}

[Collection(ApiCollectie.Naam)]
public sealed class GezondheidTests(BudgetApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Levend_is_200_zolang_het_proces_antwoordt()
    {
        using var antwoord = await _client.GetAsync(Gezondheid.LevendPad);
        antwoord.StatusCode.Should().Be(HttpStatusCode.OK);
        (await antwoord.Content.ReadAsStringAsync()).Should().Be("""{"status":"levend"}""");
    }

    [Fact]
    public async Task Gereed_noemt_de_gegevensversie_en_de_geladen_standen()
    {
        using var antwoord = await _client.GetAsync(Gezondheid.GereedPad);

        antwoord.StatusCode.Should().Be(HttpStatusCode.OK);
        antwoord.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        var gereed = JsonNode.Parse(await antwoord.Content.ReadAsStringAsync())!;
        gereed["status"]!.GetValue<string>().Should().Be("gereed");
        var bron = factory.Services.GetRequiredService<Gegevensbron>();
        gereed["gegevensversie"]!.GetValue<string>().Should().Be(bron.Huidig!.Versie).And.Be(Gegevensversie.Bereken(bron.DataMap, bron.ImportMap));
        gereed["aantalStanden"]!.GetValue<int>().Should().Be(bron.Huidig.Catalogus.Standen.Count);
        // Small, for a probe: the standen themselves are the documented /v1/standen, not a list of 381 here.
        gereed["standen"]!.GetValue<string>().Should().Be("/v1/standen");
        gereed["tijd"].Should().NotBeNull();
        gereed["laatsteHerlaadpoging"].Should().BeNull();
        (await antwoord.Content.ReadAsStringAsync()).Length.Should().BeLessThan(1024);
    }
}

public sealed class GereedheidTests
{
    [Fact]
    public async Task Na_een_mislukte_herlaadpoging_blijft_gereed_200_met_de_oude_versie_en_noemt_de_mislukking()
    {
        using var map = new TijdelijkeMap();
        var data = map.KopieVanData();
        await using var factory = new InstelbareFactory(("Budget:DataMap", data), ("Budget:DatabasePad", map["var/budget.db"]));
        var client = factory.CreateClient();
        var versie = JsonNode.Parse(await client.GetStringAsync(Gezondheid.GereedPad))!["gegevensversie"]!.GetValue<string>();
        var bron = factory.Services.GetRequiredService<Gegevensbron>();
        var artikelen = Path.Combine(data, "artikelen.csv");
        var goed = File.ReadAllText(artikelen);

        File.WriteAllText(artikelen, goed.Replace("JenV,uitgaven,93", "JenV,uitgaven,9x"));
        await bron.HerlaadAsync("test");
        using var antwoord = await client.GetAsync(Gezondheid.GereedPad);

        antwoord.StatusCode.Should().Be(HttpStatusCode.OK);
        var gereed = JsonNode.Parse(await antwoord.Content.ReadAsStringAsync())!;
        gereed["status"]!.GetValue<string>().Should().Be("gereed-met-waarschuwing");
        gereed["gegevensversie"]!.GetValue<string>().Should().Be(versie);
        gereed["laatsteHerlaadpoging"]!["gelukt"]!.GetValue<bool>().Should().BeFalse();
        gereed["laatsteHerlaadpoging"]!["aanleiding"]!.GetValue<string>().Should().Be("test");
        gereed["laatsteHerlaadpoging"]!["problemen"]!.AsArray().Select(p => p!.GetValue<string>())
            .Should().Contain("data/artikelen.csv:9:3: kolom 'artikel': '9x' is geen geheel getal (schrijf 8843848, zonder punten)");
        gereed["toelichting"]!.GetValue<string>().Should().EndWith($"is mislukt; versie {versie} blijft in gebruik.");
        (await client.GetLijst("/v1/totalen?begroting=JenV&vanJaar=2026&totJaar=2026")).Gegevens.Single()!.Bedrag("bedrag").Should().Be(18_596_347, "the old data keeps serving");

        // The cause gone (the file as it was, the version that serves), the warning goes too.
        File.WriteAllText(artikelen, goed);
        await bron.HerlaadAsync("test");
        gereed = JsonNode.Parse(await client.GetStringAsync(Gezondheid.GereedPad))!;
        gereed["status"]!.GetValue<string>().Should().Be("gereed");
        gereed["gegevensversie"]!.GetValue<string>().Should().Be(versie);
        gereed["laatsteHerlaadpoging"].Should().BeNull();

        File.WriteAllText(artikelen, goed.Replace("8843848", "8843849"));
        await bron.HerlaadAsync("test");
        gereed = JsonNode.Parse(await client.GetStringAsync(Gezondheid.GereedPad))!;
        gereed["status"]!.GetValue<string>().Should().Be("gereed");
        gereed["gegevensversie"]!.GetValue<string>().Should().NotBe(versie);
        (await client.GetLijst("/v1/totalen?begroting=JenV&vanJaar=2026&totJaar=2026")).Gegevens.Single()!.Bedrag("bedrag").Should().Be(18_596_348, "the reload serves the new data");
    }

    [Fact]
    public async Task Zonder_leesbare_database_is_gereed_503_en_levend_blijft_200()
    {
        using var map = new TijdelijkeMap();
        await using var factory = new InstelbareFactory(("Budget:DatabasePad", map["budget.db"]));
        var client = factory.CreateClient();
        (await client.GetAsync(Gezondheid.GereedPad)).StatusCode.Should().Be(HttpStatusCode.OK);

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(factory.Services.GetRequiredService<Gegevensbron>().Huidig!.Db.DatabasePad);
        using var antwoord = await client.GetAsync(Gezondheid.GereedPad);

        antwoord.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        var gereed = JsonNode.Parse(await antwoord.Content.ReadAsStringAsync())!;
        gereed["status"]!.GetValue<string>().Should().Be("niet-gereed");
        gereed["toelichting"]!.GetValue<string>().Should().Be("De geladen database kan niet worden gelezen.");
        (await client.GetAsync(Gezondheid.LevendPad)).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}

/// <summary>No stack trace and no internal message in any environment: the database vanishes under a running service.</summary>
public sealed class LekTests
{
    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task Een_onverwachte_fout_is_een_500_probleem_zonder_binnenkant(string omgeving)
    {
        using var map = new TijdelijkeMap();
        await using var factory = new InstelbareFactory(("Budget:DatabasePad", map["budget.db"])) { Omgeving = omgeving };
        var client = factory.CreateClient();
        (await client.GetAsync("/v1/begrotingen")).StatusCode.Should().Be(HttpStatusCode.OK);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(factory.Services.GetRequiredService<Gegevensbron>().Huidig!.Db.DatabasePad);

        foreach (var accept in new[] { "application/json", "text/html", "text/csv", "*/*" })
        {
            var verzoek = new HttpRequestMessage(HttpMethod.Get, "/v1/bedragen");
            verzoek.Headers.TryAddWithoutValidation("Accept", accept);
            using var antwoord = await client.SendAsync(verzoek);
            var tekst = await antwoord.Content.ReadAsStringAsync();

            antwoord.StatusCode.Should().Be(HttpStatusCode.InternalServerError, accept);
            antwoord.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json", accept);
            var probleem = JsonNode.Parse(tekst)!.AsObject();
            probleem.Select(p => p.Key).Should().BeEquivalentTo(["type", "title", "status", "detail", "traceId"], accept);
            probleem["title"]!.GetValue<string>().Should().Be("Interne fout");
            probleem["detail"]!.GetValue<string>().Should().Be("Er ging iets mis bij het beantwoorden van dit verzoek.");
            tekst.Should().NotContainAny(["Sqlite", "SQLite", "Exception", " at ", map.Pad, ".cs"], accept);
        }
    }
}

public sealed class MetingenTests
{
    [Fact]
    public async Task Metrics_toont_verzoeken_en_duur_de_gegevensversie_en_imports_per_uitkomst()
    {
        await using var factory = new BudgetApiFactory();
        var client = factory.CreateClient();
        (await client.GetAsync("/v1/begrotingen")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/v1/totalen?soort=geen")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var metingen = factory.Services.GetRequiredService<Metingen>();
        metingen.ImportAfgehandeld(Metingen.Geslaagd);
        metingen.ImportAfgehandeld(Metingen.Afgewezen);
        metingen.ImportAfgehandeld(Metingen.Afgewezen);

        // The exporter answers a scrape from its own cache for a moment (ScrapeResponseCacheDurationMilliseconds), and a CI run once
        // read the counters before they showed the imports: scrape until they do, bounded, and then check the whole answer.
        var verwacht = new[] { "budgetapi_imports_total\\{[^}]*uitkomst=\"geslaagd\"[^}]*\\} 1", "budgetapi_imports_total\\{[^}]*uitkomst=\"afgewezen\"[^}]*\\} 2" };
        var tot = DateTime.UtcNow.AddSeconds(20);
        HttpResponseMessage antwoord;
        string tekst;
        while (true)
        {
            antwoord = await client.GetAsync(Metingen.Pad);
            tekst = await antwoord.Content.ReadAsStringAsync();
            if (verwacht.All(v => System.Text.RegularExpressions.Regex.IsMatch(tekst, v)) || DateTime.UtcNow > tot) break;
            antwoord.Dispose();
            await Task.Delay(200);
        }
        using var _ = antwoord;

        antwoord.StatusCode.Should().Be(HttpStatusCode.OK);
        antwoord.Content.Headers.ContentType!.MediaType.Should().Be("text/plain");
        var versie = factory.Services.GetRequiredService<Gegevensbron>().Huidig!.Versie;
        tekst.Should().MatchRegex($"budgetapi_gegevensversie\\{{[^}}]*versie=\"{versie}\"[^}}]*\\}} 1");
        tekst.Should().MatchRegex("budgetapi_imports_total\\{[^}]*uitkomst=\"geslaagd\"[^}]*\\} 1");
        tekst.Should().MatchRegex("budgetapi_imports_total\\{[^}]*uitkomst=\"afgewezen\"[^}]*\\} 2");
        // Counts of the framework's meters, which every service in this test process feeds (the tests run side by side): at least ours.
        tekst.Should().MatchRegex("http_server_request_duration_seconds_count\\{[^}]*http_response_status_code=\"200\",http_route=\"/v1/begrotingen/\"[^}]*\\} [1-9]");
        tekst.Should().MatchRegex("http_server_request_duration_seconds_count\\{[^}]*http_response_status_code=\"400\",http_route=\"/v1/totalen/\"[^}]*\\} [1-9]");
        tekst.Should().MatchRegex("http_server_request_duration_seconds_sum\\{[^}]*http_route=\"/v1/begrotingen/\"[^}]*\\} [0-9.]+");
    }

    // A scrape as it arrives over the network: from this address, on this local port (TestServer sets neither by itself).
    private static Task<HttpContext> Scrape(BudgetApiFactory factory, string adres, int lokalePoort = 8080) =>
        factory.Server.SendAsync(context =>
        {
            context.Request.Method = "GET";
            context.Request.Path = Metingen.Pad;
            context.Request.Headers.Origin = "https://elders.example";
            context.Connection.RemoteIpAddress = IPAddress.Parse(adres);
            context.Connection.LocalPort = lokalePoort;
        });

    [Fact]
    public async Task Metrics_is_standaard_alleen_voor_de_machine_zelf_en_voor_anderen_een_404_zonder_CORS()
    {
        await using var factory = new BudgetApiFactory();

        foreach (var eigen in new[] { "127.0.0.1", "::1", "::ffff:127.0.0.1" })
        {
            var toegestaan = await Scrape(factory, eigen);
            toegestaan.Response.StatusCode.Should().Be(StatusCodes.Status200OK, eigen);
            toegestaan.Response.Headers.ContainsKey("Access-Control-Allow-Origin").Should().BeFalse("metrics are not offered cross-origin");
        }
        foreach (var ander in new[] { "203.0.113.5", "10.1.2.3", "2001:db8::1" })
        {
            var geweigerd = await Scrape(factory, ander);
            geweigerd.Response.StatusCode.Should().Be(StatusCodes.Status404NotFound, ander);
            geweigerd.Response.ContentType.Should().StartWith("application/problem+json", ander);
            geweigerd.Response.Headers.ContainsKey("Access-Control-Allow-Origin").Should().BeFalse(ander);
        }
    }

    [Fact]
    public async Task Metrics_volgt_de_ingestelde_netwerken_en_poort()
    {
        await using var factory = new InstelbareFactory(
            (Metingentoegang.NetwerkenSleutel + ":0", "10.20.0.0/16"), (Metingentoegang.NetwerkenSleutel + ":1", "2001:db8::/32"),
            (Metingentoegang.PoortSleutel, "9464"));

        (await Scrape(factory, "10.20.30.40")).Response.StatusCode.Should().Be(StatusCodes.Status200OK);
        (await Scrape(factory, "2001:db8::7")).Response.StatusCode.Should().Be(StatusCodes.Status200OK);
        (await Scrape(factory, "10.21.0.1")).Response.StatusCode.Should().Be(StatusCodes.Status404NotFound);
        (await Scrape(factory, "127.0.0.1")).Response.StatusCode.Should().Be(StatusCodes.Status404NotFound, "the setting replaces loopback");
        (await Scrape(factory, "198.51.100.1", lokalePoort: 9464)).Response.StatusCode.Should().Be(StatusCodes.Status200OK, "on the metrics port");
        (await Scrape(factory, "198.51.100.1", lokalePoort: 8080)).Response.StatusCode.Should().Be(StatusCodes.Status404NotFound);
    }

    [Theory]
    [InlineData(Metingentoegang.NetwerkenSleutel + ":0", "10.0.0.0/33")]
    [InlineData(Metingentoegang.NetwerkenSleutel + ":0", "iedereen")]
    [InlineData(Metingentoegang.PoortSleutel, "70000")]
    public void Een_ongeldige_metingeninstelling_noemt_de_instelling(string sleutel, string waarde)
    {
        var configuratie = new ConfigurationBuilder().AddInMemoryCollection([new(sleutel, waarde)]).Build();
        var maak = () => Metingentoegang.Uit(configuratie);
        maak.Should().Throw<InvalidOperationException>().WithMessage($"{sleutel.Split(":0")[0]}*");
    }
}
