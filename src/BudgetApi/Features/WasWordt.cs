using BudgetApi.Domein;
using BudgetApi.Http;
using BudgetApi.Laden;
using BudgetApi.Opslag;
using Dapper;

namespace BudgetApi.Features;

/// <summary>Eén verhuizing van een artikel tussen begrotingen (data/was-wordt.csv): hetzelfde beleid, onder een andere begroting en een ander nummer.</summary>
/// <param name="WasHoofdstuk">Hoofdstuk waar het artikel stond (VI).</param>
/// <param name="WasArtikel">Artikelnummer waar het artikel stond (37).</param>
/// <param name="WasOmschrijving">Naam van het artikel waar het stond (Migratie).</param>
/// <param name="WasLaatsteBegrotingsjaar">Het laatste begrotingsjaar waarin het artikel daar staat (2024).</param>
/// <param name="WordtHoofdstuk">Hoofdstuk waar het artikel komt te staan (XX).</param>
/// <param name="WordtArtikel">Artikelnummer waar het artikel komt te staan (37).</param>
/// <param name="WordtOmschrijving">Naam van het artikel waar het komt te staan (Asiel en Migratie).</param>
/// <param name="WordtEersteBegrotingsjaar">Het eerste begrotingsjaar waarin het artikel daar staat (2025).</param>
/// <param name="Bron">Waar de verhuizing staat.</param>
/// <param name="BronRegel">Regel in het brondocument die de verhuizing noemt; leeg als de bron geen regel van het document is.</param>
public sealed record WasWordtRegel(
    string WasHoofdstuk, int WasArtikel, string WasOmschrijving, int WasLaatsteBegrotingsjaar,
    string WordtHoofdstuk, int WordtArtikel, string WordtOmschrijving, int WordtEersteBegrotingsjaar, string Bron, int? BronRegel);

/// <summary>GET /v1/was-wordt: the table of artikelen that move between begrotingen, as loaded (docs/standen.md).</summary>
public static class WasWordtEndpoints
{
    public static RouteGroupBuilder MapWasWordt(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/was-wordt").WithTags("Standen");
        group.MapGet("", GetWasWordt)
            .WithName("GetWasWordt")
            .WithSummary("Artikelen die van begroting verhuizen (was → wordt)")
            .WithDescription("Elke verhuizing van een artikel naar een andere begroting tussen twee begrotingsjaren, uit data/was-wordt.csv: " +
                             "het artikel zoals het was (tot en met zijn laatste begrotingsjaar) is vanaf zijn eerste begrotingsjaar het artikel dat het wordt. " +
                             "Eerste regel: artikel 6.37 Migratie (tot en met 2024) wordt 20.37 Asiel en Migratie (vanaf 2025).");
        return group;
    }

    const string WasWordtSql = """
        SELECT was_hoofdstuk AS WasHoofdstuk, was_artikel AS WasArtikel, was_omschrijving AS WasOmschrijving, was_laatste_begrotingsjaar AS WasLaatsteBegrotingsjaar,
               wordt_hoofdstuk AS WordtHoofdstuk, wordt_artikel AS WordtArtikel, wordt_omschrijving AS WordtOmschrijving,
               wordt_eerste_begrotingsjaar AS WordtEersteBegrotingsjaar, bron AS Bron, bron_regel AS BronRegel
        FROM was_wordt ORDER BY volgorde
        """;

    /// <summary>Every move of the version's was → wordt table, in the file's order.</summary>
    internal static IReadOnlyList<WasWordtRegel> Lees(BudgetDb db)
    {
        using var verbinding = db.Open();
        return verbinding.Query<Rij>(WasWordtSql).Select(r => new WasWordtRegel(r.WasHoofdstuk, (int)r.WasArtikel, r.WasOmschrijving, (int)r.WasLaatsteBegrotingsjaar,
            r.WordtHoofdstuk, (int)r.WordtArtikel, r.WordtOmschrijving, (int)r.WordtEersteBegrotingsjaar, r.Bron, (int?)r.BronRegel)).ToList();
    }

