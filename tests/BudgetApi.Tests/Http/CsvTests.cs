using System.Globalization;
using BudgetApi.Domein;
using BudgetApi.Http;
using CsCheck;
using CsvHelper;
using CsvHelper.Configuration;

namespace BudgetApi.Tests.Http;

/// <summary>
/// The one CSV writer (Csv.Schrijf): RFC 4180 for every reader, and nothing a spreadsheet would run (OWASP, CSV injection), with the
/// escape undone exactly by Formule.Terug (which the own stand format's import uses).
/// </summary>
public sealed class CsvTests
{
    private sealed record Rij(string Tekst, long? Bedrag, int Jaar, IReadOnlyList<string> Lijst);

    private static readonly string Formuletekens = "=+-@\t\r";

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0")]
    [InlineData("-1+1", "'-1+1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "'\r=1")]
    [InlineData("'=1", "''=1")]
    [InlineData("-5", "-5")]
    [InlineData("-1.5", "-1.5")]
    [InlineData("+3", "+3")]
    [InlineData("-9.827.776", "-9.827.776")]
    [InlineData("-1.", "'-1.")]
    [InlineData("-1..2", "'-1..2")]
    [InlineData("-", "'-")]
    [InlineData("'gewoon", "'gewoon")]
    [InlineData("gewoon", "gewoon")]
    public void Een_formule_krijgt_een_apostrof_en_komt_terug(string tekst, string ontwapend)
    {
        Formule.Ontwapen(tekst).Should().Be(ontwapend);
        Formule.Terug(ontwapend).Should().Be(tekst);
    }

    [Fact]
    public void Elke_tekst_komt_terug_en_geen_begint_een_formule()
    {
        var tekens = Gen.OneOf(Gen.Char['a', 'c'], Gen.OneOf(Gen.Const('\''), Gen.Const('='), Gen.Const('+'), Gen.Const('-'), Gen.Const('@'), Gen.Const('\t'), Gen.Const('\r'), Gen.Const('\n'), Gen.Const('1'), Gen.Const('.'), Gen.Const(','), Gen.Const(' '), Gen.Const('>')));
        tekens.Array[0, 8].Select(c => new string(c)).Sample(tekst =>
        {
            Formule.Terug(Formule.Ontwapen(tekst)).Should().Be(tekst);
            var ontwapend = Formule.Ontwapen(tekst);
            if (ontwapend.Length > 0 && ontwapend.Skip(1).Any(c => !char.IsAsciiDigit(c) && c is not '.' and not ','))
                Formuletekens.Should().NotContain(ontwapend[0].ToString(), tekst);
            var pad = Formule.OntwapenPad(tekst);
            pad.Split(Formule.Padscheiding).Select(Formule.Terug).Should().Equal(tekst.Split(Formule.Padscheiding));
        }, iter: 20_000);
    }

    [Fact]
    public void Elk_veld_met_scheidingsteken_aanhalingsteken_of_regeleinde_staat_tussen_aanhalingstekens_en_een_rij_is_een_record()
    {
        string[] teksten = ["a\nb", "a\rb", "a\r\nb", "a,b", "a;b", "a\"b", " rand", "rand ", "=1+1", "gewoon"];
        var rijen = teksten.Select((t, i) => (object)new Rij(t, -i, 2026, [t, "x"])).ToList();

        var csv = Csv.Schrijf(rijen, typeof(Rij));

        using var parser = new CsvParser(new StringReader(csv), new CsvConfiguration(CultureInfo.InvariantCulture));
        parser.Read().Should().BeTrue();
        parser.Record.Should().Equal("tekst", "bedrag", "jaar", "lijst");
        foreach (var (tekst, i) in teksten.Select((t, i) => (t, i)))
        {
            parser.Read().Should().BeTrue();
            parser.Record![0].Should().Be(Formule.Ontwapen(tekst));
            parser.Record[1].Should().Be((-i).ToString(CultureInfo.InvariantCulture), "a number is a number, never escaped");
            parser.Record[3].Should().Be(Formule.Ontwapen(tekst + ";x"));
            if (tekst.IndexOfAny(['\n', '\r', ',', ';', '"', ' ']) >= 0) parser.RawRecord.Should().StartWith("\"", tekst);
        }
        parser.Read().Should().BeFalse();
        csv.Should().Contain("\"a\nb\"").And.Contain("\"a\rb\"").And.Contain("\"a;b\"").And.Contain("\"'=1+1\"");
    }

    private sealed record Procentrij(string Tekst, long? Bedrag, decimal? MutatieProcent, decimal? Fte, int Jaar, IReadOnlyList<int> BronRegels);

    [Fact]
    public void Het_nederlandse_dialect_heeft_puntkomma_en_decimale_komma_en_verder_dezelfde_quoting_en_ontwapening()
    {
        string[] teksten = ["a\nb", "a,b", "a;b", "a\"b", " rand", "=1+1", "-5", "gewoon"];
        var rijen = teksten.Select((t, i) => (object)new Procentrij(t, -1_234_567 - i, i % 2 == 0 ? -1.31m : null, 355.25m, 2026, [531, 533])).ToList();

        var nl = Csv.Schrijf(rijen, typeof(Procentrij), Csvdialect.ExcelNl);
        var rfc = Csv.Schrijf(rijen, typeof(Procentrij));

        using var parser = new CsvParser(new StringReader(nl), new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";" });
        using var rfcParser = new CsvParser(new StringReader(rfc), new CsvConfiguration(CultureInfo.InvariantCulture));
        parser.Read().Should().BeTrue();
        rfcParser.Read().Should().BeTrue();
        parser.Record.Should().Equal("tekst", "bedrag", "mutatieProcent", "fte", "jaar", "bronRegels");
        parser.RawRecord.Should().Be("tekst;bedrag;mutatieProcent;fte;jaar;bronRegels\r\n");
        foreach (var (tekst, i) in teksten.Select((t, i) => (t, i)))
        {
            parser.Read().Should().BeTrue();
            rfcParser.Read().Should().BeTrue();
            parser.Record![0].Should().Be(Formule.Ontwapen(tekst), "the same formula escape as RFC 4180");
            parser.Record[0].Should().Be(rfcParser.Record![0]);
            parser.Record[1].Should().Be((-1_234_567 - i).ToString(CultureInfo.InvariantCulture), "an amount: no thousands separator, never escaped");
            parser.Record[2].Should().Be(i % 2 == 0 ? "-1,31" : "", "a percentage with a decimal comma; a blank stays blank");
            parser.Record[3].Should().Be("355,25");
            parser.Record[4].Should().Be("2026");
            parser.Record[5].Should().Be("531;533", "a list is one field, quoted because ';' is now the separator");
            rfcParser.Record[2].Should().Be(i % 2 == 0 ? "-1.31" : "");
            if (tekst.IndexOfAny(['\n', ',', ';', '"', ' ']) >= 0 || Formule.Ontwapen(tekst) != tekst) parser.RawRecord.Should().StartWith("\"", tekst);
        }
        parser.Read().Should().BeFalse();
        // The numbers are bare: Dutch Excel reads -1,31 and 355,25 as numbers.
        nl.Should().Contain(";-1,31;355,25;2026;\"531;533\"\r\n");
        rfc.Should().Contain(",-1.31,355.25,2026,\"531;533\"\r\n");
    }
}
