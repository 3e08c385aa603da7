using System.Globalization;
using BudgetApi.Laden;
using BudgetApi.Opslag;
using Dapper;
using Microsoft.Data.Sqlite;

namespace BudgetApi.Features;

/// <summary>
/// Finds every reconciliation the data allows and judges it. Printed figures are compared, never corrected: the verdict and
/// the value that should have been printed stand beside the printed figure. All arithmetic is exact decimal.
/// </summary>
public static class Aansluitingberekening
{
    /// <summary>
    /// The reconciliations of one data version: the document's organisation and list reconciliations once, and each stand's
    /// printed totals and parts on first use (a question about 2016 does not compute every other year's). A version's data never
    /// changes, so nothing is computed twice; a reload makes a new list with the new data.
    /// </summary>
    public sealed class Lijst(BudgetDb db, Catalogus catalogus)
    {
        /// <summary>The list of one version of the data, made once.</summary>
        public static Lijst Van(Gegevens g) => g.Berekend(x => new Lijst(x.Db, x.Catalogus));

        private readonly Lazy<IReadOnlyList<AansluitingRegel>> _document = new(() => Document(db, catalogus));
        private readonly System.Collections.Concurrent.ConcurrentDictionary<long, Lazy<IReadOnlyList<AansluitingRegel>>> _perStand = new();

        /// <summary>The printed totals and parts of one stand.</summary>
        public IReadOnlyList<AansluitingRegel> VanStand(Stand stand) =>
            _perStand.GetOrAdd(stand.Id, _ => new Lazy<IReadOnlyList<AansluitingRegel>>(() => BerekenStand(db, stand))).Value;

        /// <summary>The reconciliations that compare the document's own figures: bezetting, the uitgavenbegroting list, organisation tables.</summary>
        public IReadOnlyList<AansluitingRegel> Documentcijfers => _document.Value;

        /// <summary>The reconciliations of these standen (and the document's own), by kind first, then in the order of the standen.</summary>
        public IReadOnlyList<AansluitingRegel> Voor(IEnumerable<Stand> standen, bool metDocumentcijfers) =>
            [.. standen.SelectMany(VanStand).Concat(metDocumentcijfers ? Documentcijfers : []).OrderBy(a => Soorten.ToList().IndexOf(a.SoortAansluiting))];

        /// <summary>Every reconciliation of every stand: what the findings list is made from.</summary>
        public IReadOnlyList<AansluitingRegel> Alle => Voor(catalogus.Standen, metDocumentcijfers: true);
    }

    public const string GedruktTotaal = "gedrukt-totaal";
    public const string Waarvan = "waarvan";
    public const string Totaalregel = "totaalregel";
    public const string Bezettingstabel = "bezettingstabel";
    public const string UitgavenbegrotingJenV = "uitgavenbegroting-jenv";
    public const string OrganisatieDelen = "organisatie-delen";
    public const string OrganisatieBegroting = "organisatie-begroting";

    public static readonly IReadOnlyList<string> Soorten =
        [GedruktTotaal, Waarvan, Totaalregel, Bezettingstabel, UitgavenbegrotingJenV, OrganisatieDelen, OrganisatieBegroting];

    public const string Sluit = "sluit";
    public const string SluitBinnenAfronding = "sluit-binnen-afronding";
    public const string SluitNiet = "sluit-niet";
    public const string Past = "past";
    public const string PastNiet = "past-niet";
    public const string Akkoord = "akkoord";
    public const string Afwijking = "afwijking";

    /// <summary>The verdicts a reconciliation can have (its 'oordeel').</summary>
    public static readonly IReadOnlyList<string> Oordelen = [Sluit, SluitBinnenAfronding, SluitNiet, Past, PastNiet];

    /// <summary>The values of ?status: each verdict, and the two groups of verdicts.</summary>
    public static readonly IReadOnlyList<string> Statussen = [.. Oordelen, Afwijking, Akkoord];

