using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using BudgetApi.Domein;
using BudgetApi.Tests.Infrastructuur;
using Microsoft.AspNetCore.Hosting;

namespace BudgetApi.Tests.Api;

[Collection(ApiCollectie.Naam)]
public sealed class BevindingenTests(BudgetApiFactory factory)
{
    private const string Url = "/v1/bevindingen";

    /// <summary>The findings about the document's figures: every figure of them stands in the introductiedossier (the open data's have their own files).</summary>
    private static JsonArray UitHetDocument(JsonArray bevindingen) =>
        new([.. bevindingen.Where(b => b!["cijfers"]!.AsArray() is { Count: > 0 } cijfers && cijfers.All(c => c!.Tekst("bronBestand") == "introductiedossier-jenv-2026.txt"))
            .Select(b => b!.DeepClone())]);

    private readonly HttpClient _client = factory.CreateClient();

    private static JsonNode Bevinding(JsonArray gegevens, string id) =>
        gegevens.SingleOrDefault(b => b!.Tekst("id") == id) ?? throw new InvalidOperationException($"geen bevinding '{id}' in {string.Join(", ", gegevens.Select(b => b!.Tekst("id")))}");

    private static List<JsonNode> Cijfers(JsonNode bevinding) => bevinding["cijfers"]!.AsArray().Select(c => c!).ToList();

    [Fact]
    public async Task Een_gedrukt_totaal_dat_niet_sluit_met_zijn_delen_en_de_juiste_waarde()
    {
        var (gegevens, _) = await _client.GetAllePaginas(Url);

        // B. Ontvangsten JenV prints the uitgaven TOTAAL (18.596.347, line 533); its articles add up to 1.843.526.
        var totaal = Bevinding(gegevens, "totaal-sluit-niet/gedrukt-totaal/VI-2026-ontwerpbegroting/ontvangsten/totaal/2026");
        totaal.Tekst("soort").Should().Be("totaal-sluit-niet");
        totaal.Tekst("ernst").Should().Be("fout");
        totaal.Tekst("hoofdstuk").Should().Be("VI");
        totaal.Tekst("begroting").Should().Be("JenV");
        totaal.Bedrag("begrotingsjaar").Should().Be(2026);
        totaal.Tekst("fase").Should().Be("ontwerpbegroting");
        totaal.Getal("juisteWaarde").Should().Be(1_843_526m);
        totaal.Tekst("eenheid").Should().Be("x € 1.000");
        totaal.Tekst("berekening").Should().Be(
            "6.500 + 205.764 + 1.479.631 + 139.125 + 2.000 + 10.506 + 0 + 0 = 1.843.526 (in € duizend); gedrukt 18.596.347; verschil 16.752.821");
        totaal.Tekst("uitleg").Should().Contain("Het gedrukte cijfer is gelijk aan 'VI uitgaven TOTAAL' op regel 468: vermoedelijk overgenomen.");
        var cijfers = Cijfers(totaal);
        cijfers.Select(c => c.Bedrag("bronRegel")).Should().Equal(533, 537, 539, 543, 549, 553, 557, 559, 561);
        cijfers[0].Getal("waarde").Should().Be(18_596_347m);
        cijfers[0].Tekst("zoalsGedrukt").Should().Be("18.596.347");
        cijfers[0].Tekst("omschrijving").Should().Be("VI ontvangsten TOTAAL");
        cijfers[0].Tekst("bronSectie").Should().Be("B. Ontvangsten JenV");
        cijfers[0].Tekst("bronBestand").Should().Be("introductiedossier-jenv-2026.txt");
        cijfers[1].Tekst("omschrijving").Should().Be("VI ontvangsten artikel 31 Politie");

        // 132.220 + 4.580 = 136.800 displaced persons from Ukraine, printed as 136.810 (line 6036-6038).
        var ontheemden = Bevinding(gegevens, "totaal-sluit-niet/organisatie-delen/ontheemden-brp-2026/2026");
        ontheemden.Tekst("ernst").Should().Be("fout");
        ontheemden.Tekst("organisatie").Should().Be("PDOEK");
        ontheemden["hoofdstuk"].Should().BeNull();
        ontheemden.Getal("juisteWaarde").Should().Be(136_800m);
        Cijfers(ontheemden).Select(c => c.Getal("waarde")).Should().Equal(136_810m, 132_220m, 4_580m);

        // An approximation that does not add up is a doubt, not an error: "ca. 436 fte" against 433.
        var psg = Bevinding(gegevens, "totaal-sluit-niet/organisatie-delen/formatie-psg-cluster");
        psg.Tekst("ernst").Should().Be("twijfel");
        psg.Getal("juisteWaarde").Should().Be(433m);
        Cijfers(psg).Should().HaveCount(9);
    }

    [Fact]
    public async Task Een_organisatiecijfer_dat_niet_gelijk_is_aan_zijn_begrotingsregel_is_tegenstrijdig()
    {
        var (gegevens, _) = await _client.GetAllePaginas(Url);

        var bijdrage = Bevinding(gegevens, "totaal-sluit-niet/organisatie-begroting/Rechtspraak/bijdrage-dgrr/2026");
        bijdrage.Tekst("ernst").Should().Be("tegenstrijdig");
        bijdrage.Getal("juisteWaarde").Should().Be(1565m);
        bijdrage.Tekst("eenheid").Should().Be("€ miljoen");
        var cijfers = Cijfers(bijdrage);
        cijfers[0].Tekst("zoalsGedrukt").Should().Be("€ 1364 mln.");
        cijfers[0].Bedrag("bronRegel").Should().Be(8211);
        cijfers[1].Getal("waarde").Should().Be(1_565_010m);
        cijfers[1].Tekst("omschrijving").Should().Be("VI uitgaven artikel 32 > Bijdrage aan Raad voor de Rechtspraak");
        cijfers[1].Bedrag("bronRegel").Should().Be(482);
    }

