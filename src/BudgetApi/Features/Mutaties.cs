using System.ComponentModel;
using System.Globalization;
using BudgetApi.Domein;
using BudgetApi.Http;
using BudgetApi.Opslag;
using FluentValidation;

namespace BudgetApi.Features;

/// <summary>Eén regel (of het totaal van de begroting) in één jaar in twee standen: de bedragen en de mutatie ertussen.</summary>
/// <param name="Begroting">Code van de begroting.</param>
/// <param name="Hoofdstuk">Hoofdstuk van de begroting.</param>
/// <param name="Soort">verplichtingen, uitgaven of ontvangsten.</param>
/// <param name="Artikel">Artikelnummer; leeg op de totaalregel van de begroting.</param>
/// <param name="Regelsoort">artikel, een niveau van de delen (waarvan, artikelonderdeel, …), of totaal (de som van de artikelregels van de begroting).</param>
/// <param name="Pad">De omschrijvingen van de regels boven dit deel, onder het artikel, gescheiden door ' > '.</param>
/// <param name="Omschrijving">Omschrijving zoals gedrukt (in de naar-stand, of de van-stand als de regel alleen daar staat).</param>
/// <param name="Jaar">Het jaar van de bedragen.</param>
/// <param name="Van">Id van de stand waarvandaan vergeleken wordt.</param>
/// <param name="Naar">Id van de stand waarnaartoe vergeleken wordt.</param>
/// <param name="BedragVan">Bedrag in de van-stand (x € 1.000); leeg als de regel daar ontbreekt of de bron geen bedrag geeft.</param>
/// <param name="BedragNaar">Bedrag in de naar-stand (x € 1.000); leeg als de regel daar ontbreekt of de bron geen bedrag geeft.</param>
/// <param name="Mutatie">bedragNaar − bedragVan (x € 1.000). Een regel die in één stand ontbreekt telt daar als 0, zodat de mutaties van de artikelen optellen tot die van de begroting; leeg als een bron geen bedrag geeft.</param>
/// <param name="MutatieProcent">Mutatie in procent van bedragVan (2 decimalen); leeg zonder bedragVan of als dat 0 is.</param>
/// <param name="Aanwezig">beide, alleen-van of alleen-naar: in welke stand(en) de regel staat.</param>
/// <param name="BronRegelVan">Regel in het bronbestand van de van-stand.</param>
/// <param name="BronRegelNaar">Regel in het bronbestand van de naar-stand.</param>
/// <param name="Overgang">Alleen tussen standen van twee begrotingsjaren, bij een artikel (en zijn delen) dat in één van beide staat: de verhuizing uit de was-wordt-tabel (/was-wordt) waarmee het met hetzelfde beleid in de andere begroting vergeleken is, of de breuk die geen regel van die tabel verklaart. Anders leeg.</param>
public sealed record MutatieRegel(
    string Begroting, string Hoofdstuk, string Soort, int? Artikel, string Regelsoort, [property: Domein.Pad] string Pad, string Omschrijving, int Jaar,
    string Van, string Naar, long? BedragVan, long? BedragNaar, long? Mutatie, decimal? MutatieProcent, string Aanwezig,
    int? BronRegelVan, int? BronRegelNaar, string? Overgang = null);

public sealed record MutatiesQuery
{
    [Description("Code van de begroting of zijn hoofdstuk (verplicht, één begroting). Bijvoorbeeld: VI")]
    [System.ComponentModel.DataAnnotations.Required]
    public string? Begroting { get; init; }

    [Description("Begrotingsjaar van de standen. Standaard: het laatste begrotingsjaar van de begroting. Bijvoorbeeld: 2015")]
    public int? Begrotingsjaar { get; init; }

    [Description("De stand waarvandaan: een fase (ontwerpbegroting, vastgestelde-begroting, incidentele-suppletoire-1 … incidentele-suppletoire-12, 1e-suppletoire, september-suppletoire, 2e-suppletoire, jaarverslag, slotwet) in het begrotingsjaar, " +
                 "of begrotingsjaar-fase voor een stand van een ander begrotingsjaar (2014-jaarverslag). Standaard: de eerste fase van het begrotingsjaar. Bijvoorbeeld: ontwerpbegroting")]
    public string? Van { get; init; }