    public const string Afronding =
        "Gedrukt en berekend worden exact in decimalen vergeleken, in de eenheid van het gedrukte cijfer (andere geldeenheden omgerekend via euro's per eenheid). " +
        "sluit: berekend is gelijk aan gedrukt. sluit-binnen-afronding: berekend, afgerond (half van nul af) op de precisie waarin het cijfer gedrukt is " +
        "(het aantal gedrukte decimalen in die eenheid: de tabel Bezetting FTE op € 1 miljoen, 40,3 € miljoen op € 0,1 miljoen), is gelijk aan gedrukt. " +
        "sluit-niet: anders; juisteWaarde is dan berekend, afgerond op die precisie. Waarvan-regels: past als hun som niet groter is dan het artikel, " +
        "rest is het niet uitgesplitste deel; past-niet anders. Een benadering (ca., circa, bijna) wordt niet ruimer beoordeeld, maar gemeld in benaderd." +
        " Een totaalregel (J) van een budgettaire tabel sluit als zijn delen er precies op optellen, op elke diepte.";


    public static bool HeeftStatus(string oordeel, string status) => status switch
    {
        Afwijking => oordeel is SluitNiet or PastNiet,
        Akkoord => oordeel is not (SluitNiet or PastNiet),
        _ => oordeel == status,
    };

    /// <summary>One stand: its printed totals against its artikel lines, and every line with parts against its parts.</summary>
    public static IReadOnlyList<AansluitingRegel> BerekenStand(BudgetDb db, Stand stand)
    {
        var regels = db.LeesRegelbedragen([stand]).ToList();
        using var verbinding = db.Open();
        return [.. GedrukteTotalen(verbinding, stand, regels), .. Delen(stand, regels)];
    }

    /// <summary>The document's own figures against the lines of the document's standen (the ones the comparisons name).</summary>
    private static IReadOnlyList<AansluitingRegel> Document(BudgetDb db, Catalogus catalogus)
    {
        var documentstanden = catalogus.Standen.Where(s => s.Bronnen.Any(b => b.Formaat == Laden.Documentlezer.Formaat)).ToList();
        var regels = db.LeesRegelbedragen(documentstanden).ToList();
        using var verbinding = db.Open();
        var rijen = new List<AansluitingRegel>();
        rijen.AddRange(Bezetting(verbinding, regels, documentstanden));
        rijen.AddRange(Uitgavenbegroting(verbinding, regels, documentstanden));
        var feiten = verbinding.Query<Organisatiefeit>(OrganisatiefeitenSql).ToList();
        var namen = verbinding.Query<(string Code, string Naam, string? Afkorting)>(OrganisatienamenSql)
            .ToDictionary(o => o.Code, o => o.Afkorting ?? o.Naam, StringComparer.Ordinal);
        rijen.AddRange(OrganisatieDelenTegenGeheel(feiten, namen));
        rijen.AddRange(OrganisatieTegenBegroting(feiten, regels, documentstanden, namen));
        return rijen;
    }

    const string OrganisatienamenSql = "SELECT code AS Code, naam AS Naam, afkorting AS Afkorting FROM organisatie";

    /// <summary>
    /// The name of a table in a description, as a reader knows it: the document's tables by their printed title (A. Uitgaven
    /// JenV); the lines of an open-data file, which has no title, by the stand they are (ontwerpbegroting 2016). The file itself is
    /// in bronBestand, the code in bronTabel.
    /// </summary>
    private static string? Tabel(string? bronTabel, Stand stand) =>
        bronTabel is not null && stand.Bronnen.Any(b => b.Naam == bronTabel) ? stand.Label : bronTabel;

    /// <summary>An organisation in a description by its printed abbreviation (DGRR, SG-Cluster), else its name (Hoge Raad der Nederlanden); never its code.</summary>
    private static string Naam(IReadOnlyDictionary<string, string> namen, string organisatie) => namen.GetValueOrDefault(organisatie, organisatie);

    const string GedrukteTotalenSql = """
        SELECT t.soort AS Soort, t.totaal AS Totaal, t.alleen_beleid AS AlleenBeleid, t.jaar AS Jaar, t.bedrag AS Bedrag,
               t.bron_tabel AS BronTabel, t.bron_regel AS BronRegel, b.naam AS BronBestand
        FROM gedrukt_totaal t JOIN bronbestand b ON b.id = t.bron_id WHERE t.stand_id = @Id ORDER BY t.rowid
        """;

