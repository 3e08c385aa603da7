using BudgetApi.Laden;
using BudgetApi.Tests.Infrastructuur;

namespace BudgetApi.Tests.Laden;

/// <summary>Each kind of bad input is refused with file, line, column and what is wrong, and nothing is loaded.</summary>
public sealed class FouteInvoerTests : IDisposable
{
    private readonly TijdelijkeMap _map = new();

    public void Dispose() => _map.Dispose();

    /// <summary>Loads a copy of the shipped data with one file edited; returns the problems as the service prints them.</summary>
    private List<string> LaadMet(string bestand, Func<string, string> bewerk)
    {
        var data = _map.KopieVanData();
        var pad = Path.Combine(data, bestand);
        var origineel = File.ReadAllText(pad);
        var bewerkt = bewerk(origineel);
        bewerkt.Should().NotBe(origineel, "the test must really break the file");
        File.WriteAllText(pad, bewerkt);

        var resultaat = Lader.Laad(data, _map["budget.db"]);

        resultaat.Gelukt.Should().BeFalse();
        File.Exists(_map["budget.db"]).Should().BeFalse("a failed load builds no database");
        Directory.EnumerateFiles(_map.Pad, "*.bouw*").Should().BeEmpty("neither the build nor the lines waiting for it are left");
        return resultaat.Problemen.Select(p => p.ToString()).ToList();
    }

    [Fact]
    public void Zonder_de_tekst_van_het_document_start_niets()
    {
        var data = _map.KopieVanData();
        File.Delete(Path.Combine(data, "bron", Documentlezer.Bestand));

        var resultaat = Lader.Laad(data, _map["budget.db"]);

        resultaat.Problemen.Select(p => p.ToString()).Should().Equal(
            "data/bron/introductiedossier-jenv-2026.txt:0:0: het brondocument ontbreekt: de tekst waarin elke bron_regel van data/*.csv telt (zie data/README.md)");
        File.Exists(_map["budget.db"]).Should().BeFalse("a failed load builds no database");
    }

    [Fact]
    public void Een_bedrag_dat_geen_geheel_getal_is()
    {
        LaadMet(Lader.Artikelen, t => t.Replace("Politie,beleidsartikel,8843848,", "Politie,beleidsartikel,8.843.848,"))
            .Should().Equal("data/artikelen.csv:2:6: kolom '2026': '8.843.848' is geen geheel bedrag in duizenden euro's (schrijf 8843848, zonder punten of decimalen)");
    }

    [Fact]
    public void Een_jaar_buiten_de_jaren_van_de_begroting()
    {
        var problemen = LaadMet(Lader.Artikelen, t => t
            .Replace("2029,2030,bron_tabel", "2029,2031,bron_tabel"));
        problemen.Should().HaveCount(20, "one problem per article row, nothing that follows from it");
        problemen[0].Should().Be("data/artikelen.csv:2:10: kolom '2031': het jaar 2031 ligt buiten de jaren van begroting JenV (2026-2030)");
    }

    [Fact]
    public void Een_onbekende_begroting_en_soort()
    {
        // DGRR's uitgaven 2025-2030 are compared with the articles it manages, 32 and 33 (data/README.md): those references break too.
        var volgt = Enumerable.Range(59, 6).Select(regel => $"data/organisatiefeiten.csv:{regel}:14: kolom 'volgt': 'JenV:uitgaven:32 + JenV:uitgaven:33' " +
                                                           "noemt een regel die niet bestaat (vorm: Begroting:soort:artikel[:waarvan], meerdere gescheiden door ' + ')");
        LaadMet(Lader.Artikelen, t => t.Replace("JenV,uitgaven,32,", "JenW,uitgave,32,"))
            .Should().Equal(
            [
                "data/artikelen.csv:3:1: kolom 'begroting': onbekende begroting 'JenW'; bekend: JenV, AenM",
                "data/artikelen.csv:3:2: kolom 'soort': onbekende waarde 'uitgave'; toegestaan: uitgaven, ontvangsten",
                // JenV uitgaven has no article 32 now: its three waarvan lines, the summary list and the Hoge Raad table point to nothing
                "data/waarvanregels.csv:3:3: kolom 'artikel': de waarvanregel verwijst naar artikel 32, dat niet bestaat in JenV uitgaven",
                "data/waarvanregels.csv:4:3: kolom 'artikel': de waarvanregel verwijst naar artikel 32, dat niet bestaat in JenV uitgaven",
                "data/waarvanregels.csv:5:3: kolom 'artikel': de waarvanregel verwijst naar artikel 32, dat niet bestaat in JenV uitgaven",
                "data/uitgavenbegroting-jenv.csv:5:3: kolom 'artikel': artikel 32 bestaat niet in JenV uitgaven",
                .. volgt,
            ]);
    }

