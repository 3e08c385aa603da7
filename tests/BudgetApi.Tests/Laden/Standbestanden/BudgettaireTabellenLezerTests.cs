using BudgetApi.Domein;

namespace BudgetApi.Tests.Laden.Standbestanden;

/// <summary>
/// The budgettaire tabellen sample (ontwerpbegroting 2016, every hoofdstuk): its figures, its structure, and every
/// doubtful case it holds, each found with its lines and figures.
/// </summary>
public sealed class BudgettaireTabellenLezerTests
{
    private const string Bestand = Opendata.BudgettaireTabellen;
    private const string Vi = "VI-2016-ontwerpbegroting";

    private static Leesresultaat Sample => Opendata.TabellenResultaat;

    private static readonly int[] Jaren = [2014, 2015, 2016, 2017, 2018, 2019, 2020];

    private static Bevinding Bevinding(string id) => Sample.Bevindingen.Single(b => b.Id == id);

    [Fact]
    public void Het_sample_leest_zonder_problemen_als_één_stand_per_hoofdstuk()
    {
        Sample.Problemen.Should().BeEmpty();
        Sample.Formaat.Should().Be("budgettaire-tabellen");
        Sample.Standen.Select(s => s.Stand.Hoofdstuk).Should().BeEquivalentTo(
            "I", "IIA", "IIB", "III", "IV", "V", "VI", "VII", "VIII", "IXA", "IXB", "X", "XII", "XIII", "XV", "XVI", "XVII", "XVIII", "A", "B", "C", "F", "H", "J");
        Sample.Standen.Should().OnlyContain(s => s.Stand.Begrotingsjaar == 2016 && s.Stand.Fase == Begrotingscodes.Ontwerpbegroting);
        Sample.Standen.Single(s => s.Stand.Hoofdstuk == "VI").NaamZoalsGepubliceerd.Should().Be("Veiligheid en Justitie");
        Sample.Regels.Should().OnlyContain(r => r.Bedragen.Keys.SequenceEqual(Jaren), "t-2 … t+4 with t = 2016");
    }

    [Fact]
    public void De_ontwerpbegroting_2016_van_VI_uitgaven_is_11_456_930_en_de_artikelen_tellen_één_keer()
    {
        var totaal = Sample.Totalen.Single(t => t.Stand.Id == Vi && t.Soort == Begrotingscodes.Uitgaven);
        totaal.Totaal.Should().Be("Veiligheid en Justitie");
        totaal.AlleenBeleidsartikelen.Should().BeFalse();
        totaal.Herkomst.Should().Be(new Vindplaats(Bestand, 307));
        totaal.Bedragen.Should().Equal(new Dictionary<int, long?>
        {
            [2014] = 12_624_891, [2015] = 12_344_981, [2016] = 11_456_930, [2017] = 11_144_970, [2018] = 10_712_372, [2019] = 10_743_976, [2020] = 10_765_146,
        });

        var artikelen = Sample.Regels.Where(r => r.Stand.Id == Vi && r.Soort == Begrotingscodes.Uitgaven && r.Pad.Count == 0).ToList();
        artikelen.Select(r => r.Artikel).Should().Equal(31, 32, 33, 34, 35, 36, 37, 91, 92, 93);
        artikelen.Sum(r => r.Bedragen[2016]!.Value).Should().Be(11_456_930, "the file prints VI twice (lines 306–625 and 2705–3024); it counts once");
    }

    [Fact]
    public void De_artikelregels_van_VI_sluiten_op_de_hoofdstuktotalen_in_elk_jaar_en_elke_soort()
    {
        foreach (var totaal in Sample.Totalen.Where(t => t.Stand.Id == Vi))
        {
            var artikelen = Sample.Regels.Where(r => r.Stand.Id == Vi && r.Soort == totaal.Soort && r.Pad.Count == 0).ToList();
            foreach (var (jaar, bedrag) in totaal.Bedragen)
                artikelen.Sum(r => r.Bedragen[jaar] ?? 0).Should().Be(bedrag!.Value, $"{totaal.Soort} {jaar}");
        }
        Sample.Totalen.Where(t => t.Stand.Id == Vi).Select(t => t.Soort).Should().BeEquivalentTo(Begrotingscodes.Soorten);
    }

    [Fact]
    public void Dezelfde_artikelbedragen_als_de_begrotingsstaten()
    {
        var staten = Opendata.StatenResultaat.Regels.Where(r => r.Stand.Id == Vi).ToList();
        staten.Should().HaveCount(27);
        var ontbreekt = new List<(string, int, long?)>();
        foreach (var staat in staten)
        {
            var regel = Sample.Regels.SingleOrDefault(r => r.Stand.Id == Vi && r.Soort == staat.Soort && r.Artikel == staat.Artikel && r.Pad.Count == 0);
            if (regel is null) ontbreekt.Add((staat.Soort, staat.Artikel, staat.Bedragen[2016]));
            else regel.Bedragen[2016].Should().Be(staat.Bedragen[2016], $"{staat.Soort} artikel {staat.Artikel}");
        }
        ontbreekt.Should().Equal([("ontvangsten", 92, 0L)], "the budgettaire tabellen print no receipts row for 92, the begrotingsstaat a zero");
    }