    [Description("De stand waarnaartoe, zoals van. Standaard: de laatste fase van het begrotingsjaar. Bijvoorbeeld: jaarverslag")]
    public string? Naar { get; init; }

    [Description("verplichtingen, uitgaven of ontvangsten. Standaard: uitgaven; verplichtingen alleen waar de bron ze geeft (de begrotingsstaten wel, het document niet): een stand zonder verplichtingen geeft een 400 die zegt welke begrotingsjaren ze hebben.")]
    [DefaultValue("uitgaven")]
    public string? Soort { get; init; }

    [Description("artikel: alleen de artikelregels; regel: elke regel op elke diepte (de artikelregels zijn dan de totalen per artikel). Standaard: artikel.")]
    [DefaultValue("artikel")]
    public string? Niveau { get; init; }

    [Description("Alleen dit jaar (binnen de jaren die beide standen hebben). Bijvoorbeeld: 2015")]
    public int? Jaar { get; init; }
}

public sealed class MutatiesQueryValidator : AbstractValidator<MutatiesQuery>
{
    public static readonly IReadOnlyList<string> Niveaus = ["artikel", "regel"];

    public MutatiesQueryValidator(Catalogus catalogus)
    {
        RuleFor(q => q.Begroting).VerplichteBegroting(catalogus);
        RuleFor(q => q.Soort).BekendeWaarde("soort", Queryregels.Soorten);
        RuleFor(q => q.Niveau).BekendeWaarde("niveau", Niveaus);
        RuleFor(q => q).Custom((q, context) =>
        {
            if (catalogus.ZoekBegroting(q.Begroting) is not { } begroting) return;
            var keuze = MutatiesEndpoints.Kies(catalogus, begroting, q);
            foreach (var fout in keuze.Fouten) context.AddFailure(fout.Name, fout.Reason);
            if (keuze.Fouten.Count == 0 && Standkeuzes.SoortFout(catalogus, q.Soort ?? Begrotingscodes.Uitgaven, [keuze.Van!, keuze.Naar!]) is { } soort) context.AddFailure("soort", soort);
            if (keuze.Fouten.Count > 0 || q.Jaar is null) return;
            var (van, tot) = keuze.Jaren!.Value;
            if (q.Jaar < van || q.Jaar > tot)
            {
                context.AddFailure("jaar", $"Het jaar {q.Jaar} ligt buiten de jaren die {keuze.Van!.Label} en {keuze.Naar!.Label} beide hebben; toegestaan: {van} tot en met {tot}.");
            }
        });
    }
}

public static class MutatiesEndpoints
{
    public const string Totaal = "totaal";
    public const string Beide = "beide";
    public const string AlleenVan = "alleen-van";
    public const string AlleenNaar = "alleen-naar";
    /// <summary>An artikel that moved to (or from) another begroting between the two begrotingsjaren: compared with itself there (data/was-wordt.csv).</summary>
    public const string Verhuisd = "verhuisd";

    /// <summary>In which stand(en) a line stands: the values of 'aanwezig'.</summary>
    public static readonly IReadOnlyList<string> Aanwezigheden = [Beide, AlleenVan, AlleenNaar, Verhuisd];

    /// <summary>The values of 'regelsoort': a level of a line, or the begroting's total.</summary>
    public static readonly IReadOnlyList<string> Regelsoorten = [.. Begrotingscodes.Niveaus, Totaal];

    public static RouteGroupBuilder MapMutaties(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/mutaties").WithTags("Mutaties");
        group.MapGet("", GetMutaties)
            .WithName("GetMutaties")
            .WithSummary("Mutaties tussen twee standen van een begroting")
            .WithDescription("Per regel en jaar het bedrag in elke stand en de mutatie, absoluut en in procent; regels die in één stand staan zijn gemarkeerd " +
                             "(aanwezig), en per jaar staat de totaalregel van de begroting erbij. van en naar zijn fasen in het begrotingsjaar, of standen van een " +
                             "ander begrotingsjaar (2014-jaarverslag): dan de jaren die beide standen hebben. Bijvoorbeeld VI 2015 van ontwerpbegroting naar jaarverslag.")
            .MetValidatie<MutatiesQuery>();
        return group;
    }

