using System.Net;
using BudgetApi.Tests.Infrastructuur;

namespace BudgetApi.Tests.Api;

/// <summary>
/// /v1/verloop: one line per begrotingsjaar at one fase, over real HTTP on the bundled data (VI 2013–2017 and 2026, XX 2026). The was → wordt
/// table (data/was-wordt.csv) moves VI 37 Migratie to XX 37 from 2025: the series of XX 37 follows it back into VI, and says so; years the
/// data has no stand for are gaps; a year whose stand lacks the line without an entry to explain it is a named break.
/// </summary>
[Collection(ApiCollectie.Naam)]
public sealed class VerloopTests(BudgetApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task XX_37_volgt_de_was_wordt_tabel_terug_naar_VI_37_met_de_naam_van_elk_jaar_en_gaten_waar_geen_stand_is()
    {
        var (rijen, _) = await _client.GetLijst("/v1/verloop?begroting=AenM&artikel=37&fase=ontwerpbegroting");

        rijen.Select(r => r!.Bedrag("begrotingsjaar")).Should().Equal(Enumerable.Range(2013, 14).Select(j => (long)j), "every year from the first to the last, gaps included");
        var j2015 = rijen.Single(r => r!.Bedrag("begrotingsjaar") == 2015)!;
        (j2015.Tekst("hoofdstuk"), j2015.Bedrag("artikel"), j2015.Tekst("aanwezigheid"), j2015.Tekst("omschrijvingZoalsGepubliceerd"), j2015.Tekst("omschrijving"))
            .Should().Be(("VI", 37L, "verhuisd", "Vreemdelingen", "Asiel en Migratie"), "VI then held what is now XX, under the name of its time beside today's");
        j2015.Tekst("begrotingNaamZoalsGepubliceerd").Should().Be("Veiligheid en Justitie");
        j2015.Tekst("overgang").Should().StartWith("verhuisd: VI artikel 37 Migratie (tot en met 2024) is XX artikel 37 Asiel en Migratie (vanaf 2025)");
        var (bedragen, _) = await _client.GetLijst("/v1/bedragen?begroting=VI&begrotingsjaar=2015&fase=ontwerpbegroting&soort=uitgaven&artikel=37&regelsoort=artikel&jaar=2015");
        j2015.Bedrag("bedrag").Should().Be(bedragen.Single()!.Bedrag("bedrag"));

        var gat = rijen.Single(r => r!.Bedrag("begrotingsjaar") == 2020)!;
        (gat.Tekst("aanwezigheid"), gat["bedrag"], gat["stand"]).Should().Be(("geen-stand", null, null), "a year without a stand is a gap, never 0 and never joined");
        var j2026 = rijen.Single(r => r!.Bedrag("begrotingsjaar") == 2026)!;
        (j2026.Tekst("hoofdstuk"), j2026.Tekst("aanwezigheid"), j2026.Bedrag("bedrag"), j2026["overgang"]).Should().Be(("XX", "gedrukt", 8_865_612L, null));
    }

    [Fact]
    public async Task Het_totaal_van_een_begroting_noemt_wat_het_in_andere_jaren_meer_omvat()
    {
        var (rijen, _) = await _client.GetLijst("/v1/verloop?begroting=JenV&fase=ontwerpbegroting");
        var (totalen, _) = await _client.GetLijst("/v1/totalen?begroting=JenV&begrotingsjaar=2026&fase=ontwerpbegroting&soort=uitgaven");
        var j2026 = rijen.Single(r => r!.Bedrag("begrotingsjaar") == 2026)!;
        j2026.Bedrag("bedrag").Should().Be(totalen.Single(t => t!.Bedrag("jaar") == 2026)!.Bedrag("bedrag")).And.Be(18_596_347);
        j2026.Tekst("overgang").Should().Contain("zonder VI artikel 37 Migratie");
        var j2014 = rijen.Single(r => r!.Bedrag("begrotingsjaar") == 2014)!;
        j2014.Tekst("overgang").Should().Contain("omvat VI artikel 37 Migratie, dat vanaf 2025 XX artikel 37 Asiel en Migratie is");
        j2014.Tekst("omschrijvingZoalsGepubliceerd").Should().Be("Totaal Veiligheid en Justitie");
        j2014.Tekst("omschrijving").Should().Be("Totaal Justitie en Veiligheid");
    }

    [Fact]
    public async Task Een_artikel_dat_een_stand_mist_zonder_regel_in_de_tabel_is_een_benoemde_breuk()
    {
        // VI artikel 31 is Politie in every year; an artikel number that 2026 does not use (VI 23 Veiligheidsregio's en politie, 2013) breaks.
        var (rijen, _) = await _client.GetLijst("/v1/verloop?begroting=VI&artikel=23&fase=ontwerpbegroting");
        rijen.Single(r => r!.Bedrag("begrotingsjaar") == 2013)!.Tekst("aanwezigheid").Should().Be("gedrukt");
        var breuk = rijen.Single(r => r!.Bedrag("begrotingsjaar") == 2026)!;
        (breuk.Tekst("aanwezigheid"), breuk["bedrag"]).Should().Be(("breuk", null));
        breuk.Tekst("overgang").Should().StartWith("breuk: VI heeft in ontwerpbegroting 2026 geen artikel 23, en geen regel van de was-wordt-tabel (/was-wordt) verklaart dat");
    }

    [Theory]
    [InlineData("/v1/verloop", "begroting")]
    [InlineData("/v1/verloop?begroting=JenV&fase=slotwet", "fase")]
    [InlineData("/v1/verloop?begroting=JenV&fase=x", "fase")]
    [InlineData("/v1/verloop?begroting=JenV&regel=Halt", "regel")]
    public async Task Een_ongeldige_vraag_is_een_400_die_de_parameter_noemt(string url, string parameter)
    {
        (await _client.GetProbleem(url, HttpStatusCode.BadRequest)).OngeldigeParameters().Should().Contain(parameter);
    }
}
