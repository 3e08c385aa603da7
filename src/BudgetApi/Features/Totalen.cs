using System.ComponentModel;
using BudgetApi.Http;
using BudgetApi.Opslag;
using FluentValidation;

namespace BudgetApi.Features;

/// <summary>The query of /v1/totalen.</summary>
public sealed record TotalenQuery
{
    [Description("Code van een begroting of zijn hoofdstuk; herhaalbaar (begroting=JenV&begroting=AenM). Met meer dan één begroting komt er ook een geconsolideerde groep bij (JenV+AenM). " +
                 "Standaard: elke begroting met een stand in het begrotingsjaar. Bijvoorbeeld: JenV")]
    public string[]? Begroting { get; init; }

    [Description("Begrotingsjaar van de standen. Standaard: het laatste begrotingsjaar dat de gevraagde begrotingen gemeen hebben (zonder begroting: het laatste in de data). Bijvoorbeeld: 2026")]
    public int? Begrotingsjaar { get; init; }

    [Description("Fase van de standen: ontwerpbegroting, vastgestelde-begroting, incidentele-suppletoire-1 … incidentele-suppletoire-12, 1e-suppletoire, september-suppletoire, 2e-suppletoire, jaarverslag of slotwet. Standaard: per begroting de laatste fase van het begrotingsjaar. Bijvoorbeeld: ontwerpbegroting")]
    public string? Fase { get; init; }

    [Description("verplichtingen, uitgaven, ontvangsten of saldo (uitgaven min ontvangsten). Standaard: uitgaven; verplichtingen alleen waar de bron ze geeft (de begrotingsstaten wel, het document niet): een stand zonder verplichtingen geeft een 400 die zegt welke begrotingsjaren ze hebben.")]
    [DefaultValue("uitgaven")]
    public string? Soort { get; init; }

    [Description("Eerste jaar van de reeks. Standaard: het eerste jaar van de standen. Bijvoorbeeld: 2026")]
    public int? VanJaar { get; init; }

    [Description("Laatste jaar van de reeks. Standaard: het laatste jaar van de standen. Bijvoorbeeld: 2030")]
    public int? TotJaar { get; init; }

    [Description("Waarnaar de artikelregels worden opgeteld: begroting, artikel of categorie (beleidsartikel / niet-beleidsartikel). Standaard: begroting.")]
    [DefaultValue("begroting")]
    public string? Groepering { get; init; }
}

public sealed class TotalenQueryValidator : AbstractValidator<TotalenQuery>
{
    public static readonly IReadOnlyList<string> Groeperingen = ["begroting", "artikel", "categorie"];

    public TotalenQueryValidator(Catalogus catalogus)
    {
        RuleForEach(q => q.Begroting).BestaandeBegroting(catalogus);
        RuleFor(q => q.Soort).BekendeWaarde("soort", Queryregels.SoortenMetSaldo);
        RuleFor(q => q.Groepering).BekendeWaarde("groepering", Groeperingen);
        // The stand and the years are checked for the begrotingen that exist (an unknown code is its own 400), so every mistake is named at once.
        RuleFor(q => q).Custom((q, context) =>
        {
            var keuze = Standkeuzes.Meer(catalogus, Queryregels.Begrotingen(q.Begroting, catalogus), q.Begrotingsjaar, q.Fase);
            Standkeuzes.VoegFoutenToe(context, keuze);
            if (!keuze.IsGeldig) return;
            if (Standkeuzes.JaarFout(q.VanJaar, "vanJaar", keuze.Standen) is { } van) context.AddFailure("vanJaar", van);
            if (Standkeuzes.JaarFout(q.TotJaar, "totJaar", keuze.Standen) is { } tot) context.AddFailure("totJaar", tot);
            if (Standkeuzes.SoortFout(catalogus, q.Soort, keuze.Standen) is { } soort) context.AddFailure("soort", soort);
        });
        RuleFor(q => q.VanJaar)
            .Must((q, van) => van <= q.TotJaar)
            .When(q => q.VanJaar is not null && q.TotJaar is not null)
            .WithMessage((q, van) => $"vanJaar ({van}) ligt na totJaar ({q.TotJaar}); vanJaar moet kleiner dan of gelijk aan totJaar zijn.");
    }
}