    /// <summary>The two standen a query means, the years both cover, or what is wrong.</summary>
    internal sealed record Keuze(Stand? Van, Stand? Naar, (int Van, int Tot)? Jaren, IReadOnlyList<OngeldigeParameter> Fouten);

    internal static Keuze Kies(Catalogus catalogus, Begroting begroting, MutatiesQuery q)
    {
        var fouten = new List<OngeldigeParameter>();
        var jaren = catalogus.Begrotingsjaren(begroting);
        if (jaren.Count == 0) return new Keuze(null, null, null, [new("begroting", $"Begroting {begroting.Code} heeft geen standen in de data.")]);
        var jaar = q.Begrotingsjaar ?? jaren[^1];
        if (!jaren.Contains(jaar))
        {
            return new Keuze(null, null, null, [new("begrotingsjaar", $"Begroting {begroting.Code} heeft geen stand in begrotingsjaar {jaar}; beschikbaar: {string.Join(", ", jaren)}.")]);
        }
        var fasen = catalogus.Fasen(begroting, jaar);
        var van = Stand(catalogus, begroting, jaar, q.Van ?? fasen[0], "van", fouten);
        var naar = Stand(catalogus, begroting, jaar, q.Naar ?? fasen[^1], "naar", fouten);
        if (van is null || naar is null) return new Keuze(null, null, null, fouten);
        var gemeen = (Van: Math.Max(van.VanJaar ?? int.MaxValue, naar.VanJaar ?? int.MaxValue), Tot: Math.Min(van.TotJaar ?? int.MinValue, naar.TotJaar ?? int.MinValue));
        if (gemeen.Van > gemeen.Tot)
        {
            fouten.Add(new("naar", $"{van.Label} ({van.VanJaar}-{van.TotJaar}) en {naar.Label} ({naar.VanJaar}-{naar.TotJaar}) hebben geen jaar gemeen."));
            return new Keuze(null, null, null, fouten);
        }
        return new Keuze(van, naar, gemeen, fouten);
    }

    /// <summary>A stand named as a fase of the begrotingsjaar, or as begrotingsjaar-fase.</summary>
    private static Stand? Stand(Catalogus catalogus, Begroting begroting, int begrotingsjaar, string tekst, string parameter, List<OngeldigeParameter> fouten)
    {
        var delen = tekst.Split('-', 2);
        var jaar = begrotingsjaar;
        var fase = tekst;
        if (delen.Length == 2 && delen[0].Length == 4 && int.TryParse(delen[0], NumberStyles.None, CultureInfo.InvariantCulture, out var anderJaar))
        {
            jaar = anderJaar;
            fase = delen[1];
        }
        var canoniek = Queryregels.Canoniek(fase, Begrotingscodes.Fasen);
        if (canoniek is null)
        {
            fouten.Add(new(parameter, $"'{tekst}' voor {parameter} is geen stand; geef een fase ({string.Join(", ", Begrotingscodes.Fasen)}) of begrotingsjaar-fase (2014-jaarverslag)."));
            return null;
        }
        var stand = catalogus.ZoekStand(begroting, jaar, canoniek);
        if (stand is null)
        {
            var beschikbaar = catalogus.StandenVan(begroting).Select(s => s.Begrotingsjaar == begrotingsjaar ? s.Fase : $"{s.Begrotingsjaar}-{s.Fase}");
            fouten.Add(new(parameter, $"Begroting {begroting.Code} heeft geen stand {Begrotingscodes.FaseLabel(canoniek)} {jaar}; beschikbaar: {string.Join(", ", beschikbaar)}."));
        }
        return stand;
    }

    internal static LijstResultaat<MutatieRegel> GetMutaties([AsParameters] MutatiesQuery query, BudgetDb db, Catalogus catalogus)
    {
        var begroting = catalogus.ZoekBegroting(query.Begroting)!;
        var keuze = Kies(catalogus, begroting, query);
        var soort = Queryregels.Canoniek(query.Soort, Queryregels.Soorten) ?? Begrotingscodes.Uitgaven;
        var alleenArtikelen = (Queryregels.Canoniek(query.Niveau, MutatiesQueryValidator.Niveaus) ?? "artikel") == "artikel";
        var rijen = Vergelijk(db, keuze.Van!, keuze.Naar!, soort, alleenArtikelen, keuze.Jaren!.Value, query.Jaar, catalogus);
        return new LijstResultaat<MutatieRegel>(
            new Lijst<MutatieRegel>(rijen, StandVerwijzing.Metadata([keuze.Van!, keuze.Naar!], rijen.Count, Rekenen.Afronding)), "mutaties");
    }

