using BudgetApi.Domein;
using BudgetApi.Laden.Standbestanden;

namespace BudgetApi.Tests.Laden.Standbestanden;

/// <summary>The registry picks the reader by the header, or refuses the file saying what it expected.</summary>
public sealed class StandlezersTests
{
    [Fact]
    public void Kiest_de_lezer_naar_de_kopregel()
    {
        Standlezers.Lees("staten.csv", Opendata.Uittreksel(Opendata.Staten, (1340, 1342))).Formaat.Should().Be("begrotingsstaten");
        Standlezers.Lees("vi.csv", Opendata.TabellenVi).Formaat.Should().Be("budgettaire-tabellen");
        var eigen = Standlezers.Lees("stand.csv", "\uFEFFhoofdstuk,begrotingsjaar,fase,soort,artikel,regelsoort,pad,omschrijving,categorie,jaar,bedrag\r\n"
            + "VI,2016,ontwerpbegroting,uitgaven,31,artikel,,Nationale Politie,beleidsartikel,2016,5199190\r\n");
        eigen.Formaat.Should().Be("standen-csv");
        eigen.Regels.Single().Bedragen[2016].Should().Be(5_199_190);
    }

    [Fact]
    public void Elke_kop_herkent_één_formaat()
    {
        foreach (var tekst in new[] { Opendata.Staten, Opendata.TabellenVi, string.Join(",", StandenCsvLezer.Kolommen) })
            Standlezers.Alle.Count(l => l.Herkent(Csvbestand.Kopregel(tekst))).Should().Be(1);
    }

    [Fact]
    public void Een_onbekende_kopregel_wordt_geweigerd_met_wat_verwacht_werd()
    {
        var r = Standlezers.Lees("x.csv", "Jaar,Bedrag,Omschrijving\n2016,12,Iets\n");
        r.Gelukt.Should().BeFalse();
        r.Regels.Should().BeEmpty();
        r.Problemen.Select(p => p.ToString()).Should().Equal(
            "x.csv:1:0: de kopregel is van geen bekend formaat. Herkend: kolom 1 'Jaar' = begrotingsjaar; kolom 2 'Bedrag' = onbekend; kolom 3 'Omschrijving' = artikelnaam. "
            + "begrotingsstaten mist V/U/O, hoofdstuk, artikel, stand; budgettaire-tabellen mist hoofdstuk, fase, V/U/O, totaalregel (J/N), bedrag, artikel. Verwacht een van: "
            + $"{BegrotingsstatenLezer.VerwachteKop}; {BudgettaireTabellenLezer.VerwachteKop}; {StandenCsvLezer.VerwachteKop}");
    }

    [Fact]
    public void De_verwachting_van_de_import_gaat_mee()
    {
        var r = Standlezers.Lees("vi.csv", Opendata.TabellenVi, new Standverwachting("VI", 2016, Begrotingscodes.Jaarverslag));
        r.Gelukt.Should().BeFalse();
        r.Problemen[0].ToString().Should().Be("vi.csv:2:6: de fase 'OWB' (ontwerpbegroting) verschilt van de fase die de import noemt (jaarverslag)");

        var staten = Standlezers.Lees("staten.csv", Opendata.Uittreksel(Opendata.Staten, (1340, 1342)), new Standverwachting("VI", 2015, Begrotingscodes.Jaarverslag));
        staten.Regels.Select(x => (x.Stand.Id, x.Soort, x.Bedragen[2015])).Should().Equal(
            ("VI-2015-jaarverslag", "ontvangsten", 431L), ("VI-2015-jaarverslag", "uitgaven", 5_146_049L), ("VI-2015-jaarverslag", "verplichtingen", 5_136_389L));
    }
}