    [Fact]
    public async Task Tegenstrijdig_bij_dezelfde_meting_en_twijfel_bij_verwante_metingen()
    {
        var gegevens = UitHetDocument((await _client.GetAllePaginas($"{Url}?soort=tegenstrijdigheid")).Gegevens);

        // "25 vestigingen op 31 locaties" (line 6869) and "Drie van de 31 vestigingen" (line 6870): one cannot be right.
        var vestigingen = Bevinding(gegevens, "tegenstrijdigheid/GW-VB/onderdelen/alleen-vestigingen/ongedateerd");
        vestigingen.Tekst("ernst").Should().Be("tegenstrijdig");
        Cijfers(vestigingen).Select(c => (c.Getal("waarde"), c.Bedrag("bronRegel"))).Should().Equal((25m, 6869L), (31m, 6870L));
        vestigingen.Tekst("uitleg").Should().Contain("ze kunnen niet allebei juist zijn").And.Contain("31 is ook het gedrukte cijfer voor locaties");
        vestigingen["juisteWaarde"].Should().BeNull();

        // The Rechtspraak's money for 2026: a budget line, a beschikbaar kader and a bijdrage, close in meaning, not provably the same.
        var rechtspraak = Bevinding(gegevens, "tegenstrijdigheid/Rechtspraak/geld/geheel/2026");
        rechtspraak.Tekst("ernst").Should().Be("twijfel");
        Cijfers(rechtspraak).Select(c => (c.Tekst("meting"), c.Getal("waarde"), c.Bedrag("bronRegel")))
            .Should().Equal(("budget", 1565m, 638L), ("beschikbaar-kader", 1465m, 8207L), ("bijdrage", 1364m, 8211L));
        rechtspraak.Tekst("uitleg").Should().Contain("beschikbaar kader en bijdrage liggen dicht bij elkaar in betekenis");

        // "ongeveer 17.400 fte" (no date) against 17.285 fte (stand 2025): printed to the hundred, 17.285 is 17.300.
        var dji = Bevinding(gegevens, "tegenstrijdigheid/DJI/bezetting/geheel/2025");
        dji.Tekst("ernst").Should().Be("twijfel");
        Cijfers(dji).Select(c => c.Getal("waarde")).Should().Equal(17_285m, 17_400m);

        // DGSenB's "ca. € 3,3 miljard" for DJI (line 3373) is the ministry's money: it meets the "€ 3,6 miljard vanuit het ministerie
        // van Justitie en Veiligheid gefinancierd" the document gives on DJI's own page (line 6839), never DJI's "€ 3,7 miljard"
        // with what derden pay.
        var djiGeld = Bevinding(gegevens, "tegenstrijdigheid/DJI/geld/alleen-financiering-door-jenv/2024");
        djiGeld.Tekst("ernst").Should().Be("twijfel");
        Cijfers(djiGeld).Select(c => (c.Tekst("zoalsGedrukt"), c.Bedrag("bronRegel"))).Should().Equal(("ca. € 3,3 miljard", 3373L), ("€ 3,6 miljard", 6839L));
        gegevens.SelectMany(b => Cijfers(b!)).Should().NotContain(c => c.Tekst("zoalsGedrukt") == "€ 3,7 miljard");

        gegevens.Where(b => b!.Tekst("ernst") == "tegenstrijdig").Select(b => b!.Tekst("id"))
            .Should().Equal("tegenstrijdigheid/GW-VB/onderdelen/alleen-vestigingen/ongedateerd");
    }

    [Fact]
    public async Task Geen_vals_alarm_voor_totalen_die_sluiten_of_cijfers_die_iets_anders_meten()
    {
        var (alle, metadata) = await _client.GetAllePaginas(Url);
        metadata["paginering"]!["totaalAantal"]!.GetValue<int>().Should().Be(alle.Count);
        alle.Select(b => b!.Tekst("id")).Should().OnlyHaveUniqueItems();
        var gegevens = UitHetDocument(alle);
        var ids = gegevens.Select(b => b!.Tekst("id")).ToList();

        // Exactly the reconciliations that do not add up, none of those that do (the document's: /aansluitingen answers for 2026 by default).
        var (afwijking, _) = await _client.GetAllePaginas("/v1/aansluitingen?status=afwijking");
        var (akkoord, _) = await _client.GetAllePaginas("/v1/aansluitingen?status=akkoord");
        ids.Where(i => i.StartsWith("totaal-sluit-niet/", StringComparison.Ordinal))
            .Should().BeEquivalentTo(afwijking.Select(a => "totaal-sluit-niet/" + a!.Tekst("id")));
        akkoord.Should().NotBeEmpty();
        ids.Should().NotContain(akkoord.Select(a => "totaal-sluit-niet/" + a!.Tekst("id")));

        // Different measures of one organisation are never compared: formatie against bezetting (IND 6000 / 6500),
        // now against after growth (NCTV 392 / 438 fte, NCSC 300 / 500), the two ends of a range (WODC 20-25 fte),
        // a year's budget against a structural level (DGO 854 / 799), a frame without against only HGIS (HDBV 168 / 18).
        foreach (var organisatie in new[] { "NCTV", "NCSC", "WODC", "DGO", "HDBV", "COA" })
        {
            var (over, _) = await _client.GetAllePaginas($"{Url}?soort=tegenstrijdigheid&organisatie={organisatie}");
            over.Should().BeEmpty(organisatie);
        }
        foreach (var bevinding in gegevens.Where(b => b!.Tekst("soort") == "tegenstrijdigheid"))
        {
            var metingen = Cijfers(bevinding!).Select(c => c.Tekst("meting")).ToHashSet();
            (metingen.Contains("formatie") && metingen.Contains("bezetting")).Should().BeFalse("formatie and bezetting are never compared");
            // One reikwijdte per finding; the ministry's money without one (a bijdrage) meets the ministry's part of a split budget.
            var ministerie = bevinding!.Tekst("id").Contains("/alleen-financiering-door-jenv/", StringComparison.Ordinal);
            Cijfers(bevinding!).Select(c => c["reikwijdte"]?.GetValue<string>() ?? (ministerie && c.Tekst("meting") == "bijdrage" ? "alleen financiering door JenV" : null))
                .Distinct().Should().ContainSingle("only figures of one reikwijdte, or of one financing basis, are compared");
        }
        // NFI's "circa € 120 miljoen" agrees with its budget line 116 (€ miljoen) at the printed step of ten.
        ids.Should().NotContain(i => i.StartsWith("tegenstrijdigheid/NFI/geld", StringComparison.Ordinal));
        ids.Should().OnlyHaveUniqueItems();
        gegevens.Should().HaveCount(27);
    }

