using System.Globalization;
using System.Net;
using System.Text;
using BudgetApi.Tests.Infrastructuur;
using CsvHelper;
using CsvHelper.Configuration;

namespace BudgetApi.Tests.Api;

/// <summary>
/// ?dialect=excel-nl on every CSV: ';' between fields and a decimal comma, so Dutch Excel opens it in columns; the default stays
/// RFC 4180. Over real HTTP, held against the RFC 4180 answer of the same request cell by cell.
/// </summary>
[Collection(ApiCollectie.Naam)]
public sealed class CsvDialectTests(BudgetApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    public static TheoryData<string> Collecties => new()
    {
        "/v1/begrotingen",
        "/v1/totalen?begroting=JenV&begroting=AenM&soort=uitgaven",
        "/v1/aandelen?begroting=JenV&niveau=waarvan",
        "/v1/bezetting",
        "/v1/aansluitingen?paginaGrootte=50",
        "/v1/bedragen?begroting=JenV&paginaGrootte=200",
    };

    [Theory]
    [MemberData(nameof(Collecties))]
    public async Task Het_nederlandse_dialect_heeft_dezelfde_cellen_met_puntkomma_en_decimale_komma(string url)
    {
        var scheiding = url.Contains('?') ? '&' : '?';
        var rfc = await _client.GetCsv($"{url}{scheiding}formaat=csv");
        var (nl, ruw) = await Nederlands($"{url}{scheiding}formaat=csv&dialect=excel-nl");

        ruw.Split("\r\n")[0].Should().NotContain(",").And.Contain(";", "the header is separated by ';'");
        nl.Should().HaveCount(rfc.Count);
        for (var i = 0; i < rfc.Count; i++)
        {
            nl[i].Keys.Should().Equal(rfc[i].Keys);
            foreach (var (veld, tekst) in rfc[i])
            {
                // A number with a decimal point in RFC 4180 has a decimal comma in the Dutch dialect; every other cell is the same text.
                var verwacht = decimal.TryParse(tekst, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _)
                    ? tekst.Replace('.', ',')
                    : tekst;
                nl[i][veld].Should().Be(verwacht, $"{veld} in rij {i}");
            }
        }
    }

    [Fact]
    public async Task Een_percentage_heeft_een_decimale_komma_en_een_bedrag_geen_scheidingsteken()
    {
        var (rijen, ruw) = await Nederlands("/v1/totalen?begroting=JenV&soort=uitgaven&formaat=csv&dialect=excel-nl");

        var jenv2027 = rijen.Single(r => r["jaar"] == "2027");
        jenv2027["mutatieProcent"].Should().Be("1,31");
        jenv2027["mutatie"].Should().Be("244212");
        rijen.Single(r => r["jaar"] == "2026")["bedrag"].Should().Be("18596347");
        rijen.Single(r => r["jaar"] == "2026")["mutatieProcent"].Should().BeEmpty("a blank is a blank, never 0");
        ruw.Should().Contain(";1,31;", "a number is bare, not quoted, so Excel reads it as a number");
    }

    [Fact]
    public async Task Zonder_dialect_blijft_het_rfc_4180()
    {
        var zonder = await (await _client.GetAsync("/v1/totalen?begroting=JenV&soort=uitgaven&formaat=csv")).Content.ReadAsByteArrayAsync();
        var rfc = await (await _client.GetAsync("/v1/totalen?begroting=JenV&soort=uitgaven&formaat=csv&dialect=rfc4180")).Content.ReadAsByteArrayAsync();

        rfc.Should().Equal(zonder);
        Encoding.UTF8.GetString(zonder).Should().Contain(",1.31,");
    }

    [Fact]
    public async Task Een_onbekend_dialect_is_een_400_die_de_toegestane_noemt()
    {
        var probleem = await _client.GetProbleem("/v1/totalen?begroting=JenV&formaat=csv&dialect=excel-de", HttpStatusCode.BadRequest);

        probleem.OngeldigeParameters().Should().Equal("dialect");
        probleem.Tekst("detail").Should().Be("Onbekend CSV-dialect 'excel-de'; toegestaan: rfc4180, excel-nl.");
    }

    private async Task<(List<Dictionary<string, string>> Rijen, string Ruw)> Nederlands(string url)
    {
        var antwoord = await _client.GetAsync(url);
        var bytes = await antwoord.Content.ReadAsByteArrayAsync();
        antwoord.StatusCode.Should().Be(HttpStatusCode.OK, Encoding.UTF8.GetString(bytes));
        antwoord.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        bytes.Take(3).Should().Equal(new byte[] { 0xEF, 0xBB, 0xBF }, "Excel needs the UTF-8 BOM in both dialects");
        var ruw = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        using var lezer = new CsvReader(new StringReader(ruw), new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";" });
        var rijen = new List<Dictionary<string, string>>();
        lezer.Read();
        lezer.ReadHeader();
        while (lezer.Read()) rijen.Add(lezer.HeaderRecord!.ToDictionary(k => k, k => lezer.GetField(k)!));
        return (rijen, ruw);
    }
}
