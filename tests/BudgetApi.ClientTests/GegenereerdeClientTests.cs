using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using BudgetApi.Client;
using BudgetApi.Client.Models;
using BudgetApi.Tests.Infrastructuur;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace BudgetApi.ClientTests;

/// <summary>
/// A C# client that Kiota generated from the committed openapi/budgetapi.json (at build time, into obj/Client), used as a developer
/// would against the running service: every operation with typed parameters (enums for the closed sets), the figures of the source,
/// a 400 as the typed problem, CSV through the client, and an import with a bearer token. If the document and the service disagree,
/// this is where a generated client notices.
/// </summary>
[Collection(ApiCollectie.Naam)]
public sealed class GegenereerdeClientTests(BudgetApiFactory factory)
{
    /// <summary>The client over the factory's in-process HTTP, each request noted so the test can tell which operations it called.</summary>
    private static (BudgetApiClient Client, IRequestAdapter Adapter, Opnemer Opnemer) MaakClient(BudgetApiFactory fabriek, IAuthenticationProvider? aanmelding = null)
    {
        var opnemer = new Opnemer();
        var http = fabriek.CreateDefaultClient(opnemer);
        var adapter = new HttpClientRequestAdapter(aanmelding ?? new AnonymousAuthenticationProvider(), httpClient: http)
        {
            BaseUrl = new Uri(http.BaseAddress!, "/v1").ToString(),
        };
        return (new BudgetApiClient(adapter), adapter, opnemer);
    }