    [Fact]
    public void Artikel_32_apparaat_en_programma_zoals_de_uitgever_ze_bedoelt()
    {
        var artikel = Sample.Regel(Vi, "uitgaven", 32);
        var apparaat = Sample.Regel(Vi, "uitgaven", 32, "Apparaatsuitgaven");
        var hogeRaad = Sample.Regel(Vi, "uitgaven", 32, "Apparaatsuitgaven > Apparaatsuitgaven Hoge Raad");
        var programma = Sample.Regel(Vi, "uitgaven", 32, "Programma-uitgaven");
        var toegang = Sample.Regel(Vi, "uitgaven", 32, "Programma-uitgaven > Adequate toegang tot het rechtsbestel");
        var randvoorwaarden = Sample.Regel(Vi, "uitgaven", 32, "Programma-uitgaven > Optimale randvoorwaarden voor een doelmatig en doeltreffend rechtsbestel");

        (artikel.Niveau, artikel.Omschrijving, artikel.Code, artikel.Herkomst.Regel).Should().Be((Begrotingscodes.NiveauArtikel, "Rechtsbijstand en rechtspleging", null, 335));
        (apparaat.Niveau, apparaat.Code, apparaat.Herkomst.Regel).Should().Be((Begrotingscodes.NiveauProgrammaApparaat, null, 337));
        (hogeRaad.Niveau, hogeRaad.Code, hogeRaad.Omschrijving).Should().Be((Begrotingscodes.NiveauArtikelonderdeel, "32.1", "Apparaatsuitgaven Hoge Raad"));
        (programma.Niveau, programma.Herkomst.Regel).Should().Be((Begrotingscodes.NiveauProgrammaApparaat, 347));
        (toegang.Code, randvoorwaarden.Code).Should().Be(("32.2", "32.3"));

        artikel.Bedragen[2016].Should().Be(1_443_296);
        (apparaat.Bedragen[2016] + programma.Bedragen[2016]).Should().Be(1_443_296);
        hogeRaad.Bedragen[2016].Should().Be(apparaat.Bedragen[2016]).And.Be(25_019);
        (toegang.Bedragen[2016] + randvoorwaarden.Bedragen[2016]).Should().Be(programma.Bedragen[2016]).And.Be(1_418_277);
        Sample.Regel(Vi, "uitgaven", 32, "Apparaatsuitgaven > Apparaatsuitgaven Hoge Raad > Personele Uitgaven > waarvan eigen personeel")
            .Pad.Select(p => p.Niveau).Should().Equal(Begrotingscodes.NiveauProgrammaApparaat, Begrotingscodes.NiveauArtikelonderdeel,
                Begrotingscodes.NiveauFinancieelInstrument, Begrotingscodes.NiveauUitsplitsing);
    }

    [Fact]
    public void Artikel_33_en_34_met_hun_apparaat_en_programma()
    {
        Sample.Regel(Vi, "uitgaven", 33, "Apparaatsuitgaven > Apparaatsuitgaven OM").Code.Should().Be("33.1");
        (Sample.Regel(Vi, "uitgaven", 33, "Apparaatsuitgaven").Bedragen[2016] + Sample.Regel(Vi, "uitgaven", 33, "Programma-uitgaven").Bedragen[2016])
            .Should().Be(Sample.Regel(Vi, "uitgaven", 33).Bedragen[2016]).And.Be(645_578);

        // Lines 433–443 carry artikel number 33 but are artikel 34's apparaat and programma subtotals.
        var apparaat34 = Sample.Regel(Vi, "uitgaven", 34, "Apparaatsuitgaven");
        apparaat34.Herkomst.Regel.Should().Be(433);
        (apparaat34.Bedragen[2016] + Sample.Regel(Vi, "uitgaven", 34, "Programma-uitgaven").Bedragen[2016]).Should().Be(2_644_228);
        Sample.Regel(Vi, "uitgaven", 34, "Programma-uitgaven > Preventieve maatregelen").Code.Should().Be("34.2");
    }

