using System.Globalization;
using System.Text.RegularExpressions;
using BudgetApi.Laden;
using BudgetApi.Tests.Infrastructuur;
using CsvHelper;

namespace BudgetApi.Tests.Laden;

/// <summary>
/// Every figure in data/ stands on the line of the source it cites: the provenance is checked, not trusted. The source is the text
/// that ships in data/bron/ (the file /v1/bronnen serves the lines of), verbatim as received: its SHA-256 is pinned here, so the
/// test needs nothing outside the clone.
/// </summary>
public sealed partial class BronTests
{
    /// <summary>The SHA-256 of introductiedossier-jenv-2026.txt as received (taken from the file delivered with the assignment): the shipped copy is never edited.</summary>
    public const string Sha256 = "1e7d224fc27aafd39bfdf66dc3dd4443b3949fd9160607b87adc4170322698a8";

    private static readonly string[] Bron = File.ReadAllLines(Repo.Brondocument);

    private static readonly string[] Jaren = ["2026", "2027", "2028", "2029", "2030"];

    private static string Regel(string nummer) => Bron[int.Parse(nummer, CultureInfo.InvariantCulture) - 1];

    /// <summary>8843848 as the source prints it: 8.843.848.</summary>
    private static string Gedrukt(string geheel) =>
        long.Parse(geheel, CultureInfo.InvariantCulture).ToString("#,0", CultureInfo.InvariantCulture).Replace(',', '.');