    [Fact]
    public async Task De_Rechtspraak_heeft_10800_medewerkers_en_de_bevinding_legt_uit_waarom()
    {
        var (feiten, _) = await _client.GetLijst("/v1/organisaties/rechtspraak");
        var medewerkers = feiten.Single(f => f!.Tekst("omschrijving") == "Rechtspraakmedewerkers")!;
        medewerkers.Getal("waarde").Should().Be(10_800m);
        medewerkers.Tekst("zoalsGedrukt").Should().Be("10.8000");
        medewerkers.Tekst("eenheid").Should().Be("personen");
        medewerkers.Tekst("reikwijdte").Should().Be("excl. rechters en raadsheren");

        var (gegevens, _) = await _client.GetAllePaginas($"{Url}?organisatie=RECHTSPRAAK&soort=onmogelijk-getal");
        var bevinding = gegevens.Should().ContainSingle().Subject!;
        bevinding.Tekst("id").Should().Be("onmogelijk-getal/Rechtspraak/8107/10.8000");
        bevinding.Tekst("ernst").Should().Be("fout");
        bevinding.Getal("juisteWaarde").Should().Be(10_800m);
        bevinding.Tekst("eenheid").Should().Be("personen");
        bevinding.Tekst("berekening").Should().Be(
            "gelezen als 108.000: 2.700 + 108.000 = 110.700 personen voor 12.205 fte: 9,07 personen per fte (kan niet); " +
            "gelezen als 10,8: 2.700 + 10,8 = 2.710,8 personen voor 12.205 fte: 0,22 personen per fte (kan niet); " +
            "gelezen als 10.800: 2.700 + 10.800 = 13.500 personen voor 12.205 fte: 1,11 personen per fte (kan)");
        bevinding.Tekst("uitleg").Should().StartWith("'10.8000' (Rechtspraak, 'Rechtspraakmedewerkers', regel 8107) kan geen Nederlands getal zijn");
        Cijfers(bevinding).Select(c => (c.Tekst("zoalsGedrukt"), c.Bedrag("bronRegel")))
            .Should().Equal(("10.8000", 8107L), ("2.700", 8107L), ("12.205", 638L));

        // Read as printed (108.000), the Rechtspraak would have 9 people per fte: implausible; the value served is 10.800.
        var (onwaarschijnlijk, _) = await _client.GetAllePaginas($"{Url}?soort=onwaarschijnlijk");
        var personen = Bevinding(onwaarschijnlijk, "onwaarschijnlijk/Rechtspraak/personen-per-fte/2025");
        personen.Tekst("ernst").Should().Be("twijfel");
        personen.Getal("juisteWaarde").Should().Be(10_800m);
        personen.Tekst("berekening").Should().Be(
            "zoals gedrukt gelezen: 2.700 + 108.000 = 110.700 personen voor 12.205 fte: 9,07 personen per fte; " +
            "met de waarde die de service serveert: 2.700 + 10.800 = 13.500 personen voor 12.205 fte: 1,11 personen per fte");
    }

    [Fact]
    public async Task Een_tweede_onmogelijk_getal_2_4_miljoen()
    {
        var (gegevens, _) = await _client.GetAllePaginas($"{Url}?organisatie=ncsc");

        var bevinding = gegevens.Should().ContainSingle().Subject!;
        bevinding.Tekst("id").Should().Be("onmogelijk-getal/NCSC/6481/2.4");
        bevinding.Getal("juisteWaarde").Should().Be(2_400_000m);
        bevinding.Tekst("uitleg").Should().Contain("Mogelijke lezingen: 24.000.000 (alle scheidingstekens genegeerd, de cijfers achter elkaar); 2.400.000");
        Cijfers(bevinding).Single().Tekst("zoalsGedrukt").Should().Be("2.4 miljoen bedrijven en organisaties");
    }

    [Fact]
    public async Task Een_patroon_dat_in_een_jaar_breekt()
    {
        var gegevens = UitHetDocument((await _client.GetAllePaginas($"{Url}?soort=patroonbreuk")).Gegevens);

        // DGRR's ontvangsten are articles 32 + 33 − 525 in every year but 2028, where 2029's figure is printed.
        var breuk = gegevens.Should().ContainSingle().Subject!;
        breuk.Tekst("id").Should().Be("patroonbreuk/DGRR/ontvangsten/ontvangsten/2028");
        breuk.Tekst("ernst").Should().Be("fout");
        breuk.Tekst("organisatie").Should().Be("DGRR");
        breuk.Tekst("begroting").Should().Be("JenV");
        breuk.Getal("juisteWaarde").Should().Be(1_755_528m);
        breuk.Tekst("berekening").Should().EndWith("2028: 1.792.064 − (210.578 + 1.545.475) = 36.011; " +
            "2029: 1.792.064 − (211.908 + 1.580.681) = -525; 2030: 1.827.761 − (211.908 + 1.616.378) = -525; " +
            "patroon -525: 210.578 + 1.545.475 − 525 = 1.755.528 (in € duizend)");
        breuk.Tekst("uitleg").Should().Contain("Dat is precies het cijfer van 2029");
        Cijfers(breuk).Select(c => (c.Getal("waarde"), c.Bedrag("jaar"), c.Bedrag("bronRegel")))
            .Should().Equal((1_792_064m, 2028L, 4384L), (210_578m, 2028L, 539L), (1_545_475m, 2028L, 543L), (1_792_064m, 2029L, 4384L));
    }