    /// <summary>
    /// The lines of two standen side by side per year: a line is the same line in both when its soort, artikel, level, path and
    /// description are (compared without regard to case and spacing), as when sources are merged.
    /// </summary>
    /// <remarks>
    /// With <paramref name="catalogus"/> and standen of two begrotingsjaren, an artikel in one of them only is looked up in the was → wordt
    /// table: where it moved to (or from) another begroting, its line there is the other side of the comparison (aanwezig verhuisd), so the
    /// same policy is compared with the same policy; where no entry covers it, its rows name the break (overgang). Never silently joined.
    /// </remarks>
    internal static IReadOnlyList<MutatieRegel> Vergelijk(BudgetDb db, Stand van, Stand naar, string soort, bool alleenArtikelen, (int Van, int Tot) jaren, int? alleenJaar,
        Catalogus? catalogus = null)
    {
        var regelsVan = Lees(db, van, soort, alleenArtikelen);
        var regelsNaar = Lees(db, naar, soort, alleenArtikelen);
        var overgangen = catalogus is not null && van.Begrotingsjaar != naar.Begrotingsjaar
            ? Overgangen(db, catalogus, van, naar, soort, regelsVan, regelsNaar) : new Dictionary<long, Overgang>();
        // Each artikel's lines together, the artikel line first, then its parts in the order printed (a line new in naar among them).
        var sleutels = regelsVan.Concat(regelsNaar.Where(k => !regelsVan.ContainsKey(k.Key)))
            .OrderBy(k => k.Value.Artikel).ThenBy(k => k.Value.Niveau != Begrotingscodes.NiveauArtikel).ThenBy(k => k.Value.Volgorde)
            .Select(k => k.Key).ToList();
        var rijen = new List<MutatieRegel>();
        for (var jaar = jaren.Van; jaar <= jaren.Tot; jaar++)
        {
            if (alleenJaar is not null && jaar != alleenJaar) continue;
            var perJaar = new List<MutatieRegel>();
            foreach (var sleutel in sleutels)
            {
                var a = regelsVan.GetValueOrDefault(sleutel);
                var b = regelsNaar.GetValueOrDefault(sleutel);
                var kop = (b ?? a)!;
                var overgang = a is null || b is null ? overgangen.GetValueOrDefault(kop.Artikel) : null;
                if (overgang?.Opgenomen == true) continue;  // compared on its counterpart's row, under the number it had or gets
                if (overgang?.Elders is { } elders && kop.Niveau == Begrotingscodes.NiveauArtikel)
                {
                    a ??= elders;
                    b ??= elders;
                }
                var bedragVan = a?.Bedragen.GetValueOrDefault(jaar);
                var bedragNaar = b?.Bedragen.GetValueOrDefault(jaar);
                var aanwezig = a is null ? AlleenNaar : b is null ? AlleenVan : overgang?.Elders is not null && kop.Niveau == Begrotingscodes.NiveauArtikel ? Verhuisd : Beide;
                perJaar.Add(new MutatieRegel(kop.Begroting, kop.Hoofdstuk, soort, (int)kop.Artikel, kop.Niveau, kop.Pad, kop.Omschrijving, jaar, van.Sleutel.Id, naar.Sleutel.Id,
                    bedragVan, bedragNaar, Mutatie(a is null ? 0 : bedragVan, b is null ? 0 : bedragNaar), Rekenen.MutatieProcent(bedragNaar, bedragVan),
                    aanwezig, (int?)a?.BronRegel, (int?)b?.BronRegel, overgang?.Tekst));
            }
            // The begroting's total: the sum of the artikel lines of each stand; a blank artikel makes it unknown, like /totalen.
            var artikelen = perJaar.Where(r => r.Regelsoort == Begrotingscodes.NiveauArtikel).ToList();
            long? Som(IEnumerable<(bool Staat, long? Bedrag)> bedragen) => bedragen.Where(x => x.Staat).Aggregate((long?)0, (som, x) => som + x.Bedrag);
            var totaalVan = Som(artikelen.Select(r => (r.Aanwezig != AlleenNaar, r.BedragVan)));
            var totaalNaar = Som(artikelen.Select(r => (r.Aanwezig != AlleenVan, r.BedragNaar)));
            rijen.Add(new MutatieRegel(van.Begroting.Code, van.Begroting.Hoofdstuk, soort, null, Totaal, "", $"Totaal {van.Begroting.Naam}", jaar, van.Sleutel.Id, naar.Sleutel.Id,
                totaalVan, totaalNaar, Mutatie(totaalVan, totaalNaar), Rekenen.MutatieProcent(totaalNaar, totaalVan), Beide, null, null));
            rijen.AddRange(perJaar);
        }
        return rijen;
    }