    private static List<Dictionary<string, string>> Lees(string bestand)
    {
        using var csv = new CsvReader(new StreamReader(Path.Combine(Repo.DataMap, bestand)), CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var rijen = new List<Dictionary<string, string>>();
        while (csv.Read()) rijen.Add(csv.HeaderRecord!.ToDictionary(k => k, k => csv.GetField(k)!));
        return rijen;
    }

    [GeneratedRegex(@"\d{1,3}(?:\.\d{3})*")]
    private static partial Regex GedruktGetal();

    [Fact]
    public void Het_meegeleverde_document_is_de_bron_byte_voor_byte()
    {
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Repo.Brondocument))).Should().Be(Sha256);
        // 8.441 line ends and a last line without one (a single space): 8.442 lines, as the loader and /v1/bronnen count them.
        Bron.Should().HaveCount(8442);
        Bron[532].Should().Be("TOTAAL 18.596.347 18.840.559 18.792.979 18.800.030 18.550.421");
    }

    [Theory]
    [InlineData(BudgetApi.Tests.Laden.Standbestanden.Opendata.Begrotingsstaten)]
    [InlineData(BudgetApi.Tests.Laden.Standbestanden.Opendata.BudgettaireTabellen)]
    public void De_meegeleverde_opendata_is_het_bestand_zoals_ontvangen(string bestand)
    {
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(BudgetApi.Tests.Laden.Standbestanden.Opendata.Pad(bestand))))
            .Should().Be(BudgetApi.Tests.Laden.Standbestanden.Opendata.Sha256[bestand], $"data/standen/{bestand} is the file as received, never edited");
    }

    /// <summary>
    /// Every bron_regel of every file of data/ is a line of the text with something on it. The figure files are checked against what
    /// stands on the line below; two files cite a line that is no figure's, each for its reason, checked here: begrotingen.csv the title
    /// line of the stand's table (it names the table, the unit and the stand, and holds no figure), organisaties.csv (a registry, not
    /// figures) the line where the text first presents the organisation.
    /// </summary>
    [Fact]
    public void Elke_bron_regel_van_data_is_een_regel_van_de_tekst()
    {
        var bestanden = Directory.EnumerateFiles(Repo.DataMap, "*.csv").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        var metBronregel = 0;
        foreach (var bestand in bestanden)
        {
            var rijen = Lees(bestand!);
            if (rijen.Count == 0 || !rijen[0].ContainsKey("bron_regel"))
            {
                bestand.Should().BeOneOf([Documentlezer.Hoofdstukken, "fasen.csv"], "only the registry of begrotingen and the fase codes of the published files hold no figure of the document");
                continue;
            }
            metBronregel++;
            foreach (var rij in rijen)
            {
                var nummer = int.Parse(rij["bron_regel"], CultureInfo.InvariantCulture);
                nummer.Should().BeInRange(1, Bron.Length, $"{bestand} cites line {nummer}");
                Bron[nummer - 1].Should().NotBeNullOrWhiteSpace($"{bestand} cites line {nummer}, which is empty");
            }
        }
        metBronregel.Should().Be(9);
        // The was → wordt table cites the line that says asiel en migratie has its own begroting since the Schoof cabinet.
        Bron[int.Parse(Lees(Waswordttabel.Bestand).First()["bron_regel"], CultureInfo.InvariantCulture) - 1].Should().Contain("aparte begroting voor Asiel en Migratie");
        foreach (var rij in Lees(Lader.Begrotingen))
        {
            Regel(rij["bron_regel"]).TrimStart().Should().StartWith($"A. Uitgaven {rij["begroting"]} (bedragen {rij["eenheid"]}) (stand {rij["fase"]} {rij["begrotingsjaar"]}",
                "a stand cites the title line of its table");
        }
    }

    [Theory]
    [InlineData(Lader.Artikelen)]
    [InlineData(Lader.Waarvanregels)]
    [InlineData(Lader.GedrukteTotalen)]
    public void Elke_tabelregel_staat_met_al_zijn_bedragen_op_de_geciteerde_regel(string bestand)
    {
        foreach (var rij in Lees(bestand))
        {
            var regel = Regel(rij["bron_regel"]);
            var verwacht = Jaren.Where(j => rij[j].Length > 0).Select(j => Gedrukt(rij[j])).ToList();
            var gedrukt = GedruktGetal().Matches(regel).Select(m => m.Value).ToList();
            gedrukt.TakeLast(verwacht.Count).Should().Equal(verwacht, $"{bestand} cites line {rij["bron_regel"]}: {regel.Trim()}");
            var omschrijving = bestand == Lader.GedrukteTotalen ? rij["totaal"] : rij["omschrijving"];
            regel.Should().Contain(omschrijving);
        }
    }

    [Fact]
    public void De_lijst_en_de_tabel_bezetting_staan_op_hun_regels()
    {
        foreach (var rij in Lees(Lader.UitgavenbegrotingJenV))
        {
            Regel(rij["bron_regel"]).Should().Contain(rij["omschrijving"]).And.Contain("€ " + Gedrukt(rij["bedrag"]));
        }
        foreach (var rij in Lees(Lader.Bezetting))
        {
            // The figures follow the organisation as printed ("Politie (budget artikel 31)" carries a number of its own).
            var gedrukt = GedruktGetal().Matches(Regel(rij["bron_regel"])[rij["organisatie_zoals_gedrukt"].Length..]).Select(m => m.Value).ToList();
            var verwacht = new[] { rij["bezetting_fte"], rij["budget_miljoen"] }.Where(v => v.Length > 0).Select(Gedrukt).ToList();
            gedrukt.Should().Equal(verwacht, Regel(rij["bron_regel"]));
            Regel(rij["bron_regel"]).Should().StartWith(rij["organisatie_zoals_gedrukt"]);
        }
    }

    [Fact]
    public void Elk_organisatiefeit_staat_zoals_gedrukt_op_de_geciteerde_regel()
    {
        var feiten = Lees(Lader.Organisatiefeiten);
        feiten.Should().NotBeEmpty();
        foreach (var feit in feiten)
        {
            var regel = Regel(feit["bron_regel"]);
            // The figure's digits as printed (a figure may be written "€ 9,2 miljard" while the line says "€ 9,2 miljard.").
            foreach (var getal in Regex.Matches(feit["zoals_gedrukt"], @"\d[\d.,]*\d|\d").Select(m => m.Value))
            {
                regel.Should().Contain(getal, $"{feit["organisatie"]} '{feit["omschrijving"]}' cites line {feit["bron_regel"]}");
            }
            if (feit["kwalificatie"].Length > 0)
            {
                // A qualifier can end the previous line of the PDF text ("ca." at the end, the figure on the next line).
                var context = Regel((int.Parse(feit["bron_regel"], CultureInfo.InvariantCulture) - 1).ToString(CultureInfo.InvariantCulture)) + " " + regel;
                context.Should().ContainEquivalentOf(feit["kwalificatie"], $"line {feit["bron_regel"]}");
            }
        }
    }

    /// <summary>
    /// The words in the source that justify each reikwijdte: a figure may only be narrowed ('alleen', 'excl.') or widened
    /// ('incl.') where the text around its line says so. A new reikwijdte needs its evidence here.
    /// </summary>
    private static readonly Dictionary<string, string[]> BewijsPerReikwijdte = new()
    {
        ["incl. externe inhuur"] = ["In totaal"],
        ["excl. externe inhuur"] = ["intern", "ambtenaren"],
        ["alleen externe inhuur"] = ["extern"],
        ["incl. vrijwilligers"] = ["incl. vrijwilligers"],
        ["excl. geheime uitgaven"] = ["excl. geheime uitgaven"],
        ["excl. HGIS"] = ["excl. HGIS"],
        ["alleen HGIS"] = ["HGIS"],
        ["excl. tijdelijke taken"] = ["exclusief tijdelijke taken"],
        ["alleen vaste medewerkers"] = ["vaste fte"],
        ["alleen tijdelijke medewerkers"] = ["tijdelijke medewerkers"],
        ["alleen gedetacheerden"] = ["gedetacheerd"],
        ["alleen liaison officers"] = ["liaison officers"],
        ["alleen rechters en raadsheren"] = ["rechters en raadsheren"],
        ["excl. rechters en raadsheren"] = ["rechters en raadsheren en"],
        ["alleen bestuur"] = ["bestuur van"],
        ["alleen financiering door JenV"] = ["vanuit het ministerie van Justitie en Veiligheid"],
        ["alleen financiering door derden"] = ["door derden"],
        ["alleen reclasseringsorganisaties"] = ["reclasseringsorganisaties"],
        ["alleen outputfinanciering"] = ["output- financiering"],
        ["alleen lumpsumfinanciering"] = ["lumpsum"],
        ["alleen loongerelateerd"] = ["loon gerelateerd"],
        ["alleen prijsgerelateerd"] = ["prijs gerelateerd"],
        ["alleen griffierechten"] = ["griffierechtontvangsten"],
        ["alleen regulier gevangeniswezen (mannen)"] = ["reguliere gevangeniswezen voor mannen"],
        ["alleen gevangeniswezen"] = ["in het gevangeniswezen"],
        ["alleen vreemdelingenbewaring"] = ["vreemdelingenbewaring"],
        ["alleen forensische zorg"] = ["forensische zorg"],
        ["alleen tbs"] = ["tbs"],
        ["alleen justitiële jeugdinrichtingen"] = ["justitiële jeugdinrichtingen", "JJI"],
        ["alleen EBI"] = ["EBI"],
        ["alleen AIT"] = ["AIT"],
        ["alleen vestigingen"] = ["vestigingen"],
        ["alleen statushouders"] = ["statushouders"],
        ["alleen alleenreizende jongeren"] = ["alleenreizende jongeren"],
        ["alleen eigen onderdak"] = ["eigen onderdak"],
        ["alleen rapportages"] = ["rapportages"],
        ["alleen wetenschappelijke artikelen"] = ["wetenschappelijke artikelen"],
        ["alleen extern uitgevoerd"] = ["extern uitgevoerd"],
        ["na groei"] = ["groei"],
        ["structureel"] = ["tructureel"],
        ["meerjarig totaal"] = ["t/m", "komende vijf jaar", "beschikbaar gesteld"],
    };

    /// <summary>The cited line with two lines either side, whitespace collapsed: a PDF line break can fall inside a phrase.</summary>
    private static string Omgeving(string nummer)
    {
        var regel = int.Parse(nummer, CultureInfo.InvariantCulture);
        var tekst = string.Join(" ", Bron.Skip(Math.Max(0, regel - 3)).Take(5));
        return Regex.Replace(tekst, @"\s+", " ");
    }

    [Fact]
    public void Elke_reikwijdte_staat_in_de_bron_bij_het_cijfer()
    {
        var feiten = Lees(Lader.Organisatiefeiten).Where(f => f["reikwijdte"].Length > 0).ToList();
        feiten.Should().NotBeEmpty();
        BewijsPerReikwijdte.Keys.Should().BeEquivalentTo(Codes.Reikwijdten, "every reikwijdte of the closed list has its evidence here");
        foreach (var feit in feiten)
        {
            var omgeving = Omgeving(feit["bron_regel"]);
            BewijsPerReikwijdte[feit["reikwijdte"]].Should().Contain(w => omgeving.Contains(w, StringComparison.OrdinalIgnoreCase),
                $"{feit["organisatie"]} '{feit["omschrijving"]}' is '{feit["reikwijdte"]}' and cites line {feit["bron_regel"]}: {omgeving}");
        }
        foreach (var rij in Lees(Lader.Bezetting).Where(r => r["budget_reikwijdte"].Length > 0))
        {
            rij["organisatie_zoals_gedrukt"].Should().Contain(rij["budget_reikwijdte"], "the Bezetting FTE table prints the reikwijdte in the row's name");
        }
    }

    [Fact]
    public void Een_gedrukt_getal_dat_niet_kan_staat_met_zijn_beslissing_in_data_README()
    {
        var leesMij = File.ReadAllText(Path.Combine(Repo.DataMap, "README.md"));
        var onmogelijk = Lees(Lader.Organisatiefeiten)
            .Where(f => BudgetApi.Bevindingen.GedruktGetal.Eerste(f["zoals_gedrukt"]) is { IsGeldig: false }).ToList();
        onmogelijk.Select(f => f["zoals_gedrukt"]).Should().BeEquivalentTo(["10.8000", "2.4 miljoen bedrijven en organisaties"]);
        foreach (var feit in onmogelijk)
        {
            var gedrukt = BudgetApi.Bevindingen.GedruktGetal.Eerste(feit["zoals_gedrukt"])!.Tekst;
            leesMij.Should().Contain($"\"{gedrukt}\"").And.Contain($"(line {feit["bron_regel"]}",
                "a value read from an impossible notation is a decision, written down with its arithmetic");
        }
    }
}
