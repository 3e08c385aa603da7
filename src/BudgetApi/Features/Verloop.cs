using System.ComponentModel;
using BudgetApi.Domein;
using BudgetApi.Http;
using BudgetApi.Opslag;
using FluentValidation;

namespace BudgetApi.Features;

/// <summary>Eén regel (of het totaal van een begroting) in één begrotingsjaar, in de gekozen fase: één punt van het verloop over de jaren.</summary>
/// <param name="Begrotingsjaar">Het begrotingsjaar; het bedrag is dat van dit jaar zelf.</param>
/// <param name="Begroting">Code van de begroting waar de regel dat jaar staat (na een verhuizing uit de was-wordt-tabel een andere dan gevraagd).</param>
/// <param name="Hoofdstuk">Hoofdstuk van die begroting.</param>
/// <param name="BegrotingNaam">De huidige naam van die begroting.</param>
/// <param name="BegrotingNaamZoalsGepubliceerd">De naam van de begroting zoals de stand van dat jaar hem drukt; leeg zonder stand.</param>
/// <param name="Stand">Id van de stand (zie /standen/{id}); leeg als de data die stand niet heeft.</param>
/// <param name="Fase">De fase van de reeks.</param>
/// <param name="Soort">verplichtingen, uitgaven of ontvangsten.</param>
/// <param name="Artikel">Artikelnummer dat jaar (na een verhuizing het nummer daar); leeg voor het totaal van de begroting.</param>
/// <param name="Pad">Het pad van het gevraagde deel onder het artikel (' > '); leeg voor een artikel of totaal.</param>
/// <param name="Omschrijving">De huidige naam: zoals gedrukt in het laatste jaar waarin de regel staat.</param>
/// <param name="OmschrijvingZoalsGepubliceerd">De naam zoals gedrukt in dit jaar; leeg als de regel dat jaar niet gedrukt is.</param>
/// <param name="Bedrag">Bedrag in het begrotingsjaar zelf (x € 1.000); leeg zonder stand, zonder regel of zonder gedrukt bedrag (nooit 0).</param>
/// <param name="Aanwezigheid">gedrukt (de regel staat in de stand), verhuisd (gevolgd naar een andere begroting of een ander nummer via de was-wordt-tabel), geen-stand (de data heeft die stand niet: een gat in de reeks) of breuk (de stand heeft de regel niet en geen regel van de was-wordt-tabel verklaart dat).</param>
/// <param name="Overgang">In woorden: de verhuizing die gevolgd is, de breuk, of wat een totaal dat jaar meer of minder omvat dan in andere jaren; anders leeg.</param>
/// <param name="BronRegel">Regel in het bronbestand van de stand; leeg zonder regel.</param>
public sealed record VerloopRegel(
    int Begrotingsjaar, string Begroting, string Hoofdstuk, string BegrotingNaam, string? BegrotingNaamZoalsGepubliceerd, string? Stand, string Fase, string Soort,
    int? Artikel, [property: Pad] string Pad, string Omschrijving, string? OmschrijvingZoalsGepubliceerd, long? Bedrag, string Aanwezigheid, string? Overgang, int? BronRegel);

public sealed record VerloopQuery
{
    [Description("Code van de begroting of zijn hoofdstuk (verplicht): waar het artikel nu staat, of stond. Bijvoorbeeld: JenV")]
    [System.ComponentModel.DataAnnotations.Required]
    public string? Begroting { get; init; }

    [Description("Artikelnummer; zonder: het totaal van de begroting (de som van de artikelregels). Bijvoorbeeld: 31")]
    public int? Artikel { get; init; }

    [Description("Alleen deze regel onder het artikel: het pad met de eigen omschrijving, gescheiden door ' > ' (zoals /standenreeks). Vraagt artikel.")]
    public string? Regel { get; init; }

