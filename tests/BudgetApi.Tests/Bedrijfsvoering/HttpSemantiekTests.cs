using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using BudgetApi.Tests.Infrastructuur;

namespace BudgetApi.Tests.Bedrijfsvoering;

/// <summary>HTTP as a client on the wire sees it, on a real Kestrel port: HEAD, OPTIONS, 405, Accept, limits, and nothing leaked.</summary>
public sealed class HttpSemantiekTests(KestrelFactory factory) : IClassFixture<KestrelFactory>
{
    private HttpClient Client()
    {
        factory.StartServer();
        return factory.CreateClient();
    }

    /// <summary>Every GET of the OpenAPI document at its example, its CSV form, and what is not in the document.</summary>
    public static TheoryData<string> GetAdressen() => new(Adressen());

    private static IEnumerable<string> Adressen()
    {
        foreach (var operatie in Contract.Operaties)
        {
            yield return operatie.VoorbeeldUrl();
            yield return operatie.VoorbeeldUrl() + (operatie.VoorbeeldUrl().Contains('?', StringComparison.Ordinal) ? "&" : "?") + "formaat=csv";
        }
        foreach (var url in new[] { "/v1/openapi.json", "/swagger/index.html", "/health/live", "/health/ready", "/v1/bestaat-niet", "/v1/totalen?vanJaar=abc" })
        {
            yield return url;
        }
    }

    private static readonly string[] Wisselend = ["Date", "Transfer-Encoding", "Content-Length", "Expires", "Age"];