    [Fact]
    public void Nationale_politie_met_categorie_markering_en_herkomst()
    {
        var artikel = Sample.Regel(Vi, "uitgaven", 31);
        (artikel.Bedragen[2016], artikel.Categorie, artikel.IsTotaalregel, artikel.Herkomst).Should().Be((5_199_190L, Begrotingscodes.Beleidsartikel, true, new Vindplaats(Bestand, 310)));
        var politie = Sample.Regel(Vi, "uitgaven", 31, "Bekostiging nationale politie > Bijdrage aan ZBO’s/RWT’s > Nationale Politie");
        (politie.Bedragen[2016], politie.IsTotaalregel, politie.Niveau, politie.Herkomst.Regel).Should().Be((4_939_208L, false, Begrotingscodes.NiveauUitsplitsing, 313));
        Sample.Regel(Vi, "uitgaven", 31, "Bekostiging nationale politie").Code.Should().Be("31.2");

        // Line 317 names the instrument "Opdrachten" that has no row of its own under 31.2: a grouping without figures.
        var opdrachten = Sample.Regel(Vi, "uitgaven", 31, "Bekostiging nationale politie > Opdrachten");
        opdrachten.Bedragen.Values.Should().OnlyContain(b => b == null);
        opdrachten.Herkomst.Regel.Should().Be(317);
        Sample.Regel(Vi, "uitgaven", 31, "Bekostiging nationale politie > Opdrachten > Gerechtstolken").Bedragen[2016].Should().Be(11_843);

        Sample.Regel(Vi, "uitgaven", 91).Categorie.Should().Be(Begrotingscodes.NietBeleidsartikel, "an apparaatsartikel is a niet-beleidsartikel");
        Sample.Regel(Vi, "uitgaven", 91).Herkomst.Regel.Should().Be(607, "its only row names the artikel itself: Apparaatsuitgaven Kerndepartement");
        Sample.Regel(Vi, "uitgaven", 91).Bedragen[2016].Should().Be(408_564);
        Sample.Regel(Vi, "uitgaven", 92).Bedragen[2017].Should().Be(-829);
        Sample.Regel(Vi, "ontvangsten", 31).Herkomst.Regel.Should().Be(333, "the N row 334 repeats the J row: one line");
    }

    [Fact]
    public void Losse_spaties_pm_en_het_streepje()
    {
        // "V " on line 306 is V after trimming; pm (line 302) is no amount; the accounting dash (line 305) is nil.
        Sample.Totalen.Single(t => t.Stand.Id == Vi && t.Soort == Begrotingscodes.Verplichtingen).Bedragen[2016].Should().Be(11_439_528);
        var koers = Sample.Regel("V-2016-ontwerpbegroting", "uitgaven", 7, "7.2 > Koersverschillen");
        koers.Herkomst.Regel.Should().Be(302);
        (koers.Bedragen[2014], koers.Bedragen[2015], koers.Bedragen[2020]).Should().Be((1_317L, (long?)null, (long?)null));
        // pm keeps the line without that amount, with a geen-bedrag finding naming the cell (issue 14 §3, as in every layout).
        var pm = Sample.Bevindingen.Where(b => b.Soort == Bevindingsoorten.GeenBedrag && b.Cijfers.Any(c => c.BronRegel == 302)).ToList();
        pm.Should().NotBeEmpty();
        pm.Should().OnlyContain(b => b.Uitleg.Contains("pro memorie (pm)") && b.Uitleg.StartsWith("Regel 302, kolom "));
        Sample.Regel("V-2016-ontwerpbegroting", "ontvangsten", 7, "Koersverschillen").Bedragen[2014].Should().Be(0);
    }

    [Fact]
    public void De_percentagerijen_zijn_geen_regels_en_geen_probleem()
    {
        // Line 1482: "Waarvan juridisch verplicht (percentage)" with 96% where an amount would stand, and no V/U/O.
        Opendata.Regels(Opendata.Tabellen)[1481].Should().Contain("96%");
        Sample.Regels.Should().NotContain(r => r.Herkomst.Regel == 1482);
        Sample.Bevindingen.Should().NotContain(b => b.Cijfers.Any(c => c.BronRegel == 1482));
    }

    // --- Every doubtful case of the sample, with its lines and figures ---

    [Fact]
    public void VI_heeft_precies_deze_bevindingen()
    {
        Sample.Bevindingen.Where(b => b.Hoofdstuk == "VI").Select(b => b.Id).Should().Equal(
            "herhaald-blok/budgettaire-tabellen-owb-2016.csv/VI/2705-3024",
            "afwijkend-artikelnummer/budgettaire-tabellen-owb-2016.csv/VI/433-443",
            "herhaalde-omschrijving/budgettaire-tabellen-owb-2016.csv/VI/uitgaven/artikel-33/393",
            "herhaalde-omschrijving/budgettaire-tabellen-owb-2016.csv/VI/uitgaven/artikel-33/410",
            "tegenstrijdige-totaalmarkering/budgettaire-tabellen-owb-2016.csv/VI/uitgaven/artikel-33/402",
            "code-past-niet-bij-naam/budgettaire-tabellen-owb-2016.csv/VI/uitgaven/artikel-35/550",
            "herhaalde-omschrijving/budgettaire-tabellen-owb-2016.csv/VI/uitgaven/artikel-35/540");
    }