    [Fact]
    public void Een_waarvanregel_bij_een_artikel_dat_niet_bestaat()
    {
        LaadMet(Lader.Waarvanregels, t => t.Replace("JenV,uitgaven,31,Bijdrage aan Politie", "JenV,uitgaven,35,Bijdrage aan Politie"))
            .Should().Equal(
                "data/waarvanregels.csv:2:3: kolom 'artikel': de waarvanregel verwijst naar artikel 35, dat niet bestaat in JenV uitgaven",
                // the Bezetting FTE table's Politie row corresponds to that waarvan line, which is no longer under article 31
                "data/bezetting.csv:2:6: kolom 'komt_overeen_met': 'JenV:uitgaven:31:Bijdrage aan Politie' verwijst niet naar een bestaande artikel- of waarvanregel (vorm: Begroting:soort:artikel[:waarvan])");
    }

    [Fact]
    public void Een_dubbele_sleutel()
    {
        LaadMet(Lader.Artikelen, t => t.Replace("JenV,uitgaven,32,Rechtspleging", "JenV,uitgaven,31,Rechtspleging"))
            .Should().Contain("data/artikelen.csv:3:3: dubbele sleutel: artikel 'JenV/uitgaven/31' staat al op regel 2");
    }

    [Fact]
    public void Een_organisatiefeit_van_een_onbekende_organisatie_en_met_een_verkeerde_eenheid()
    {
        var problemen = LaadMet(Lader.Organisatiefeiten, t => t
            .Replace("DGPenV,formatie,Formatie DGPenV,,,,179,ca. 179 fte,fte,", "DGPV,formatie,Formatie DGPenV,,,,179,ca. 179 fte,€ miljoen,"));
        var regel = File.ReadLines(Path.Combine(Repo.DataMap, Lader.Organisatiefeiten)).ToList()
            .FindIndex(r => r.StartsWith("DGPenV,formatie,Formatie DGPenV,", StringComparison.Ordinal)) + 1;
        problemen.Should().Equal(
            $"data/organisatiefeiten.csv:{regel}:1: kolom 'organisatie': 'DGPV' staat niet in organisaties.csv",
            $"data/organisatiefeiten.csv:{regel}:9: kolom 'eenheid': formatie wordt uitgedrukt in fte, niet in '€ miljoen'");
    }

    [Fact]
    public void Een_onbekende_eenheid_en_een_getal_met_een_komma()
    {
        var problemen = LaadMet(Lader.Organisatiefeiten, t => t.Replace(",355.25,\"355,25 fte\",fte,", ",\"355,25\",\"355,25 fte\",FTE,"));
        problemen.Should().HaveCount(2);
        problemen[0].Should().EndWith(":7: kolom 'waarde': '355,25' is geen getal (decimaalpunt, zonder duizendtallen)");
        problemen[1].Should().EndWith(":9: kolom 'eenheid': onbekende waarde 'FTE'; toegestaan: fte, personen, plaatsen, aantal, %, x € 1.000, €, € miljoen, € miljard");
    }