    [Fact]
    public async Task Een_wees_in_de_tabel_bezetting()
    {
        var gegevens = UitHetDocument((await _client.GetAllePaginas($"{Url}?soort=wees")).Gegevens);

        var wees = gegevens.Should().ContainSingle().Subject!;
        wees.Tekst("id").Should().Be("wees/bezettingstabel/bestuursdepartement");
        wees.Tekst("ernst").Should().Be("twijfel");
        wees["juisteWaarde"].Should().BeNull();
        var cijfers = Cijfers(wees);
        (cijfers[0].Getal("waarde"), cijfers[0].Tekst("eenheid"), cijfers[0].Bedrag("bronRegel")).Should().Be((431m, "€ miljoen", 644L));
        cijfers.Skip(1).Select(c => c.Tekst("omschrijving")).Should().Contain("VI uitgaven artikel 91 Apparaat kerndepartement");
        wees.Tekst("uitleg").Should().Contain("geen enkele regel van JenV of AenM");
    }

    [Fact]
    public async Task Filters_op_soort_ernst_organisatie_en_begroting()
    {
        var (alle, _) = await _client.GetAllePaginas(Url);

        var (fout, _) = await _client.GetAllePaginas($"{Url}?ernst=FOUT");
        fout.Should().HaveCount(alle.Count(b => b!.Tekst("ernst") == "fout")).And.NotBeEmpty();
        var (jenv, _) = await _client.GetAllePaginas($"{Url}?begroting=jenv");
        jenv.Where(b => b!["hoofdstuk"] is not null).Select(b => b!.Tekst("hoofdstuk")).Should().AllBe("VI");
        UitHetDocument(jenv).Where(b => b!["hoofdstuk"] is not null).Should().HaveCount(12, "ten JenV ontvangsten totals, the Rechtspraak's bijdrage, DGRR's pattern");
        jenv.Should().Contain(b => b!.Tekst("id").StartsWith("code-past-niet-bij-naam/begrotingsstaten", StringComparison.Ordinal), "VI's open data has its own findings");
        var (aenm, _) = await _client.GetAllePaginas($"{Url}?begroting=AenM");
        aenm.Select(b => b!.Tekst("id")).Should().Equal(
            ["totaal-sluit-niet/organisatie-delen/bezetting-ind", "tegenstrijdigheid/IND/geld/geheel/2026"],
            "no finding is about an AenM budget line, and IND, whose budget is AenM's 'bijdrage IND', is AenM's only organisation with findings");
        // A finding is about an organisation when it names it or holds one of its figures (DJI's bezetting 2025 names DJI).
        var (dji, _) = await _client.GetAllePaginas($"{Url}?organisatie=dji");
        dji.Select(b => b!.Tekst("id")).Should().Equal("tegenstrijdigheid/DJI/bezetting/geheel/2025", "tegenstrijdigheid/DJI/geld/alleen-financiering-door-jenv/2024");
        var (samen, _) = await _client.GetAllePaginas($"{Url}?soort=totaal-sluit-niet&ernst=twijfel");
        UitHetDocument(samen).Select(b => b!.Tekst("id")).Should().Equal(
            "totaal-sluit-niet/organisatie-delen/formatie-psg-cluster", "totaal-sluit-niet/organisatie-delen/bezetting-ind");
    }

