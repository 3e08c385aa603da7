using System.ComponentModel;
using BudgetApi.Domein;
using BudgetApi.Http;
using BudgetApi.Opslag;
using FluentValidation;

namespace BudgetApi.Features;

/// <summary>Het bedrag van een regel in één stand van de reeks, en de mutatie ten opzichte van de stand ervoor.</summary>
/// <param name="Stand">Id van de stand (zie /standen/{id}).</param>
/// <param name="Fase">Fase van de stand.</param>
/// <param name="Bedrag">Bedrag in deze stand (x € 1.000); leeg als de regel hier ontbreekt of de bron geen bedrag geeft.</param>
/// <param name="Mutatie">Bedrag min het bedrag in de stand ervoor (x € 1.000), zoals /mutaties van die stand naar deze; leeg in de eerste stand en als een bron geen bedrag geeft.</param>
/// <param name="MutatieProcent">Mutatie in procent van het bedrag in de stand ervoor (2 decimalen); leeg zonder dat bedrag of als het 0 is.</param>
/// <param name="InStand">Of de regel in deze stand gedrukt is (een ontbrekende regel telt in de mutatie als 0).</param>
/// <param name="BronRegel">Regel in het bronbestand van deze stand; leeg als de regel hier ontbreekt.</param>
public sealed record Standbedrag(string Stand, string Fase, long? Bedrag, long? Mutatie, decimal? MutatieProcent, bool InStand, int? BronRegel);

/// <summary>Eén regel (of het totaal van de begroting) van één begrotingsjaar in alle standen van dat jaar naast elkaar, met de uitputting.</summary>
/// <param name="Begroting">Code van de begroting.</param>
/// <param name="Hoofdstuk">Hoofdstuk van de begroting.</param>
/// <param name="Begrotingsjaar">Het begrotingsjaar van de standen.</param>
/// <param name="Soort">verplichtingen, uitgaven of ontvangsten.</param>
/// <param name="Artikel">Artikelnummer; leeg op de totaalregel van de begroting.</param>
/// <param name="Regelsoort">artikel, een niveau van de delen (waarvan, artikelonderdeel, …), of totaal (de som van de artikelregels van de begroting).</param>
/// <param name="Pad">De omschrijvingen van de regels boven dit deel, onder het artikel, gescheiden door ' > '.</param>
/// <param name="Omschrijving">Omschrijving zoals gedrukt in de laatste stand waarin de regel staat.</param>
/// <param name="Jaar">Het jaar van de bedragen (standaard het begrotingsjaar zelf).</param>
/// <param name="Standen">Per stand van het begrotingsjaar, in de volgorde van de cyclus: het bedrag en de mutatie ten opzichte van de stand ervoor.</param>
/// <param name="BegrootFase">De stand waartegen de realisatie gemeten wordt, zoals /uitputting; leeg zonder jaarverslag.</param>
/// <param name="Begroot">Bedrag in die stand (x € 1.000).</param>
/// <param name="Realisatie">Bedrag in het jaarverslag (x € 1.000).</param>
/// <param name="Verschil">realisatie − begroot (x € 1.000), zoals /uitputting: negatief is onderuitputting.</param>
/// <param name="VerschilProcent">Verschil in procent van begroot (2 decimalen).</param>
/// <param name="Oordeel">onderuitputting, overuitputting of gelijk; leeg als een bedrag ontbreekt of er geen jaarverslag is.</param>
public sealed record StandenreeksRegel(
    string Begroting, string Hoofdstuk, int Begrotingsjaar, string Soort, int? Artikel, string Regelsoort, [property: Pad] string Pad, string Omschrijving, int Jaar,
    IReadOnlyList<Standbedrag> Standen, string? BegrootFase, long? Begroot, long? Realisatie, long? Verschil, decimal? VerschilProcent, string? Oordeel);

/// <summary>The flat form of the reeks (CSV, Excel): one row per line and stand, the line's uitputting on each of its rows.</summary>
public sealed record StandenreeksPlat(
    string Begroting, string Hoofdstuk, int Begrotingsjaar, string Soort, int? Artikel, string Regelsoort, [property: Pad] string Pad, string Omschrijving, int Jaar,
    string Stand, string Fase, long? Bedrag, long? Mutatie, decimal? MutatieProcent, bool InStand, int? BronRegel,
    string? BegrootFase, long? Begroot, long? Realisatie, long? Verschil, decimal? VerschilProcent, string? Oordeel);

public sealed record StandenreeksQuery : IGepagineerd
{
    [Description("Code van de begroting of zijn hoofdstuk (verplicht, één begroting). Bijvoorbeeld: VI")]
    [System.ComponentModel.DataAnnotations.Required]
    public string? Begroting { get; init; }

