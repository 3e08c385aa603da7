using System.Net;
using BudgetApi.Domein;
using BudgetApi.Tests.Infrastructuur;

namespace BudgetApi.Tests.Api;

/// <summary>Search: the one matcher (Domein.Zoekterm), q= on the collections and the suggestions of /v1/zoeken, over real HTTP on the bundled data.</summary>
[Collection(ApiCollectie.Naam)]
public sealed class ZoekenTests(BudgetApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    private static readonly string[] Soorten = ["begroting", "organisatie", "artikel", "regel"];

    [Theory]
    [InlineData("justitiele", "Dienst Justitiële Inrichtingen", true)]
    [InlineData("JUSTITIËLE inr", "Dienst Justitiële Inrichtingen", true)]
    [InlineData("dji", "Bijdrage DJI", true)]
    [InlineData("zbo rwt", "Bijdrage aan ZBO’s/RWT’s", true)]
    [InlineData("ijssel", "Ĳsselmeer", true)]
    [InlineData("alt", "Halt", false)]
    [InlineData("politie korps", "Nationale Politie", false)]
    [InlineData("politie", "Politieacademie", true)]
    public void Een_woord_moet_een_woord_beginnen_zonder_acht_op_hoofdletters_en_accenten(string vraag, string tekst, bool past)
    {
        Zoekterm.Lees(vraag)!.Past(tekst).Should().Be(past);
    }

    [Theory]
    [InlineData("Politie", "organisatie", "Nationale Politie")]
    [InlineData("DJI", "organisatie", "Dienst Justitiële Inrichtingen (DJI)")]
    [InlineData("justitiele inrichtingen", "organisatie", "Dienst Justitiële Inrichtingen (DJI)")]
    [InlineData("Halt", "regel", "VI artikel 34 › Halt (2026)")]
    [InlineData("veiligheid en justitie", "begroting", "JenV — Justitie en Veiligheid (VI)")]
    public async Task Suggesties_vinden_politie_DJI_en_Halt(string vraag, string soort, string eerste)
    {
        var (rijen, _) = await _client.GetLijst("/v1/zoeken?q=" + Uri.EscapeDataString(vraag));
        var eerst = rijen.First(r => r!.Tekst("soort") == soort)!;
        eerst.Tekst("tekst").Should().Be(eerste);
        rijen.Select(r => Array.IndexOf(Soorten, r!.Tekst("soort"))).Should().BeInAscendingOrder("begrotingen, organisaties, artikelen, then lines");
    }

    [Fact]
    public async Task Elke_suggestie_noemt_een_verzoek_dat_antwoordt()
    {
        (await _client.GetLijst("/v1/zoeken?q=politie&aantal=3")).Gegevens.Should().HaveCount(3);
        var (rijen, _) = await _client.GetLijst("/v1/zoeken?q=politie&aantal=50");
        rijen.Should().HaveCount(22, "three organisations, three artikelen and sixteen lines have a word that begins with 'politie'");
        var politie = rijen.First(r => r!.Tekst("soort") == "artikel")!;
        (politie.Tekst("tekst"), politie.Tekst("url")).Should().Be(("VI artikel 31 Politie (2026)", "/v1/standenreeks?begroting=JenV&begrotingsjaar=2026&artikel=31&niveau=regel"));
        foreach (var url in rijen.Select(r => r!.Tekst("url")).Distinct().Take(20))
        {
            var (gegevens, _) = await _client.GetLijst(url);
            gegevens.Should().NotBeEmpty(url);
        }
    }

    [Fact]
    public async Task q_op_de_collecties_gebruikt_dezelfde_regel()
    {
        (await _client.GetLijst("/v1/begrotingen?q=veiligheid%20justitie")).Gegevens.Select(r => r!.Tekst("code")).Should().Equal("JenV");
        (await _client.GetLijst("/v1/organisaties?q=justitiele")).Gegevens.Select(r => r!.Tekst("code")).Should().Contain(["DJI", "Justid", "JIO"]).And.NotContain("CJIB");
        (await _client.GetLijst("/v1/organisaties?q=dji")).Gegevens.Select(r => r!.Tekst("code")).Should().Equal("DJI");
        var artikelen = (await _client.GetLijst("/v1/begrotingen/JenV/artikelen?soort=uitgaven&q=halt")).Gegevens;
        artikelen.Select(a => a!.Bedrag("artikel")).Should().Equal(34L);
        var (bedragen, metadata) = await _client.GetLijst("/v1/bedragen?begroting=VI&begrotingsjaar=2016&soort=uitgaven&jaar=2016&q=politieacademie");
        bedragen.Should().NotBeEmpty().And.OnlyContain(r => r!.Tekst("omschrijving").Contains("Politieacademie") || r!.Tekst("pad").Contains("Politieacademie"));
        metadata["paginering"]!["totaalAantal"]!.GetValue<int>().Should().Be(bedragen.Count);
        var (alle, _) = await _client.GetAllePaginas("/v1/bedragen?begroting=VI&begrotingsjaar=2016&soort=uitgaven&jaar=2016&paginaGrootte=1000");
        bedragen.Should().HaveCount(alle.Count(r => Zoekterm.Lees("politieacademie")!.Past(r!.Tekst("pad"), r!.Tekst("omschrijving"))));
    }

    [Theory]
    [InlineData("/v1/zoeken")]
    [InlineData("/v1/zoeken?q=")]
    [InlineData("/v1/zoeken?q=%20-%20")]
    [InlineData("/v1/begrotingen?q=")]
    [InlineData("/v1/organisaties?q=")]
    [InlineData("/v1/bedragen?q=")]
    [InlineData("/v1/begrotingen/JenV/artikelen?q=")]
    public async Task Een_lege_vraag_is_een_400_die_q_noemt(string url)
    {
        (await _client.GetProbleem(url, HttpStatusCode.BadRequest)).OngeldigeParameters().Should().Equal("q");
    }

    [Fact]
    public async Task Een_te_lange_vraag_is_een_400_die_q_noemt()
    {
        var probleem = await _client.GetProbleem("/v1/organisaties?q=" + new string('a', 101), HttpStatusCode.BadRequest);
        probleem.OngeldigeParameters().Should().Equal("q");
        probleem["detail"]!.GetValue<string>().Should().Contain("ten hoogste 100 tekens");
        (await _client.GetProbleem("/v1/zoeken?q=dji&aantal=51", HttpStatusCode.BadRequest)).OngeldigeParameters().Should().Equal("aantal");
    }
}