    /// <summary>
    /// An organisation's findings belong to its begroting: the dashboard opens on JenV, and the analyst must see DJI's € 3,3 miljard
    /// set against the € 3,6 miljard the ministry funds there. Every finding about organisation figures only belongs to exactly one
    /// begroting on the bundled data, by the organisation's own budget line or the one of the organisation it is part of.
    /// </summary>
    [Fact]
    public async Task Bevindingen_over_organisaties_staan_onder_de_begroting_van_die_organisaties()
    {
        var (alle, _) = await _client.GetAllePaginas(Url);
        var (jenv, jenvMetadata) = await _client.GetAllePaginas($"{Url}?begroting=JenV");
        var (aenm, _) = await _client.GetAllePaginas($"{Url}?begroting=AenM");
        static List<string> Organisatiebevindingen(JsonArray lijst) =>
            [.. lijst.Where(b => b!["hoofdstuk"] is null && b!["organisatie"] is not null).Select(b => b!.Tekst("id"))];

        Organisatiebevindingen(jenv).Should().Equal(
            "totaal-sluit-niet/organisatie-delen/formatie-psg-cluster",        // SG-cluster, under the ministry
            "totaal-sluit-niet/organisatie-delen/ontheemden-brp-2026/2026",    // PDOEK, under DGM, under the ministry
            "tegenstrijdigheid/DJI/bezetting/geheel/2025",                      // DJI's budget is JenV artikel 34 'Bijdrage DJI'
            "tegenstrijdigheid/Rechtspraak/geld/geheel/2026",
            "tegenstrijdigheid/OM/geld/excl-geheime-uitgaven/2026",
            "tegenstrijdigheid/CJIB/geld/geheel/2026",
            "tegenstrijdigheid/NFI/bezetting/geheel/2025",
            "tegenstrijdigheid/DJI/geld/alleen-financiering-door-jenv/2024",
            "tegenstrijdigheid/GW-VB/onderdelen/alleen-vestigingen/ongedateerd", // a directie of DJI
            "onmogelijk-getal/NCSC/6481/2.4",                                   // no parent named: the ministry's
            "onmogelijk-getal/Rechtspraak/8107/10.8000",
            "onwaarschijnlijk/Rechtspraak/personen-per-fte/2025",
            "wees/bezettingstabel/bestuursdepartement");
        Organisatiebevindingen(aenm).Should().Equal("totaal-sluit-niet/organisatie-delen/bezetting-ind", "tegenstrijdigheid/IND/geld/geheel/2026");
        Organisatiebevindingen(alle).Should().BeEquivalentTo([.. Organisatiebevindingen(jenv), .. Organisatiebevindingen(aenm)], "each belongs to one begroting");

        // The corrected like-for-like DJI finding is there, with its figures, and the findings about JenV's lines are all still there.
        var dji = Bevinding(jenv, "tegenstrijdigheid/DJI/geld/alleen-financiering-door-jenv/2024");
        Cijfers(dji).Select(c => c.Tekst("zoalsGedrukt")).Should().Contain("€ 3,6 miljard");
        jenv.Where(b => b!["hoofdstuk"] is not null).Select(b => b!.Tekst("id"))
            .Should().Equal(alle.Where(b => b!["hoofdstuk"] is JsonNode h && h.GetValue<string>() == "VI").Select(b => b!.Tekst("id")));
        jenvMetadata.Tekst("bron").Should().Contain(Bronnen.Document, "the organisation figures are the document's");

        // The same choice per problem: the DJI finding is a problem of its own under JenV.
        var (problemen, _) = await _client.GetAllePaginas($"{Url}/gegroepeerd?begroting=JenV");
        problemen.Should().Contain(p => p!.Tekst("id") == "tegenstrijdigheid/DJI/geld/alleen-financiering-door-jenv"
                                        && p!["bevindingen"]![0]!.Tekst("id") == "tegenstrijdigheid/DJI/geld/alleen-financiering-door-jenv/2024");
        problemen.Sum(p => p!["bevindingen"]!.AsArray().Count).Should().Be(jenv.Count);
        // A begroting without organisations in the registry gets none of theirs.
        var (xx, _) = await _client.GetAllePaginas($"{Url}?begroting=XX");
        xx.Select(b => b!.Tekst("id")).Should().Equal(aenm.Select(b => b!.Tekst("id")), "XX is AenM's hoofdstuk");
    }

    /// <summary>q= is the one search rule of every collection: accents and case do not matter, every word begins a word.</summary>
    [Fact]
    public async Task Zoeken_met_q_in_uitleg_begroting_artikel_en_organisatie()
    {
        var (alle, _) = await _client.GetAllePaginas(Url);

        // An organisation by its name without accents ("Dienst Justitiële Inrichtingen"), and by its code in any case.
        var (justitiele, _) = await _client.GetAllePaginas($"{Url}?q=justitiele%20inrichtingen");
        justitiele.Select(b => b!.Tekst("id")).Should().Contain(["tegenstrijdigheid/DJI/bezetting/geheel/2025", "tegenstrijdigheid/DJI/geld/alleen-financiering-door-jenv/2024"]);
        var (dji, _) = await _client.GetAllePaginas($"{Url}?q=dji&begroting=JenV");
        dji.Select(b => b!.Tekst("id")).Should().Equal(
            "tegenstrijdigheid/DJI/bezetting/geheel/2025", "tegenstrijdigheid/DJI/geld/alleen-financiering-door-jenv/2024",
            "tegenstrijdigheid/GW-VB/onderdelen/alleen-vestigingen/ongedateerd");
        // A prefix begins a word; the middle of a word is no match.
        var (rechtsp, _) = await _client.GetAllePaginas($"{Url}?q=Rechtsp");
        rechtsp.Should().Contain(b => b!.Tekst("id") == "onmogelijk-getal/Rechtspraak/8107/10.8000");
        var (echtspraak, _) = await _client.GetAllePaginas($"{Url}?q=echtspraak");
        echtspraak.Should().BeEmpty();
        // An artikel by its name in a figure's budget line, and a kind by its label: every word must match, in any order.
        var (politie, _) = await _client.GetAllePaginas($"{Url}?q=Politie&begroting=VI");
        politie.Should().NotBeEmpty().And.OnlyContain(b => Tekst(b!).Contains("politie", StringComparison.OrdinalIgnoreCase));
        var (sluit, _) = await _client.GetAllePaginas($"{Url}?q=sluit%20niet%20totaal");
        sluit.Select(b => b!.Tekst("id")).Should().Contain(alle.Where(b => b!.Tekst("soort") == "totaal-sluit-niet").Select(b => b!.Tekst("id")), "its label is 'Totaal sluit niet'");
        sluit.Where(b => b!.Tekst("soort") != "totaal-sluit-niet").Should().OnlyContain(b => Zoekterm.Lees("sluit niet totaal")!.Past(Tekst(b!)), "other kinds only where their own words say it");
        // The begroting's name finds its findings, the document's organisation findings among them.
        var (asiel, _) = await _client.GetAllePaginas($"{Url}?q=asiel%20migratie");
        asiel.Select(b => b!.Tekst("id")).Should().Contain("tegenstrijdigheid/IND/geld/geheel/2026");

        // The same choice per problem, and the same 400 as every q=.
        var (problemen, _) = await _client.GetAllePaginas($"{Url}/gegroepeerd?q=dji&begroting=JenV");
        problemen.SelectMany(p => p!["bevindingen"]!.AsArray()).Select(j => j!.Tekst("id")).Should().Equal(dji.Select(b => b!.Tekst("id")));
        foreach (var pad in new[] { Url, $"{Url}/gegroepeerd" })
        {
            var probleem = await _client.GetProbleem($"{pad}?q=%20-%20", HttpStatusCode.BadRequest);
            probleem.OngeldigeParameters().Should().Equal("q");
            probleem.Tekst("detail").Should().Be("q bevat geen woord om op te zoeken; geef minstens één letter of cijfer (bijvoorbeeld q=Politie).");
            (await _client.GetProbleem($"{pad}?q={new string('a', 101)}", HttpStatusCode.BadRequest)).Tekst("detail")
                .Should().Be("q is 101 tekens lang; toegestaan: ten hoogste 100 tekens.");
        }
    }