    [Description("Begrotingsjaar van de standen. Standaard: het laatste begrotingsjaar van de begroting. Bijvoorbeeld: 2015")]
    public int? Begrotingsjaar { get; init; }

    [Description("verplichtingen, uitgaven of ontvangsten. Standaard: uitgaven.")]
    [DefaultValue("uitgaven")]
    public string? Soort { get; init; }

    [Description("Alleen dit artikel en zijn delen (zonder de totaalregel van de begroting). Bijvoorbeeld: 31")]
    public int? Artikel { get; init; }

    [Description("Alleen deze regel onder het artikel en zijn delen: het pad van de regel met zijn eigen omschrijving, gescheiden door ' > ' " +
                 "(zoals pad en omschrijving in /bedragen; hoofdletters en spaties maken niet uit). Vraagt artikel; niveau is dan regel. " +
                 "Bijvoorbeeld: Bekostiging nationale politie > Bijdrage aan ZBO’s/RWT’s")]
    public string? Regel { get; init; }

    [Description("artikel: alleen de artikelregels; regel: elke regel op elke diepte. Standaard: artikel (met regel: regel).")]
    [DefaultValue("artikel")]
    public string? Niveau { get; init; }

    [Description("Het jaar van de bedragen. Standaard: het begrotingsjaar. Alleen de standen die dat jaar hebben staan in de reeks. Bijvoorbeeld: 2015")]
    public int? Jaar { get; init; }

    [Description(Bladeren.PaginaUitleg)]
    [DefaultValue(1)]
    public int? Pagina { get; init; }

    [Description(Bladeren.PaginaGrootteUitleg)]
    [DefaultValue(Bladeren.StandaardPaginaGrootte)]
    public int? PaginaGrootte { get; init; }
}

public sealed class StandenreeksQueryValidator : AbstractValidator<StandenreeksQuery>
{
    public StandenreeksQueryValidator(Catalogus catalogus, BudgetDb db)
    {
        RuleFor(q => q.Begroting).VerplichteBegroting(catalogus);
        RuleFor(q => q.Soort).BekendeWaarde("soort", Queryregels.Soorten);
        RuleFor(q => q.Niveau).BekendeWaarde("niveau", MutatiesQueryValidator.Niveaus);
        RuleFor(q => q.Regel).RegelOnderArtikel(q => q.Artikel);
        RuleFor(q => q).Custom((q, context) =>
        {
            if (catalogus.ZoekBegroting(q.Begroting) is not { } begroting) return;
            var keuze = StandenreeksEndpoints.Kies(catalogus, begroting, q.Begrotingsjaar, q.Jaar);
            if (keuze.Fout is { } fout)
            {
                context.AddFailure(fout.Name, fout.Reason);
                return;
            }
            if (q.Artikel is { } artikel)
            {
                var artikelen = BedragenEndpoints.Artikelen(db, keuze.Standen);
                if (!artikelen.Contains(artikel))
                {
                    context.AddFailure("artikel", $"Er is geen artikel {artikel} in de standen van {begroting.Code} {keuze.Standen[0].Begrotingsjaar}; toegestaan: {string.Join(", ", artikelen)}.");
                }
            }
        });
        this.PaginaRegels();
    }
}

/// <summary>
/// GET /v1/standenreeks: every stand of one begrotingsjaar side by side (ontwerpbegroting → vastgestelde → suppletoire → jaarverslag,
/// the standen the data has), per line. Built from the comparisons of neighbouring standen that /mutaties makes (one rule for which
/// lines are the same line and what a mutatie is) and from /uitputting's choice of the stand the realisatie is measured against.
/// </summary>
public static class StandenreeksEndpoints
{
    public static RouteGroupBuilder MapStandenreeks(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/standenreeks").WithTags("Mutaties");
        group.MapGet("", GetStandenreeks)
            .WithName("GetStandenreeks")
            .WithSummary("Alle standen van een begrotingsjaar naast elkaar, per regel")
            .WithDescription("Per regel (de totaalregel van de begroting, de artikelen, en met niveau=regel elk deel op elke diepte) het bedrag in elke stand " +
                             "van het begrotingsjaar die de data heeft, in de volgorde van de cyclus, met de mutatie ten opzichte van de stand ervoor (zoals /mutaties) " +
                             "en de uitputting: realisatie tegen de laatste begrotingsstand (zoals /uitputting). Filter op artikel en op een regel eronder; " +
                             "blader met pagina en paginaGrootte. In CSV en Excel één rij per regel en stand. Bijvoorbeeld VI artikel 31 in 2015.")
            .MetValidatie<StandenreeksQuery>();
        return group;
    }

