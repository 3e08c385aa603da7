using BudgetApi.Laden.Standbestanden;

namespace BudgetApi.Tests.Laden.Standbestanden;

/// <summary>One place reads an amount cell; the thousands separator is the file's, never guessed per cell.</summary>
public sealed class GetalnotatieTests
{
    private static readonly Getalnotatie Komma = Getalnotatie.VoorOpenData(["12,372,721", "7592", "-1,573"], kentStreepjeEnPm: true);
    private static readonly Getalnotatie Punt = Getalnotatie.VoorOpenData(["12.372.721", "7592"], kentStreepjeEnPm: false);

    [Theory]
    [InlineData("12372721", 12372721L)]
    [InlineData("12,372,721", 12372721L)]
    [InlineData("-1,573", -1573L)]
    [InlineData("  5,116,281 ", 5116281L)]
    [InlineData("0", 0L)]
    [InlineData(" -   ", 0L)] // the accounting format's nil
    public void Leest_de_notaties_van_de_budgettaire_tabellen(string cel, long? verwacht)
    {
        var gelezen = Komma.Lees(cel);
        gelezen.Gelukt.Should().BeTrue(gelezen.Fout);
        gelezen.Waarde.Should().Be(verwacht);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(" pm ")]
    public void Leeg_en_pm_zijn_null_nooit_0(string cel)
    {
        var gelezen = Komma.Lees(cel);
        gelezen.Gelukt.Should().BeTrue();
        gelezen.Waarde.Should().BeNull();
    }

    [Fact]
    public void Nederlandse_duizendtallen_waar_het_bestand_ze_gebruikt()
    {
        Punt.Duizendtal.Should().Be('.');
        Punt.Lees("12.372.721").Waarde.Should().Be(12372721);
        Punt.Lees("-1.573").Waarde.Should().Be(-1573);
        Punt.Lees("1.234,5").Fout.Should().Be("'1.234,5' is geen bedrag in de notatie van dit bestand (een geheel getal, duizendtallen gescheiden door '.' (12.372.721)); bedragen zijn gehele duizenden euro's, zonder decimalen");
    }

    [Fact]
    public void Een_punt_in_een_bestand_met_kommas_is_geen_duizendtal()
    {
        // 1.234 in a file that groups with commas would be 1,234 thousandths: refused, never read as 1234.
        Komma.Lees("1.234").Fout.Should().Be("'1.234' is geen bedrag in de notatie van dit bestand (een geheel getal, duizendtallen gescheiden door ',' (12,372,721)); bedragen zijn gehele duizenden euro's, zonder decimalen");
        Punt.Lees("1,234").Gelukt.Should().BeFalse();
    }

    [Fact]
    public void De_notatie_van_het_bestand_is_die_van_de_meeste_cellen()
    {
        var notatie = Getalnotatie.VoorOpenData(["1,234,567", "2,345", "1.234.567"], kentStreepjeEnPm: false);
        notatie.Duizendtal.Should().Be(',');
        notatie.Lees("1.234.567").Gelukt.Should().BeFalse();
        Getalnotatie.VoorOpenData(["12", "-3"], kentStreepjeEnPm: false).Duizendtal.Should().BeNull();
    }

    [Theory]
    [InlineData("99.01%", "'99.01%' is een percentage, geen bedrag")]
    [InlineData("12.5", "'12.5' is geen bedrag in de notatie van dit bestand (een geheel getal, duizendtallen gescheiden door ',' (12,372,721)); bedragen zijn gehele duizenden euro's, zonder decimalen")]
    [InlineData("(1,234)", "'(1,234)' staat tussen haakjes; dit formaat schrijft een negatief bedrag met een minteken")]
    [InlineData("#REF!", "'#REF!' is een foutwaarde van het rekenblad, geen bedrag")]
    [InlineData("Err:509", "'Err:509' is een foutwaarde van het rekenblad, geen bedrag")]
    [InlineData("12,37,2721", "'12,37,2721' is geen bedrag in de notatie van dit bestand (een geheel getal, duizendtallen gescheiden door ',' (12,372,721)); bedragen zijn gehele duizenden euro's, zonder decimalen")]
    [InlineData("n.v.t.", "'n.v.t.' is geen bedrag in de notatie van dit bestand (een geheel getal, duizendtallen gescheiden door ',' (12,372,721)); bedragen zijn gehele duizenden euro's, zonder decimalen")]
    [InlineData("twaalf", "'twaalf' is geen bedrag (een geheel getal, duizendtallen gescheiden door ',' (12,372,721))")]
    public void Wat_geen_bedrag_is_wordt_geweigerd_met_de_reden(string cel, string fout)
    {
        Komma.Lees(cel).Fout.Should().Be(fout);
    }

    [Fact]
    public void Het_eigen_formaat_kent_alleen_kale_gehele_getallen()
    {
        Getalnotatie.Kaal.Lees("12372721").Waarde.Should().Be(12372721);
        Getalnotatie.Kaal.Lees("-474").Waarde.Should().Be(-474);
        Getalnotatie.Kaal.Lees("").Waarde.Should().BeNull();
        Getalnotatie.Kaal.Lees("12,372,721").Fout.Should().Be("'12,372,721' is geen bedrag in de notatie van dit bestand (een geheel getal zonder scheidingstekens (12372721)); bedragen zijn gehele duizenden euro's, zonder decimalen");
        Getalnotatie.Kaal.Lees("-").Gelukt.Should().BeFalse();
        Getalnotatie.Kaal.Lees("pm").Gelukt.Should().BeFalse();
    }
}
