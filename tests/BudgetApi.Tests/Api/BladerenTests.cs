using System.Net;
using System.Text.Json.Nodes;
using BudgetApi.Tests.Infrastructuur;

namespace BudgetApi.Tests.Api;

/// <summary>
/// /aansluitingen and /bevindingen page as /bedragen does: pagina and paginaGrootte (default 100, at most 1000), a stable order
/// in which the pages together are the whole list, metadata.paginering with the total and links, the Link header, and a 400
/// naming the parameter for a page that cannot be.
/// </summary>
[Collection(ApiCollectie.Naam)]
public sealed class BladerenTests(BudgetApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    public static TheoryData<string> Lijsten() => new()
    {
        "/v1/aansluitingen",
        "/v1/aansluitingen?begroting=VI&begrotingsjaar=2016",
        "/v1/bevindingen",
        "/v1/bevindingen?begroting=JenV",
    };

    [Theory]
    [MemberData(nameof(Lijsten))]
    public async Task De_paginas_samen_zijn_de_hele_lijst_in_dezelfde_volgorde(string url)
    {
        var teken = url.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        var (alles, metadataAlles) = await _client.GetLijst(url + teken + "paginaGrootte=1000");
        var totaal = Totaal(metadataAlles);
        totaal.Should().BeLessThanOrEqualTo(1000, "the whole list fits one page of 1000 in the shipped data");
        alles.Should().HaveCount(totaal);
        totaal.Should().BeGreaterThan(7, "a list long enough to page");

        // Pages of 7: every row once, in the order of the whole list; the ids are stable keys.
        var ids = new List<string>();
        var paginas = 0;
        for (string? volgende = url + teken + "paginaGrootte=7"; volgende is not null; paginas++)
        {
            var antwoord = await _client.GetAsync(volgende);
            var (gegevens, metadata) = await _client.GetLijst(volgende);
            var paginering = metadata["paginering"]!;
            paginering["pagina"]!.GetValue<int>().Should().Be(paginas + 1);
            paginering["paginaGrootte"]!.GetValue<int>().Should().Be(7);
            paginering["totaalAantal"]!.GetValue<int>().Should().Be(totaal);
            paginering["aantalPaginas"]!.GetValue<int>().Should().Be((totaal + 6) / 7);
            metadata["aantal"]!.GetValue<int>().Should().Be(gegevens.Count);
            gegevens.Count.Should().Be(Math.Min(7, totaal - paginas * 7));
            ids.AddRange(gegevens.Select(r => r!.Tekst("id")));
            volgende = paginering["volgende"]?.GetValue<string>();
            var link = antwoord.Headers.TryGetValues("Link", out var waarden) ? string.Join(", ", waarden) : "";
            if (volgende is not null) link.Should().Contain($"<{volgende}>; rel=\"next\"");
            if (paginas > 0) link.Should().Contain("rel=\"prev\"");
        }
        ids.Should().Equal(alles.Select(r => r!.Tekst("id")), "the pages in order are the whole list in its order");
        ids.Should().OnlyHaveUniqueItems();
    }

    [Theory]
    [InlineData("/v1/aansluitingen")]
    [InlineData("/v1/bevindingen")]
    public async Task Standaard_100_per_pagina_en_een_pagina_voorbij_het_eind_is_leeg(string url)
    {
        var (gegevens, metadata) = await _client.GetLijst(url);
        var totaal = Totaal(metadata);
        gegevens.Should().HaveCount(Math.Min(100, totaal));
        metadata["paginering"]!["zelf"]!.GetValue<string>().Should().Be(url + "?pagina=1");

        var voorbij = (totaal + 99) / 100 + 1;
        var (leeg, leegMetadata) = await _client.GetLijst($"{url}?pagina={voorbij}");
        leeg.Should().BeEmpty();
        leegMetadata["paginering"]!["vorige"]!.GetValue<string>().Should().Be($"{url}?pagina={voorbij - 1}");
        leegMetadata["paginering"]!["volgende"].Should().BeNull();
    }

    [Theory]
    [InlineData("/v1/aansluitingen?pagina=0", "pagina")]
    [InlineData("/v1/aansluitingen?paginaGrootte=1001", "paginaGrootte")]
    [InlineData("/v1/bevindingen?pagina=-1", "pagina")]
    [InlineData("/v1/bevindingen?paginaGrootte=0", "paginaGrootte")]
    public async Task Een_pagina_die_niet_kan_is_een_400_die_de_parameter_noemt(string url, string parameter)
    {
        var probleem = await _client.GetProbleem(url, HttpStatusCode.BadRequest);
        probleem.OngeldigeParameters().Should().Equal(parameter);
    }

    [Fact]
    public async Task De_tellingen_van_de_bevindingen_tellen_elke_pagina()
    {
        var (alles, _) = await _client.GetLijst("/v1/bevindingen?begroting=JenV&paginaGrootte=1000");
        var (pagina, metadata) = await _client.GetLijst("/v1/bevindingen?begroting=JenV&paginaGrootte=5&pagina=2");
        pagina.Should().HaveCount(5);

        var tellingen = metadata["tellingen"]!.AsArray()
            .ToDictionary(t => (t!.Tekst("soort"), t!.Tekst("ernst")), t => t!["aantal"]!.GetValue<int>());
        var geteld = alles.GroupBy(b => (b!.Tekst("soort"), b!.Tekst("ernst"))).ToDictionary(g => g.Key, g => g.Count());
        tellingen.Should().Equal(geteld, "per soort and ernst, over every page of the choice");
        tellingen.Values.Sum().Should().Be(Totaal(metadata));
    }

    [Fact]
    public async Task De_CSV_bladert_mee_een_pagina_telt_bevindingen_niet_cijfers()
    {
        var (json, _) = await _client.GetLijst("/v1/bevindingen?begroting=JenV&paginaGrootte=3&pagina=2");
        var csv = await _client.GetCsv("/v1/bevindingen?begroting=JenV&paginaGrootte=3&pagina=2&formaat=csv");

        csv.Select(r => r["id"]).Distinct().Should().Equal(json.Select(b => b!.Tekst("id")));
        csv.Should().HaveCount(json.Sum(b => Math.Max(1, b!["cijfers"]!.AsArray().Count)), "one row per figure of the page's findings");

        var aansluitingen = await _client.GetCsv("/v1/aansluitingen?paginaGrootte=10&pagina=3&formaat=csv");
        var (aansluitingenJson, _) = await _client.GetLijst("/v1/aansluitingen?paginaGrootte=10&pagina=3");
        aansluitingen.Select(r => r["id"]).Should().Equal(aansluitingenJson.Select(a => a!.Tekst("id")));
    }

    private static int Totaal(JsonObject metadata) => metadata["paginering"]!["totaalAantal"]!.GetValue<int>();
}
