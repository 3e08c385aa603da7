using Dapper;

namespace BudgetApi.Opslag;

/// <summary>
/// One printed budget line (an article, or one of its waarvan lines when <see cref="Waarvan"/> is set) with its figure
/// in one year. Every resource that works with the lines reads them this one way. SQLite INTEGER is long.
/// </summary>
public sealed class Regelbedrag
{
    public long RegelId { get; set; }
    public string Begroting { get; set; } = "";
    public string Soort { get; set; } = "";
    public long Artikel { get; set; }
    public string? Waarvan { get; set; }
    public string Omschrijving { get; set; } = "";
    public string Categorie { get; set; } = "";
    public string BronTabel { get; set; } = "";
    public long BronRegel { get; set; }
    public long Jaar { get; set; }

    /// <summary>x € 1.000; null where the source prints nothing.</summary>
    public long? Bedrag { get; set; }

    public bool IsArtikel => Waarvan is null;
}

public static class Regelbedragen
{
    /// <summary>The name of what an article holds beyond its waarvan lines.</summary>
    public const string Overig = "overig, niet gespecificeerd";

    /// <summary>
    /// The article minus its printed waarvan lines in one year: the part "overig, niet gespecificeerd". A waarvan line
    /// without a figure that year (a blank in the source) is not a part of it, so its money stays in the remainder and the
    /// parts still add up to the article; a blank article gives a blank remainder. Every resource uses this one rule.
    /// </summary>
    public static long? Rest(long? artikel, IEnumerable<long?> waarvan) => artikel - waarvan.Sum(w => w ?? 0);

    // Optional filters as bound parameters: a null filter matches everything. Ordered as printed (regel.id is load order).
    private const string Sql = """
        SELECT r.id AS RegelId, r.begroting AS Begroting, r.soort AS Soort, r.artikel AS Artikel, r.waarvan AS Waarvan,
               r.omschrijving AS Omschrijving, r.categorie AS Categorie, r.bron_tabel AS BronTabel, r.bron_regel AS BronRegel,
               b.jaar AS Jaar, b.bedrag AS Bedrag
        FROM regel r JOIN regelbedrag b ON b.regel_id = r.id
        WHERE (@AlleBegrotingen OR r.begroting IN @Begrotingen)
          AND (@AlleSoorten OR r.soort IN @Soorten)
          AND (@Artikel IS NULL OR r.artikel = @Artikel)
          AND (@Jaar IS NULL OR b.jaar = @Jaar)
          AND (NOT @AlleenArtikelen OR r.waarvan IS NULL)
        ORDER BY r.id, b.jaar
        """;

    /// <summary>The lines and years that match; a null filter matches all. <paramref name="alleenArtikelen"/> leaves out the waarvan lines.</summary>
    public static IReadOnlyList<Regelbedrag> LeesRegelbedragen(
        this BudgetDb db, IReadOnlyCollection<string>? begrotingen = null, IReadOnlyCollection<string>? soorten = null,
        int? artikel = null, int? jaar = null, bool alleenArtikelen = false)
    {
        using var verbinding = db.Open();
        return verbinding.Query<Regelbedrag>(Sql, new
        {
            AlleBegrotingen = begrotingen is null,
            Begrotingen = begrotingen ?? [],
            AlleSoorten = soorten is null,
            Soorten = soorten ?? [],
            Artikel = artikel,
            Jaar = jaar,
            AlleenArtikelen = alleenArtikelen,
        }).ToList();
    }
}