    /// <summary>Everything a finding is searched in, as the client sees it, for a check that a match is honest.</summary>
    private static string Tekst(JsonNode b) => string.Join(" ", [b.Tekst("uitleg"), .. Cijfers(b).Select(c => c.Tekst("omschrijving"))]);

    [Fact]
    public async Task Filters_op_begrotingsjaar_en_fase_en_metadata_noemt_de_standen_en_hun_bronnen()
    {
        var (alle, alleMetadata) = await _client.GetAllePaginas(Url);
        alleMetadata.Tekst("bron").Should().Contain(Bronnen.Document).And.Contain("budgettaire-tabellen-owb-2016.csv");

        var (jaar2016, metadata) = await _client.GetAllePaginas($"{Url}?begrotingsjaar=2016&fase=Ontwerpbegroting");
        jaar2016.Should().HaveCount(alle.Count(b => b!["begrotingsjaar"]?.GetValue<int>() == 2016 && b.Tekst("fase") == "ontwerpbegroting")).And.NotBeEmpty();
        jaar2016.Should().OnlyContain(b => b!["begrotingsjaar"]!.GetValue<int>() == 2016 && b.Tekst("fase") == "ontwerpbegroting");
        var standen = metadata["standen"]!.AsArray().Select(s => s!.Tekst("id")).ToList();
        standen.Should().Contain("VI-2016-ontwerpbegroting").And.OnlyContain(id => id.EndsWith("-2016-ontwerpbegroting", StringComparison.Ordinal));
        standen.Should().HaveCount(jaar2016.Select(b => b!.Tekst("hoofdstuk")).Distinct().Count(), "one stand per hoofdstuk the findings are about");
        metadata.Tekst("bron").Should().NotContain(Bronnen.Document, "no finding of 2016 is about the document");
        metadata["valuta"].Should().BeNull("findings carry their own units");

        // The document's findings: the ontwerpbegroting 2026 of VI, and those about organisation figures only drop out.
        var (jaar2026, _) = await _client.GetAllePaginas($"{Url}?begrotingsjaar=2026");
        jaar2026.Should().NotBeEmpty().And.OnlyContain(b => b!.Tekst("hoofdstuk") == "VI");
        jaar2026.Select(b => b!.Tekst("id")).Should().Contain("totaal-sluit-niet/gedrukt-totaal/VI-2026-ontwerpbegroting/ontvangsten/totaal/2026");
    }

    [Theory]
    [InlineData("begrotingsjaar=2040", "begrotingsjaar", "Er is geen stand in begrotingsjaar 2040; beschikbaar: 2013, 2014, 2015, 2016, 2017, 2026.")]
    [InlineData("fase=voorjaarsnota", "fase", "Onbekende waarde 'voorjaarsnota' voor fase; toegestaan: ontwerpbegroting, vastgestelde-begroting, incidentele-suppletoire-1, incidentele-suppletoire-2, incidentele-suppletoire-3, incidentele-suppletoire-4, incidentele-suppletoire-5, incidentele-suppletoire-6, incidentele-suppletoire-7, incidentele-suppletoire-8, incidentele-suppletoire-9, incidentele-suppletoire-10, incidentele-suppletoire-11, incidentele-suppletoire-12, 1e-suppletoire, september-suppletoire, 2e-suppletoire, jaarverslag, slotwet.")]
    [InlineData("begrotingsjaar=twee", "begrotingsjaar", null)]
    public async Task Een_onbekend_begrotingsjaar_of_fase_is_een_400(string query, string parameter, string? reden)
    {
        var probleem = await _client.GetProbleem($"{Url}?{query}", HttpStatusCode.BadRequest);

        probleem.OngeldigeParameters().Should().Equal(parameter);
        if (reden is not null) probleem.Tekst("detail").Should().Be(reden);
    }

    [Fact]
    public async Task In_csv_een_regel_per_cijfer_met_dezelfde_waarden_als_json()
    {
        var (gegevens, _) = await _client.GetAllePaginas(Url);
        var csv = await _client.GetCsv($"{Url}?paginaGrootte=1000&formaat=csv");

        csv.Should().HaveCount(gegevens.Sum(b => Math.Max(1, b!["cijfers"]!.AsArray().Count)), "one row per figure, one for a finding without figures");
        var perId = csv.GroupBy(r => r["id"]).ToList();
        perId.Select(g => g.Key).Should().Equal(gegevens.Select(b => b!.Tekst("id")));
        foreach (var (bevinding, rijen) in gegevens.Zip(perId))
        {
            var cijfers = bevinding!["cijfers"]!.AsArray();
            rijen.Select(r => int.Parse(r["cijferNummer"], CultureInfo.InvariantCulture)).Should().Equal(cijfers.Count == 0 ? [0] : Enumerable.Range(1, cijfers.Count));
            foreach (var (rij, cijfer) in rijen.Zip(cijfers))
            {
                rij["soort"].Should().Be(bevinding.Tekst("soort"));
                rij["ernst"].Should().Be(bevinding.Tekst("ernst"));
                rij["uitleg"].Should().Be(bevinding.Tekst("uitleg"));
                rij["juisteWaarde"].Should().Be(bevinding["juisteWaarde"]?.ToJsonString() ?? "");
                rij["cijferWaarde"].Should().Be(cijfer!["waarde"]?.ToJsonString() ?? "");
                rij["cijferZoalsGedrukt"].Should().Be(cijfer["zoalsGedrukt"]?.GetValue<string>() ?? "");
                rij["cijferEenheid"].Should().Be(cijfer.Tekst("eenheid"));
                rij["cijferOmschrijving"].Should().Be(cijfer.Tekst("omschrijving"));
                rij["cijferBronRegel"].Should().Be(cijfer.Bedrag("bronRegel").ToString(CultureInfo.InvariantCulture));
            }
        }

        // An empty selection still has its header row, so a spreadsheet keeps its columns.
        var leeg = await _client.GetStringAsync($"{Url}?begroting=AenM&formaat=csv");
        leeg.TrimStart('\uFEFF').Should().StartWith("id,soort,ernst,hoofdstuk,begroting,begrotingsjaar,fase,organisatie,uitleg,juisteWaarde,eenheid,berekening,cijferNummer,cijferWaarde,");
    }

