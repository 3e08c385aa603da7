using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using BudgetApi.Bedrijfsvoering;
using BudgetApi.Http;
using BudgetApi.Tests.Infrastructuur;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BudgetApi.Tests.Http;

/// <summary>
/// The front cache (Http/Antwoordcache.cs): a stored answer is the computed one, byte for byte, headers included, and
/// everything the pipeline guards before a read holds for it too: the query limits, the rate limit, the request metrics, the
/// request log, and a new data version.
/// </summary>
public sealed class AntwoordcacheTests(AntwoordcacheTests.Fabrieken fabrieken) : IClassFixture<AntwoordcacheTests.Fabrieken>
{
    private const string Totalen = "/v1/totalen?begroting=JenV&groepering=artikel";
    private const string Bedragen = "/v1/bedragen?begroting=JenV&artikel=31";

    private readonly Fabriek _berekend = fabrieken.Berekend;
    private readonly Fabriek _bewaard = fabrieken.Bewaard;

    /// <summary>The service computing every answer (the store off), and the service with its store; shared by the tests here.</summary>
    public sealed class Fabrieken : IDisposable
    {
        public Fabriek Berekend { get; } = new(("Budget:Cache:Megabytes", "0"));

        public Fabriek Bewaard { get; } = new();

        public void Dispose()
        {
            Berekend.Dispose();
            Bewaard.Dispose();
        }
    }

    public static TheoryData<string, string, string[]> Verzoeken() => new()
    {
        { "JSON", "GET " + Totalen, [] },
        { "JSON, groot", "GET /v1/aansluitingen", [] },
        { "CSV", "GET " + Bedragen + "&formaat=csv", [] },
        { "CSV via Accept", "GET " + Bedragen, ["Accept: text/csv"] },
        { "CSV via formaatpad, excel-nl", "GET /v1/csv/bedragen?begroting=JenV&artikel=31&dialect=excel-nl", [] },
        { "gzip", "GET /v1/aansluitingen", ["Accept-Encoding: gzip"] },
        { "br", "GET /v1/aansluitingen", ["Accept-Encoding: gzip, br"] },
        { "klein, niet gecomprimeerd", "GET /v1/begrotingen/JenV/artikelen/31", ["Accept-Encoding: br"] },
        { "HEAD", "HEAD " + Totalen, [] },
        { "HEAD br", "HEAD /v1/aansluitingen", ["Accept-Encoding: br"] },
        { "304", "GET " + Totalen, ["If-None-Match: *"] },
        { "304 br", "GET /v1/aansluitingen", ["Accept-Encoding: br", "If-None-Match: *"] },
        { "304 HEAD", "HEAD " + Totalen, ["If-None-Match: *"] },
        { "CORS", "GET " + Totalen, ["Origin: https://dashboard.example.org"] },
        { "CORS Origin null", "GET " + Totalen, ["Origin: null"] },
        { "CORS 304", "GET " + Totalen, ["Origin: https://dashboard.example.org", "If-None-Match: *"] },
    };

    [Theory]
    [MemberData(nameof(Verzoeken))]
    public async Task Een_bewaard_antwoord_is_byte_voor_byte_het_berekende(string naam, string verzoek, string[] kopteksten)
    {
        var winkel = _bewaard.Services.GetRequiredService<Antwoordwinkel>();
        var berekend = await Vraag(_berekend, verzoek, kopteksten);
        _berekend.Services.GetRequiredService<Antwoordwinkel>().Aan.Should().BeFalse();
        // The first may be computed or stored (another case here may have the same key: If-None-Match and Origin are not in it).
        var eerste = await Vraag(_bewaard, verzoek, kopteksten);
        var treffers = winkel.Treffers;
        var tweede = await Vraag(_bewaard, verzoek, kopteksten);
        winkel.Treffers.Should().Be(treffers + 1, $"{naam}: the second answer is the stored one");

        berekend.Status.Should().BeOneOf(HttpStatusCode.OK, HttpStatusCode.NotModified);
        eerste.Should().BeEquivalentTo(berekend, o => o.WithStrictOrdering(), $"{naam}: with and without the store");
        tweede.Should().BeEquivalentTo(berekend, o => o.WithStrictOrdering(), $"{naam}: stored and computed");
    }