    [Description("De fase van elk begrotingsjaar: ontwerpbegroting, vastgestelde-begroting, 1e-suppletoire, september-suppletoire, 2e-suppletoire, jaarverslag of slotwet. " +
                 "Standaard: de fase die de meeste begrotingsjaren van de begroting hebben (bij gelijk aantal de eerste in de cyclus). Bijvoorbeeld: ontwerpbegroting")]
    public string? Fase { get; init; }

    [Description("verplichtingen, uitgaven of ontvangsten. Standaard: uitgaven.")]
    [DefaultValue("uitgaven")]
    public string? Soort { get; init; }
}

public sealed class VerloopQueryValidator : AbstractValidator<VerloopQuery>
{
    public VerloopQueryValidator(Catalogus catalogus)
    {
        RuleFor(q => q.Begroting).VerplichteBegroting(catalogus);
        RuleFor(q => q.Soort).BekendeWaarde("soort", Queryregels.Soorten);
        RuleFor(q => q.Fase).BekendeWaarde("fase", Begrotingscodes.Fasen);
        RuleFor(q => q.Regel).RegelOnderArtikel(q => q.Artikel);
        RuleFor(q => q).Custom((q, context) =>
        {
            if (catalogus.ZoekBegroting(q.Begroting) is { } begroting && Standkeuzes.FaseFout(catalogus, begroting, q.Fase) is { } fout) context.AddFailure("fase", fout);
        });
    }
}

/// <summary>
/// GET /v1/verloop: one line's amount per begrotingsjaar at one fase. Where the was → wordt table moves the artikel to (or from) another
/// begroting or number, the series follows it (<see cref="WasWordtEndpoints.Volg"/>) and says so; where a stand lacks the line and no
/// move explains it, the year is a named break; where the data has no stand, the year is a gap. Never silently joined.
/// </summary>
public static class VerloopEndpoints
{
    public const string Gedrukt = "gedrukt";
    public const string Verhuisd = "verhuisd";
    public const string GeenStand = "geen-stand";
    public const string Breuk = "breuk";

    /// <summary>The values of 'aanwezigheid'.</summary>
    public static readonly IReadOnlyList<string> Aanwezigheden = [Gedrukt, Verhuisd, GeenStand, Breuk];

    public static RouteGroupBuilder MapVerloop(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/verloop").WithTags("Mutaties");
        group.MapGet("", GetVerloop)
            .WithName("GetVerloop")
            .WithSummary("Eén regel over de begrotingsjaren heen, in één fase")
            .WithDescription("Per begrotingsjaar het bedrag van dat jaar in de stand van de gekozen fase: van een artikel, een regel eronder, of (zonder artikel) " +
                             "het totaal van de begroting. Waar de was-wordt-tabel (/was-wordt) een verhuizing noemt, volgt de reeks het artikel naar zijn andere " +
                             "begroting of nummer (aanwezigheid verhuisd); waar een stand de regel mist zonder zo'n verhuizing is het jaar een breuk, waar de data " +
                             "de stand niet heeft een gat (geen-stand). Elk jaar draagt de naam zoals toen gedrukt naast de huidige naam.")
            .MetValidatie<VerloopQuery>();
        return group;
    }

    /// <summary>The fase most begrotingsjaren of the begroting have, the first in the cycle on a tie.</summary>
    internal static string Standaardfase(Catalogus catalogus, Begroting begroting) =>
        catalogus.StandenVan(begroting).GroupBy(s => s.Fase)
            .OrderByDescending(g => g.Count()).ThenBy(g => Begrotingscodes.Volgorde(g.Key)).First().Key;

    static LijstResultaat<VerloopRegel> GetVerloop([AsParameters] VerloopQuery query, BudgetDb db, Catalogus catalogus)
    {
        var begroting = catalogus.ZoekBegroting(query.Begroting)!;
        var fase = Queryregels.Canoniek(query.Fase, Begrotingscodes.Fasen) ?? Standaardfase(catalogus, begroting);
        var soort = Queryregels.Canoniek(query.Soort, Queryregels.Soorten) ?? Begrotingscodes.Uitgaven;
        var rijen = Reeks(db, catalogus, begroting, query.Artikel, query.Regel, fase, soort);
        var standen = rijen.Where(r => r.Stand is not null).Select(r => catalogus.ZoekStand(r.Stand!)!).ToList();
        // The file name is the resource and the selection as asked (Bestandsnamen, one rule for every download).
        return new LijstResultaat<VerloopRegel>(new Lijst<VerloopRegel>(rijen, StandVerwijzing.Metadata(standen, rijen.Count)), "verloop");
    }