    [Fact]
    public void Een_herhaald_blok_telt_één_keer()
    {
        var vi = Bevinding("herhaald-blok/budgettaire-tabellen-owb-2016.csv/VI/2705-3024");
        (vi.Ernst, vi.Hoofdstuk, vi.Begrotingsjaar, vi.Fase).Should().Be((Bevindingsoorten.Twijfel, "VI", 2016, Begrotingscodes.Ontwerpbegroting));
        vi.Uitleg.Should().Be("Hoofdstuk VI staat twee keer in het bestand: regels 306–625 en regels 2705–3024 (geplakte bladen). De blokken zijn regel voor regel gelijk. "
            + "Regel: regels 306–625 tellen (het eerste blok telt); regels 2705–3024 worden niet geladen, zodat het geld één keer telt.");
        vi.Cijfers.Select(c => (c.BronRegel, c.Waarde, c.ZoalsGedrukt, c.Jaar)).Should().Equal(
            (310, 5_199_190m, "5,199,190", 2016), (2709, 5_199_190m, "5,199,190", 2016),
            (335, 1_443_296m, "1,443,296", 2016), (2734, 1_443_296m, "1,443,296", 2016),
            (377, 645_578m, "645,578", 2016), (2776, 645_578m, "645,578", 2016));
        vi.Cijfers.Should().OnlyContain(c => c.Eenheid == "x € 1.000" && c.BronBestand == Bestand);
        Sample.Regels.Should().NotContain(r => r.Herkomst.Regel >= 2401 && r.Herkomst.Regel <= 5436 && r.Stand.Hoofdstuk != "IXA" && r.Stand.Hoofdstuk != "IXB" && r.Stand.Hoofdstuk != "XVI");

        // X differs between its two blocks only in the spreadsheet's error texts.
        Bevinding("herhaald-blok/budgettaire-tabellen-owb-2016.csv/X/3821-3964").Uitleg.Should().Contain("op de foutwaarden van het rekenblad in de omschrijvingen na");

        // IXB is repeated with another layout and other amounts: the first block counts.
        var ixb = Bevinding("herhaald-blok/budgettaire-tabellen-owb-2016.csv/IXB/5437-5588");
        ixb.Ernst.Should().Be(Bevindingsoorten.Tegenstrijdig);
        ixb.Uitleg.Should().Contain("152 regels tegen 173");
        Sample.Regels.Where(r => r.Stand.Hoofdstuk == "IXB").Should().OnlyContain(r => r.Herkomst.Regel >= 3648 && r.Herkomst.Regel <= 3820);
    }

    [Fact]
    public void Een_blok_in_een_andere_eenheid()
    {
        var b = Bevinding("andere-eenheid/budgettaire-tabellen-owb-2016.csv/IXA/3596-3647");
        b.Ernst.Should().Be(Bevindingsoorten.Fout);
        b.Uitleg.Should().Be("Regels 3596–3647 geven hoofdstuk IXA opnieuw, maar hun bedragen zijn samen ongeveer 532 keer kleiner dan die van regels 5589–5613: "
            + "dit blok staat in miljoenen euro's, niet in duizenden (x € 1.000) zoals het bestand. "
            + "Regel: het blok in de eenheid van het bestand (regels 5589–5613) telt; dit blok wordt niet geladen en niet omgerekend.");
        b.Cijfers.Should().ContainEquivalentOf(new { BronRegel = 3609, Waarde = 36_179m, ZoalsGedrukt = "36,179", Jaar = 2016 });
        b.Cijfers.Should().ContainEquivalentOf(new { BronRegel = 5589, Waarde = 36_228_000m, ZoalsGedrukt = "36,228,000", Jaar = 2016 });
        Sample.Regel("IXA-2016-ontwerpbegroting", "uitgaven", 11).Bedragen[2016].Should().Be(36_228_000);
        Bevinding("herhaald-blok/budgettaire-tabellen-owb-2016.csv/IXA/3596-3647").Uitleg.Should().Contain("het staat in een andere eenheid");
    }

    [Fact]
    public void Regels_van_een_ander_begrotingsjaar()
    {
        var b = Bevinding("ander-begrotingsjaar/budgettaire-tabellen-owb-2016.csv/XVI/2015/5614-6025");
        (b.Ernst, b.Begrotingsjaar).Should().Be((Bevindingsoorten.Twijfel, 2015));
        b.Uitleg.Should().Be("Regels 5614–6025 (XVI) hebben begrotingsjaar 2015; het bestand is de stand van begrotingsjaar 2016. "
            + "Hun bedragen zijn regel voor regel gelijk aan die van XVI 2016 (regels 4633–5044), op regel 5846 en regel 5847 na: een geplakte kopie met een ander jaar. "
            + "Regel: één bestand is één stand; regels van een ander begrotingsjaar worden niet geladen.");
        b.Cijfers[0].Should().BeEquivalentTo(new { BronRegel = 5614, Waarde = 608_239m, ZoalsGedrukt = "608,239", Jaar = 2016 });
        Sample.Regels.Where(r => r.Stand.Hoofdstuk == "XVI").Should().OnlyContain(r => r.Herkomst.Regel >= 4633 && r.Herkomst.Regel <= 5044);
        Sample.Regel("XVI-2016-ontwerpbegroting", "uitgaven", 1).Bedragen[2016].Should().Be(614_456, "the begrotingsstaten give the same");
    }