    [Fact]
    public async Task Excel_en_problemen_worden_niet_bewaard_en_blijven_wat_ze_waren()
    {
        var winkel = _bewaard.Services.GetRequiredService<Antwoordwinkel>();
        var treffers = winkel.Treffers;
        foreach (var (verzoek, status) in new[]
                 {
                     ("GET " + Bedragen + "&formaat=xlsx", HttpStatusCode.OK),
                     ("GET /v1/totalen?begroting=Onbekend", HttpStatusCode.BadRequest),
                     ("GET /v1/bedragen?formaat=xml", HttpStatusCode.BadRequest),
                     ("GET /v1/csv/totalen?formaat=json", HttpStatusCode.BadRequest),
                     ("GET /v1/csv/bestaat-niet", HttpStatusCode.NotFound),
                     ("GET /v1/begrotingen/Onbekend/artikelen", HttpStatusCode.NotFound),
                 })
        {
            var berekend = await Vraag(_berekend, verzoek, ["If-None-Match: *"]);
            for (var keer = 0; keer < 2; keer++)
            {
                var antwoord = await Vraag(_bewaard, verzoek, ["If-None-Match: *"]);
                antwoord.Status.Should().Be(status, verzoek);
                // The workbook names the moment it was made in its Toelichting: its bytes (and so its length) may differ, its other headers not.
                if (status == HttpStatusCode.OK)
                {
                    antwoord.Kopteksten.Where(k => !k.StartsWith("Content-Length", StringComparison.Ordinal))
                        .Should().Equal(berekend.Kopteksten.Where(k => !k.StartsWith("Content-Length", StringComparison.Ordinal)), verzoek);
                }
                else
                {
                    // A problem names its request in traceId; the rest is the same.
                    antwoord.Kopteksten.Should().Equal(berekend.Kopteksten, verzoek);
                    ZonderTraceId(antwoord.Lichaam).Should().Be(ZonderTraceId(berekend.Lichaam), verzoek);
                }
            }
        }
        winkel.Treffers.Should().Be(treffers, "none of these came from the store");
    }

    [Fact]
    public async Task De_voorvraag_van_CORS_is_dezelfde()
    {
        string[] kopteksten = ["Origin: https://dashboard.example.org", "Access-Control-Request-Method: GET", "Access-Control-Request-Headers: if-none-match"];
        await Vraag(_bewaard, "GET " + Totalen, []);
        var berekend = await Vraag(_berekend, "OPTIONS " + Totalen, kopteksten);
        var bewaard = await Vraag(_bewaard, "OPTIONS " + Totalen, kopteksten);
        berekend.Status.Should().Be(HttpStatusCode.NoContent);
        bewaard.Should().BeEquivalentTo(berekend, o => o.WithStrictOrdering());
    }

    [Fact]
    public async Task Een_bewaard_antwoord_houdt_zich_aan_de_querylimieten()
    {
        await Vraag(_bewaard, "GET " + Totalen, []);
        var winkel = _bewaard.Services.GetRequiredService<Antwoordwinkel>();
        var treffers = winkel.Treffers;

        // Headers beyond the service's limit (16 KiB together) are a 431 problem, also for a URL whose answer is stored.
        var groot = await Vraag(_bewaard, "GET " + Totalen, ["X-Opvulling: " + new string('x', Verzoeklimieten.MaxKoptekstenLengte + 1)]);
        groot.Status.Should().Be(HttpStatusCode.RequestHeaderFieldsTooLarge);
        winkel.Treffers.Should().Be(treffers);
    }

    [Fact]
    public async Task Een_bewaard_antwoord_telt_mee_voor_de_snelheidslimiet()
    {
        using var begrensd = new Fabriek(("Budget:Snelheidslimiet:PerMinuut", "3")) { MetSnelheidslimiet = true };
        var winkel = begrensd.Services.GetRequiredService<Antwoordwinkel>();
        var statussen = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++) statussen.Add((await Vraag(begrensd, "GET " + Totalen, [])).Status);