    /// <summary>a. A printed total of a stand against the sum of its artikel lines ("Totaal Beleidsartikelen" against the beleidsartikelen).</summary>
    private static IEnumerable<AansluitingRegel> GedrukteTotalen(SqliteConnection verbinding, Stand stand, List<Regelbedrag> regels)
    {
        foreach (var t in verbinding.Query<GedruktTotaalRij>(GedrukteTotalenSql, new { stand.Id }))
        {
            if (t.Bedrag is null) continue;
            var delen = regels.Where(r => r.IsArtikel && r.Soort == t.Soort && r.Jaar == t.Jaar
                                          && r.Bedrag is not null && (!t.AlleenBeleid || r.Categorie == Domein.Begrotingscodes.Beleidsartikel)).ToList();
            var wat = t.AlleenBeleid ? "de beleidsartikelen" : "alle artikelen";
            var tabel = Tabel(t.BronTabel, stand);
            yield return Vergelijk(
                id: $"{GedruktTotaal}/{stand.Sleutel.Id}/{t.Soort}/{Sleutel(t.Totaal)}/{t.Jaar}", GedruktTotaal,
                $"Gedrukt '{t.Totaal}' van {(tabel == t.BronTabel ? tabel : "de " + tabel)} tegen de som van {wat}",
                stand, t.Soort, artikel: null, organisatie: null, (int)t.Jaar, peildatum: null,
                gedrukt: t.Bedrag.Value, berekend: delen.Sum(d => d.Bedrag!.Value), Codes.EenheidBegroting, benaderd: false,
                delen.Count, (int)t.BronRegel, t.BronTabel, delen.Select(d => d.BronRegel), delen.FirstOrDefault()?.BronTabel, t.BronBestand, delen.Select(d => d.BronBestand));
        }
    }

    /// <summary>
    /// b. Every line with parts against its parts. The document's waarvan lines need not cover their artikel: they fit (past) when
    /// their sum is not larger, and what they leave is the rest. A total row of a budgettaire tabel (J) is printed as the sum of its
    /// parts: it must add up exactly (sluit), at every level.
    /// </summary>
    private static IEnumerable<AansluitingRegel> Delen(Stand stand, List<Regelbedrag> regels)
    {
        var kinderen = regels.Where(r => r.OuderId is not null).ToLookup(r => (r.OuderId!.Value, r.Jaar));
        // What a part contributes: its printed amount, or, for a grouping the source names but prints no amount for (a budgettaire
        // tabel's heading over its own parts), what its parts contribute. A part without either is not a part (the document's blank
        // waarvan line: its money stays in the rest).
        long? Bijdrage(Regelbedrag deel)
        {
            if (deel.Bedrag is not null) return deel.Bedrag;
            var onder = kinderen[(deel.RegelId, deel.Jaar)].Select(Bijdrage).Where(b => b is not null).ToList();
            return onder.Count == 0 ? null : onder.Sum();
        }
        foreach (var geheel in regels.Where(r => r.Bedrag is not null))
        {
            var delen = kinderen[(geheel.RegelId, geheel.Jaar)].Select(d => (Regel: d, Bedrag: Bijdrage(d))).Where(d => d.Bedrag is not null)
                .Select(d => d.Regel.Bedrag is null ? new Regelbedrag { RegelId = d.Regel.RegelId, Bedrag = d.Bedrag, BronBestand = d.Regel.BronBestand, BronRegel = d.Regel.BronRegel, Niveau = d.Regel.Niveau } : d.Regel).ToList();
            if (delen.Count == 0) continue;
            var wat = geheel.IsArtikel ? $"artikel {geheel.Artikel} {geheel.Omschrijving}" : $"'{geheel.Omschrijving}' van artikel {geheel.Artikel}";
            var regelId = geheel.IsArtikel ? $"{geheel.Artikel}" : $"{geheel.Artikel}/{Sleutel(geheel.Pad.Length == 0 ? geheel.Omschrijving : geheel.Pad + " > " + geheel.Omschrijving)}";
            // Parts that are all "waarvan …" name some of the money, not all of it, even under a total row: they fit, or they do not.
            if (geheel.Totaalregel && !delen.All(d => d.Niveau == Domein.Begrotingscodes.NiveauWaarvan))
            {
                yield return Vergelijk($"{Totaalregel}/{stand.Sleutel.Id}/{geheel.Soort}/{regelId}/{geheel.Jaar}", Totaalregel,
                    $"Totaalregel {wat} ({Tabel(geheel.BronTabel, stand)}) tegen de som van zijn {delen.Count} delen",
                    stand, geheel.Soort, (int)geheel.Artikel, organisatie: null, (int)geheel.Jaar, peildatum: null, geheel.Bedrag!.Value,
                    delen.Sum(d => d.Bedrag!.Value), Codes.EenheidBegroting, benaderd: false, delen.Count, (int)geheel.BronRegel, geheel.BronTabel,
                    delen.Select(d => d.BronRegel), geheel.BronTabel, geheel.BronBestand, delen.Select(d => d.BronBestand));
                continue;
            }
            decimal gedrukt = geheel.Bedrag!.Value;
            decimal berekend = delen.Sum(d => d.Bedrag!.Value);
            var past = berekend <= gedrukt;
            yield return new AansluitingRegel(
                $"{Waarvan}/{stand.Sleutel.Id}/{geheel.Soort}/{regelId}/{geheel.Jaar}", Waarvan,
                $"Waarvan-regels van {wat} ({Tabel(geheel.BronTabel, stand)}) binnen {(geheel.IsArtikel ? "het artikel" : "de regel")}",
                stand.Begroting.Code, stand.Begroting.Hoofdstuk, stand.Begrotingsjaar, stand.Fase, geheel.Soort, (int)geheel.Artikel, Organisatie: null, (int)geheel.Jaar, Peildatum: null,
                gedrukt, berekend, gedrukt - berekend, Rest: past ? Regelbedragen.Rest(geheel.Bedrag, delen.Select(d => d.Bedrag)) : null, Codes.EenheidBegroting, Precisie: 1m,
                past ? Past : PastNiet, JuisteWaarde: past ? null : berekend, Benaderd: false, delen.Count,
                (int)geheel.BronRegel, geheel.BronTabel, BronRegels(delen.Select(d => d.BronRegel)), geheel.BronTabel, geheel.BronBestand, [.. delen.Select(d => d.BronBestand)]);
        }
    }