    [Fact]
    public void Een_subtotaal_met_een_ander_artikelnummer_dan_zijn_delen()
    {
        var b = Bevinding("afwijkend-artikelnummer/budgettaire-tabellen-owb-2016.csv/VI/433-443");
        b.Ernst.Should().Be(Bevindingsoorten.Fout);
        b.Uitleg.Should().Be("Regels 433–443 dragen artikelnummer 33, maar heten 'Straffen en Beschermen': de naam van artikel 34 (artikel 33 heet "
            + "'Veiligheid en criminaliteitsbestrijding', regel 377). Ze staan tussen de regels van artikel 34 en hun delen dragen 34. "
            + "Regel: de regels horen bij artikel 34, waarvan zij de subtotalen zijn; zo sluit artikel 34 op zijn eigen regel.");
        b.Cijfers.Should().HaveCount(11);
        b.Cijfers[0].Should().BeEquivalentTo(new { BronRegel = 433, Waarde = 167_941m, ZoalsGedrukt = "167,941", Jaar = 2016, Omschrijving = "VI uitgaven artikel 33 (gedrukt) > Apparaatsuitgaven" });
        b.Cijfers[^1].Should().BeEquivalentTo(new { BronRegel = 443, Waarde = 2_476_287m });
    }

    [Fact]
    public void Twee_delen_met_dezelfde_naam_tellen_allebei()
    {
        var riec = Bevinding("herhaalde-omschrijving/budgettaire-tabellen-owb-2016.csv/VI/uitgaven/artikel-33/393");
        riec.Uitleg.Should().Be("Onder VI uitgaven artikel 33 > Programma-uitgaven > Bestuur, informatie en technologie > Bijdragen aan medeoverheden staan twee delen "
            + "met de naam 'RIEC's/LIEC' (regel 392 en regel 393) met andere bedragen. Regel: beide tellen, want de drukker gaf twee regels en alleen samen sluiten ze "
            + "aan op hun totaal; de tweede heet in de gegevens 'RIEC's/LIEC (2)' zodat elke regel een eigen pad heeft.");
        riec.Cijfers.Where(c => c.Jaar == 2016).Select(c => (c.BronRegel, c.Waarde)).Should().Equal((392, 6_696m), (393, 1_697m));
        const string pad = "Programma-uitgaven > Bestuur, informatie en technologie > Bijdragen aan medeoverheden";
        (Sample.Regel(Vi, "uitgaven", 33, pad + " > RIEC's/LIEC").Bedragen[2016] + Sample.Regel(Vi, "uitgaven", 33, pad + " > RIEC's/LIEC (2)").Bedragen[2016]
            + Sample.Regel(Vi, "uitgaven", 33, pad + " > Overig bestuur, informatie en technologie").Bedragen[2016])
            .Should().Be(Sample.Regel(Vi, "uitgaven", 33, pad).Bedragen[2016]).And.Be(10_027);

        // Two groups "Bijdrage aan (inter-)nationale organisaties" under 33.3: each keeps its own parts.
        const string opsporing = "Programma-uitgaven > Opsporing en vervolging > ";
        Sample.Regel(Vi, "uitgaven", 33, opsporing + "Bijdrage aan (inter-)nationale organisaties > FIU-Nederland").Herkomst.Regel.Should().Be(409);
        Sample.Regel(Vi, "uitgaven", 33, opsporing + "Bijdrage aan (inter-)nationale organisaties (2) > Overig opsporing en vervolging").Herkomst.Regel.Should().Be(413);
        Sample.Regel(Vi, "uitgaven", 33, opsporing + "Bijdrage aan (inter-)nationale organisaties (2)").Bedragen[2016].Should().Be(8_623);
    }

    [Fact]
    public void Totaalmarkeringen_die_de_structuur_tegenspreken()
    {
        var n = Bevinding("tegenstrijdige-totaalmarkering/budgettaire-tabellen-owb-2016.csv/VI/uitgaven/artikel-33/402");
        n.Uitleg.Should().Be("Regel 402 (VI uitgaven artikel 33 > Programma-uitgaven > Opsporing en vervolging) is met N gemarkeerd als detailregel, maar heeft 6 delen "
            + "die erop optellen. Regel: de plaats in de structuur (de kolommen) bepaalt wat een deel van wat is; de markering wordt bewaard zoals gedrukt (totaalregel nee).");
        n.Cijfers.Single().Should().BeEquivalentTo(new { BronRegel = 402, Waarde = 188_884m, Jaar = 2016 });
        Sample.Regel(Vi, "uitgaven", 33, "Programma-uitgaven > Opsporing en vervolging").IsTotaalregel.Should().BeFalse("the marker is kept as printed");

        Bevinding("tegenstrijdige-totaalmarkering/budgettaire-tabellen-owb-2016.csv/IIB/uitgaven/artikel-10/77").Uitleg
            .Should().StartWith("Regel 77 (IIB uitgaven artikel 10 > Loonbijstelling) is met J gemarkeerd als totaalregel, maar er staat geen enkel deel onder.");
    }