        statussen.Should().Equal(HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests);
        winkel.Treffers.Should().Be(2, "the second and third came from the store, and counted toward the limit");
    }

    [Fact]
    public async Task Een_bewaard_antwoord_wordt_gemeten_onder_zijn_route_en_gelogd()
    {
        var routes = new ConcurrentQueue<string?>();
        var meters = _bewaard.Services.GetRequiredService<IMeterFactory>();
        using var luisteraar = new MeterListener();
        luisteraar.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == "http.server.request.duration" && instrument.Meter.Scope == meters) l.EnableMeasurementEvents(instrument);
        };
        luisteraar.SetMeasurementEventCallback<double>((_, _, tags, _) =>
        {
            foreach (var tag in tags) if (tag.Key == "http.route") routes.Enqueue(tag.Value as string);
        });
        luisteraar.Start();

        var winkel = _bewaard.Services.GetRequiredService<Antwoordwinkel>();
        const string url = "GET /v1/totalen?begroting=AenM&groepering=artikel";
        var gelogd = _bewaard.Log.Count(r => r.StartsWith("GET /v1/totalen 200", StringComparison.Ordinal));
        await Vraag(_bewaard, url, []);
        var treffers = winkel.Treffers;
        await Vraag(_bewaard, url, []);
        winkel.Treffers.Should().Be(treffers + 1);

        // The measurement is recorded when the request ends; the test server may hand over the answer a moment before.
        var tot = DateTime.UtcNow.AddSeconds(10);
        while (routes.Count < 2 && DateTime.UtcNow < tot) await Task.Delay(20);
        routes.Should().HaveCount(2);
        routes.Distinct().Should().ContainSingle().Which.Should().StartWith("/v1/totalen", "both counted under the route of /v1/totalen");

        _bewaard.Log.Count(r => r.StartsWith("GET /v1/totalen 200", StringComparison.Ordinal)).Should().Be(gelogd + 2, "both requests are in the request log");
    }

    [Fact]
    public async Task Gelijktijdige_eerste_verzoeken_berekenen_een_antwoord_eens()
    {
        using var eigen = new Fabriek();
        var client = eigen.CreateClient();
        var winkel = eigen.Services.GetRequiredService<Antwoordwinkel>();
        (await client.GetAsync("/v1/begrotingen")).EnsureSuccessStatusCode();
        var treffers = winkel.Treffers;

        const string url = "/v1/bevindingen?begroting=JenV";
        var antwoorden = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => client.GetByteArrayAsync(url)));

        winkel.Treffers.Should().Be(treffers + 15, "one computed it, the fifteen others took what it stored");
        antwoorden.Should().AllSatisfy(a => a.Should().Equal(antwoorden[0]));
    }

    [Fact]
    public async Task Een_nieuwe_gegevensversie_gebruikt_geen_bewaard_antwoord()
    {
        using var eigen = new Fabriek();
        var eerste = await Vraag(eigen, "GET " + Totalen, []);
        var winkel = eigen.Services.GetRequiredService<Antwoordwinkel>();
        winkel.Aantal.Should().BeGreaterThan(0);

        // The stored answer's key names the version: a request on another version misses it and empties the store.
        winkel.Zoek("een-andere-versie", "/v1/totalen?begroting=JenV&groepering=artikel\njson\n").Should().BeNull();
        winkel.Aantal.Should().Be(0, "the previous version's answers go at the first request of the new one");
        var treffers = winkel.Treffers;
        var opnieuw = await Vraag(eigen, "GET " + Totalen, []);
        winkel.Treffers.Should().Be(treffers, "computed again (the store switched back to the current version, empty)");
        opnieuw.Should().BeEquivalentTo(eerste, o => o.WithStrictOrdering());
    }

    private static string ZonderTraceId(byte[] lichaam) =>
        System.Text.RegularExpressions.Regex.Replace(System.Text.Encoding.UTF8.GetString(lichaam), "\"traceId\":\"[^\"]*\"", "");

    private sealed record Antwoord(HttpStatusCode Status, List<string> Kopteksten, byte[] Lichaam);

    private static async Task<Antwoord> Vraag(Fabriek fabriek, string verzoek, string[] kopteksten)
    {
        var (methode, url) = (verzoek[..verzoek.IndexOf(' ')], verzoek[(verzoek.IndexOf(' ') + 1)..]);
        using var bericht = new HttpRequestMessage(new HttpMethod(methode), url);
        foreach (var kop in kopteksten)
        {
            var dubbelepunt = kop.IndexOf(':');
            bericht.Headers.TryAddWithoutValidation(kop[..dubbelepunt], kop[(dubbelepunt + 1)..].Trim());
        }
        using var antwoord = await fabriek.CreateClient().SendAsync(bericht);
        // Every header as sent, in order; Date is the clock's, not the pipeline's.
        var alle = antwoord.Headers.Concat(antwoord.Content.Headers)
            .Where(k => !k.Key.Equals("Date", StringComparison.OrdinalIgnoreCase))
            .Select(k => $"{k.Key}: {string.Join(", ", k.Value)}").ToList();
        return new Antwoord(antwoord.StatusCode, alle, await antwoord.Content.ReadAsByteArrayAsync());
    }

    /// <summary>The service with its own settings, and the request log (BudgetApi.Verzoeken) kept in memory.</summary>
    public sealed class Fabriek(params (string Sleutel, string Waarde)[] instellingen) : BudgetApiFactory
    {
        private readonly Logverzamelaar _log = new();

        public IReadOnlyCollection<string> Log => _log.Regels;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            foreach (var (sleutel, waarde) in instellingen) builder.UseSetting(sleutel, waarde);
            builder.UseSetting("Logging:LogLevel:" + Logboek.VerzoekCategorie, "Information");
            builder.ConfigureLogging(l => l.AddProvider(_log));
        }
    }

    private sealed class Logverzamelaar : ILoggerProvider
    {
        public ConcurrentQueue<string> Regels { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName == Logboek.VerzoekCategorie ? Regels : null);

        public void Dispose() { }

        private sealed class Logger(ConcurrentQueue<string>? regels) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => regels is not null;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                regels?.Enqueue(formatter(state, exception));
        }
    }
}
