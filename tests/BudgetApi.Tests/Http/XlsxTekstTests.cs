using System.Text.Json.Nodes;
using BudgetApi.Http;
using BudgetApi.Tests.Infrastructuur;

namespace BudgetApi.Tests.Http;

/// <summary>
/// Text reaches the workbook from files users import and from the source lines (/v1/bronnen): it may hold characters that XML 1.0
/// cannot carry (control characters, a lone surrogate). The workbook still opens, and every reader gets the text back exactly.
/// </summary>
public sealed class XlsxTekstTests
{
    private sealed record Regel(int Regel_, string Tekst);

    [Theory]
    [InlineData("gewoon", "gewoon")]
    [InlineData("a\u0001b\u001Fc", "control characters")]
    [InlineData("tab\tregel\neinde\r", "tab, line feed and carriage return are XML")]
    [InlineData("_x0041_ staat er letterlijk", "text that looks like Excel's own escape")]
    [InlineData("\uFFFE\uD800", "a non-character and a lone surrogate")]
    public async Task Elke_tekst_komt_terug_zoals_hij_was(string tekst, string waarom)
    {
        var metadata = new JsonObject { ["bron"] = "test", ["aantal"] = 1 };
        var bytes = Xlsx.Schrijf([new Regel(1, tekst)], typeof(Regel), new Toelichting(metadata, "http://localhost/v1/bronnen?formaat=xlsx", "abc", DateTimeOffset.UnixEpoch));

        var werkmap = await Werkmappen.Lees(bytes);
        var gelezen = werkmap[Xlsx.BladGegevens].Regels.Single()["tekst"].Tekst;
        gelezen.Should().Be(tekst.Replace("\uD800", "\uFFFD", StringComparison.Ordinal), waarom);
    }
}