    [Fact]
    public void Codes_die_niet_bij_de_naam_ernaast_passen()
    {
        var iib = Bevinding("code-past-niet-bij-naam/budgettaire-tabellen-owb-2016.csv/IIB/42-56");
        iib.Uitleg.Should().Be("Regels 42–56 hebben hoofdstuk IIB maar de begrotingsnaam 'Staten Generaal', de naam van hoofdstuk IIA; de andere regels van IIB heten "
            + "'Overige Hoge Colleges van Staat en Kabinetten van de Gouverneurs', en hun artikelen zijn die van IIB. Regel: de code telt; de regels horen bij IIB en de stand heet "
            + "'Overige Hoge Colleges van Staat en Kabinetten van de Gouverneurs'.");
        Sample.Standen.Single(s => s.Stand.Hoofdstuk == "IIB").NaamZoalsGepubliceerd.Should().Be("Overige Hoge Colleges van Staat en Kabinetten van de Gouverneurs");
        Sample.Regel("IIB-2016-ontwerpbegroting", "uitgaven", 1).Bedragen[2016].Should().Be(54_031, "Raad van State stays IIB's");

        var iii = Bevinding("code-past-niet-bij-naam/budgettaire-tabellen-owb-2016.csv/III/artikel-1/88-93");
        iii.Uitleg.Should().StartWith("Regels 88–93 dragen artikelnummer 1 met de naam 'Kabinet van de Koning' (begroting 'Kabinet van de Koning'), maar artikel 1 van III "
            + "heet in dit bestand 'Eenheid van het algemeen regeringsbeleid' (regel 80).");
        iii.Cijfers.Select(c => (c.BronRegel, c.Waarde)).Should().Equal((88, 2_343m), (89, 2_343m), (90, 2_343m), (91, 1_583m), (92, 1_583m), (93, 0m));
        Sample.Regel("III-2016-ontwerpbegroting", "uitgaven", 1).Bedragen[2016].Should().Be(59_240);

        var vi = Bevinding("code-past-niet-bij-naam/budgettaire-tabellen-owb-2016.csv/VI/uitgaven/artikel-35/550");
        vi.Uitleg.Should().Contain("maar staat direct onder totaalregel 549 ('Subsidies')");
        vi.Cijfers.Where(c => c.Jaar == 2014).Select(c => (c.BronRegel, c.Waarde)).Should().Equal((549, 670m), (550, 670m), (542, 169_690m));
        Sample.Regel(Vi, "uitgaven", 35, "Programma-uitgaven > Tenuitvoerlegging justitiële sancties jeugd > Subsidies > Overig Tenuitvoerlegging justitiele sancties jeugd")
            .Herkomst.Regel.Should().Be(550);
    }

    [Fact]
    public void Een_totaal_dat_niet_sluit_met_beide_cijfers()
    {
        var b = Bevinding("totaal-sluit-niet/budgettaire-tabellen-owb-2016.csv/VIII-2016-ontwerpbegroting/uitgaven/artikel-1/Bekostiging/2014");
        b.Ernst.Should().Be(Bevindingsoorten.Fout);
        b.Uitleg.Should().Be("VIII uitgaven artikel 1 > Bekostiging (regel 756) is in 2014 9.168.073, maar de 3 delen eronder tellen op tot 9.168.072 (verschil 1). "
            + "Regel: het gedrukte totaal blijft zoals gedrukt en de delen ook; de lezer verbetert niets.");
        b.Cijfers.Select(c => (c.BronRegel, c.Waarde)).Should().Equal((756, 9_168_073m), (757, 8_979_272m), (760, 161_987m), (761, 26_813m));
        (b.JuisteWaarde, b.Berekening, b.Eenheid).Should().Be((9_168_072m, "8.979.272 + 161.987 + 26.813 = 9.168.072", "x € 1.000"));
        Sample.Regel("VIII-2016-ontwerpbegroting", "uitgaven", 1, "Bekostiging").Bedragen[2014].Should().Be(9_168_073, "the printed total stays as printed");
    }