/// <summary>Eén groep (een begroting, een artikel of een categorie) in één jaar, met de cijfers van de groep over de hele reeks.</summary>
/// <param name="Begroting">Code van de begroting, of de geconsolideerde groep (JenV+AenM) wanneer meer begrotingen zijn gevraagd.</param>
/// <param name="Hoofdstuk">Hoofdstuk van de begroting (VI), of van de geconsolideerde groep (VI+XX).</param>
/// <param name="Begrotingsjaar">Begrotingsjaar van de stand(en).</param>
/// <param name="Fase">Fase van de stand; bij een geconsolideerde groep de fasen van zijn standen, gescheiden door '+', als die verschillen.</param>
/// <param name="Soort">uitgaven, ontvangsten of saldo (uitgaven min ontvangsten).</param>
/// <param name="Groepering">begroting, artikel of categorie: waarnaar is opgeteld.</param>
/// <param name="Artikel">Artikelnummer (alleen bij groepering=artikel).</param>
/// <param name="Omschrijving">Naam van het artikel zoals gedrukt (alleen bij groepering=artikel).</param>
/// <param name="Categorie">beleidsartikel of niet-beleidsartikel (bij groepering=artikel en categorie).</param>
/// <param name="Jaar">Het jaar.</param>
/// <param name="Bedrag">Som van de artikelregels van de groep in dit jaar (x € 1.000; waarvan-regels en gedrukte totalen tellen niet mee). Leeg als een regel geen bedrag heeft.</param>
/// <param name="Mutatie">Bedrag min het bedrag van het vorige jaar (x € 1.000); leeg als het vorige jaar niet in de data staat.</param>
/// <param name="MutatieProcent">Mutatie in procent van het bedrag van het vorige jaar (2 decimalen); leeg zonder vorig jaar of als dat 0 was.</param>
/// <param name="VanJaar">Eerste jaar van de gevraagde reeks (herhaald op elke regel van de groep).</param>
/// <param name="TotJaar">Laatste jaar van de gevraagde reeks (herhaald op elke regel van de groep).</param>
/// <param name="MeerjarigTotaal">Som van de bedragen van de groep van vanJaar tot en met totJaar (x € 1.000), herhaald op elke regel van de groep.</param>
/// <param name="GemiddeldeGroeiProcent">Gemiddelde jaarlijkse groei van vanJaar tot totJaar in procent (CAGR, 2 decimalen), herhaald op elke regel van de groep; leeg bij één jaar of een bedrag dat niet positief is.</param>
/// <param name="AantalRegels">Aantal artikelregels dat in het bedrag is opgeteld.</param>
/// <param name="BronTabel">De tabel(len) in het brondocument waar de regels uit komen.</param>
/// <param name="BronRegels">De regels in het brondocument van de opgetelde artikelregels, oplopend (in CSV gescheiden door ';').</param>
public sealed record TotaalRegel(
    string Begroting, string Hoofdstuk, int Begrotingsjaar, string Fase, string Soort, string Groepering, int? Artikel, string? Omschrijving, string? Categorie, int Jaar,
    long? Bedrag, long? Mutatie, decimal? MutatieProcent, int VanJaar, int TotJaar, long? MeerjarigTotaal, decimal? GemiddeldeGroeiProcent,
    int AantalRegels, string BronTabel, IReadOnlyList<int> BronRegels);

public static class TotalenEndpoints
{
    public static RouteGroupBuilder MapTotalen(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/totalen").WithTags("Totalen");
        group.MapGet("", GetTotalen)
            .WithName("GetTotalen")
            .WithSummary("Meerjarige totalen per begroting, artikel of categorie")
            .WithDescription("Per groep en jaar de som van de artikelregels (waarvan-regels zijn delen van artikelen en tellen niet nog eens mee; " +
                             "gedrukte totalen worden niet gebruikt), de mutatie ten opzichte van het vorige jaar, en per groep het meerjarig totaal " +
                             "en de gemiddelde jaarlijkse groei (CAGR) van vanJaar tot totJaar. Met meer begrotingen ook de geconsolideerde groep " +
                             "(JenV+AenM) bij groepering begroting en categorie. soort=saldo is uitgaven min ontvangsten. Eén platte regel per groep en jaar.")
            .MetValidatie<TotalenQuery>();
        return group;
    }

    private sealed record Groep(string Begroting, int? Artikel, string? Omschrijving, string? Categorie, int Volgorde);