    [Fact]
    public async Task Elke_operatie_met_getypeerde_parameters_geeft_de_cijfers_van_de_bron()
    {
        var (client, _, opnemer) = MaakClient(factory);

        var begrotingen = await client.Begrotingen.GetAsync();
        var jenv = begrotingen!.Gegevens!.Single(b => b.Code == "JenV");
        jenv.Hoofdstuk.Should().Be("VI");
        jenv.Fase.Should().Be(Fase.Ontwerpbegroting);
        jenv.Begrotingsjaar.Should().Be(2026);

        var totalen = await client.Totalen.GetAsync(c =>
        {
            c.QueryParameters.Begroting = ["JenV"];
            c.QueryParameters.Soort = SoortMetSaldo.Uitgaven;
            c.QueryParameters.Groepering = Groepering.Begroting;
            c.QueryParameters.VanJaar = 2026;
            c.QueryParameters.TotJaar = 2026;
        });
        var totaal = totalen!.Gegevens!.Single();
        totaal.Bedrag.Should().Be(18_596_347L);
        totaal.Soort.Should().Be(SoortMetSaldo.Uitgaven);
        totaal.BronRegels.Should().Equal(472, 476, 484, 494, 508, 517, 525, 527);
        totalen.Metadata!.Factor.Should().Be(1000);
        totalen.Metadata.Standen!.Single().Fase.Should().Be(Fase.Ontwerpbegroting);
        var saldo = await client.Totalen.GetAsync(c =>
        {
            c.QueryParameters.Begroting = ["JenV", "AenM"];
            c.QueryParameters.Soort = SoortMetSaldo.Saldo;
            c.QueryParameters.Groepering = Groepering.Categorie;
        });
        saldo!.Gegevens!.Should().Contain(r => r.Begroting == "JenV+AenM" && r.Categorie == Categorie.Beleidsartikel);

        var artikelen = await client.Begrotingen["JenV"].Artikelen.GetAsync(c => c.QueryParameters.Soort = Soort.Uitgaven);
        artikelen!.Gegevens!.Should().Contain(a => a.Artikel == 31 && a.Omschrijving == "Politie");
        var politie = (await client.Begrotingen["JenV"].Artikelen[31].GetAsync(c =>
        {
            c.QueryParameters.Soort = Soort.Uitgaven;
            c.QueryParameters.Fase = Fase.Ontwerpbegroting;
            c.QueryParameters.Begrotingsjaar = 2026;
        }))!.Gegevens!.Single();
        politie.Bedragen!.Single(b => b.Jaar == 2026).Bedrag.Should().Be(8_843_848L);
        politie.Categorie.Should().Be(Categorie.Beleidsartikel);
        politie.Waarvanregels!.Should().OnlyContain(w => w.Niveau == Deelniveau.Waarvan);

        var aandelen = await client.Aandelen.GetAsync(c =>
        {
            c.QueryParameters.Begroting = "JenV";
            c.QueryParameters.Jaar = 2026;
            c.QueryParameters.Niveau = Aandeelniveau.Artikel;
            c.QueryParameters.Soort = Soort.Uitgaven;
        });
        var aandeelPolitie = aandelen!.Gegevens!.Single(a => a.Artikel == 31);
        aandeelPolitie.Bedrag.Should().Be(8_843_848L);
        aandeelPolitie.AandeelVanGeheel.Should().Be(47.56m);
        aandeelPolitie.SoortDeel.Should().Be(SoortDeel.Artikel);
        var waarvan = await client.Aandelen.GetAsync(c => { c.QueryParameters.Begroting = "JenV"; c.QueryParameters.Niveau = Aandeelniveau.Waarvan; });
        waarvan!.Gegevens!.Should().Contain(a => a.SoortDeel == SoortDeel.Overig);

        var aansluitingen = await client.Aansluitingen.GetAsync(c =>
        {
            c.QueryParameters.Begroting = "JenV";
            c.QueryParameters.Soort = Soort.Ontvangsten;
            c.QueryParameters.Jaar = 2026;
            c.QueryParameters.Status = Status.Afwijking;
            c.QueryParameters.Aansluiting = SoortAansluiting.GedruktTotaal;
        });
        var ontvangsten = aansluitingen!.Gegevens!.Single(a => a.Id == "gedrukt-totaal/VI-2026-ontwerpbegroting/ontvangsten/totaal/2026");
        ontvangsten.Gedrukt.Should().Be(18_596_347m);
        ontvangsten.Berekend.Should().Be(1_843_526m);
        ontvangsten.Oordeel.Should().Be(Oordeel.SluitNiet);
        ontvangsten.SoortAansluiting.Should().Be(SoortAansluiting.GedruktTotaal);
        ontvangsten.BronRegels.Should().Equal(537, 539, 543, 549, 553, 557, 559, 561);

        var organisaties = await client.Organisaties.GetAsync(c => c.QueryParameters.Meting = Meting.Formatie);
        organisaties!.Gegevens!.Should().Contain(o => o.Code == "DFEZ" && o.Soort == Organisatiesoort.Directie);
        var dji = await client.Organisaties["DJI"].GetAsync();
        var bezettingDji = dji!.Gegevens!.Single(f => f.Meting == Meting.Bezetting && f.Herkomst == Herkomst.Bezetting);
        bezettingDji.Waarde.Should().Be(17_285m);
        bezettingDji.Jaar.Should().Be(2025);

        var bezetting = await client.Bezetting.GetAsync();
        var politieFte = bezetting!.Gegevens!.Single(b => b.Organisatie == "Politie");
        politieFte.BezettingFte.Should().Be(66_658L);
        politieFte.BudgetPerFteEuro.Should().Be(127_217L);

        var wasWordt = await client.WasWordt.GetAsync();
        var migratie = wasWordt!.Gegevens!.Single();
        (migratie.WasHoofdstuk, migratie.WasArtikel, migratie.WordtHoofdstuk, migratie.WordtArtikel, migratie.WordtEersteBegrotingsjaar)
            .Should().Be(("VI", 37, "XX", 37, 2025));

        var bedragen = await client.Bedragen.GetAsync(c =>
        {
            c.QueryParameters.Begroting = ["VI"];
            c.QueryParameters.Begrotingsjaar = 2015;
            c.QueryParameters.Fase = Fase.Jaarverslag;
            c.QueryParameters.Soort = Soort.Uitgaven;
            c.QueryParameters.Regelsoort = Regelsoort.Artikel;
            c.QueryParameters.Sortering = "-bedrag";
            c.QueryParameters.PaginaGrootte = 5;
            c.QueryParameters.Pagina = 1;
        });
        bedragen!.Gegevens!.First().Artikel.Should().Be(31, "artikel 31 Politie is the largest");
        bedragen.Gegevens!.First().Bedrag.Should().Be(5_146_049L);
        bedragen.Metadata!.Paginering!.Volgende.Should().Contain("pagina=2");

        var mutaties = await client.Mutaties.GetAsync(c =>
        {
            c.QueryParameters.Begroting = "VI";
            c.QueryParameters.Begrotingsjaar = 2015;
            c.QueryParameters.Van = "ontwerpbegroting";
            c.QueryParameters.Naar = "jaarverslag";
            c.QueryParameters.Soort = Soort.Uitgaven;
            c.QueryParameters.Niveau = Mutatieniveau.Artikel;
            c.QueryParameters.Jaar = 2015;
        });
        var mutatie31 = mutaties!.Gegevens!.Single(m => m.Artikel == 31);
        mutatie31.BedragVan.Should().Be(5_132_936L);
        mutatie31.BedragNaar.Should().Be(5_146_049L);
        mutatie31.Mutatie.Should().Be(13_113L);
        mutatie31.Aanwezig.Should().Be(Aanwezig.Beide);
        mutaties.Gegevens!.Single(m => m.Regelsoort == Mutatieregelsoort.Totaal).Mutatie.Should().Be(1_280_693L);

        var uitputting = await client.Uitputting.GetAsync(c =>
        {
            c.QueryParameters.Begroting = "VI";
            c.QueryParameters.Begrotingsjaar = 2015;
            c.QueryParameters.Soort = Soort.Uitgaven;
        });
        var uitputting31 = uitputting!.Gegevens!.Single(u => u.Artikel == 31);
        uitputting31.Begroot.Should().Be(5_150_542L);
        uitputting31.Realisatie.Should().Be(5_146_049L);
        uitputting31.Verschil.Should().Be(-4_493L);
        uitputting31.BegrootFase.Should().Be(Fase.TwoeSuppletoire);
        uitputting31.Oordeel.Should().Be(Uitputtingsoordeel.Onderuitputting);

        var bevindingen = await client.Bevindingen.GetAsync(c =>
        {
            c.QueryParameters.Organisatie = "Rechtspraak";
            c.QueryParameters.Soort = Bevindingsoort.OnmogelijkGetal;
            c.QueryParameters.Ernst = Ernst.Fout;
        });
        var onmogelijk = bevindingen!.Gegevens!.Single();
        onmogelijk.JuisteWaarde.Should().Be(10_800m);
        onmogelijk.Cijfers!.Should().Contain(c => c.ZoalsGedrukt!.Contains("10.8000") && c.Meting == Meting.Medewerkers);

        // Per problem: the printed TOTAAL of B. Ontvangsten JenV once, with its five years and each year's finding.
        var problemen = await client.Bevindingen.Gegroepeerd.GetAsync(c =>
        {
            c.QueryParameters.Begroting = "JenV";
            c.QueryParameters.Soort = Bevindingsoort.TotaalSluitNiet;
        });
        var totaalOntvangsten = problemen!.Gegevens!.Single(p => p.Id == "totaal-sluit-niet/gedrukt-totaal/VI-2026-ontwerpbegroting/ontvangsten/totaal");
        totaalOntvangsten.Jaren.Should().Equal(2026, 2027, 2028, 2029, 2030);
        totaalOntvangsten.SoortLabel.Should().Be("Totaal sluit niet");
        totaalOntvangsten.Bevindingen!.First().JuisteWaarde.Should().Be(1_843_526m);

        var standen = await client.Standen.GetAsync(c => { c.QueryParameters.Begroting = "VI"; c.QueryParameters.Begrotingsjaar = 2015; });
        standen!.Gegevens!.Select(s => s.Fase).Should().Equal(Fase.Ontwerpbegroting, Fase.VastgesteldeBegroting, Fase.OneeSuppletoire, Fase.TwoeSuppletoire, Fase.Jaarverslag);
        var jaarverslag = (await client.Standen["VI-2015-jaarverslag"].GetAsync())!.Gegevens!.Single();
        jaarverslag.Bronnen!.Should().NotBeEmpty().And.OnlyContain(b => b.Formaat != null);

        // Every figure names its file and line; the line holds the figure: the printed TOTAAL of B. Ontvangsten JenV on line 533.
        var bronnen = await client.Bronnen.GetAsync();
        var document = bronnen!.Gegevens!.First();
        document.Naam.Should().Be(ontvangsten.BronBestand);
        document.Formaat.Should().Be(Bronformaat.Document);
        document.AantalRegels.Should().Be(8442);
        document.Standen.Should().Equal("VI-2026-ontwerpbegroting", "XX-2026-ontwerpbegroting");
        bronnen.Gegevens!.Select(b => b.Formaat).Should().Equal(Bronformaat.Document, Bronformaat.Begrotingsstaten, Bronformaat.BudgettaireTabellen);
        var staten = (await client.Bronnen["begrotingsstaten-2013-2017.csv"].GetAsync())!.Gegevens!.Single();
        staten.Standen.Should().Contain("VI-2015-jaarverslag");
        var regels = await client.Bronnen[ontvangsten.BronBestand!].Regels.GetAsync(c =>
        {
            c.QueryParameters.Van = ontvangsten.BronRegel - 2;
            c.QueryParameters.Tot = ontvangsten.BronRegel + 2;
        });
        regels!.Gegevens!.Select(r => r.Regel).Should().Equal(531, 532, 533, 534, 535);
        regels.Gegevens!.Single(r => r.Regel == 533).Tekst.Should().Be("TOTAAL 18.596.347 18.840.559 18.792.979 18.800.030 18.550.421");
        regels.Metadata!.Sha256.Should().Be(document.Sha256);
        regels.Metadata.AantalRegels.Should().Be(8442);
        ontvangsten.BronBestandenDelen.Should().HaveCount(8).And.OnlyContain(b => b == "introductiedossier-jenv-2026.txt");

        // The standenreeks, the verloop and the search box's suggestions, typed.
        var reeks = await client.Standenreeks.GetAsync(c =>
        {
            c.QueryParameters.Begroting = "VI";
            c.QueryParameters.Begrotingsjaar = 2015;
            c.QueryParameters.Artikel = 31;
        });
        reeks!.Gegevens!.Single().Standen!.Select(s => s.Bedrag).Should().Equal(5_132_936L, 5_132_936L, 5_150_343L, 5_150_542L, 5_146_049L);
        var verloop = await client.Verloop.GetAsync(c =>
        {
            c.QueryParameters.Begroting = "AenM";
            c.QueryParameters.Artikel = 37;
        });
        verloop!.Gegevens!.Single(v => v.Begrotingsjaar == 2015).Hoofdstuk.Should().Be("VI");
        var suggesties = await client.Zoeken.GetAsync(c => c.QueryParameters.Q = "DJI");
        suggesties!.Gegevens!.First().Code.Should().Be("DJI");

        // The dashboard's tables (/…/tabel): a cell is a number or a text (Kiota's composed type), the headings Dutch.
        var totalenTabel = await client.Totalen.Tabel.GetAsync(c => { c.QueryParameters.Begroting = ["JenV"]; c.QueryParameters.Soort = SoortMetSaldo.Uitgaven; });
        totalenTabel!.Kolommen!.Select(k => k.Titel).Should().StartWith(["Begroting", "2026"]);
        totalenTabel.Rijen![0].Cellen![0].String.Should().Be("JenV");
        totalenTabel.Rijen[0].Cellen![1].Double.Should().Be(18_596_347d);
        var reeksTabel = await client.Standenreeks.Tabel.GetAsync(c =>
        {
            c.QueryParameters.Begroting = "VI";
            c.QueryParameters.Begrotingsjaar = 2015;
            c.QueryParameters.Artikel = 31;
        });
        reeksTabel!.Rijen![0].Cellen!.Skip(1).Where((_, i) => i is 0 or 1 or 3 or 5 or 7).Select(c => c.Double)
            .Should().Equal(5_132_936d, 5_132_936d, 5_150_343d, 5_150_542d, 5_146_049d);
        var verloopTabel = await client.Verloop.Tabel.GetAsync(c =>
        {
            c.QueryParameters.Begroting = "JenV";
            c.QueryParameters.Fase = [Fase.Ontwerpbegroting, Fase.Jaarverslag];
        });
        verloopTabel!.Kolommen!.Select(k => k.Sleutel).Should().Equal("begrotingsjaar", "ontwerpbegroting", "jaarverslag", "begroting", "naam", "toelichting");
        (await client.Aandelen.Tabel.GetAsync(c => { c.QueryParameters.Begroting = "JenV"; c.QueryParameters.Jaar = 2026; }))!.Rijen.Should().NotBeEmpty();
        (await client.Mutaties.Tabel.GetAsync(c =>
        {
            c.QueryParameters.Begroting = "VI";
            c.QueryParameters.Begrotingsjaar = 2015;
            c.QueryParameters.Van = "ontwerpbegroting";
            c.QueryParameters.Naar = "jaarverslag";
            c.QueryParameters.Jaar = 2015;
        }))!.Rijen!.Last().Totaal.Should().BeTrue();
        (await client.Uitputting.Tabel.GetAsync(c => { c.QueryParameters.Begroting = "VI"; c.QueryParameters.Begrotingsjaar = 2015; }))!.Rijen.Should().NotBeEmpty();
        (await client.Bezetting.Tabel.GetAsync(c => c.QueryParameters.Tabel = "budget-per-fte"))!.Kolommen!.Last().Eenheid.Should().Be(Tabeleenheid.Euro);
        var aansluitingenTabel = await client.Aansluitingen.Tabel.GetAsync(c => { c.QueryParameters.Begroting = "JenV"; c.QueryParameters.PaginaGrootte = 5; });
        aansluitingenTabel!.Rijen!.Should().HaveCount(5).And.Contain(r => r.Links != null && r.Links.Any(l => l.Kolom == "bron"));
        (await client.Bevindingen.Tabel.GetAsync(c => { c.QueryParameters.Begroting = "JenV"; c.QueryParameters.Q = "DJI"; }))!.Rijen.Should().NotBeEmpty();
        var organisatieTabel = await client.Organisaties["DJI"].Tabel.GetAsync(c => c.QueryParameters.Sorteer = "-waarde");
        organisatieTabel!.Kolommen!.Select(k => k.Sleutel).Should().Contain("waarde");

        // Every GET operation of the committed document was called (the import has its own test below).
        var contract = JsonNode.Parse(await File.ReadAllTextAsync(Repo.Bestand("openapi/budgetapi.json")))!;
        // The CSV and Excel operations (/csv/…, /xlsx/…) are the same requests with a file as the answer: see the CSV test below.
        var operaties = contract["paths"]!.AsObject().Where(p => p.Value!["get"] is not null && !IsBestandsoperatie(p.Key)).Select(p => p.Key).ToList();
        operaties.Should().HaveCountGreaterThanOrEqualTo(15);
        foreach (var pad in operaties) opnemer.Paden.Should().Contain(p => Past(pad, p), $"GET {pad} is called through the client");
    }