    private static long? Mutatie(long? van, long? naar) => naar - van;

    /// <summary>What the was → wordt table says about an artikel that stands in one of two standen of different begrotingsjaren only.</summary>
    /// <param name="Tekst">The move or the break, in words (the row's overgang).</param>
    /// <param name="Elders">The artikel's line in the other begroting's stand, where it moved and that stand exists: the other side of the comparison.</param>
    /// <param name="Opgenomen">This artikel is the counterpart of a move within the same begroting (a new number): compared on the other's row.</param>
    private sealed record Overgang(string Tekst, Lijn? Elders, bool Opgenomen = false);

    private static Dictionary<long, Overgang> Overgangen(BudgetDb db, Catalogus catalogus, Stand van, Stand naar, string soort,
        Dictionary<string, Lijn> regelsVan, Dictionary<string, Lijn> regelsNaar)
    {
        var tabel = WasWordtEndpoints.Lees(db);
        var artikelenVan = regelsVan.Values.Where(l => l.Niveau == Begrotingscodes.NiveauArtikel).Select(l => l.Artikel).ToHashSet();
        var artikelenNaar = regelsNaar.Values.Where(l => l.Niveau == Begrotingscodes.NiveauArtikel).Select(l => l.Artikel).ToHashSet();
        var (vroeg, laat) = van.Begrotingsjaar < naar.Begrotingsjaar ? (van, naar) : (naar, van);
        var uitkomst = new Dictionary<long, Overgang>();

        // The artikel line of another begroting's stand of the same begrotingsjaar and fase as one of the two.
        Lijn? Elders(string hoofdstuk, int artikel, Stand zoals) =>
            catalogus.ZoekBegroting(hoofdstuk) is { } begroting && catalogus.ZoekStand(begroting, zoals.Begrotingsjaar, zoals.Fase) is { } stand
                ? (stand == zoals ? (zoals == van ? regelsVan : regelsNaar) : Lees(db, stand, soort, alleenArtikelen: true)).Values
                    .FirstOrDefault(l => l.Niveau == Begrotingscodes.NiveauArtikel && l.Artikel == artikel)
                : null;

        foreach (var artikel in artikelenVan.Except(artikelenNaar).Select(a => (Artikel: a, Stand: van, Ander: naar))
                     .Concat(artikelenNaar.Except(artikelenVan).Select(a => (Artikel: a, Stand: naar, Ander: van))))
        {
            if (uitkomst.GetValueOrDefault(artikel.Artikel)?.Opgenomen == true) continue;
            var hoofdstuk = artikel.Stand.Begroting.Hoofdstuk;
            var vooruit = artikel.Stand == vroeg;  // the artikel is in the earlier stand: did it move away? Else: did it come from elsewhere?
            var regel = tabel.FirstOrDefault(v => vooruit
                ? v.WasHoofdstuk == hoofdstuk && v.WasArtikel == artikel.Artikel && v.WasLaatsteBegrotingsjaar >= vroeg.Begrotingsjaar && v.WordtEersteBegrotingsjaar <= laat.Begrotingsjaar
                : v.WordtHoofdstuk == hoofdstuk && v.WordtArtikel == artikel.Artikel && v.WordtEersteBegrotingsjaar <= laat.Begrotingsjaar && v.WasLaatsteBegrotingsjaar >= vroeg.Begrotingsjaar);
            if (regel is null)
            {
                uitkomst[artikel.Artikel] = new Overgang($"breuk: {hoofdstuk} artikel {artikel.Artikel} staat niet in {artikel.Ander.Label}, en geen regel van de was-wordt-tabel (/was-wordt) " +
                    "verklaart dat; niet vergeleken met een artikel van een andere begroting.", null);
                continue;
            }
            var (andereHoofdstuk, andereArtikel) = vooruit ? (regel.WordtHoofdstuk, regel.WordtArtikel) : (regel.WasHoofdstuk, regel.WasArtikel);
            var beschrijving = WasWordtEndpoints.Beschrijving(regel);
            var elders = Elders(andereHoofdstuk, andereArtikel, artikel.Ander);
            if (elders is null)
            {
                uitkomst[artikel.Artikel] = new Overgang($"verhuisd: {beschrijving}. {andereHoofdstuk} heeft geen {artikel.Ander.Label} met artikel {andereArtikel}: niet vergeleken.", null);
                continue;
            }
            uitkomst[artikel.Artikel] = new Overgang($"verhuisd: {beschrijving}. Vergeleken met {andereHoofdstuk} artikel {andereArtikel} in {artikel.Ander.Label}.", elders);
            // A new number within the same begroting: the counterpart's own row would count the same money a second time.
            if (andereHoofdstuk == artikel.Ander.Begroting.Hoofdstuk) uitkomst[andereArtikel] = new Overgang("", null, Opgenomen: true);
        }
        return uitkomst;
    }