    internal static IReadOnlyList<VerloopRegel> Reeks(BudgetDb db, Catalogus catalogus, Begroting begroting, int? artikel, string? regel, string fase, string soort)
    {
        var tabel = WasWordtEndpoints.Lees(db);
        // The series spans the begrotingsjaren in which the line's begroting (followed through the table) has a stand of the fase.
        var jaren = catalogus.Standen.Where(s => s.Fase == fase).Select(s => s.Begrotingsjaar).Distinct()
            .Where(j => catalogus.ZoekStand(artikel is null ? begroting : catalogus.ZoekBegroting(WasWordtEndpoints.Volg(tabel, begroting.Hoofdstuk, artikel.Value, j).Hoofdstuk) ?? begroting, j, fase) is not null)
            .ToList();
        if (jaren.Count == 0) return [];
        var gevraagdRegel = regel is null ? null : MutatiesEndpoints.Normaal(string.Join(" > ", regel.Split('>', StringSplitOptions.TrimEntries)));

        var punten = new List<(int Jaar, Begroting Begroting, Stand? Stand, int? Artikel, string? Naam, long? Bedrag, string Aanwezigheid, string? Overgang, int? BronRegel)>();
        for (var jaar = jaren.Min(); jaar <= jaren.Max(); jaar++)
        {
            if (artikel is null)
            {
                var totaalStand = catalogus.ZoekStand(begroting, jaar, fase);
                if (totaalStand is null)
                {
                    punten.Add((jaar, begroting, null, null, null, null, GeenStand, $"geen stand: de data heeft geen {Begrotingscodes.FaseLabel(fase)} {jaar} van {begroting.Code}.", null));
                    continue;
                }
                var artikelen = db.LeesRegelbedragen([totaalStand], [soort], jaar: jaar, alleenArtikelen: true);
                // The sum of the artikel lines, as /totalen: a blank artikel makes the total unknown, never 0.
                var som = artikelen.Count == 0 ? null : artikelen.Aggregate((long?)0, (s, r) => s + r.Bedrag);
                punten.Add((jaar, begroting, totaalStand, null, $"Totaal {totaalStand.NaamZoalsGepubliceerd ?? begroting.Naam}", som, Gedrukt, Omvang(tabel, begroting, jaar, jaren), null));
                continue;
            }

            var (hoofdstuk, nummer, via) = WasWordtEndpoints.Volg(tabel, begroting.Hoofdstuk, artikel.Value, jaar);
            var waar = catalogus.ZoekBegroting(hoofdstuk) ?? begroting;
            var verhuizing = via.Count == 0 ? null : "verhuisd: " + string.Join("; ", via.Select(WasWordtEndpoints.Beschrijving)) + ".";
            var stand = catalogus.ZoekStand(waar, jaar, fase);
            if (stand is null)
            {
                punten.Add((jaar, waar, null, nummer, null, null, GeenStand,
                    $"geen stand: de data heeft geen {Begrotingscodes.FaseLabel(fase)} {jaar} van {waar.Code}." + (verhuizing is null ? "" : " " + verhuizing), null));
                continue;
            }
            var lijnen = db.LeesRegelbedragen([stand], [soort], nummer, jaar);
            var lijn = gevraagdRegel is null
                ? lijnen.FirstOrDefault(r => r.IsArtikel)
                : lijnen.FirstOrDefault(r => !r.IsArtikel && MutatiesEndpoints.Normaal(r.Pad.Length == 0 ? r.Omschrijving : r.Pad + " > " + r.Omschrijving) == gevraagdRegel);
            if (lijn is null)
            {
                var wat = gevraagdRegel is null ? $"artikel {nummer}" : $"de regel '{regel}' onder artikel {nummer}";
                punten.Add((jaar, waar, stand, nummer, null, null, Breuk,
                    $"breuk: {waar.Hoofdstuk} heeft in {stand.Label} geen {wat}, en geen regel van de was-wordt-tabel (/was-wordt) verklaart dat; niet verbonden met een ander artikel." +
                    (verhuizing is null ? "" : " " + verhuizing), null));
                continue;
            }
            punten.Add((jaar, waar, stand, nummer, lijn.Omschrijving, lijn.Bedrag, via.Count == 0 ? Gedrukt : Verhuisd, verhuizing, (int)lijn.BronRegel));
        }

        // Today's name: as printed in the latest year that prints the line.
        var huidig = punten.LastOrDefault(p => p.Naam is not null).Naam ?? (artikel is null ? $"Totaal {begroting.Naam}" : regel ?? $"artikel {artikel}");
        var pad = gevraagdRegel is null ? "" : string.Join(" > ", regel!.Split('>', StringSplitOptions.TrimEntries).SkipLast(1));
        return punten.Select(p => new VerloopRegel(p.Jaar, p.Begroting.Code, p.Begroting.Hoofdstuk, p.Begroting.Naam, p.Stand?.NaamZoalsGepubliceerd, p.Stand?.Sleutel.Id, fase, soort,
            p.Artikel, pad, huidig, p.Naam, p.Bedrag, p.Aanwezigheid, p.Overgang, p.BronRegel)).ToList();
    }

