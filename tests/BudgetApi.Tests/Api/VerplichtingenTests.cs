using System.Net;
using BudgetApi.Tests.Infrastructuur;

namespace BudgetApi.Tests.Api;

/// <summary>
/// soort=verplichtingen (issue 16 §6, issue 17): the open data's begrotingsstaten carry verplichtingen, the 2026 document does not.
/// Where the chosen standen have them the answer has real figures; where none of them has any, every operation on budget lines answers
/// a 400 naming soort and the begrotingsjaren that do have them, never an empty 200.
/// </summary>
[Collection(ApiCollectie.Naam)]
public sealed class VerplichtingenTests(BudgetApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Verplichtingen_geven_echte_cijfers_waar_de_bron_ze_heeft()
    {
        // JenV jaarverslag 2015: the sum of the V rows of hoofdstuk VI in begrotingsstaten-2013-2017.csv.
        var totaal = (await _client.GetLijst("/v1/totalen?begroting=VI&begrotingsjaar=2015&fase=jaarverslag&soort=verplichtingen")).Gegevens.Single()!;
        totaal.Bedrag("bedrag").Should().Be(12_830_861);
        totaal.Tekst("soort").Should().Be("verplichtingen");
        (await _client.GetLijst("/v1/bedragen?begroting=VI&begrotingsjaar=2015&soort=verplichtingen&paginaGrootte=1000")).Gegevens.Should().NotBeEmpty();
    }

    [Theory]
    [InlineData("/v1/totalen?begroting=JenV&soort=verplichtingen")]
    [InlineData("/v1/aandelen?begroting=JenV&soort=verplichtingen")]
    [InlineData("/v1/bedragen?begroting=JenV&begrotingsjaar=2026&soort=verplichtingen")]
    [InlineData("/v1/begrotingen/JenV/artikelen?soort=verplichtingen")]
    [InlineData("/v1/begrotingen/JenV/artikelen/31?soort=verplichtingen")]
    public async Task Een_stand_zonder_verplichtingen_is_een_probleem_dat_zegt_waar_ze_wel_staan(string url)
    {
        var probleem = await (await _client.GetAsync(url)).AlsProbleem(HttpStatusCode.BadRequest);
        probleem.OngeldigeParameters().Should().Equal("soort");
        probleem["invalidParams"]![0]!.Tekst("reason").Should().Contain("geen verplichtingen").And.Contain("2013, 2014, 2015, 2016, 2017");
    }
}