    internal sealed record Keuze(IReadOnlyList<Stand> Standen, int Jaar, OngeldigeParameter? Fout);

    /// <summary>The standen of the begrotingsjaar that have figures for the year, in the order of the cycle (the catalogue's order).</summary>
    internal static Keuze Kies(Catalogus catalogus, Begroting begroting, int? begrotingsjaar, int? jaar)
    {
        var jaren = catalogus.Begrotingsjaren(begroting);
        if (jaren.Count == 0) return new Keuze([], 0, new("begroting", $"Begroting {begroting.Code} heeft geen standen in de data."));
        var bjaar = begrotingsjaar ?? jaren[^1];
        if (!jaren.Contains(bjaar))
        {
            return new Keuze([], 0, new("begrotingsjaar", $"Begroting {begroting.Code} heeft geen stand in begrotingsjaar {bjaar}; beschikbaar: {string.Join(", ", jaren)}."));
        }
        var vanHetJaar = catalogus.StandenVan(begroting).Where(s => s.Begrotingsjaar == bjaar).ToList();
        var metJaar = jaar ?? bjaar;
        var standen = vanHetJaar.Where(s => s.VanJaar <= metJaar && metJaar <= s.TotJaar).ToList();
        if (standen.Count == 0)
        {
            var bereik = vanHetJaar.Where(s => s.VanJaar is not null).Select(s => $"{s.Label}: {s.VanJaar}-{s.TotJaar}");
            return new Keuze([], 0, new("jaar", $"Geen stand van {begroting.Code} in begrotingsjaar {bjaar} heeft cijfers voor {metJaar}; de standen hebben: {string.Join("; ", bereik)}."));
        }
        return new Keuze(standen, metJaar, null);
    }

    internal static LijstResultaat<StandenreeksRegel> GetStandenreeks([AsParameters] StandenreeksQuery query, BudgetDb db, Catalogus catalogus, HttpContext http)
    {
        var begroting = catalogus.ZoekBegroting(query.Begroting)!;
        var keuze = Kies(catalogus, begroting, query.Begrotingsjaar, query.Jaar);
        var soort = Queryregels.Canoniek(query.Soort, Queryregels.Soorten) ?? Begrotingscodes.Uitgaven;
        var niveau = query.Regel is not null ? "regel" : Queryregels.Canoniek(query.Niveau, MutatiesQueryValidator.Niveaus) ?? "artikel";
        var alle = Reeks(db, catalogus, begroting, keuze.Standen, keuze.Jaar, soort, niveau == "artikel")
            .Where(r => query.Artikel is null || r.Artikel == query.Artikel)
            .Where(r => query.Regel is null || OnderRegel(r, query.Regel))
            .ToList();
        var (rijen, paginering) = Bladeren.Pagina(alle, query, http);
        var metadata = StandVerwijzing.Metadata(keuze.Standen, rijen.Count, Rekenen.Afronding) with { Paginering = paginering };
        // The file name is the resource and the selection as asked (Bestandsnamen, one rule for every download).
        return new LijstResultaat<StandenreeksRegel>(new Lijst<StandenreeksRegel>(rijen, metadata), "standenreeks", Plat, typeof(StandenreeksPlat));
    }

    /// <summary>The line named by <paramref name="regel"/> (its path and its own omschrijving) and every line below it.</summary>
    private static bool OnderRegel(StandenreeksRegel r, string regel)
    {
        if (r.Regelsoort == Begrotingscodes.NiveauArtikel || r.Regelsoort == MutatiesEndpoints.Totaal) return false;
        var gevraagd = MutatiesEndpoints.Normaal(string.Join(" > ", regel.Split('>', StringSplitOptions.TrimEntries)));
        var volledig = MutatiesEndpoints.Normaal(r.Pad.Length == 0 ? r.Omschrijving : r.Pad + " > " + r.Omschrijving);
        return volledig == gevraagd || volledig.StartsWith(gevraagd + " > ", StringComparison.Ordinal);
    }