    [Fact]
    public void Lege_regels_regels_zonder_bedragen_en_losse_cellen()
    {
        Sample.Bevindingen.Where(b => b.Hoofdstuk == null).Select(b => b.Id).Should().Equal(
            "lege-regel/budgettaire-tabellen-owb-2016.csv/6026-6050", "lege-regel/budgettaire-tabellen-owb-2016.csv/6053-6079",
            "lege-regel/budgettaire-tabellen-owb-2016.csv/6082-6384", "lege-regel/budgettaire-tabellen-owb-2016.csv/6387-6413",
            "lege-regel/budgettaire-tabellen-owb-2016.csv/6416-6520", "lege-regel/budgettaire-tabellen-owb-2016.csv/1272",
            "lege-regel/budgettaire-tabellen-owb-2016.csv/3896",
            "losse-cel/budgettaire-tabellen-owb-2016.csv/6051", "losse-cel/budgettaire-tabellen-owb-2016.csv/6052",
            "losse-cel/budgettaire-tabellen-owb-2016.csv/6080", "losse-cel/budgettaire-tabellen-owb-2016.csv/6081",
            "losse-cel/budgettaire-tabellen-owb-2016.csv/6385", "losse-cel/budgettaire-tabellen-owb-2016.csv/6386",
            "losse-cel/budgettaire-tabellen-owb-2016.csv/6414", "losse-cel/budgettaire-tabellen-owb-2016.csv/6415",
            "losse-cel/budgettaire-tabellen-owb-2016.csv/6521");
        Bevinding("losse-cel/budgettaire-tabellen-owb-2016.csv/6080").Cijfers.Single().Should().BeEquivalentTo(new { ZoalsGedrukt = "52,795", Omschrijving = "kolom 15", BronRegel = 6080 });
        Bevinding("lege-regel/budgettaire-tabellen-owb-2016.csv/1272").Uitleg.Should().StartWith("Regel 1272 heeft geen hoofdstuk en geen bedragen, alleen '2016' (kolom 1), '6' (kolom 7), '74%' (kolom 8)");

        // An artikel row that carries only the % juridisch verplicht (III artikel 1 uitgaven, line 80) is no line.
        Bevinding("lege-regel/budgettaire-tabellen-owb-2016.csv/III/80").Uitleg.Should().StartWith("Regel 80 is een regel van III uitgaven artikel 1 zonder omschrijving en zonder bedragen (regel 82 is de artikelregel)");

        var xii = Bevinding("losse-cel/budgettaire-tabellen-owb-2016.csv/XII/1341-1479");
        xii.Uitleg.Should().StartWith("Regels 1341–1479 (XII) hebben waarden in kolommen zonder kop (kolom 27, 28; bijvoorbeeld 'XII_Infrastructuur en Milieu' op regel 1341).");
        var viii = Bevinding("losse-cel/budgettaire-tabellen-owb-2016.csv/VIII/925-953");
        viii.Cijfers.Should().ContainEquivalentOf(new { ZoalsGedrukt = "1,039", BronRegel = 926, Omschrijving = "kolom 27 zonder kop" });
    }

    [Fact]
    public void Foutwaarden_van_het_rekenblad_als_omschrijving()
    {
        var b = Bevinding("rekenbladfout/budgettaire-tabellen-owb-2016.csv/X/1200-1202");
        b.Uitleg.Should().StartWith("Regels 1200–1202 (X) hebben als omschrijving een foutwaarde van het rekenblad ('#NAME?', 'Err:509', '#REF!') in plaats van de naam van de regel.");
        b.Cijfers.Select(c => (c.BronRegel, c.Waarde)).Should().Equal((1200, 364_800m), (1201, 3_089m), (1202, 0m));
        Sample.Regels.Where(r => r.Stand.Hoofdstuk == "X" && r.Artikel == 1 && r.Soort == "uitgaven").Select(r => r.Omschrijving)
            .Should().Equal("Inzet", "Opdrachten", "#NAME?", "Err:509", "#REF!");
    }

    [Fact]
    public void Delen_zonder_artikelregel_en_tegenstrijdige_artikelregels()
    {
        Bevinding("wees/budgettaire-tabellen-owb-2016.csv/XII/uitgaven/artikel-11").Uitleg.Should().StartWith(
            "XII uitgaven artikel 11 Integraal waterbeleid heeft geen eigen regel (geen rij zonder omschrijving onder het artikel); het bestand geeft alleen");
        Sample.Regels.Should().Contain(r => r.Stand.Hoofdstuk == "XII" && r.Artikel == 11 && r.Soort == "uitgaven" && r.Pad.Count > 0);
        Sample.Regels.Should().NotContain(r => r.Stand.Hoofdstuk == "XII" && r.Artikel == 11 && r.Soort == "uitgaven" && r.Pad.Count == 0);

        var viii = Bevinding("tegenstrijdigheid/budgettaire-tabellen-owb-2016.csv/VIII/verplichtingen/artikel-8/926");
        viii.Cijfers.Where(c => c.Jaar == 2014).Select(c => (c.BronRegel, c.Waarde)).Should().Equal((925, 13_973m), (926, 12_330m));
        Sample.Regel("VIII-2016-ontwerpbegroting", "verplichtingen", 8).Bedragen[2014].Should().Be(13_973);

        Bevinding("onbekende-code/budgettaire-tabellen-owb-2016.csv/VII/artikel-13/type-artikel").Uitleg
            .Should().StartWith("Artikel 13 van VII heeft als Type Artikel 'Niet toegedeeld' (regel 743)");
        Sample.Regel("VII-2016-ontwerpbegroting", "uitgaven", 13).Categorie.Should().BeNull();
    }

    // --- The structure as a whole: nothing twice, every total reconciles except the reported ones ---

    [Fact]
    public void Elke_regel_één_keer_en_elke_voorouder_is_zelf_een_regel()
    {
        Sample.Regels.GroupBy(r => (r.Stand, r.Soort, r.Artikel, Pad: string.Join("|", r.Pad.Select(p => p.Niveau + ":" + p.Omschrijving))))
            .Where(g => g.Count() > 1).Select(g => g.Key).Should().BeEmpty();
        var paden = Sample.Regels.Select(r => (r.Stand, r.Soort, r.Artikel, Pad: string.Join("|", r.Pad.Select(p => p.Niveau + ":" + p.Omschrijving)))).ToHashSet();
        foreach (var r in Sample.Regels.Where(r => r.Pad.Count > 1))
            paden.Should().Contain((r.Stand, r.Soort, r.Artikel, string.Join("|", r.Pad.Take(r.Pad.Count - 1).Select(p => p.Niveau + ":" + p.Omschrijving))),
                $"the parent of line {r.Herkomst.Regel} must be a line");
    }