    const string BezettingSql = """
        SELECT organisatie_zoals_gedrukt AS ZoalsGedrukt, organisatie AS Organisatie, budget_miljoen AS BudgetMiljoen,
               komt_overeen_met AS KomtOvereenMet, bron_regel AS BronRegel
        FROM bezetting WHERE komt_overeen_met IS NOT NULL AND budget_miljoen IS NOT NULL ORDER BY volgorde
        """;

    /// <summary>
    /// c. The budgets of the table Bezetting FTE (€ miljoen, stand ontwerpbegroting 2026, so the first budget year) against the line
    /// each is the same money as. Rows without such a line (Bestuursdepartement 431, Overig) have nothing to be compared with.
    /// </summary>
    private static IEnumerable<AansluitingRegel> Bezetting(SqliteConnection verbinding, List<Regelbedrag> regels, List<Stand> documentstanden)
    {
        foreach (var b in verbinding.Query<BezettingRij>(BezettingSql))
        {
            var sleutel = Regelsleutel.Lees(b.KomtOvereenMet);
            var stand = documentstanden.FirstOrDefault(s => s.Begroting.Code == sleutel.Begroting);
            var regel = stand is null ? null : sleutel.Zoek(regels, stand.Begrotingsjaar);
            if (regel?.Bedrag is null) continue;
            yield return VergelijkMetRegel(
                $"{Bezettingstabel}/{b.Organisatie ?? b.ZoalsGedrukt}/{regel.Jaar}", Bezettingstabel,
                $"Budget '{b.ZoalsGedrukt}' in de tabel Bezetting FTE tegen {sleutel.Tekst}",
                stand!, sleutel, b.Organisatie, regel, peildatum: null, gedrukt: b.BudgetMiljoen, "€ miljoen", benaderd: false,
                (int)b.BronRegel, Bronnen.TabelBezetting);
        }
    }

    const string UitgavenbegrotingSql = """
        SELECT omschrijving AS Omschrijving, bedrag AS Bedrag, artikel AS Artikel, bron_regel AS BronRegel
        FROM uitgavenbegroting_jenv ORDER BY volgorde
        """;