    /// <summary>
    /// The reeks of <paramref name="standen"/> (one begrotingsjaar, in cycle order) for one year: the neighbours compared as /mutaties
    /// compares them, joined per line; each line's uitputting compared as /uitputting compares it.
    /// </summary>
    internal static IReadOnlyList<StandenreeksRegel> Reeks(BudgetDb db, Catalogus catalogus, Begroting begroting, IReadOnlyList<Stand> standen, int jaar, string soort, bool alleenArtikelen)
    {
        var paren = standen.Count == 1
            ? [MutatiesEndpoints.Vergelijk(db, standen[0], standen[0], soort, alleenArtikelen, (jaar, jaar), jaar)]
            : standen.Zip(standen.Skip(1)).Select(p => MutatiesEndpoints.Vergelijk(db, p.First, p.Second, soort, alleenArtikelen, (jaar, jaar), jaar)).ToList();
        var perPaar = paren.Select(p => p.ToDictionary(MutatiesEndpoints.Sleutel)).ToList();

        // Every line of any stand once: the total first, then per artikel the artikel line and its parts in the order they are first printed.
        var volgorde = new Dictionary<string, (MutatieRegel Kop, int Eerst)>();
        foreach (var paar in paren)
        {
            foreach (var r in paar)
            {
                if (!volgorde.ContainsKey(MutatiesEndpoints.Sleutel(r))) volgorde[MutatiesEndpoints.Sleutel(r)] = (r, volgorde.Count);
            }
        }

        var uitputting = UitputtingEndpoints.Kies(catalogus, begroting, standen[0].Begrotingsjaar) is { Fout: null } u && u.Realisatie!.VanJaar <= jaar && jaar <= u.Realisatie.TotJaar
            ? (Begroot: u.Begroot!, Rijen: MutatiesEndpoints.Vergelijk(db, u.Begroot!, u.Realisatie, soort, alleenArtikelen, (jaar, jaar), jaar).ToDictionary(MutatiesEndpoints.Sleutel))
            : (Begroot: (Stand?)null, Rijen: new Dictionary<string, MutatieRegel>());

        return volgorde
            .OrderBy(k => k.Value.Kop.Regelsoort != MutatiesEndpoints.Totaal).ThenBy(k => k.Value.Kop.Artikel)
            .ThenBy(k => k.Value.Kop.Regelsoort != Begrotingscodes.NiveauArtikel).ThenBy(k => k.Value.Eerst)
            .Select(k =>
            {
                var sleutel = k.Key;
                var bedragen = new List<Standbedrag>();
                string? omschrijving = null;
                for (var i = 0; i < standen.Count; i++)
                {
                    // The amount in stand i is the 'van' of the pair that starts there, or the 'naar' of the pair that ends there.
                    var rij = i == 0 ? perPaar[0].GetValueOrDefault(sleutel) : perPaar[i - 1].GetValueOrDefault(sleutel);
                    var inStand = rij is not null && (i == 0 ? rij.Aanwezig != MutatiesEndpoints.AlleenNaar : rij.Aanwezig != MutatiesEndpoints.AlleenVan);
                    if (standen.Count == 1) inStand = rij is not null;
                    var bedrag = rij is null ? null : i == 0 ? rij.BedragVan : rij.BedragNaar;
                    var bronRegel = rij is null ? null : i == 0 ? rij.BronRegelVan : rij.BronRegelNaar;
                    var mutatie = i == 0 || rij is null ? null : rij.Mutatie;
                    var procent = i == 0 || rij is null ? null : rij.MutatieProcent;
                    if (inStand && rij is not null) omschrijving = rij.Omschrijving;
                    bedragen.Add(new Standbedrag(standen[i].Sleutel.Id, standen[i].Fase, inStand ? bedrag : null, mutatie, procent, inStand, inStand ? bronRegel : null));
                }
                var kop = k.Value.Kop;
                var uit = uitputting.Rijen.GetValueOrDefault(sleutel);
                return new StandenreeksRegel(kop.Begroting, kop.Hoofdstuk, standen[0].Begrotingsjaar, soort, kop.Artikel, kop.Regelsoort, kop.Pad, omschrijving ?? kop.Omschrijving, jaar,
                    bedragen, uitputting.Begroot?.Fase, uit?.BedragVan, uit?.BedragNaar, uit?.Mutatie, uit?.MutatieProcent, UitputtingEndpoints.Oordeel(uit?.Mutatie));
            })
            .ToList();
    }

    private static IEnumerable<object> Plat(StandenreeksRegel r) => r.Standen.Select(s => new StandenreeksPlat(
        r.Begroting, r.Hoofdstuk, r.Begrotingsjaar, r.Soort, r.Artikel, r.Regelsoort, r.Pad, r.Omschrijving, r.Jaar,
        s.Stand, s.Fase, s.Bedrag, s.Mutatie, s.MutatieProcent, s.InStand, s.BronRegel,
        r.BegrootFase, r.Begroot, r.Realisatie, r.Verschil, r.VerschilProcent, r.Oordeel));
}
