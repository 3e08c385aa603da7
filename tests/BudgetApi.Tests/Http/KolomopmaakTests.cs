using System.Text.Json.Nodes;
using BudgetApi.Http;
using BudgetApi.Tests.Infrastructuur;

namespace BudgetApi.Tests.Http;

/// <summary>
/// The Excel writer is generic over the row type: a row with fields the API does not have yet (hoofdstuk, begrotingsjaar,
/// fase, a realisatie, a percentage) is written and formatted by the same rule, with no list to update.
/// </summary>
public sealed class KolomopmaakTests
{
    private sealed record Standregel(string Hoofdstuk, int Begrotingsjaar, string Fase, int Artikel, long? Realisatie, decimal? UitputtingProcent,
        decimal Fte, bool Benaderd, DateOnly? Peildatum, long BronRegel);

    [Theory]
    [InlineData("begrotingsjaar", typeof(int), Celsoort.Code)]
    [InlineData("vanJaar", typeof(int), Celsoort.Code)]
    [InlineData("artikel", typeof(long), Celsoort.Code)]
    [InlineData("bronRegel", typeof(long), Celsoort.Code)]
    [InlineData("bedrag", typeof(long?), Celsoort.Getal)]
    [InlineData("aantalRegels", typeof(int), Celsoort.Getal)]
    [InlineData("budgetPerFteEuro", typeof(long?), Celsoort.Getal)]
    [InlineData("mutatieProcent", typeof(decimal?), Celsoort.Procent)]
    [InlineData("aandeelVanOuder", typeof(decimal?), Celsoort.Procent)]
    [InlineData("waarde", typeof(decimal), Celsoort.Decimaal)]
    [InlineData("hoofdstuk", typeof(string), Celsoort.Tekst)]
    [InlineData("bronRegels", typeof(IReadOnlyList<int>), Celsoort.Tekst)]
    [InlineData("peildatum", typeof(DateOnly?), Celsoort.Datum)]
    [InlineData("benaderd", typeof(bool), Celsoort.Waarheid)]
    public void Een_kolom_krijgt_zijn_opmaak_van_naam_en_type(string naam, Type type, Celsoort verwacht) =>
        Kolomopmaak.Voor(naam, type).Should().Be(verwacht);

    [Fact]
    public async Task Een_nieuw_soort_regel_wordt_zonder_aanpassing_geschreven_en_opgemaakt()
    {
        Standregel[] rijen =
        [
            new("VI", 2026, "ontwerpbegroting", 31, 8_843_848, 97.25m, 355.25m, false, new DateOnly(2025, 12, 31), 472),
            new("XX", 2026, "jaarverslag", 37, null, null, 12m, true, null, 597),
        ];
        var metadata = new JsonObject { ["bron"] = "bron", ["standen"] = new JsonArray("VI 2026 ontwerpbegroting", "XX 2026 jaarverslag"), ["factor"] = 1000, ["valuta"] = "EUR" };
        var bytes = Xlsx.Schrijf(rijen, typeof(Standregel), new Toelichting(metadata, "http://localhost/v1/standen?formaat=xlsx", "abc", DateTimeOffset.UnixEpoch));

        var werkmap = await Werkmappen.Lees(bytes);
        var gegevens = werkmap["Gegevens"];
        gegevens.Koppen.Should().Equal("hoofdstuk", "begrotingsjaar", "fase", "artikel", "realisatie", "uitputtingProcent", "fte", "benaderd", "peildatum", "bronRegel");
        var eerste = gegevens.Regels[0];
        eerste["hoofdstuk"].Should().Match<Cel>(c => c.Type == "s" && c.Tekst == "VI");
        eerste["begrotingsjaar"].Should().Match<Cel>(c => c.Type == "n" && c.Getal == 2026 && c.Opmaak == "0");
        eerste["realisatie"].Should().Match<Cel>(c => c.Type == "n" && c.Getal == 8_843_848 && c.Opmaak == "#,##0");
        eerste["uitputtingProcent"].Should().Match<Cel>(c => c.Type == "n" && c.Getal == 0.9725m && c.Opmaak == Cel.ProcentOpmaak);
        eerste["fte"].Should().Match<Cel>(c => c.Getal == 355.25m && c.Opmaak == "#,##0.00");
        eerste["benaderd"].Should().Match<Cel>(c => c.Type == "b" && !c.Waarde!.GetValue<bool>());
        eerste["peildatum"].Should().Match<Cel>(c => c.Type == "d" && c.Tekst == "2025-12-31");
        var tweede = gegevens.Regels[1];
        tweede["realisatie"].Waarde.Should().BeNull();
        tweede["uitputtingProcent"].Waarde.Should().BeNull();
        tweede["fte"].Should().Match<Cel>(c => c.Getal == 12 && c.Opmaak == "#,##0");
        gegevens.Filter.Should().Be("A1:J3");
        gegevens.Bevroren.Should().Be("A2");

        var toelichting = werkmap["Toelichting"].AlsToelichting();
        toelichting["standen"].Tekst.Should().Be("VI 2026 ontwerpbegroting; XX 2026 jaarverslag");
        toelichting["percentages"].Tekst.Should().StartWith("uitputtingProcent: als fractie met de opmaak 0,00%");
        toelichting["gegenereerd"].Tekst.Should().Be("1970-01-01T00:00:00Z");
    }
}