    /// <summary>A stand's lines of one soort, by their identity, in the order loaded, with their amounts per year.</summary>
    private static Dictionary<string, Lijn> Lees(BudgetDb db, Stand stand, string soort, bool alleenArtikelen)
    {
        var lijnen = new Dictionary<string, Lijn>(StringComparer.Ordinal);
        foreach (var r in db.LeesRegelbedragen([stand], [soort], alleenArtikelen: alleenArtikelen).OrderBy(r => r.Artikel).ThenBy(r => !r.IsArtikel).ThenBy(r => r.BronRegel).ThenBy(r => r.RegelId))
        {
            var sleutel = Sleutel(r);
            if (!lijnen.TryGetValue(sleutel, out var lijn))
            {
                lijn = new Lijn(r.Begroting, r.Hoofdstuk, r.Artikel, r.Niveau, r.Pad, r.Omschrijving, r.BronRegel, lijnen.Count, []);
                lijnen[sleutel] = lijn;
            }
            lijn.Bedragen[(int)r.Jaar] = r.Bedrag;
        }
        return lijnen;
    }

    /// <summary>An artikel is the same artikel by its number whatever its name (names change between years and sources); a part by its path and name.</summary>
    private static string Sleutel(Regelbedrag r) => r.IsArtikel
        ? r.Artikel.ToString(CultureInfo.InvariantCulture)
        : string.Join('\u001f', r.Artikel.ToString(CultureInfo.InvariantCulture), r.Niveau, Normaal(r.Pad), Normaal(r.Omschrijving));

    /// <summary>The identity of a compared row, by the same rule as <see cref="Sleutel(Regelbedrag)"/> (the begroting's total is its own): /standenreeks joins the comparisons of neighbouring standen by it.</summary>
    internal static string Sleutel(MutatieRegel r) => r.Regelsoort == Totaal ? Totaal
        : r.Regelsoort == Begrotingscodes.NiveauArtikel ? r.Artikel!.Value.ToString(CultureInfo.InvariantCulture)
        : string.Join('\u001f', r.Artikel!.Value.ToString(CultureInfo.InvariantCulture), r.Regelsoort, Normaal(r.Pad), Normaal(r.Omschrijving));

    internal static string Normaal(string tekst) => string.Join(' ', tekst.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    private sealed record Lijn(string Begroting, string Hoofdstuk, long Artikel, string Niveau, string Pad, string Omschrijving, long BronRegel, int Volgorde, Dictionary<int, long?> Bedragen);
}