    [Fact]
    public async Task De_ids_zijn_gelijk_in_twee_apart_gebouwde_databases()
    {
        using var eerste = new BudgetApiFactory();
        using var tweede = new BudgetApiFactory();
        var (a, _) = await eerste.CreateClient().GetAllePaginas(Url);
        var (b, _) = await tweede.CreateClient().GetAllePaginas(Url);

        var idsA = a.Select(x => x!.Tekst("id")).ToList();
        idsA.Should().NotBeEmpty().And.Equal(b.Select(x => x!.Tekst("id")));
        a.ToJsonString().Should().Be(b.ToJsonString(), "the same data give the same findings, figure for figure");
        idsA.Should().NotContain(i => i.Any(char.IsWhiteSpace));
    }

    [Theory]
    [InlineData("soort=fouten", "soort", "Onbekende waarde 'fouten' voor soort; toegestaan: totaal-sluit-niet, tegenstrijdigheid, onmogelijk-getal, patroonbreuk, onwaarschijnlijk, wees, herhaald-blok, herhaalde-kopregel, afwijkend-artikelnummer, tegenstrijdige-totaalmarkering, code-past-niet-bij-naam, onbekende-code, andere-eenheid, ander-begrotingsjaar, lege-regel, losse-cel, rekenbladfout, herhaalde-omschrijving, bronnen-verschillen, onbekende-kolom, afgerond-bedrag, geen-bedrag, najaarsnota-meerjarig.")]
    [InlineData("ernst=ernstig", "ernst", "Onbekende waarde 'ernstig' voor ernst; toegestaan: fout, tegenstrijdig, twijfel.")]
    [InlineData("begroting=XYZ", "begroting", "Onbekende begroting 'XYZ'; " + Verwacht.OnbekendeBegroting)]
    [InlineData("organisatie=XYZ", "organisatie", "Onbekende organisatie 'XYZ' voor organisatie; toegestaan: een code uit /organisaties.")]
    [InlineData("formaat=xml", "formaat", "Onbekend formaat 'xml'; toegestaan: json, csv, xlsx.")]
    public async Task Een_ongeldige_parameter_is_een_400_die_hem_noemt(string query, string parameter, string reden)
    {
        var probleem = await _client.GetProbleem($"{Url}?{query}", HttpStatusCode.BadRequest);

        probleem.OngeldigeParameters().Should().Equal(parameter);
        probleem.Tekst("detail").Should().Be(reden);
    }

    [Fact]
    public async Task Alle_ongeldige_parameters_in_een_probleem()
    {
        var probleem = await _client.GetProbleem($"{Url}?soort=x&ernst=y&organisatie=z&begroting=w", HttpStatusCode.BadRequest);

        probleem.OngeldigeParameters().Should().BeEquivalentTo("soort", "ernst", "organisatie", "begroting");
        probleem.Tekst("title").Should().Be("Ongeldige parameters: soort, ernst, begroting, organisatie");
    }

    /// <summary>
    /// The rules that find nothing in the source must still find what they are for: the same data with a part made larger than its
    /// whole and shares that add up to more than 100 %, over real HTTP.
    /// </summary>
    [Fact]
    public async Task Een_deel_groter_dan_het_geheel_en_aandelen_boven_100_procent_worden_gevonden()
    {
        using var map = new TijdelijkeMap();
        var data = map.KopieVanData();
        var pad = Path.Combine(data, "organisatiefeiten.csv");
        var tekst = File.ReadAllText(pad);
        var bewerkt = tekst
            .Replace(",775,775 fte,fte,circa,", ",7750,7750 fte,fte,circa,", StringComparison.Ordinal)
            .Replace(",75,75% loon gerelateerd,", ",85,85% loon gerelateerd,", StringComparison.Ordinal);
        bewerkt.Should().NotBe(tekst);
        File.WriteAllText(pad, bewerkt);
        using var anders = new FactoryMetData(data);

        var (gegevens, _) = await anders.CreateClient().GetAllePaginas($"{Url}?soort=onwaarschijnlijk");

        var deel = Bevinding(gegevens, "onwaarschijnlijk/IND/deel-groter-dan-geheel/bezetting-extern/ongedateerd");
        deel.Tekst("ernst").Should().Be("twijfel", "both IND figures are printed with 'circa'");
        deel.Tekst("berekening").Should().Be("7.750 > 6.500 (fte)");
        var aandelen = Bevinding(gegevens, "onwaarschijnlijk/JenV/loon-prijs-budget-2026/aandeel-boven-100");
        aandelen.Tekst("ernst").Should().Be("fout");
        aandelen.Tekst("berekening").Should().Be("85 + 25 %");
    }

