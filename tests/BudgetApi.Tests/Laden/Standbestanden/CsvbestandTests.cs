using BudgetApi.Laden.Standbestanden;

namespace BudgetApi.Tests.Laden.Standbestanden;

/// <summary>RFC 4180 records with the line each starts on, whatever the line ends and with or without BOM.</summary>
public sealed class CsvbestandTests
{
    private static IReadOnlyList<Csvrij> Lees(string tekst)
    {
        var (rijen, problemen) = Csvbestand.Lees("t.csv", new StringReader(tekst));
        problemen.Should().BeEmpty();
        return rijen;
    }

    [Fact]
    public void Crlf_lf_en_bom_geven_dezelfde_rijen_op_dezelfde_regels()
    {
        var lf = Lees("a,b\n1,2\n3,4\n");
        var crlf = Lees("a,b\r\n1,2\r\n3,4\r\n");
        var bom = Lees("\uFEFFa,b\r\n1,2\r\n3,4");
        foreach (var rijen in new[] { lf, crlf, bom })
        {
            rijen.Select(r => r.Regel).Should().Equal(1, 2, 3);
            rijen.Select(r => string.Join("|", r.Velden)).Should().Equal("a|b", "1|2", "3|4");
        }
    }

    [Fact]
    public void Aanhalingstekens_kommas_en_regeleinden_in_een_veld()
    {
        var rijen = Lees("a,b\n\"12,372,721\",\"Kwaliteit, \"\"ICT\"\"\nen meer\"\nx,y\n");
        rijen[1].Velden.Should().Equal("12,372,721", "Kwaliteit, \"ICT\"\nen meer");
        rijen[1].Regel.Should().Be(2);
        rijen[2].Regel.Should().Be(4, "the record after a quoted line end starts on the next physical line");
    }

    [Fact]
    public void Velden_blijven_ongetrimd()
    {
        Lees("a\nV \n")[1].Velden.Should().Equal("V ");
    }

    [Fact]
    public void Een_niet_afgesloten_veld_is_een_probleem_op_de_regel_waar_het_begint()
    {
        var (_, problemen) = Csvbestand.Lees("t.csv", new StringReader("a,b\n1,\"open\n2,3\n"));
        problemen.Select(p => p.ToString()).Should().Equal(
            "t.csv:2:2: een veld tussen aanhalingstekens wordt niet afgesloten (RFC 4180: een \" in een veld schrijf je als \"\")");
    }
}
