using System.Globalization;
using Dapper;

namespace BudgetApi.Opslag;

/// <summary>Eén personeels- of geldcijfer van een organisatie.</summary>
/// <param name="Organisatie">Code van de organisatie (herhaald op elke rij).</param>
/// <param name="Meting">Wat voor cijfer het is (formatie, bezetting, medewerkers, budget, bijdrage, aandeel, …; de lijst staat bij de parameter meting van /organisaties en in data/README.md).</param>
/// <param name="Omschrijving">Wat het cijfer meet, in de woorden van het document.</param>
/// <param name="Reikwijdte">Wat het cijfer omvat of uitsluit, genormaliseerd (incl. externe inhuur, excl. geheime uitgaven, alleen rechters en raadsheren, na groei, …); leeg is de organisatie als geheel. Twee cijfers meten alleen hetzelfde bij dezelfde organisatie, meting, reikwijdte en hetzelfde jaar of dezelfde peildatum.</param>
/// <param name="Jaar">Het jaar waar het cijfer over gaat; leeg als de tekst geen jaar geeft.</param>
/// <param name="Peildatum">De datum waar het cijfer over gaat; leeg als de tekst geen datum geeft.</param>
/// <param name="Waarde">Het gedrukte getal in Nederlandse notatie gelezen, in de eenheid van de rij (bijvoorbeeld 355.25 fte). Is de notatie onmogelijk (10.8000), dan de lezing die het document ondersteunt; zie /bevindingen.</param>
/// <param name="ZoalsGedrukt">Het cijfer zoals gedrukt, met teken en woord.</param>
/// <param name="Eenheid">Eenheid van de waarde: fte, personen, plaatsen, aantal, %, x € 1.000, €, € miljoen of € miljard.</param>
/// <param name="Kwalificatie">Kwalificatie zoals gedrukt (ca., circa, ruim, bijna, ...); leeg als er geen is.</param>
/// <param name="Tabel">Id van de tabel of lijst met een gedrukt geheel waar het cijfer in staat; leeg voor lopende tekst.</param>
/// <param name="DeelVan">Binnen die tabel: de omschrijving van de gedrukte rij waar dit cijfer een deel van is.</param>
/// <param name="KomtOvereenMet">De begrotingsregel met hetzelfde geld (Begroting:soort:artikel[:waarvan]).</param>
/// <param name="Volgt">De begrotingsregels (artikelen die de organisatie beheert) waarmee deze meerjarige reeks wordt vergeleken, gescheiden door ' + '.</param>
/// <param name="Herkomst">Waar de rij vandaan komt: 'organisatiefeiten' (tekst van het document) of 'bezetting' (de tabel Bezetting FTE en budget, ook in /bezetting).</param>
/// <param name="BronSectie">Hoofdstuk en paragraaf in het brondocument.</param>
/// <param name="BronRegel">Regel in het brondocument.</param>
public sealed record OrganisatiefeitRegel(
    string Organisatie, string Meting, string Omschrijving, string? Reikwijdte, int? Jaar, DateOnly? Peildatum, decimal Waarde, string ZoalsGedrukt,
    string Eenheid, string? Kwalificatie, string? Tabel, string? DeelVan, string? KomtOvereenMet, string? Volgt, string Herkomst, string BronSectie, int BronRegel);

/// <summary>
/// The one way to read organisation figures: those of the text (data/organisatiefeiten.csv) and those of the table
/// "Bezetting FTE en budget" (data/bezetting.csv), each in its own unit, in the order of the document.
/// /organisaties/{code} serves them; /bevindingen compares them.
/// </summary>
public static class Organisatiecijfers
{
    public const string HerkomstTekst = "organisatiefeiten";
    public const string HerkomstBezettingstabel = "bezetting";

    /// <summary>Where a row comes from: the values of 'herkomst'.</summary>
    public static readonly IReadOnlyList<string> Herkomsten = [HerkomstTekst, HerkomstBezettingstabel];

    private const string FeitenSql = """
        SELECT id AS Id, organisatie AS Organisatie, meting AS Meting, omschrijving AS Omschrijving, reikwijdte AS Reikwijdte, jaar AS Jaar,
               peildatum AS Peildatum, waarde AS Waarde, zoals_gedrukt AS ZoalsGedrukt, eenheid AS Eenheid, kwalificatie AS Kwalificatie,
               tabel AS Tabel, deel_van AS DeelVan, komt_overeen_met AS KomtOvereenMet, volgt AS Volgt, bron_sectie AS BronSectie, bron_regel AS BronRegel
        FROM organisatiefeit WHERE @Organisatie IS NULL OR organisatie = @Organisatie
        """;