    [Fact]
    public async Task Een_ongeldige_parameter_komt_terug_als_het_getypeerde_probleem()
    {
        var (client, _, _) = MaakClient(factory);

        var vraag = () => client.Totalen.GetAsync(c => { c.QueryParameters.Begroting = ["JenV"]; c.QueryParameters.VanJaar = 2031; });

        var probleem = (await vraag.Should().ThrowAsync<ProblemDetails>()).Which;
        probleem.ResponseStatusCode.Should().Be(400);
        probleem.Status.Should().Be(400);
        probleem.Title.Should().Be("Ongeldige parameter: vanJaar");
        probleem.Type.Should().Be("https://datatracker.ietf.org/doc/html/rfc9110#section-15.5.1");
        probleem.TraceId.Should().MatchRegex("^[0-9a-f]{32}$");
        var ongeldig = probleem.InvalidParams!.Single();
        ongeldig.Name.Should().Be("vanJaar");
        ongeldig.Reason.Should().Contain("2031").And.Contain("toegestaan: 2026 tot en met 2030");

        var onbekend = () => client.Begrotingen["JenV"].Artikelen[999].GetAsync();
        var nietGevonden = (await onbekend.Should().ThrowAsync<ProblemDetails>()).Which;
        nietGevonden.Status.Should().Be(404);
        nietGevonden.Detail.Should().Contain("geen artikel 999");
    }