    /// <summary>A move in words, as /mutaties and /verloop name it in 'overgang'.</summary>
    internal static string Beschrijving(WasWordtRegel regel) =>
        $"{regel.WasHoofdstuk} artikel {regel.WasArtikel} {regel.WasOmschrijving} (tot en met {regel.WasLaatsteBegrotingsjaar}) is " +
        $"{regel.WordtHoofdstuk} artikel {regel.WordtArtikel} {regel.WordtOmschrijving} (vanaf {regel.WordtEersteBegrotingsjaar}); bron: {regel.Bron}";

    /// <summary>
    /// Where an artikel (hoofdstuk and number, as a user names it) stands in a begrotingsjaar, following the table's moves both ways:
    /// from a 'was' forward to its 'wordt' from the first begrotingsjaar there, and from a 'wordt' back to its 'was' up to the last
    /// begrotingsjaar there. The moves followed are returned, so an answer can name them; a chain is followed, a loop is not.
    /// </summary>
    internal static (string Hoofdstuk, int Artikel, IReadOnlyList<WasWordtRegel> Via) Volg(IReadOnlyList<WasWordtRegel> tabel, string hoofdstuk, int artikel, int begrotingsjaar)
    {
        var via = new List<WasWordtRegel>();
        while (true)
        {
            var (h, a) = (hoofdstuk, artikel);
            var regel = tabel.FirstOrDefault(v => !via.Contains(v) && (
                (string.Equals(v.WasHoofdstuk, h, StringComparison.OrdinalIgnoreCase) && v.WasArtikel == a && begrotingsjaar >= v.WordtEersteBegrotingsjaar) ||
                (string.Equals(v.WordtHoofdstuk, h, StringComparison.OrdinalIgnoreCase) && v.WordtArtikel == a && begrotingsjaar <= v.WasLaatsteBegrotingsjaar)));
            if (regel is null) return (hoofdstuk, artikel, via);
            via.Add(regel);
            (hoofdstuk, artikel) = begrotingsjaar >= regel.WordtEersteBegrotingsjaar ? (regel.WordtHoofdstuk, regel.WordtArtikel) : (regel.WasHoofdstuk, regel.WasArtikel);
        }
    }

    /// <summary>
    /// An import of a was → wordt table that brings a move the version does not have (or another wording of one): it changes the data.
    /// The same table again brings nothing, and is answered like the same stand file again (ongewijzigd, nothing stored).
    /// </summary>
    internal static bool BrengtNieuws(Leesresultaat gelezen, byte[] inhoud, BudgetDb db)
    {
        if (gelezen.Formaat != Waswordttabel.Formaat) return false;
        var geladen = Lees(db).ToHashSet();
        return Waswordttabel.Lees("import", Laden.Standbestanden.Tekstcodering.Lees("import", inhoud).Tekst, []).Any(v => !geladen.Contains(new WasWordtRegel(v.WasHoofdstuk, v.WasArtikel,
            v.WasOmschrijving, v.WasLaatsteBegrotingsjaar, v.WordtHoofdstuk, v.WordtArtikel, v.WordtOmschrijving, v.WordtEersteBegrotingsjaar, v.Bron, v.BronRegel)));
    }

    static LijstResultaat<WasWordtRegel> GetWasWordt(BudgetDb db)
    {
        var rijen = Lees(db);
        return new LijstResultaat<WasWordtRegel>(new Lijst<WasWordtRegel>(rijen, new Metadata { Bron = "was-wordt.csv", Aantal = rijen.Count }), "was-wordt");
    }

    sealed class Rij
    {
        public string WasHoofdstuk { get; set; } = "";
        public long WasArtikel { get; set; }
        public string WasOmschrijving { get; set; } = "";
        public long WasLaatsteBegrotingsjaar { get; set; }
        public string WordtHoofdstuk { get; set; } = "";
        public long WordtArtikel { get; set; }
        public string WordtOmschrijving { get; set; } = "";
        public long WordtEersteBegrotingsjaar { get; set; }
        public string Bron { get; set; } = "";
        public long? BronRegel { get; set; }
    }
}