    /// <summary>
    /// d. The list "Uitgavenbegroting JenV" (x € 1.000, see data/README.md decision 3) against JenV uitgaven in the first budget
    /// year: each line against its article, the first line (the whole ministry) against the sum of the articles and the printed TOTAAL.
    /// </summary>
    private static IEnumerable<AansluitingRegel> Uitgavenbegroting(SqliteConnection verbinding, List<Regelbedrag> regels, List<Stand> documentstanden)
    {
        const string soort = "uitgaven";
        var stand = documentstanden.FirstOrDefault(s => s.Begroting.Code == "JenV");
        if (stand is null) yield break;
        var jaar = stand.Begrotingsjaar;
        var artikelen = regels.Where(r => r.IsArtikel && r.StandId == stand.Id && r.Soort == soort && r.Jaar == jaar && r.Bedrag is not null).ToList();
        var totaal = verbinding.Query<GedruktTotaalRij>(GedrukteTotalenSql, new { stand.Id })
            .FirstOrDefault(t => t.Soort == soort && t.Totaal == "TOTAAL" && t.Jaar == jaar);
        foreach (var u in verbinding.Query<UitgavenbegrotingRij>(UitgavenbegrotingSql))
        {
            if (u.Artikel is null)
            {
                yield return Vergelijk($"{UitgavenbegrotingJenV}/totaal/artikelen/{jaar}", UitgavenbegrotingJenV,
                    $"'{u.Omschrijving}' in de lijst Uitgavenbegroting JenV tegen de som van de artikelen van A. Uitgaven JenV",
                    stand, soort, artikel: null, organisatie: null, jaar, peildatum: null, u.Bedrag, artikelen.Sum(a => a.Bedrag!.Value),
                    Codes.EenheidBegroting, benaderd: false, artikelen.Count, (int)u.BronRegel, Bronnen.LijstUitgavenbegrotingJenV,
                    artikelen.Select(a => a.BronRegel), artikelen.FirstOrDefault()?.BronTabel, bronBestandenDelen: artikelen.Select(a => a.BronBestand));
                if (totaal?.Bedrag is not null)
                {
                    yield return Vergelijk($"{UitgavenbegrotingJenV}/totaal/gedrukt-totaal/{jaar}", UitgavenbegrotingJenV,
                        $"'{u.Omschrijving}' in de lijst Uitgavenbegroting JenV tegen het gedrukte TOTAAL van {totaal.BronTabel}",
                        stand, soort, artikel: null, organisatie: null, jaar, peildatum: null, u.Bedrag, totaal.Bedrag.Value,
                        Codes.EenheidBegroting, benaderd: false, 1, (int)u.BronRegel, Bronnen.LijstUitgavenbegrotingJenV, [totaal.BronRegel], totaal.BronTabel,
                        bronBestandenDelen: [totaal.BronBestand]);
                }
                continue;
            }
            var artikel = artikelen.FirstOrDefault(a => a.Artikel == u.Artikel);
            if (artikel is null) continue;
            yield return Vergelijk($"{UitgavenbegrotingJenV}/{u.Artikel}/{jaar}", UitgavenbegrotingJenV,
                $"'{u.Omschrijving}' in de lijst Uitgavenbegroting JenV tegen artikel {u.Artikel} {artikel.Omschrijving} van {artikel.BronTabel}",
                stand, soort, (int)u.Artikel, organisatie: null, jaar, peildatum: null, u.Bedrag, artikel.Bedrag!.Value,
                Codes.EenheidBegroting, benaderd: false, 1, (int)u.BronRegel, Bronnen.LijstUitgavenbegrotingJenV, [artikel.BronRegel], artikel.BronTabel,
                bronBestandenDelen: [artikel.BronBestand]);
        }
    }

    const string OrganisatiefeitenSql = """
        SELECT organisatie AS Organisatie, omschrijving AS Omschrijving, jaar AS Jaar, peildatum AS Peildatum,
               waarde AS Waarde, eenheid AS Eenheid, kwalificatie AS Kwalificatie, tabel AS Tabel, deel_van AS DeelVan,
               komt_overeen_met AS KomtOvereenMet, bron_regel AS BronRegel
        FROM organisatiefeit WHERE tabel IS NOT NULL OR komt_overeen_met IS NOT NULL ORDER BY id
        """;