    private const string BezettingSql = """
        SELECT organisatie AS Organisatie, bezetting_fte AS BezettingFte, budget_miljoen AS BudgetMiljoen, budget_reikwijdte AS BudgetReikwijdte,
               komt_overeen_met AS KomtOvereenMet, bron_regel AS BronRegel
        FROM bezetting WHERE organisatie IS NOT NULL AND (@Organisatie IS NULL OR organisatie = @Organisatie)
        """;

    /// <summary>Every figure of one organisation (its canonical code), or of all organisations when <paramref name="organisatie"/> is null.</summary>
    public static IReadOnlyList<OrganisatiefeitRegel> LeesOrganisatiecijfers(this BudgetDb db, string? organisatie = null)
    {
        using var verbinding = db.Open();
        var feiten = verbinding.Query<Feit>(FeitenSql, new { Organisatie = organisatie })
            .Select(f => (f.BronRegel, f.Id, Rij: new OrganisatiefeitRegel(f.Organisatie, f.Meting, f.Omschrijving, f.Reikwijdte, (int?)f.Jaar,
                f.Peildatum is null ? null : DateOnly.ParseExact(f.Peildatum, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                decimal.Parse(f.Waarde, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
                f.ZoalsGedrukt, f.Eenheid, f.Kwalificatie, f.Tabel, f.DeelVan, f.KomtOvereenMet, f.Volgt, HerkomstTekst, f.BronSectie, (int)f.BronRegel)));
        var uitTabel = verbinding.Query<Bezettingsrij>(BezettingSql, new { Organisatie = organisatie })
            .SelectMany(Tabelfeiten)
            .Select(r => (BronRegel: (long)r.BronRegel, Id: 0L, Rij: r));
        // The table's rows stand before the chapters; ordering by line keeps the rows in the document's order.
        return uitTabel.Concat(feiten).OrderBy(x => x.BronRegel).ThenBy(x => x.Id).Select(x => x.Rij).ToList();
    }

    /// <summary>The title of the table, as the section of its figures.</summary>
    public const string SectieBezettingstabel = "3. De begroting in het kort > " + Bronnen.TabelBezetting;

    /// <summary>A row of the bezetting table as facts: fte (stand 2025) and budget (€ miljoen, ontwerpbegroting 2026), each in its own unit.</summary>
    private static IEnumerable<OrganisatiefeitRegel> Tabelfeiten(Bezettingsrij b)
    {
        if (b.BezettingFte is { } fte)
        {
            yield return new OrganisatiefeitRegel(b.Organisatie, "bezetting", "Bezetting FTE (stand 2025)", null, 2025, null, fte, Gedrukt(fte), "fte",
                null, HerkomstBezettingstabel, null, null, null, HerkomstBezettingstabel, SectieBezettingstabel, (int)b.BronRegel);
        }
        if (b.BudgetMiljoen is { } budget)
        {
            yield return new OrganisatiefeitRegel(b.Organisatie, "budget", "Budget (stand ontwerpbegroting 2026)", b.BudgetReikwijdte, 2026, null, budget,
                Gedrukt(budget), "€ miljoen", null, HerkomstBezettingstabel, null, b.KomtOvereenMet, null, HerkomstBezettingstabel, SectieBezettingstabel, (int)b.BronRegel);
        }
    }

    /// <summary>An integer as the source prints it: Dutch thousands separators (66.658).</summary>
    private static string Gedrukt(long getal) => getal.ToString("#,0", CultureInfo.InvariantCulture).Replace(',', '.');

    private sealed class Feit
    {
        public long Id { get; set; }
        public string Organisatie { get; set; } = "";
        public string Meting { get; set; } = "";
        public string Omschrijving { get; set; } = "";
        public string? Reikwijdte { get; set; }
        public long? Jaar { get; set; }
        public string? Peildatum { get; set; }
        public string Waarde { get; set; } = "";
        public string ZoalsGedrukt { get; set; } = "";
        public string Eenheid { get; set; } = "";
        public string? Kwalificatie { get; set; }
        public string? Tabel { get; set; }
        public string? DeelVan { get; set; }
        public string? KomtOvereenMet { get; set; }
        public string? Volgt { get; set; }
        public string BronSectie { get; set; } = "";
        public long BronRegel { get; set; }
    }

    private sealed class Bezettingsrij
    {
        public string Organisatie { get; set; } = "";
        public long? BezettingFte { get; set; }
        public long? BudgetMiljoen { get; set; }
        public string? BudgetReikwijdte { get; set; }
        public string? KomtOvereenMet { get; set; }
        public long BronRegel { get; set; }
    }
}