    [Theory]
    [MemberData(nameof(GetAdressen))]
    public async Task HEAD_geeft_de_headers_van_GET_zonder_lichaam(string url)
    {
        var client = Client();
        using var get = await client.GetAsync(url);
        var lichaam = await get.Content.ReadAsByteArrayAsync();
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));

        head.StatusCode.Should().Be(get.StatusCode, url);
        (await head.Content.ReadAsByteArrayAsync()).Should().BeEmpty(url);
        head.Content.Headers.ContentLength.Should().Be(lichaam.Length, "Content-Length is what the GET sends: " + url);
        Koppen(head).Should().BeEquivalentTo(Koppen(get), url);
        head.Headers.GetValues("API-Version").Should().Equal("1.0.0");
    }

    private static Dictionary<string, string> Koppen(HttpResponseMessage antwoord) =>
        antwoord.Headers.Concat(antwoord.Content.Headers)
            .Where(h => !Wisselend.Contains(h.Key, StringComparer.OrdinalIgnoreCase))
            .ToDictionary(h => h.Key, h => string.Join(", ", h.Value));

    [Fact]
    public async Task Een_405_noemt_GET_en_HEAD_in_Allow_en_is_een_probleem()
    {
        using var antwoord = await Client().DeleteAsync("/v1/totalen");

        antwoord.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
        antwoord.Content.Headers.Allow.Should().Equal("GET", "HEAD");
        antwoord.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var probleem = JsonNode.Parse(await antwoord.Content.ReadAsStringAsync())!;
        probleem["title"]!.GetValue<string>().Should().Be("Methode niet toegestaan");
        probleem["detail"]!.GetValue<string>().Should().Be("'DELETE' is niet toegestaan op '/v1/totalen'; toegestaan: GET, HEAD.");
        probleem["traceId"]!.GetValue<string>().Should().MatchRegex("^[0-9a-f]{32}$");
    }

    [Fact]
    public async Task Een_CORS_preflight_krijgt_204_met_wat_CORS_vraagt()
    {
        var verzoek = new HttpRequestMessage(HttpMethod.Options, "/v1/totalen?begroting=JenV");
        verzoek.Headers.Add("Origin", "https://dashboard.example.org");
        verzoek.Headers.Add("Access-Control-Request-Method", "GET");
        verzoek.Headers.Add("Access-Control-Request-Headers", "accept, api-version");
        using var antwoord = await Client().SendAsync(verzoek);

        antwoord.StatusCode.Should().Be(HttpStatusCode.NoContent);
        antwoord.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal("*");
        antwoord.Headers.GetValues("Access-Control-Allow-Methods").Single().Split(',').Select(m => m.Trim()).Should().BeEquivalentTo("GET", "HEAD");
        antwoord.Headers.GetValues("Access-Control-Allow-Headers").Single().Should().Be("accept,api-version");
        antwoord.Headers.GetValues("Access-Control-Max-Age").Should().Equal("3600");
        antwoord.Headers.Contains("Access-Control-Allow-Credentials").Should().BeFalse("public data, read without credentials");
    }

    [Fact]
    public async Task Een_preflight_voor_een_schrijvende_methode_krijgt_geen_toestemming()
    {
        var verzoek = new HttpRequestMessage(HttpMethod.Options, "/v1/totalen");
        verzoek.Headers.Add("Origin", "https://elders.example.org");
        verzoek.Headers.Add("Access-Control-Request-Method", "DELETE");
        using var antwoord = await Client().SendAsync(verzoek);

        // The browser compares the requested method with the list and refuses: DELETE is not in it.
        antwoord.Headers.GetValues("Access-Control-Allow-Methods").Single().Split(',').Select(m => m.Trim()).Should().BeEquivalentTo("GET", "HEAD");
    }

    [Theory]
    [InlineData("*/*")]
    [InlineData("application/*")]
    [InlineData("application/json")]
    [InlineData("application/problem+json")]
    [InlineData("application/json, text/plain, */*")]
    [InlineData("image/png")]
    [InlineData("application/xml")]
    [InlineData("text/html,application/xhtml+xml")]
    [InlineData("dit is geen mediatype")]
    public async Task Een_Accept_zonder_CSV_krijgt_JSON(string accept)
    {
        var verzoek = new HttpRequestMessage(HttpMethod.Get, "/v1/begrotingen");
        verzoek.Headers.TryAddWithoutValidation("Accept", accept);
        using var antwoord = await Client().SendAsync(verzoek);

        antwoord.StatusCode.Should().Be(HttpStatusCode.OK, accept);
        antwoord.Content.Headers.ContentType!.MediaType.Should().Be("application/json", accept);
        JsonNode.Parse(await antwoord.Content.ReadAsStringAsync())!["gegevens"]!.AsArray().Select(b => b!["code"]!.GetValue<string>())
            .Should().Contain(["JenV", "AenM"]).And.HaveCount(25);
    }

    [Theory]
    [InlineData("text/csv")]
    [InlineData("application/json;q=0.5, text/csv")]
    public async Task Een_Accept_met_CSV_krijgt_CSV(string accept)
    {
        var verzoek = new HttpRequestMessage(HttpMethod.Get, "/v1/begrotingen");
        verzoek.Headers.TryAddWithoutValidation("Accept", accept);
        using var antwoord = await Client().SendAsync(verzoek);

        antwoord.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var bytes = await antwoord.Content.ReadAsByteArrayAsync();
        Encoding.UTF8.GetString(bytes).Should().StartWith("\uFEFFcode,hoofdstuk,naam,stand", "CSV is UTF-8 with a BOM for Excel");
    }

    [Theory]
    [InlineData("text/csv")]
    [InlineData("image/png")]
    [InlineData("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    public async Task Een_fout_is_een_probleem_met_traceId_wat_Accept_ook_vraagt(string accept)
    {
        foreach (var url in new[] { "/v1/bestaat-niet", "/v1/totalen?soort=geen", "/v1/totalen?vanJaar=abc" })
        {
            var verzoek = new HttpRequestMessage(HttpMethod.Get, url);
            verzoek.Headers.TryAddWithoutValidation("Accept", accept);
            using var antwoord = await Client().SendAsync(verzoek);

            ((int)antwoord.StatusCode).Should().BeOneOf(400, 404);
            antwoord.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json", $"{accept} {url}");
            var probleem = JsonNode.Parse(await antwoord.Content.ReadAsStringAsync())!;
            probleem["traceId"]!.GetValue<string>().Should().MatchRegex("^[0-9a-f]{32}$");
            probleem["detail"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace();
        }
    }

    [Fact]
    public async Task Geen_antwoord_noemt_de_server_of_het_framework()
    {
        var client = Client();
        foreach (var url in Adressen().Append("/swagger/swagger-ui.css").Append("/metrics"))
        {
            using var antwoord = await client.GetAsync(url);
            List<KeyValuePair<string, IEnumerable<string>>> koppen = [.. antwoord.Headers, .. antwoord.Content.Headers];
            koppen.Select(k => k.Key).Should().NotContain(["Server", "X-Powered-By", "X-AspNet-Version", "X-AspNetMvc-Version"], url);
            foreach (var (naam, waarden) in koppen)
            {
                string.Join(" ", waarden).Should().NotContainAny(["Kestrel", "ASP.NET", "Microsoft"], $"{url} {naam}");
            }
            if (url.StartsWith("/v1", StringComparison.Ordinal) || url.StartsWith("/health", StringComparison.Ordinal))
            {
                var tekst = await antwoord.Content.ReadAsStringAsync();
                tekst.Should().NotContainAny(["Kestrel", "Microsoft.", "System.", "   at ", "Exception"], url);
            }
        }
    }

    [Fact]
    public async Task Tussen_de_eigen_limieten_en_die_van_Kestrel_antwoordt_de_service_met_een_probleem()
    {
        var client = Client();
        using var query = await client.GetAsync("/v1/bedragen?sortering=" + new string('a', 6000));
        query.StatusCode.Should().Be(HttpStatusCode.RequestUriTooLong);
        query.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        JsonNode.Parse(await query.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>().Should().Be("De query is 6010 tekens lang; het maximum is 4096.");

        var verzoek = new HttpRequestMessage(HttpMethod.Get, "/v1/begrotingen");
        verzoek.Headers.Add("X-Groot", new string('x', 20_000));
        using var koppen = await client.SendAsync(verzoek);
        koppen.StatusCode.Should().Be(HttpStatusCode.RequestHeaderFieldsTooLarge);
        koppen.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var probleem = JsonNode.Parse(await koppen.Content.ReadAsStringAsync())!;
        probleem["title"]!.GetValue<string>().Should().Be("Headers te groot");
        probleem["detail"]!.GetValue<string>().Should().StartWith("De headers zijn samen 2").And.EndWith(" tekens; het maximum is 16384.");
    }

    [Fact]
    public async Task Voorbij_de_limieten_van_Kestrel_weigert_Kestrel_zelf_zonder_lichaam()
    {
        factory.StartServer();
        var (status, lichaam) = await Rauw($"GET /v1/bedragen?sortering={new string('a', 17_000)} HTTP/1.1\r\nHost: x\r\n\r\n");
        status.Should().Be(414);
        lichaam.Should().BeEmpty();

        (status, lichaam) = await Rauw($"GET /v1/begrotingen HTTP/1.1\r\nHost: x\r\nX-Groot: {new string('x', 33_000)}\r\n\r\n");
        status.Should().Be(431);
        lichaam.Should().BeEmpty();

        // A NUL or a malformed request target is no request at all: Kestrel's 400.
        (status, _) = await Rauw("GET /v1/begrotingen/%00/artikelen HTTP/1.1\r\nHost: x\r\n\r\n");
        status.Should().Be(400);
        (status, _) = await Rauw("GET /v1/be grotingen HTTP/1.1\r\nHost: x\r\n\r\n");
        status.Should().Be(400);
    }

    /// <summary>Bytes on a socket, as no HTTP client library would send them; returns the status and the body.</summary>
    private async Task<(int Status, string Lichaam)> Rauw(string verzoek)
    {
        var adres = factory.ClientOptions.BaseAddress;
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(adres.Host, adres.Port);
        var stroom = tcp.GetStream();
        await stroom.WriteAsync(Encoding.Latin1.GetBytes(verzoek));
        using var lezer = new StreamReader(stroom, Encoding.Latin1);
        var antwoord = await lezer.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(10));
        var status = int.Parse(antwoord.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var lichaam = antwoord.Contains("\r\n\r\n", StringComparison.Ordinal) ? antwoord[(antwoord.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..] : "";
        return (status, lichaam);
    }
}