    /// <summary>e. The parts of an organisation table (deel_van) against the printed whole they name, in the same table and year.</summary>
    private static IEnumerable<AansluitingRegel> OrganisatieDelenTegenGeheel(List<Organisatiefeit> feiten, IReadOnlyDictionary<string, string> namen)
    {
        foreach (var geheel in feiten.Where(f => f.Tabel is not null))
        {
            var delen = feiten.Where(f => f.Tabel == geheel.Tabel && f.DeelVan == geheel.Omschrijving && f.Jaar == geheel.Jaar).ToList();
            if (delen.Count == 0) continue;
            // Parts in another money unit are converted to the whole's unit; a part in another kind of unit cannot be added.
            if (delen.Any(d => d.Eenheid != geheel.Eenheid && !(Codes.IsGeldEenheid(d.Eenheid) && Codes.IsGeldEenheid(geheel.Eenheid)))) continue;
            var berekend = delen.Sum(d => Omrekenen(d.Getal, d.Eenheid, geheel.Eenheid));
            var jaar = geheel.Jaar is null ? "" : $"/{geheel.Jaar}";
            yield return Vergelijk($"{OrganisatieDelen}/{geheel.Tabel}{jaar}", OrganisatieDelen,
                $"Delen van '{geheel.Omschrijving}' van {Naam(namen, geheel.Organisatie)} tegen het gedrukte geheel",
                stand: null, soort: null, artikel: null, geheel.Organisatie, (int?)geheel.Jaar, geheel.Datum,
                geheel.Getal, berekend, geheel.Eenheid, benaderd: geheel.Kwalificatie is not null || delen.Any(d => d.Kwalificatie is not null),
                delen.Count, (int)geheel.BronRegel, geheel.Tabel, delen.Select(d => d.BronRegel), geheel.Tabel);
        }
    }

    /// <summary>f. An organisation figure against the budget line it is the same money as (komt_overeen_met), in its year.</summary>
    private static IEnumerable<AansluitingRegel> OrganisatieTegenBegroting(List<Organisatiefeit> feiten, List<Regelbedrag> regels, List<Stand> documentstanden,
        IReadOnlyDictionary<string, string> namen)
    {
        foreach (var feit in feiten.Where(f => f.KomtOvereenMet is not null && f.Jaar is not null && Codes.IsGeldEenheid(f.Eenheid)))
        {
            var sleutel = Regelsleutel.Lees(feit.KomtOvereenMet!);
            var regel = sleutel.Zoek(regels, feit.Jaar!.Value);
            if (regel?.Bedrag is null) continue;
            yield return VergelijkMetRegel(
                $"{OrganisatieBegroting}/{feit.Organisatie}/{Sleutel(feit.Omschrijving)}/{feit.Jaar}", OrganisatieBegroting,
                $"'{feit.Omschrijving}' van {Naam(namen, feit.Organisatie)} tegen {sleutel.Tekst}",
                documentstanden.First(s => s.Id == regel.StandId), sleutel, feit.Organisatie, regel, feit.Datum, feit.Getal, feit.Eenheid, feit.Kwalificatie is not null,
                (int)feit.BronRegel, feit.Tabel);
        }
    }

    private static AansluitingRegel VergelijkMetRegel(string id, string soortAansluiting, string omschrijving, Stand stand, Regelsleutel sleutel, string? organisatie,
        Regelbedrag regel, DateOnly? peildatum, decimal gedrukt, string eenheid, bool benaderd, int bronRegel, string? bronTabel) =>
        Vergelijk(id, soortAansluiting, omschrijving, stand, sleutel.Soort, sleutel.Artikel, organisatie, (int)regel.Jaar, peildatum,
            gedrukt, Omrekenen(regel.Bedrag!.Value, Codes.EenheidBegroting, eenheid), eenheid, benaderd, 1, bronRegel, bronTabel, [regel.BronRegel], regel.BronTabel,
            bronBestandenDelen: [regel.BronBestand]);

    /// <summary>The one verdict on a printed figure: equal, equal once the computed figure is rounded to the printed precision, or not.</summary>
    private static AansluitingRegel Vergelijk(string id, string soortAansluiting, string omschrijving, Stand? stand, string? soort, int? artikel,
        string? organisatie, int? jaar, DateOnly? peildatum, decimal gedrukt, decimal berekend, string eenheid, bool benaderd, int aantalDelen,
        int bronRegel, string? bronTabel, IEnumerable<long> bronRegelsDelen, string? bronTabelDelen, string bronBestand = Laden.Documentlezer.Bestand,
        IEnumerable<string>? bronBestandenDelen = null)
    {
        var regels = BronRegels(bronRegelsDelen);
        var precisie = new decimal(1, 0, 0, false, gedrukt.Scale);
        var afgerond = Normaal(Math.Round(berekend / precisie, MidpointRounding.AwayFromZero) * precisie);
        var (oordeel, juist) = gedrukt == berekend ? (Sluit, (decimal?)null)
            : gedrukt == afgerond ? (SluitBinnenAfronding, null)
            : (SluitNiet, afgerond);
        return new AansluitingRegel(id, soortAansluiting, omschrijving, stand?.Begroting.Code, stand?.Begroting.Hoofdstuk, stand?.Begrotingsjaar, stand?.Fase,
            soort, artikel, organisatie, jaar, peildatum,
            gedrukt, Normaal(berekend), Normaal(gedrukt - berekend), Rest: null, eenheid, precisie, oordeel, juist, benaderd, aantalDelen,
            bronRegel, bronTabel, regels, bronTabelDelen, bronBestand,
            // Without files named, every part is a figure of the document (its organisation figures, its lists and tables).
            [.. bronBestandenDelen ?? regels.Select(_ => Laden.Documentlezer.Bestand)]);
    }