    [Fact]
    public void Alle_totalen_van_VI_sluiten()
    {
        Aansluiting.NietSluitend(Sample, "VI").Should().BeEmpty();
        Sample.Bevindingen.Should().NotContain(b => b.Hoofdstuk == "VI" && b.Soort == Bevindingsoorten.TotaalSluitNiet);
    }

    [Fact]
    public void Elk_totaal_van_het_bestand_dat_niet_sluit_is_gemeld_en_geen_ander()
    {
        var berekend = Aansluiting.NietSluitend(Sample, null).Select(x => (x.Regel, x.Jaar, x.Gedrukt, x.Som)).Order().ToList();
        var gemeld = Sample.Bevindingen.Where(b => b.Soort == Bevindingsoorten.TotaalSluitNiet)
            .Select(b => (b.Cijfers[0].BronRegel, b.Cijfers[0].Jaar!.Value, (long)b.Cijfers[0].Waarde!.Value, (long)b.JuisteWaarde!.Value)).Order().ToList();
        berekend.Should().NotBeEmpty();
        gemeld.Should().Equal(berekend);
    }

    [Fact]
    public void Dezelfde_invoer_geeft_dezelfde_bevindingen()
    {
        Sample.Bevindingen.Select(b => b.Id).Should().OnlyHaveUniqueItems();
        var opnieuw = Opendata.LeesTabellen(Opendata.TabellenVi);
        Opendata.LeesTabellen(Opendata.TabellenVi).Bevindingen.Select(b => b.Id).Should().Equal(opnieuw.Bevindingen.Select(b => b.Id));
    }
}

/// <summary>The reconciliation a consumer of the model does: each line against its parts (by path), and each stand total against its artikel lines.</summary>
internal static class Aansluiting
{
    public static List<(int Regel, int Jaar, long Gedrukt, long Som)> NietSluitend(Leesresultaat r, string? hoofdstuk)
    {
        var uit = new List<(int, int, long, long)>();
        foreach (var groep in r.Regels.Where(x => hoofdstuk is null || x.Stand.Hoofdstuk == hoofdstuk).GroupBy(x => (x.Stand, x.Soort, x.Artikel)))
        {
            var regels = groep.ToList();
            List<Standregel> Delen(Standregel ouder) => regels.Where(k => k.Pad.Count > ouder.Pad.Count && k.Pad.Take(ouder.Pad.Count).SequenceEqual(ouder.Pad)
                && !regels.Any(m => m.Pad.Count > ouder.Pad.Count && m.Pad.Count < k.Pad.Count && k.Pad.Take(m.Pad.Count).SequenceEqual(m.Pad))).ToList();
            bool AlleenWaarvan(List<Standregel> delen) => delen.Count > 0 && delen.All(d => d.Niveau == Begrotingscodes.NiveauWaarvan);
            long? Bijdrage(Standregel k, int jaar)
            {
                if (k.Bedragen[jaar] is { } eigen) return eigen;
                var delen = Delen(k);
                if (AlleenWaarvan(delen)) return null;
                var b = delen.Select(d => Bijdrage(d, jaar)).Where(x => x is not null).ToList();
                return b.Count == 0 ? null : b.Sum();
            }
            // Lines without an artikel line are parts of no line; the artikel line is the one with an empty path.
            foreach (var regel in regels)
            {
                var delen = Delen(regel);
                if (delen.Count == 0 || AlleenWaarvan(delen)) continue;
                foreach (var (jaar, bedrag) in regel.Bedragen)
                {
                    if (bedrag is null) continue;
                    var b = delen.Select(d => Bijdrage(d, jaar)).Where(x => x is not null).ToList();
                    if (b.Count > 0 && b.Sum() != bedrag) uit.Add((regel.Herkomst.Regel, jaar, bedrag.Value, b.Sum()!.Value));
                }
            }
        }
        foreach (var totaal in r.Totalen.Where(t => hoofdstuk is null || t.Stand.Hoofdstuk == hoofdstuk))
        {
            var artikelen = r.Regels.Where(x => x.Stand == totaal.Stand && x.Soort == totaal.Soort && x.Pad.Count == 0).ToList();
            foreach (var (jaar, bedrag) in totaal.Bedragen)
            {
                var b = artikelen.Select(a => a.Bedragen[jaar]).Where(x => x is not null).ToList();
                if (bedrag is not null && b.Count > 0 && b.Sum() != bedrag) uit.Add((totaal.Herkomst.Regel, jaar, bedrag.Value, b.Sum()!.Value));
            }
        }
        return uit;
    }
}