    internal static LijstResultaat<TotaalRegel> GetTotalen([AsParameters] TotalenQuery query, BudgetDb db, Catalogus catalogus)
    {
        var standen = Standkeuzes.Meer(catalogus, Queryregels.Begrotingen(query.Begroting, catalogus), query.Begrotingsjaar, query.Fase).Standen;
        var begrotingen = standen.Select(s => s.Begroting).ToList();
        var soort = Queryregels.Canoniek(query.Soort, Queryregels.SoortenMetSaldo) ?? "uitgaven";
        var groepering = Queryregels.Canoniek(query.Groepering, TotalenQueryValidator.Groeperingen) ?? "begroting";
        var (eersteJaar, laatsteJaar) = Standkeuzes.Jaren(standen) ?? (standen[0].Begrotingsjaar, standen[0].Begrotingsjaar);
        var vanJaar = query.VanJaar ?? eersteJaar;
        var totJaar = query.TotJaar ?? laatsteJaar;

        string[] soorten = soort == "saldo" ? ["uitgaven", "ontvangsten"] : [soort];
        // Only article lines: their parts (waarvan lines, lines of a budgettaire tabel) are in them and would be counted twice.
        var regels = db.LeesRegelbedragen(standen, soorten, alleenArtikelen: true);

        var consolideren = begrotingen.Count > 1 && groepering != "artikel";
        var geconsolideerd = string.Join("+", begrotingen.Select(b => b.Code));
        var volgordeBegroting = begrotingen.Select((b, i) => (b.Code, i)).ToDictionary(x => x.Code, x => x.i);
        var standVan = standen.ToDictionary(s => s.Begroting.Code);
        (string Hoofdstuk, string Fase) Kop(string begroting) => begroting == geconsolideerd && consolideren
            ? (string.Join("+", begrotingen.Select(b => b.Hoofdstuk)), string.Join("+", standen.Select(s => s.Fase).Distinct()))
            : (standVan[begroting].Begroting.Hoofdstuk, standVan[begroting].Fase);
        var begrotingsjaar = standen[0].Begrotingsjaar;

        // Each article line belongs to its own budget's group, and to the consolidated group where there is one.
        IEnumerable<(Groep Groep, Regelbedrag Regel)> Indelen(Regelbedrag r)
        {
            yield return (Sleutel(r, r.Begroting, volgordeBegroting[r.Begroting]), r);
            if (consolideren) yield return (Sleutel(r, geconsolideerd, begrotingen.Count), r);
        }
        Groep Sleutel(Regelbedrag r, string begroting, int volgorde) => groepering switch
        {
            "artikel" => new Groep(begroting, (int)r.Artikel, null, null, volgorde),
            "categorie" => new Groep(begroting, null, null, r.Categorie, volgorde),
            _ => new Groep(begroting, null, null, null, volgorde),
        };

        var rijen = new List<TotaalRegel>();
        var groepen = regels.SelectMany(Indelen).GroupBy(x => x.Groep, x => x.Regel)
            .OrderBy(g => g.Key.Volgorde).ThenBy(g => g.Key.Artikel).ThenBy(g => g.Key.Categorie, StringComparer.Ordinal);
        foreach (var groep in groepen)
        {
            // One printed line per (begroting, soort, artikel); its amounts keyed by year.
            var lijnen = groep.GroupBy(r => (r.Begroting, r.Soort, r.Artikel)).ToList();
            var eerste = lijnen[0].First();
            var uitgavenLijn = lijnen.FirstOrDefault(l => l.Key.Soort == "uitgaven")?.First() ?? eerste;
            var bedragen = new Dictionary<int, long?>();
            for (var jaar = eersteJaar; jaar <= laatsteJaar; jaar++)
            {
                bedragen[jaar] = Som(lijnen, jaar, soort == "saldo");
            }
            long? Bedrag(int jaar) => bedragen.TryGetValue(jaar, out var b) ? b : null;
            var meerjarig = Enumerable.Range(vanJaar, totJaar - vanJaar + 1).Aggregate((long?)0, (som, j) => som + Bedrag(j));
            var groei = Rekenen.GemiddeldeGroeiProcent(Bedrag(vanJaar), Bedrag(totJaar), totJaar - vanJaar);
            var bronTabel = string.Join("; ", groep.Select(r => r.BronTabel).Distinct());
            IReadOnlyList<int> bronRegels = [.. groep.Select(r => (int)r.BronRegel).Distinct().Order()];
            for (var jaar = vanJaar; jaar <= totJaar; jaar++)
            {
                // The previous year counts where the data has it, also before vanJaar (vanJaar=2027 compares with 2026).
                var vorig = Bedrag(jaar - 1);
                var (hoofdstuk, fase) = Kop(groep.Key.Begroting);
                rijen.Add(new TotaalRegel(
                    groep.Key.Begroting, hoofdstuk, begrotingsjaar, fase, soort, groepering,
                    groep.Key.Artikel,
                    groepering == "artikel" ? uitgavenLijn.Omschrijving : null,
                    groepering == "begroting" ? null : eerste.Categorie,
                    jaar, Bedrag(jaar), Bedrag(jaar) - vorig, Rekenen.MutatieProcent(Bedrag(jaar), vorig),
                    vanJaar, totJaar, meerjarig, groei, lijnen.Count, bronTabel, bronRegels));
            }
        }

        return new LijstResultaat<TotaalRegel>(new Lijst<TotaalRegel>(rijen, StandVerwijzing.Metadata(standen, rijen.Count, Rekenen.Afronding)), "totalen");
    }

    /// <summary>
    /// The group's amount in one year; for saldo the ontvangsten lines count minus (uitgaven − ontvangsten, never added).
    /// A blank on any line makes the sum unknown (null): a sum with an unknown part is not a sum. A year a line has no row for is blank too.
    /// </summary>
    private static long? Som(IEnumerable<IGrouping<(string Begroting, string Soort, long Artikel), Regelbedrag>> lijnen, int jaar, bool saldo)
    {
        long som = 0;
        foreach (var lijn in lijnen)
        {
            var bedrag = lijn.FirstOrDefault(r => r.Jaar == jaar)?.Bedrag;
            if (bedrag is null) return null;
            som += saldo && lijn.Key.Soort == "ontvangsten" ? -bedrag.Value : bedrag.Value;
        }
        return som;
    }
}