    private static decimal Omrekenen(decimal waarde, string van, string naar) =>
        van == naar ? waarde : Normaal(waarde * Codes.EurosPerEenheid(van) / Codes.EurosPerEenheid(naar));

    /// <summary>Drops trailing zeros (8480.305000 → 8480.305), so a computed figure shows only the digits it has.</summary>
    private static decimal Normaal(decimal waarde) => waarde / 1.000000000000000000000000000000000m;

    /// <summary>The lines of the parts, in order, as numbers (a list in JSON; the CSV joins them with ';').</summary>
    private static IReadOnlyList<int> BronRegels(IEnumerable<long> regels) => [.. regels.Select(r => (int)r)];

    private static string Sleutel(string tekst) => tekst.ToLowerInvariant().Replace(' ', '-');

    /// <summary>A budget line named as Begroting:soort:artikel or Begroting:soort:artikel:waarvan (data/README.md).</summary>
    private sealed record Regelsleutel(string Begroting, string Soort, int Artikel, string? Waarvan)
    {
        public static Regelsleutel Lees(string tekst)
        {
            var delen = tekst.Split(':', 4);
            return new Regelsleutel(delen[0], delen[1], int.Parse(delen[2], CultureInfo.InvariantCulture), delen.Length == 4 ? delen[3] : null);
        }

        public Regelbedrag? Zoek(List<Regelbedrag> regels, long jaar) => regels.FirstOrDefault(r =>
            r.Begroting == Begroting && r.Soort == Soort && r.Artikel == Artikel && r.Jaar == jaar
            && (Waarvan is null ? r.IsArtikel : r.Diepte == 1 && r.Omschrijving == Waarvan));

        public string Tekst => $"{Begroting} {Soort} artikel {Artikel}" + (Waarvan is null ? "" : $" waarvan '{Waarvan}'");
    }

    private sealed class GedruktTotaalRij
    {
        public string Soort { get; set; } = "";
        public string Totaal { get; set; } = "";
        public bool AlleenBeleid { get; set; }
        public string BronBestand { get; set; } = "";
        public long Jaar { get; set; }
        public long? Bedrag { get; set; }
        public string BronTabel { get; set; } = "";
        public long BronRegel { get; set; }
    }

    private sealed class BezettingRij
    {
        public string ZoalsGedrukt { get; set; } = "";
        public string? Organisatie { get; set; }
        public long BudgetMiljoen { get; set; }
        public string KomtOvereenMet { get; set; } = "";
        public long BronRegel { get; set; }
    }

    private sealed class UitgavenbegrotingRij
    {
        public string Omschrijving { get; set; } = "";
        public long Bedrag { get; set; }
        public long? Artikel { get; set; }
        public long BronRegel { get; set; }
    }

    private sealed class Organisatiefeit
    {
        public string Organisatie { get; set; } = "";
        public string Omschrijving { get; set; } = "";
        public long? Jaar { get; set; }
        public string? Peildatum { get; set; }
        public string Waarde { get; set; } = "";
        public string Eenheid { get; set; } = "";
        public string? Kwalificatie { get; set; }
        public string? Tabel { get; set; }
        public string? DeelVan { get; set; }
        public string? KomtOvereenMet { get; set; }
        public long BronRegel { get; set; }

        /// <summary>The figure as printed, exactly: waarde is TEXT so that its printed decimals (its precision) survive.</summary>
        public decimal Getal => decimal.Parse(Waarde, NumberStyles.Number, CultureInfo.InvariantCulture);

        public DateOnly? Datum => Peildatum is null ? null : DateOnly.ParseExact(Peildatum, "yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
