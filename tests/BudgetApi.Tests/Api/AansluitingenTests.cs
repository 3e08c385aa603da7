using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using BudgetApi.Tests.Infrastructuur;

namespace BudgetApi.Tests.Api;

[Collection(ApiCollectie.Naam)]
public sealed class AansluitingenTests(BudgetApiFactory factory)
{
    private const string Url = "/v1/aansluitingen";
    private readonly HttpClient _client = factory.CreateClient();

    private static readonly int[] Jaren = [2026, 2027, 2028, 2029, 2030];

    private static JsonNode Rij(JsonArray gegevens, string id) => gegevens.Single(r => r!.Tekst("id") == id)!;

    /// <summary>The sum of the JenV ontvangsten articles straight from data/artikelen.csv, independent of the service.</summary>
    private static long SomOntvangstenJenV(int jaar, bool alleenBeleid)
    {
        var regels = File.ReadAllLines(Path.Combine(Repo.DataMap, "artikelen.csv"));
        var kop = regels[0].Split(',');
        var kolom = Array.IndexOf(kop, jaar.ToString(CultureInfo.InvariantCulture));
        return regels.Skip(1).Select(r => r.Split(','))
            .Where(v => v[0] == "JenV" && v[1] == "ontvangsten" && (!alleenBeleid || v[4] == "beleidsartikel"))
            .Sum(v => long.Parse(v[kolom], CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// A description is Dutch a reader understands (issue 16): no id of an organisation table ("(formatie-psg-cluster)"), no
    /// organisation code ("hoge-raad"), no file name of the open data. The codes stay in their own fields: bronTabel, organisatie,
    /// bronBestand.
    /// </summary>
    [Theory]
    [InlineData("")]
    [InlineData("?begroting=VI&begrotingsjaar=2016")]
    [InlineData("?begroting=BZ&begrotingsjaar=2016")]
    public async Task Een_omschrijving_noemt_geen_code_van_tabel_organisatie_of_bestand(string keuze)
    {
        var (gegevens, _) = await _client.GetAllePaginas(Url + keuze);
        gegevens.Should().NotBeEmpty();
        var codes = (await _client.GetAllePaginas("/v1/organisaties")).Gegevens.Select(o => o!.Tekst("code")).Where(c => c.Contains('-', StringComparison.Ordinal)).ToList();
        foreach (var r in gegevens.Select(r => r!))
        {
            var omschrijving = r.Tekst("omschrijving");
            omschrijving.Should().NotContainAny([".csv", ".txt"], r.Tekst("id"));
            if (r["bronTabel"] is { } tabel && tabel.GetValue<string>().Contains('-', StringComparison.Ordinal)) omschrijving.Should().NotContain(tabel.GetValue<string>(), r.Tekst("id"));
            foreach (var code in codes) omschrijving.Should().NotContain($" {code} ", r.Tekst("id"));
        }

        if (keuze.Length == 0)
        {
            var psg = Rij(gegevens, "organisatie-delen/formatie-psg-cluster");
            (psg.Tekst("omschrijving"), psg.Tekst("bronTabel"), psg.Tekst("organisatie"))
                .Should().Be(("Delen van 'Formatie pSG-cluster totaal' van SG-Cluster tegen het gedrukte geheel", "formatie-psg-cluster", "SG-cluster"));
            var hogeRaad = gegevens.First(r => r!.Tekst("id").StartsWith("organisatie-begroting/hoge-raad/", StringComparison.Ordinal))!;
            hogeRaad.Tekst("omschrijving").Should().StartWith("'Beschikbaar kader' van Hoge Raad der Nederlanden tegen JenV uitgaven artikel 32");
        }
        if (keuze.StartsWith("?begroting=VI", StringComparison.Ordinal))
        {
            var politie = Rij(gegevens, "totaalregel/VI-2016-ontwerpbegroting/uitgaven/31/2016");
            (politie.Tekst("omschrijving"), politie.Tekst("bronTabel"), politie.Tekst("bronBestand")).Should().Be((
                "Totaalregel artikel 31 Nationale Politie (ontwerpbegroting 2016) tegen de som van zijn 2 delen",
                "budgettaire-tabellen-owb-2016.csv", "budgettaire-tabellen-owb-2016.csv"));
        }
    }

    /// <summary>q= is the one search rule (Domein.Zoekterm) over the description, the begroting and the organisation's code, name and abbreviation.</summary>
    [Fact]
    public async Task Zoeken_met_q_in_omschrijving_begroting_en_organisatie()
    {
        var (alle, _) = await _client.GetAllePaginas(Url);

        // An organisation by its name without accents: DJI ("Dienst Justitiële Inrichtingen") in the table Bezetting FTE.
        var (dji, _) = await _client.GetAllePaginas($"{Url}?q=justitiele%20inrichtingen");
        dji.Select(r => r!.Tekst("id")).Should().Equal("bezettingstabel/DJI/2026", "organisatie-delen/begroting-dji-2024/2024");
        var (hogeRaad, _) = await _client.GetAllePaginas($"{Url}?q=hoge%20raad");
        hogeRaad.Should().NotBeEmpty().And.OnlyContain(r => r!.Tekst("id").StartsWith("organisatie-begroting/hoge-raad/", StringComparison.Ordinal) || r!.Tekst("omschrijving").Contains("Hoge Raad", StringComparison.Ordinal));
        // Words of the description, in any order, as word beginnings; the filters still apply.
        var (politie, _) = await _client.GetAllePaginas($"{Url}?q=Politie&begroting=JenV");
        politie.Select(r => r!.Tekst("soortAansluiting")).Distinct().Should().BeEquivalentTo("waarvan", "bezettingstabel", "uitgavenbegroting-jenv");
        politie.Should().HaveCount(alle.Count(r => r!.Tekst("omschrijving").Contains("Politie", StringComparison.Ordinal) && r!.Tekst("begroting") == "JenV"));
        var (totaal, _) = await _client.GetAllePaginas($"{Url}?q=ontvangsten%20totaal&status=afwijking");
        totaal.Select(r => r!.Tekst("id")).Should().BeEquivalentTo(Jaren.SelectMany(j => new[]
        {
            $"gedrukt-totaal/VI-2026-ontwerpbegroting/ontvangsten/totaal/{j}", $"gedrukt-totaal/VI-2026-ontwerpbegroting/ontvangsten/totaal-beleidsartikelen/{j}",
        }));
        // A begroting by its name finds its reconciliations.
        var (asiel, _) = await _client.GetAllePaginas($"{Url}?q=asiel&aansluiting=gedrukt-totaal");
        asiel.Should().NotBeEmpty().And.OnlyContain(r => r!.Tekst("begroting") == "AenM");

        var probleem = await _client.GetProbleem($"{Url}?q=%2B%2B", HttpStatusCode.BadRequest);
        probleem.OngeldigeParameters().Should().Equal("q");
        probleem.Tekst("detail").Should().Be("q bevat geen woord om op te zoeken; geef minstens één letter of cijfer (bijvoorbeeld q=Politie).");
    }

    [Fact]
    public async Task De_gedrukte_totalen_van_B_Ontvangsten_JenV_sluiten_in_geen_enkel_jaar_en_krijgen_hun_juiste_waarde()
    {
        var (gegevens, _) = await _client.GetAllePaginas($"{Url}?begroting=JenV&soort=ontvangsten&aansluiting=gedrukt-totaal");

        gegevens.Should().HaveCount(10);
        var totaal2026 = Rij(gegevens, "gedrukt-totaal/VI-2026-ontwerpbegroting/ontvangsten/totaal/2026");
        totaal2026.Bedrag("gedrukt").Should().Be(18_596_347);
        totaal2026.Bedrag("berekend").Should().Be(1_843_526);
        totaal2026.Bedrag("juisteWaarde").Should().Be(1_843_526);
        totaal2026.Bedrag("verschil").Should().Be(18_596_347 - 1_843_526);
        totaal2026.Bedrag("aantalDelen").Should().Be(8);
        totaal2026.Bedrag("bronRegel").Should().Be(533);
        totaal2026.Tekst("bronTabel").Should().Be("B. Ontvangsten JenV");
        totaal2026["bronRegels"]!.AsArray().Select(r => r!.GetValue<int>()).Should().Equal(537, 539, 543, 549, 553, 557, 559, 561);
        var beleid2026 = Rij(gegevens, "gedrukt-totaal/VI-2026-ontwerpbegroting/ontvangsten/totaal-beleidsartikelen/2026");
        beleid2026.Bedrag("gedrukt").Should().Be(18_020_661);
        beleid2026.Bedrag("juisteWaarde").Should().Be(1_833_020);
        beleid2026.Bedrag("bronRegel").Should().Be(535);
        beleid2026.Bedrag("aantalDelen").Should().Be(5);

        foreach (var jaar in Jaren)
        {
            var totaal = Rij(gegevens, $"gedrukt-totaal/VI-2026-ontwerpbegroting/ontvangsten/totaal/{jaar}");
            totaal.Tekst("oordeel").Should().Be("sluit-niet");
            totaal.Bedrag("juisteWaarde").Should().Be(SomOntvangstenJenV(jaar, alleenBeleid: false));
            totaal.Bedrag("verschil").Should().Be(totaal.Bedrag("gedrukt") - totaal.Bedrag("berekend"));
            var beleid = Rij(gegevens, $"gedrukt-totaal/VI-2026-ontwerpbegroting/ontvangsten/totaal-beleidsartikelen/{jaar}");
            beleid.Tekst("oordeel").Should().Be("sluit-niet");
            beleid.Bedrag("juisteWaarde").Should().Be(SomOntvangstenJenV(jaar, alleenBeleid: true));
        }
        SomOntvangstenJenV(2030, alleenBeleid: false).Should().Be(1_982_682);
        SomOntvangstenJenV(2030, alleenBeleid: true).Should().Be(1_972_176);
    }

    [Fact]
    public async Task Alle_andere_gedrukte_totalen_sluiten_ook_alle_uitgaventabellen()
    {
        var (afwijkend, _) = await _client.GetAllePaginas($"{Url}?aansluiting=gedrukt-totaal&status=afwijking");
        afwijkend.Select(r => r!.Tekst("id")).Should().OnlyContain(id => id.StartsWith("gedrukt-totaal/VI-2026-ontwerpbegroting/ontvangsten/", StringComparison.Ordinal))
            .And.HaveCount(10);

        var (uitgaven, _) = await _client.GetAllePaginas($"{Url}?soort=uitgaven&aansluiting=gedrukt-totaal");
        uitgaven.Should().HaveCount(2 * 2 * 5, "two tables with two printed totals each, five years");
        uitgaven.Select(r => r!.Tekst("oordeel")).Should().AllBe("sluit");
        uitgaven.Should().OnlyContain(r => r!["juisteWaarde"] == null);
        var totaal = Rij(uitgaven, "gedrukt-totaal/VI-2026-ontwerpbegroting/uitgaven/totaal/2026");
        totaal.Bedrag("berekend").Should().Be(18_596_347);
        totaal.Bedrag("verschil").Should().Be(0);
        Rij(uitgaven, "gedrukt-totaal/VI-2026-ontwerpbegroting/uitgaven/totaal-beleidsartikelen/2026").Bedrag("berekend").Should().Be(18_020_661);
        Rij(uitgaven, "gedrukt-totaal/XX-2026-ontwerpbegroting/uitgaven/totaal/2029").Bedrag("berekend").Should().Be(1_941_930);
    }

    [Fact]
    public async Task Waarvan_regels_passen_binnen_hun_artikel_met_de_rest_erbij()
    {
        var (gegevens, _) = await _client.GetAllePaginas($"{Url}?aansluiting=waarvan");

        var apparaat = Rij(gegevens, "waarvan/VI-2026-ontwerpbegroting/uitgaven/91/2026");
        apparaat.Bedrag("gedrukt").Should().Be(521_608);
        apparaat.Bedrag("berekend").Should().Be(520_739);
        apparaat.Bedrag("rest").Should().Be(869);
        apparaat.Tekst("oordeel").Should().Be("past");
        apparaat.Bedrag("artikel").Should().Be(91);
        apparaat["bronRegels"]!.AsArray().Select(r => r!.GetValue<int>()).Should().Equal(519, 521, 523);
        apparaat.Bedrag("bronRegel").Should().Be(517);
        // The Ukrainian refugees line is blank in 2029: four parts, and the room the README computes for it.
        var asiel2029 = Rij(gegevens, "waarvan/XX-2026-ontwerpbegroting/uitgaven/37/2029");
        asiel2029.Bedrag("aantalDelen").Should().Be(4);
        asiel2029.Bedrag("rest").Should().Be(231_427);
        Rij(gegevens, "waarvan/XX-2026-ontwerpbegroting/uitgaven/37/2028").Bedrag("aantalDelen").Should().Be(5);
        gegevens.Select(r => r!.Tekst("oordeel")).Should().AllBe("past");
        gegevens.Should().HaveCount(11 * 5, "eleven articles have waarvan lines, five years each");
    }

    [Fact]
    public async Task De_budgetten_van_de_tabel_Bezetting_FTE_sluiten_binnen_afronding_op_een_miljoen()
    {
        var (gegevens, _) = await _client.GetAllePaginas($"{Url}?aansluiting=bezettingstabel");

        gegevens.Select(r => r!.Tekst("organisatie")).Should().Equal("Politie", "DJI", "Rechtspraak", "OM", "IND", "RvdK", "CJIB", "NFI");
        gegevens.Select(r => r!.Tekst("oordeel")).Should().AllBe("sluit-binnen-afronding");
        var politie = Rij(gegevens, "bezettingstabel/Politie/2026");
        politie.Getal("gedrukt").Should().Be(8480m);
        politie.Getal("berekend").Should().Be(8480.305m);
        politie.Getal("verschil").Should().Be(-0.305m);
        politie.Getal("precisie").Should().Be(1m);
        politie.Tekst("eenheid").Should().Be("€ miljoen");
        politie.Bedrag("bronRegel").Should().Be(634);
        politie["bronRegels"]!.AsArray().Select(r => r!.GetValue<int>()).Should().Equal(474);
        politie.Tekst("begroting").Should().Be("JenV");
        politie.Bedrag("artikel").Should().Be(31);
        var ind = Rij(gegevens, "bezettingstabel/IND/2026");
        ind.Tekst("begroting").Should().Be("AenM");
        ind.Getal("berekend").Should().Be(1019.723m);
    }

    [Fact]
    public async Task De_lijst_Uitgavenbegroting_JenV_sluit_op_de_artikelen_en_het_gedrukte_totaal()
    {
        var (gegevens, _) = await _client.GetAllePaginas($"{Url}?aansluiting=uitgavenbegroting-jenv");

        gegevens.Should().HaveCount(10);
        gegevens.Select(r => r!.Tekst("oordeel")).Should().AllBe("sluit");
        var artikelen = Rij(gegevens, "uitgavenbegroting-jenv/totaal/artikelen/2026");
        artikelen.Bedrag("gedrukt").Should().Be(18_596_347);
        artikelen.Bedrag("aantalDelen").Should().Be(8);
        artikelen.Bedrag("bronRegel").Should().Be(668);
        Rij(gegevens, "uitgavenbegroting-jenv/totaal/gedrukt-totaal/2026")["bronRegels"]!.AsArray().Select(r => r!.GetValue<int>()).Should().Equal(468);
        var politie = Rij(gegevens, "uitgavenbegroting-jenv/31/2026");
        politie.Bedrag("berekend").Should().Be(8_843_848);
        politie["bronRegels"]!.AsArray().Select(r => r!.GetValue<int>()).Should().Equal(472);
    }

    [Fact]
    public async Task Organisatiedelen_tegen_hun_gedrukte_geheel()
    {
        var (gegevens, _) = await _client.GetAllePaginas($"{Url}?aansluiting=organisatie-delen");

        var psg = Rij(gegevens, "organisatie-delen/formatie-psg-cluster");
        psg.Getal("gedrukt").Should().Be(436m);
        psg.Getal("berekend").Should().Be(433m);
        psg.Tekst("oordeel").Should().Be("sluit-niet");
        psg.Getal("juisteWaarde").Should().Be(433m);
        psg["benaderd"]!.GetValue<bool>().Should().BeTrue();
        psg.Bedrag("aantalDelen").Should().Be(8);
        psg.Tekst("eenheid").Should().Be("fte");
        psg["jaar"].Should().BeNull();
        psg["begroting"].Should().BeNull();
        psg.Bedrag("bronRegel").Should().Be(881);

        Rij(gegevens, "organisatie-delen/formatie-hdbv-cluster").Tekst("oordeel").Should().Be("sluit");
        Rij(gegevens, "organisatie-delen/formatie-hdbv-cluster").Getal("berekend").Should().Be(537m);
        var dgpenv = Rij(gegevens, "organisatie-delen/instrumenten-dgpenv/2026");
        dgpenv.Getal("berekend").Should().Be(9_216_945m);
        dgpenv.Tekst("oordeel").Should().Be("sluit");
        foreach (var jaar in new[] { 2025, 2026, 2027, 2028, 2029, 2030 })
        {
            Rij(gegevens, $"organisatie-delen/budgettair-kader-dgrr/{jaar}").Tekst("oordeel").Should().Be("sluit");
        }
        Rij(gegevens, "organisatie-delen/budgettair-kader-dgrr/2026").Getal("berekend").Should().Be(3_968_511m);
        var ind = Rij(gegevens, "organisatie-delen/bezetting-ind");
        ind.Getal("gedrukt").Should().Be(6500m);
        ind.Getal("berekend").Should().Be(6475m);
        ind.Tekst("oordeel").Should().Be("sluit-niet");
        ind["benaderd"]!.GetValue<bool>().Should().BeTrue();
        var dji = Rij(gegevens, "organisatie-delen/begroting-dji-2024/2024");
        dji.Getal("berekend").Should().Be(3.7m);
        dji.Getal("precisie").Should().Be(0.1m);
        dji.Tekst("oordeel").Should().Be("sluit");
        // 17 gerechten: 11 rechtbanken, 4 gerechtshoven en 2 bijzondere colleges (line 8104-8105).
        Rij(gegevens, "organisatie-delen/gerechten-rechtspraak").Tekst("oordeel").Should().Be("sluit");
        Rij(gegevens, "organisatie-delen/locaties-coa-2023").Getal("berekend").Should().Be(237m);
        // 132.220 + 4.580 = 136.800 Ukrainian displaced persons, printed as 136.810 (line 6036-6038).
        var ontheemden = Rij(gegevens, "organisatie-delen/ontheemden-brp-2026/2026");
        ontheemden.Getal("gedrukt").Should().Be(136_810m);
        ontheemden.Getal("berekend").Should().Be(136_800m);
        ontheemden.Tekst("oordeel").Should().Be("sluit-niet");
        ontheemden.Getal("juisteWaarde").Should().Be(136_800m);
        ontheemden["benaderd"]!.GetValue<bool>().Should().BeFalse();
        gegevens.Should().HaveCount(14);
    }

    [Fact]
    public async Task Het_beschikbaar_kader_van_de_Hoge_Raad_sluit_binnen_afronding_op_een_ton()
    {
        var (gegevens, _) = await _client.GetAllePaginas($"{Url}?aansluiting=organisatie-begroting");

        gegevens.Should().HaveCount(6);
        gegevens.Where(r => r!.Tekst("organisatie") == "hoge-raad").Select(r => r!.Tekst("oordeel")).Should().HaveCount(5).And.AllBe("sluit-binnen-afronding");
        var hogeRaad = Rij(gegevens, "organisatie-begroting/hoge-raad/beschikbaar-kader/2026");
        hogeRaad.Getal("gedrukt").Should().Be(40.3m);
        hogeRaad.Getal("berekend").Should().Be(40.346m);
        hogeRaad.Getal("precisie").Should().Be(0.1m);
        hogeRaad.Tekst("begroting").Should().Be("JenV");
        hogeRaad.Tekst("soort").Should().Be("uitgaven");
        hogeRaad.Bedrag("artikel").Should().Be(32);
        hogeRaad["bronRegels"]!.AsArray().Select(r => r!.GetValue<int>()).Should().Equal(478);
        hogeRaad.Bedrag("bronRegel").Should().Be(7707);

        // "Bijdrage DGRR € 1364 mln." (line 8211) is the line "Bijdrage aan Raad voor de Rechtspraak" (1.565.010, line 482).
        var rechtspraak = Rij(gegevens, "organisatie-begroting/Rechtspraak/bijdrage-dgrr/2026");
        rechtspraak.Getal("gedrukt").Should().Be(1364m);
        rechtspraak.Getal("berekend").Should().Be(1565.01m);
        rechtspraak.Tekst("oordeel").Should().Be("sluit-niet");
        rechtspraak.Getal("juisteWaarde").Should().Be(1565m);
    }

    [Fact]
    public async Task Filters_op_begroting_soort_jaar_en_status()
    {
        var (alle, metadata) = await _client.GetAllePaginas(Url);
        alle.Should().HaveCount(40 + 55 + 8 + 10 + 14 + 6, "the rows per kind that docs/aansluitingen.md lists");
        metadata["paginering"]!["totaalAantal"]!.GetValue<int>().Should().Be(alle.Count);
        metadata.Tekst("afronding").Should().Contain("sluit-binnen-afronding");

        var (aenm, _) = await _client.GetAllePaginas($"{Url}?begroting=aenm");
        aenm.Should().HaveCount(alle.Count(r => r!["begroting"]?.GetValue<string>() == "AenM")).And.NotBeEmpty();
        aenm.Select(r => r!.Tekst("begroting")).Should().AllBe("AenM");
        aenm.Select(r => r!.Tekst("id")).Should().Contain("bezettingstabel/IND/2026");

        var (jaar2024, _) = await _client.GetAllePaginas($"{Url}?jaar=2024");
        jaar2024.Select(r => r!.Tekst("id")).Should().Equal("organisatie-delen/begroting-dji-2024/2024");

        var (afwijking, _) = await _client.GetAllePaginas($"{Url}?status=afwijking");
        var (akkoord, _) = await _client.GetAllePaginas($"{Url}?status=akkoord");
        afwijking.Select(r => r!.Tekst("oordeel")).Should().OnlyContain(o => o == "sluit-niet" || o == "past-niet");
        afwijking.Should().HaveCount(14, "ten JenV ontvangsten totals, the pSG-cluster, IND bezetting, the Ukrainian displaced persons and the Rechtspraak's bijdrage");
        (afwijking.Count + akkoord.Count).Should().Be(alle.Count);

        var (precies, _) = await _client.GetAllePaginas($"{Url}?begroting=JENV&soort=Ontvangsten&jaar=2027&status=SLUIT-NIET");
        precies.Select(r => r!.Tekst("id")).Should().Equal(
            "gedrukt-totaal/VI-2026-ontwerpbegroting/ontvangsten/totaal/2027", "gedrukt-totaal/VI-2026-ontwerpbegroting/ontvangsten/totaal-beleidsartikelen/2027");
        precies[0]!.Bedrag("juisteWaarde").Should().Be(1_871_453);
    }

    [Fact]
    public async Task In_csv_dezelfde_regels_en_cijfers_als_in_json()
    {
        var (gegevens, _) = await _client.GetAllePaginas(Url);
        var csv = await _client.GetCsv($"{Url}?paginaGrootte=1000&formaat=csv");

        csv.Should().HaveCount(gegevens.Count);
        csv[0].Keys.Should().Equal(gegevens[0]!.AsObject().Select(p => p.Key));
        for (var i = 0; i < csv.Count; i++)
        {
            foreach (var (veld, waarde) in gegevens[i]!.AsObject())
            {
                var verwacht = waarde is null ? "" : waarde.GetValueKind() switch
                {
                    JsonValueKind.String => waarde.GetValue<string>(),
                    // A list (bronRegels, bronBestandenDelen) is one CSV field, its values joined with ';'.
                    JsonValueKind.Array => string.Join(";", waarde.AsArray().Select(n => n!.GetValueKind() == JsonValueKind.String ? n.GetValue<string>() : n.ToJsonString())),
                    _ => waarde.ToJsonString(),
                };
                csv[i][veld].Should().Be(verwacht, $"regel {i}, veld {veld}");
            }
        }
        var politie = csv.Single(r => r["id"] == "bezettingstabel/Politie/2026");
        decimal.Parse(politie["berekend"], CultureInfo.InvariantCulture).Should().Be(8480.305m);
    }

    [Theory]
    [InlineData("begroting=XYZ", "begroting", "Onbekende begroting 'XYZ'; " + Verwacht.OnbekendeBegroting)]
    [InlineData("soort=saldo", "soort", "Onbekende waarde 'saldo' voor soort; toegestaan: verplichtingen, uitgaven, ontvangsten.")]
    [InlineData("status=klopt", "status", "Onbekende waarde 'klopt' voor status; toegestaan: sluit, sluit-binnen-afronding, sluit-niet, past, past-niet, afwijking, akkoord.")]
    [InlineData("aansluiting=alles", "aansluiting", "Onbekende waarde 'alles' voor aansluiting; toegestaan: gedrukt-totaal, waarvan, totaalregel, bezettingstabel, uitgavenbegroting-jenv, organisatie-delen, organisatie-begroting.")]
    [InlineData("jaar=2031", "jaar", "Het jaar 2031 voor jaar ligt buiten de data; toegestaan: 2024 tot en met 2030.")]
    [InlineData("jaar=2023", "jaar", "Het jaar 2023 voor jaar ligt buiten de data; toegestaan: 2024 tot en met 2030.")]
    [InlineData("jaar=abc", "jaar", "Parameter 'jaar': 'abc' is geen geldige waarde; verwacht een geheel getal.")]
    public async Task Een_ongeldige_parameter_is_een_400_die_hem_noemt(string query, string parameter, string reden)
    {
        var probleem = await _client.GetProbleem($"{Url}?{query}", HttpStatusCode.BadRequest);

        probleem.OngeldigeParameters().Should().Equal(parameter);
        probleem.Tekst("title").Should().Be($"Ongeldige parameter: {parameter}");
        probleem.Tekst("detail").Should().Be(reden);
    }

    [Fact]
    public async Task Meerdere_ongeldige_parameters_in_een_400_met_wat_wel_mag()
    {
        var probleem = await _client.GetProbleem($"{Url}?begroting=XYZ&status=klopt&jaar=2031", HttpStatusCode.BadRequest);

        probleem.OngeldigeParameters().Should().BeEquivalentTo("begroting", "status", "jaar");
        probleem.Tekst("detail").Should().Contain("toegestaan: " + Verwacht.Begrotingen)
            .And.Contain("sluit-binnen-afronding")
            .And.Contain("toegestaan: 2024 tot en met 2030");
    }
}