    /// <summary>The service on another data folder.</summary>
    private sealed class FactoryMetData(string dataMap) : BudgetApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Budget:DataMap", dataMap);
        }
    }

    [Fact]
    public async Task Gegroepeerd_is_een_probleem_per_controle_en_cijfer_met_zijn_jaren_en_per_jaar_de_bevinding()
    {
        var (alle, _) = await _client.GetAllePaginas(Url);
        var (problemen, metadata) = await _client.GetAllePaginas($"{Url}/gegroepeerd");

        // Every finding stands in exactly one problem, under its own id, with the figures /bevindingen gives it.
        var perJaar = problemen.SelectMany(p => p!["bevindingen"]!.AsArray()).ToList();
        perJaar.Select(b => b!.Tekst("id")).Should().BeEquivalentTo(alle.Select(b => b!.Tekst("id")));
        foreach (var jaar in perJaar)
        {
            var bevinding = Bevinding(alle, jaar!.Tekst("id"));
            JsonNode.DeepEquals(jaar!["cijfers"], bevinding["cijfers"]).Should().BeTrue(jaar.Tekst("id"));
        }
        problemen.Count.Should().BeLessThan(alle.Count);
        metadata["paginering"]!["totaalAantal"]!.GetValue<int>().Should().Be(problemen.Count);
        metadata["tellingen"]!.AsArray().Sum(t => t!["aantal"]!.GetValue<int>()).Should().Be(alle.Count, "tellingen count the findings, over all pages");

        // B. Ontvangsten JenV prints the uitgaven TOTAAL in each of five years: one problem listing 2026–2030 and each year's figures.
        var totaal = problemen.Single(p => p!.Tekst("id") == "totaal-sluit-niet/gedrukt-totaal/VI-2026-ontwerpbegroting/ontvangsten/totaal")!;
        totaal["jaren"]!.AsArray().Select(j => j!.GetValue<int>()).Should().Equal(2026, 2027, 2028, 2029, 2030);
        totaal.Tekst("soortLabel").Should().Be("Totaal sluit niet");
        totaal.Tekst("ernstLabel").Should().Be("Fout");
        totaal.Tekst("uitleg").Should().StartWith("Dezelfde bevinding in 5 jaren: 2026, 2027, 2028, 2029 en 2030; ")
            .And.Contain("gedrukt € 18.596.347 duizend, de delen tellen op tot € 1.843.526 duizend");
        var jaren = totaal["bevindingen"]!.AsArray();
        jaren.Select(j => j!.Tekst("id")).Should().Equal(Enumerable.Range(2026, 5).Select(j => $"totaal-sluit-niet/gedrukt-totaal/VI-2026-ontwerpbegroting/ontvangsten/totaal/{j}"));
        jaren.Select(j => j!.Getal("juisteWaarde")).Should().Equal(1_843_526m, 1_871_453m, 1_909_610m, 1_946_985m, 1_982_682m);
        jaren.Select(j => j!["cijfers"]![0]!.Tekst("zoalsGedrukt")).Should().Equal("18.596.347", "18.840.559", "18.792.979", "18.800.030", "18.550.421");

        // A finding of one year is a problem of its own, with its own explanation; one about no year keeps its id.
        var patroon = problemen.Single(p => p!.Tekst("id") == "patroonbreuk/DGRR/ontvangsten/ontvangsten")!;
        patroon["jaren"]!.AsArray().Select(j => j!.GetValue<int>()).Should().Equal(2028);
        patroon.Tekst("uitleg").Should().Be(Bevinding(alle, "patroonbreuk/DGRR/ontvangsten/ontvangsten/2028").Tekst("uitleg"));
        problemen.Should().Contain(p => p!.Tekst("id") == "totaal-sluit-niet/organisatie-delen/formatie-psg-cluster");

        // The filters and paging are those of /bevindingen; CSV is one row per year.
        var (jenv, jenvMetadata) = await _client.GetLijst($"{Url}/gegroepeerd?begroting=JenV&paginaGrootte=3");
        jenv.Should().HaveCount(3);
        jenvMetadata["paginering"]!["volgende"]!.GetValue<string>().Should().Be("/v1/bevindingen/gegroepeerd?begroting=JenV&paginaGrootte=3&pagina=2");
        var csv = await _client.GetStringAsync($"{Url}/gegroepeerd?begroting=JenV&soort=totaal-sluit-niet&formaat=csv");
        var regels = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        regels[0].Should().StartWith("id,soort,soortLabel,ernst,ernstLabel,").And.Contain(",jaren,jaar,bevindingId,juisteWaarde,");
        regels.Skip(1).Should().HaveCount(13, "ten yearly TOTAAL findings of two problems, the Rechtspraak's bijdrage, and the parts of two organisation tables (pSG-cluster, PDOEK)");
    }

    [Fact]
    public async Task Geen_code_in_de_uitleg_en_het_dashboard_kent_dezelfde_labels()
    {
        var (alle, _) = await _client.GetAllePaginas(Url);
        var codes = Bevindingsoorten.Soorten.Concat(["sluit-niet", "past-niet", "beschikbaar-kader", "budgettair-kader", "formatie-psg-cluster", "x € 1.000", "€ miljoen", "€ miljard", "JenV:uitgaven"]);
        foreach (var b in UitHetDocument(alle))
        {
            foreach (var code in codes) b!.Tekst("uitleg").Should().NotContain(code, b!.Tekst("id"));
        }

        // The dashboard's list of kinds is the API's table, in the API's order.
        var js = await File.ReadAllTextAsync(Repo.Bestand("src/BudgetApi/wwwroot/dashboard/js/begrippen.js"));
        var lijst = js[js.IndexOf("export const BEVINDINGSOORTEN", StringComparison.Ordinal)..];
        lijst = lijst[..lijst.IndexOf("];", StringComparison.Ordinal)];
        var inHetDashboard = System.Text.RegularExpressions.Regex.Matches(lijst, @"\{ waarde: '([^']+)', label: '([^']+)' \}")
            .Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList();
        inHetDashboard.Should().Equal(Bevindingsoorten.Soorten.Select(s => (s, Bevindingsoorten.Label(s))));
    }
}
