using System.Net;
using BudgetApi.Tests.Infrastructuur;

namespace BudgetApi.Tests.Api;

[Collection(ApiCollectie.Naam)]
public sealed class BegrotingenTests(BudgetApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task De_geladen_begrotingen_met_stand_eenheid_en_jaren()
    {
        var (gegevens, metadata) = await _client.GetLijst("/v1/begrotingen");

        gegevens.Select(b => b!.Tekst("code")).Should().Equal("JenV", "AenM");
        var jenv = gegevens[0]!;
        jenv.Tekst("stand").Should().Be("ontwerpbegroting 2026");
        jenv.Tekst("eenheid").Should().Be("x € 1.000");
        jenv.Bedrag("factor").Should().Be(1000);
        jenv.Bedrag("vanJaar").Should().Be(2026);
        jenv.Bedrag("totJaar").Should().Be(2030);
        jenv.Bedrag("bronRegel").Should().Be(464);
        metadata["aantal"]!.GetValue<int>().Should().Be(2);
        metadata.Tekst("bron").Should().Contain("introductiedossier-jenv-2026");
    }

    [Fact]
    public async Task In_csv_dezelfde_velden_als_in_json()
    {
        var (gegevens, _) = await _client.GetLijst("/v1/begrotingen");
        var csv = await _client.GetCsv("/v1/begrotingen?formaat=csv");
        var viaAccept = new HttpRequestMessage(HttpMethod.Get, "/v1/begrotingen");
        viaAccept.Headers.Accept.ParseAdd("text/csv");
        (await _client.SendAsync(viaAccept)).Content.Headers.ContentType!.MediaType.Should().Be("text/csv");

        csv.Should().HaveCount(gegevens.Count);
        csv[0].Keys.Should().BeEquivalentTo(gegevens[0]!.AsObject().Select(p => p.Key));
        csv[1]["code"].Should().Be("AenM");
        csv[1]["vanJaar"].Should().Be("2026");
    }

    [Fact]
    public async Task Een_onbekend_formaat_is_een_400_die_de_parameter_noemt()
    {
        var probleem = await _client.GetProbleem("/v1/begrotingen?formaat=xml", HttpStatusCode.BadRequest);

        probleem.OngeldigeParameters().Should().Equal("formaat");
        probleem.Tekst("detail").Should().Be("Onbekend formaat 'xml'; toegestaan: json, csv, xlsx.");
    }

    [Fact]
    public async Task Elk_antwoord_draagt_de_api_versie_en_de_beveiligingskoppen()
    {
        var antwoord = await _client.GetAsync("/v1/begrotingen");
        var fout = await _client.GetAsync("/v1/bestaat-niet");

        foreach (var a in new[] { antwoord, fout })
        {
            a.Headers.GetValues("API-Version").Should().Equal("1.0.0");
            a.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
            a.Headers.GetValues("X-Frame-Options").Should().Equal("DENY");
        }
    }
}