    /// <summary>
    /// What a begroting's total holds in one year that it does not hold in other years of the series, by the was → wordt table: an
    /// artikel that later moves out ("omvat …"), or that has moved out ("zonder …"). Null when the table says nothing for the years shown.
    /// </summary>
    private static string? Omvang(IReadOnlyList<WasWordtRegel> tabel, Begroting begroting, int jaar, IReadOnlyList<int> jaren)
    {
        var (eerste, laatste) = (jaren.Min(), jaren.Max());
        var delen = new List<string>();
        foreach (var v in tabel)
        {
            var uit = string.Equals(v.WasHoofdstuk, begroting.Hoofdstuk, StringComparison.OrdinalIgnoreCase);
            var erin = string.Equals(v.WordtHoofdstuk, begroting.Hoofdstuk, StringComparison.OrdinalIgnoreCase);
            if (uit && jaar <= v.WasLaatsteBegrotingsjaar && laatste >= v.WordtEersteBegrotingsjaar)
                delen.Add($"omvat {v.WasHoofdstuk} artikel {v.WasArtikel} {v.WasOmschrijving}, dat vanaf {v.WordtEersteBegrotingsjaar} {v.WordtHoofdstuk} artikel {v.WordtArtikel} {v.WordtOmschrijving} is");
            if (uit && jaar >= v.WordtEersteBegrotingsjaar && eerste <= v.WasLaatsteBegrotingsjaar)
                delen.Add($"zonder {v.WasHoofdstuk} artikel {v.WasArtikel} {v.WasOmschrijving}: vanaf {v.WordtEersteBegrotingsjaar} {v.WordtHoofdstuk} artikel {v.WordtArtikel} {v.WordtOmschrijving}");
            if (erin && jaar >= v.WordtEersteBegrotingsjaar && eerste <= v.WasLaatsteBegrotingsjaar)
                delen.Add($"omvat {v.WordtHoofdstuk} artikel {v.WordtArtikel} {v.WordtOmschrijving}, dat tot en met {v.WasLaatsteBegrotingsjaar} {v.WasHoofdstuk} artikel {v.WasArtikel} {v.WasOmschrijving} was");
        }
        return delen.Count == 0 ? null : "andere omvang: " + string.Join("; ", delen) + " (was-wordt-tabel, /was-wordt).";
    }
}
