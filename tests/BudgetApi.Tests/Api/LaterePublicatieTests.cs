using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using BudgetApi.Tests.Infrastructuur;

namespace BudgetApi.Tests.Api;

/// <summary>
/// A later publication that covers a stand already loaded, imported while the service runs: BZ's ontwerpbegroting 2016, which both
/// samples already give, as a third publication with the begrotingsstaten' artikel numbers (41–47) and artikel lines only. It is
/// one stand: the money counts once, and the import answer says which publication the stand now takes its figures from.
/// </summary>
public sealed class LaterePublicatieTests : IDisposable
{
    private readonly TijdelijkeMap _map = new();
    private readonly ImportFactory _factory;
    private readonly HttpClient _client;

    public LaterePublicatieTests()
    {
        // With both open-data samples: the stand is already loaded from two publications.
        _map.KopieVanDataMetStanden();
        _factory = new ImportFactory(_map);
        _client = _factory.CreateClient();
    }

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
        _map.Dispose();
    }

    /// <summary>The stand as /v1/bedragen exports it (the own stand format), its artikel lines only, each artikel n renumbered 40 + n.</summary>
    private async Task<string> AlsBegrotingsstatenNummers()
    {
        var export = Encoding.UTF8.GetString(await _client.GetByteArrayAsync(
            "/v1/bedragen?begroting=BZ&begrotingsjaar=2016&fase=ontwerpbegroting&regelsoort=artikel&paginaGrootte=1000&formaat=csv")).TrimStart('\uFEFF');
        var regels = export.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var kop = regels[0].Split(',').ToList();
        var artikel = kop.IndexOf("artikel");
        var uit = new StringBuilder().Append(regels[0]).Append("\r\n");
        foreach (var regel in regels.Skip(1))
        {
            using var lezer = new CsvHelper.CsvParser(new StringReader(regel), System.Globalization.CultureInfo.InvariantCulture);
            lezer.Read();
            var velden = lezer.Record!.ToArray();
            velden[artikel] = (40 + int.Parse(velden[artikel], System.Globalization.CultureInfo.InvariantCulture)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            uit.Append(string.Join(',', velden.Select(v => v.Contains(',') || v.Contains('"') ? "\"" + v.Replace("\"", "\"\"") + "\"" : v))).Append("\r\n");
        }
        return uit.ToString();
    }

    private async Task<(long Bedrag, long AantalRegels)> Uitgaven2016()
    {
        var (rijen, _) = await _client.GetLijst("/v1/totalen?begroting=BZ&begrotingsjaar=2016&fase=ontwerpbegroting&soort=uitgaven&vanJaar=2016&totJaar=2016");
        return (rijen.Single()!.Bedrag("bedrag"), rijen.Single()!.Bedrag("aantalRegels"));
    }

    [Fact]
    public async Task Een_latere_publicatie_van_een_geladen_stand_telt_een_keer()
    {
        (await Uitgaven2016()).Should().Be((9_044_617, 7));
        var bestand = await AlsBegrotingsstatenNummers();

        // A change to a stand that exists, by any format, names its current etag (docs/standen.md: 409 without If-Match).
        var etag = (await _client.GetLijst("/v1/standen/V-2016-ontwerpbegroting")).Gegevens.Single()!.Tekst("etag");
        var antwoord = await _client.Importeer(bestand, Tokens.Maak(), "?bestandsnaam=bz-owb-2016-herzien.csv", etag);
        var tekst = await antwoord.Content.ReadAsStringAsync();
        antwoord.StatusCode.Should().Be(HttpStatusCode.OK, tekst);

        var stand = JsonNode.Parse(tekst)!["standen"]!.AsArray().Single()!;
        (stand.Tekst("stand"), stand.Tekst("uitkomst")).Should().Be(("V-2016-ontwerpbegroting", "aangevuld"));
        stand.Tekst("leidend").Should().StartWith("bz-owb-2016-herzien-", "the project's own stand format is the most detailed source, so its figures count at every level");

        (await Uitgaven2016()).Should().Be((9_044_617, 7), "three publications of one stand: every artikel once");
        var (artikelen, metadata) = await _client.GetLijst("/v1/begrotingen/BZ/artikelen?begrotingsjaar=2016&fase=ontwerpbegroting&soort=uitgaven");
        artikelen.Select(a => a!["artikel"]!.GetValue<int>()).Should().Equal(41, 42, 43, 44, 45, 46, 47);
        metadata.Tekst("bron").Split("; ").Should().HaveCount(3);
        artikelen.Single(a => a!["artikel"]!.GetValue<int>() == 41)!["waarvanregels"]!.AsArray().Should().NotBeEmpty(
            "the budgettaire tabellen, the publication with more depth, add their parts beneath the artikel, now numbered 41");
        var (verschillen, _) = await _client.GetLijst("/v1/bevindingen?soort=bronnen-verschillen&begroting=BZ");
        verschillen.Should().BeEmpty("the three publications agree on every figure");
    }
}
