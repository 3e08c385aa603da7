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

        gegevens.Select(b => b!.Tekst("code")).Should().Equal(Verwacht.Begrotingen.Split(", "), "every begroting with standen, in the Rijksbegroting's order");
        var jenv = gegevens.Single(b => b!.Tekst("code") == "JenV")!;
        jenv.Tekst("hoofdstuk").Should().Be("VI");
        jenv.Bedrag("aantalStanden").Should().Be((await _client.GetLijst("/v1/standen?begroting=VI")).Gegevens.Count).And.BeGreaterThan(10,
            "the document's, and the open data's standen of 2013–2017");
        jenv.Tekst("stand").Should().Be("ontwerpbegroting 2026");
        jenv.Tekst("eenheid").Should().Be("x € 1.000");
        jenv.Bedrag("factor").Should().Be(1000);
        jenv.Bedrag("vanJaar").Should().Be(2026);
        jenv.Bedrag("totJaar").Should().Be(2030);
        jenv.Bedrag("bronRegel").Should().Be(464);
        metadata["aantal"]!.GetValue<int>().Should().Be(25);
        var vi = gegevens.Single(b => b!.Tekst("code") == "BZK")!;
        (vi.Tekst("hoofdstuk"), vi.Tekst("stand"), vi.Bedrag("begrotingsjaar")).Should().Be(("VII", "ontwerpbegroting 2017", 2017),
            "the latest begrotingsjaar of the open data, and its latest fase: the begrotingsstaten 2013–2017 were published with 2017's ontwerpbegroting");
        vi["bronRegel"].Should().BeNull("the open data's standen are found in /standen, not at a line of the document");
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
        csv.Single(r => r["code"] == "AenM")["vanJaar"].Should().Be("2026");
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