    [Fact]
    public async Task Csv_door_de_client_geeft_dezelfde_cijfers_als_json()
    {
        var (client, _, _) = MaakClient(factory);
        void Vraag(RequestConfiguration<BudgetApi.Client.Totalen.TotalenRequestBuilder.TotalenRequestBuilderGetQueryParameters> c)
        {
            c.QueryParameters.Begroting = ["JenV", "AenM"];
            c.QueryParameters.Groepering = Groepering.Artikel;
        }

        var json = (await client.Totalen.GetAsync(Vraag))!.Gegevens!;
        // The CSV operation of the same collection (client.Csv; Kiota puts its builders in the namespace CsvEscaped), with the same typed parameters: a stream.
        await using var stroom = await client.Csv.Totalen.GetAsync(c =>
        {
            c.QueryParameters.Begroting = ["JenV", "AenM"];
            c.QueryParameters.Groepering = Groepering.Artikel;
        });
        using var lezer = new StreamReader(stroom!, detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(lezer, new CsvConfiguration(CultureInfo.InvariantCulture));
        var rijen = csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();

        rijen.Should().HaveCount(json.Count).And.HaveCountGreaterThan(10);
        for (var i = 0; i < json.Count; i++)
        {
            var rij = rijen[i];
            rij["begroting"].Should().Be(json[i].Begroting);
            rij["artikel"].Should().Be(json[i].Artikel!.Value.ToString(CultureInfo.InvariantCulture));
            rij["jaar"].Should().Be(json[i].Jaar!.Value.ToString(CultureInfo.InvariantCulture));
            rij["bedrag"].Should().Be(json[i].Bedrag?.ToString(CultureInfo.InvariantCulture) ?? "");
            rij["bronRegels"].Should().Be(string.Join(";", json[i].BronRegels!));
        }
        rijen.Should().Contain(r => (string)r["artikel"] == "31" && (string)r["jaar"] == "2026" && (string)r["bedrag"] == "8843848");

        // The Excel operation: a workbook, as bytes.
        await using var werkmap = await client.Xlsx.Totalen.GetAsync(c => c.QueryParameters.Begroting = ["JenV"]);
        using var bytes = new MemoryStream();
        await werkmap!.CopyToAsync(bytes);
        bytes.ToArray().Take(2).Should().Equal((byte)'P', (byte)'K');

        // Every CSV and Excel operation of the document has its request builder, whose GetAsync gives a stream (a file, not text to parse).
        var contract = JsonNode.Parse(await File.ReadAllTextAsync(Repo.Bestand("openapi/budgetapi.json")))!;
        var bestandsoperaties = contract["paths"]!.AsObject().Select(p => p.Key).Where(IsBestandsoperatie).ToList();
        bestandsoperaties.Should().HaveCountGreaterThanOrEqualTo(38);
        var bouwers = typeof(BudgetApiClient).Assembly.GetTypes()
            .Where(t => t.Namespace is { } n && (n.StartsWith("BudgetApi.Client.CsvEscaped", StringComparison.Ordinal) || n.StartsWith("BudgetApi.Client.Xlsx", StringComparison.Ordinal)))
            .Select(t => t.GetMethods().Where(m => m.Name == "GetAsync").ToList()).Where(m => m.Count > 0).ToList();
        bouwers.Should().HaveCount(bestandsoperaties.Count, "one request builder with GetAsync per CSV or Excel operation");
        bouwers.SelectMany(m => m).Should().OnlyContain(m => m.ReturnType == typeof(Task<Stream>));
    }

    private static bool IsBestandsoperatie(string pad) => pad.StartsWith("/csv/", StringComparison.Ordinal) || pad.StartsWith("/xlsx/", StringComparison.Ordinal);

    [Fact]
    public async Task Importeren_door_de_client_met_een_bearer_token_geeft_201()
    {
        // Its own service: an import changes the data it serves, so no other test may share it.
        using var eigen = new BudgetApiFactory();
        var (zonderToken, _, _) = MaakClient(eigen);
        var weigering = () => zonderToken.Standen.PostAsync(BudgetApi.Http.Voorbeelden.Standbestand);
        (await weigering.Should().ThrowAsync<ProblemDetails>()).Which.Status.Should().Be(401);

        var (client, _, opnemer) = MaakClient(eigen, new BaseBearerTokenAuthenticationProvider(new Tokenleverancier(Tokens.Maak())));
        var uitkomst = await client.Standen.PostAsync(BudgetApi.Http.Voorbeelden.Standbestand, c =>
        {
            c.QueryParameters.Begroting = "VI";
            c.QueryParameters.Begrotingsjaar = 2026;
            c.QueryParameters.Fase = Fase.OneeSuppletoire;
            c.QueryParameters.Bestandsnaam = "voorjaarsnota-2026.csv";
        });

        opnemer.Statussen.Should().Equal(HttpStatusCode.Created);
        uitkomst!.Uitkomst.Should().Be(UitkomstVanImport.Nieuw);
        uitkomst.Formaat.Should().Be(Standbestandsformaat.StandenCsv);
        var stand = uitkomst.Standen!.Single();
        stand.Stand.Should().Be("VI-2026-1e-suppletoire");
        stand.Uitkomst.Should().Be(UitkomstPerStand.Nieuw);

        var bedrag = await client.Bedragen.GetAsync(c =>
        {
            c.QueryParameters.Begroting = ["JenV"];
            c.QueryParameters.Begrotingsjaar = 2026;
            c.QueryParameters.Fase = Fase.OneeSuppletoire;
            c.QueryParameters.Artikel = 31;
            c.QueryParameters.Regelsoort = Regelsoort.Artikel;
        });
        bedrag!.Gegevens!.Single().Bedrag.Should().Be(8_868_848L, "the imported 1e suppletoire raises artikel 31 by 25.000");
    }

    private static bool Past(string sjabloon, string pad)
    {
        // The document's paths are relative to its server /v1.
        var s = sjabloon.Split('/');
        var p = pad.StartsWith("/v1/", StringComparison.Ordinal) ? pad["/v1".Length..].Split('/') : [];
        return s.Length == p.Length && s.Zip(p).All(x => x.First.StartsWith('{') || x.First == x.Second);
    }

    /// <summary>Notes the path and status of every request the client sends.</summary>
    private sealed class Opnemer : DelegatingHandler
    {
        public List<string> Paden { get; } = [];
        public List<HttpStatusCode> Statussen { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var antwoord = await base.SendAsync(request, cancellationToken);
            lock (Paden)
            {
                Paden.Add(request.RequestUri!.AbsolutePath);
                Statussen.Add(antwoord.StatusCode);
            }
            return antwoord;
        }
    }

    /// <summary>The bearer token an identity provider would give the analyst (Tokens: the tokens the test service trusts).</summary>
    private sealed class Tokenleverancier(string token) : IAccessTokenProvider
    {
        public AllowedHostsValidator AllowedHostsValidator { get; } = new();

        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(token);
    }
}
