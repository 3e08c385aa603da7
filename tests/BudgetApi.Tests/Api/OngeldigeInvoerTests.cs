using System.Net;
using System.Text.Json.Nodes;
using BudgetApi.Tests.Infrastructuur;

namespace BudgetApi.Tests.Api;

/// <summary>
/// Whatever a client sends, the answer is a 200, or a 400/404 problem: never a 500. Driven by the OpenAPI document,
/// so every parameter of every operation (including ones added later) gets every kind of bad value.
/// </summary>
[Collection(ApiCollectie.Naam)]
public sealed class OngeldigeInvoerTests(BudgetApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    private static readonly string[] SlechteWaarden =
        ["", "abc", "-1", "0", "2026.5", "1e3", "99999999999999999999", "'; DROP TABLE regel; --", "%00", "%C3%28", "JenV,AenM", "🙂", new string('9', 3000)];

    private static readonly Dictionary<string, string> GoedePadwaarden = new() { ["begroting"] = "JenV", ["artikel"] = "31", ["code"] = "DJI", ["id"] = "VI-2026-ontwerpbegroting" };

    [Fact]
    public async Task Geen_enkele_slechte_waarde_van_geen_enkele_parameter_geeft_een_500()
    {
        var document = JsonNode.Parse(await _client.GetStringAsync("/v1/openapi.json"))!;
        var geprobeerd = 0;
        foreach (var (pad, item) in document["paths"]!.AsObject())
        {
            var parameters = item!["get"]!["parameters"]?.AsArray()
                .Select(p => (Naam: p!["name"]!.GetValue<string>(), In: p["in"]!.GetValue<string>(), Verplicht: p["required"]?.GetValue<bool>() == true)).ToList() ?? [];
            string Url(string? naam, string? waarde)
            {
                var url = "/v1" + pad;
                foreach (var padparameter in parameters.Where(x => x.In == "path"))
                {
                    url = url.Replace("{" + padparameter.Naam + "}", padparameter.Naam == naam ? waarde : GoedePadwaarden[padparameter.Naam]);
                }
                // Required query parameters get a good value, so a 400 can only be about the parameter under test.
                var query = parameters.Where(x => x.In == "query" && (x.Naam == naam || x.Verplicht))
                    .Select(x => x.Naam == naam ? $"{x.Naam}={waarde}" : $"{x.Naam}={GoedePadwaarden[x.Naam]}");
                return url + "?" + string.Join("&", query);
            }

            foreach (var (naam, _, _) in parameters)
            {
                // A NUL in a path is refused by the test client itself before it reaches the server.
                foreach (var waarde in SlechteWaarden.Where(w => w != "%00" || parameters.Any(x => x.Naam == naam && x.In == "query")))
                {
                    var url = Url(naam, waarde);
                    var antwoord = await _client.GetAsync(url);
                    geprobeerd++;
                    ((int)antwoord.StatusCode).Should().BeOneOf([200, 400, 404], url);
                    if (antwoord.StatusCode != HttpStatusCode.OK)
                    {
                        antwoord.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json", url);
                        var probleem = JsonNode.Parse(await antwoord.Content.ReadAsStringAsync())!;
                        probleem["detail"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace(url);
                        if (antwoord.StatusCode == HttpStatusCode.BadRequest && parameters.Any(x => x.Naam == naam && x.In == "query"))
                        {
                            probleem["invalidParams"]!.AsArray().Select(x => x!["name"]!.GetValue<string>()).Should().Contain(naam, url);
                        }
                    }
                }
            }
        }
        geprobeerd.Should().BeGreaterThan(100);
    }

    [Fact]
    public async Task Een_onbekend_pad_is_een_404_probleem()
    {
        var probleem = await _client.GetProbleem("/v1/begrotingen/JenV/artikelen/31/extra", HttpStatusCode.NotFound);
        probleem.Tekst("title").Should().Be("Niet gevonden");
        probleem.Tekst("detail").Should().Be("Er is geen resource op het pad '/v1/begrotingen/JenV/artikelen/31/extra'. De resources staan onder /v1; zie /v1/openapi.json.");
    }
}