    [Fact]
    public void Een_regel_met_te_weinig_velden_en_een_ontbrekende_kolom()
    {
        LaadMet(Lader.Bezetting, t => t.Replace("DJI,DJI,17285,3477,,JenV:uitgaven:34:Bijdrage DJI,636", "DJI,DJI,17285"))
            .Should().Equal("data/bezetting.csv:3:4: de regel heeft 3 velden, de kopregel 7");
    }

    [Fact]
    public void Een_ontbrekende_kolom()
    {
        LaadMet(Lader.Begrotingen, t => t.Replace(",fase,", ",versie,"))
            .Should().StartWith("data/begrotingen.csv:1:0: de kolom 'fase' ontbreekt in de kopregel");
    }

    [Fact]
    public void Een_verwijzing_naar_een_artikelregel_die_niet_bestaat()
    {
        LaadMet(Lader.Bezetting, t => t.Replace("JenV:uitgaven:34:Bijdrage DJI", "JenV:uitgaven:34:Bijdrage DJ"))
            .Should().Equal("data/bezetting.csv:3:6: kolom 'komt_overeen_met': 'JenV:uitgaven:34:Bijdrage DJ' verwijst niet naar een bestaande artikel- of waarvanregel (vorm: Begroting:soort:artikel[:waarvan])");
    }

    [Fact]
    public void Alle_problemen_worden_gemeld_niet_alleen_het_eerste()
    {
        var data = _map.KopieVanData();
        File.WriteAllText(Path.Combine(data, Lader.Begrotingen), File.ReadAllText(Path.Combine(data, Lader.Begrotingen)).Replace("2026,2030,464", "2030,2026,464"));
        File.WriteAllText(Path.Combine(data, Lader.GedrukteTotalen), File.ReadAllText(Path.Combine(data, Lader.GedrukteTotalen)).Replace("AenM,ontvangsten,TOTAAL,13826", "AenM,ontvangsten,TOTAL,13826"));
        File.Delete(Path.Combine(data, Lader.UitgavenbegrotingJenV));

        var resultaat = Lader.Laad(data, _map["budget.db"]);

        resultaat.Problemen.Select(p => p.ToString()).Should().Contain([
            "data/begrotingen.csv:2:7: kolom 'tot_jaar': 2026 ligt voor van_jaar 2030",
            "data/gedrukte-totalen.csv:8:3: kolom 'totaal': onbekende waarde 'TOTAL'; toegestaan: TOTAAL, Totaal Beleidsartikelen",
            "data/uitgavenbegroting-jenv.csv:0:0: het bestand ontbreekt",
        ]);
        File.Exists(_map["budget.db"]).Should().BeFalse();
    }

    [Fact]
    public void Een_mislukte_lading_laat_de_vorige_database_staan()
    {
        var pad = _map["budget.db"];
        Lader.Laad(Repo.DataMap, pad).Gelukt.Should().BeTrue();
        var voor = File.ReadAllBytes(pad);
        var data = _map.KopieVanData();
        File.WriteAllText(Path.Combine(data, Lader.Artikelen), File.ReadAllText(Path.Combine(data, Lader.Artikelen)).Replace("8843848", "veel"));

        Lader.Laad(data, pad).Gelukt.Should().BeFalse();

        File.ReadAllBytes(pad).Should().Equal(voor);
        Directory.EnumerateFiles(_map.Pad, "*.bouw*").Should().BeEmpty("neither the build nor the lines waiting for it are left");
    }

    [Fact]
    public void Een_geslaagde_lading_vervangt_de_vorige_database_in_een_keer()
    {
        var pad = _map["budget.db"];
        File.WriteAllText(pad, "geen database");
        File.WriteAllText(pad + ".oud.bouw", "resten van een gecrashte lading");

        Lader.Laad(Repo.DataMap, pad).Gelukt.Should().BeTrue();

        File.ReadAllBytes(pad).Take(15).Should().Equal("SQLite format 3"u8.ToArray());
        File.Exists(pad + ".oud.bouw").Should().BeFalse();
    }
}
