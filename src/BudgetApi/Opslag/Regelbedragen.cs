using BudgetApi.Domein;
using Dapper;

namespace BudgetApi.Opslag;

/// <summary>
/// One printed budget line of a stand (an artikel line, or a part of one at any depth) with its figure in one year. Every
/// resource that works with the lines reads them this one way. SQLite INTEGER is long.
/// </summary>
public sealed class Regelbedrag
{
    public long RegelId { get; set; }
    public long StandId { get; set; }
    /// <summary>The begroting's code (JenV) and hoofdstuk (VI).</summary>
    public string Begroting { get; set; } = "";
    public string Hoofdstuk { get; set; } = "";
    public string Soort { get; set; } = "";
    public long Artikel { get; set; }
    /// <summary>The line this one is a part of; null for an artikel line.</summary>
    public long? OuderId { get; set; }
    public string Niveau { get; set; } = "";
    public long Diepte { get; set; }
    /// <summary>The omschrijvingen of the ancestors below the artikel, joined by " > "; empty for an artikel line and its direct parts.</summary>
    public string Pad { get; set; } = "";
    public string Omschrijving { get; set; } = "";
    public string? Code { get; set; }
    public string? Categorie { get; set; }
    public bool Totaalregel { get; set; }
    public string BronTabel { get; set; } = "";
    public string BronBestand { get; set; } = "";
    public long BronRegel { get; set; }
    public long Jaar { get; set; }

    /// <summary>x € 1.000; null where the source prints nothing.</summary>
    public long? Bedrag { get; set; }

    /// <summary>An artikel line: what totals add up. A part whose artikel line no source gives has no parent either, but is no artikel line.</summary>
    public bool IsArtikel => Niveau == Begrotingscodes.NiveauArtikel;
}

public static class Regelbedragen
{
    /// <summary>The name of what a line holds beyond its printed parts.</summary>
    public const string Overig = "overig, niet gespecificeerd";

    /// <summary>
    /// A line minus its printed parts in one year: the part "overig, niet gespecificeerd". A part without a figure that year (a
    /// blank in the source) is not a part of it, so its money stays in the remainder and the parts still add up to the line; a
    /// blank line gives a blank remainder. Every resource uses this one rule, at every depth.
    /// </summary>
    public static long? Rest(long? geheel, IEnumerable<long?> delen) => geheel - delen.Sum(d => d ?? 0);

    // Optional filters as bound parameters: a null filter matches everything. Ordered as loaded (regel.id: parents before parts, sources' order).
    private const string Sql = """
        SELECT r.id AS RegelId, r.stand_id AS StandId, g.code AS Begroting, g.hoofdstuk AS Hoofdstuk, r.soort AS Soort, r.artikel AS Artikel,
               r.ouder_id AS OuderId, r.niveau AS Niveau, r.diepte AS Diepte, r.pad AS Pad, r.omschrijving AS Omschrijving, r.code AS Code,
               r.categorie AS Categorie, r.totaalregel AS Totaalregel, r.bron_tabel AS BronTabel, bb.naam AS BronBestand, r.bron_regel AS BronRegel,
               b.jaar AS Jaar, b.bedrag AS Bedrag
        FROM regel r
        JOIN regelbedrag b ON b.regel_id = r.id
        JOIN stand s ON s.id = r.stand_id
        JOIN begroting g ON g.hoofdstuk = s.hoofdstuk
        JOIN bronbestand bb ON bb.id = r.bron_id
        WHERE r.stand_id IN @Standen
          AND (@AlleSoorten OR r.soort IN @Soorten)
          AND (@Artikel IS NULL OR r.artikel = @Artikel)
          AND (@Jaar IS NULL OR b.jaar = @Jaar)
          AND (NOT @AlleenArtikelen OR r.niveau = 'artikel')
        ORDER BY r.id, b.jaar
        """;

    /// <summary>The lines and years of the given standen that match; a null filter matches all. <paramref name="alleenArtikelen"/> leaves out the parts.</summary>
    public static IReadOnlyList<Regelbedrag> LeesRegelbedragen(
        this BudgetDb db, IEnumerable<Stand> standen, IReadOnlyCollection<string>? soorten = null,
        int? artikel = null, int? jaar = null, bool alleenArtikelen = false)
    {
        using var verbinding = db.Open();
        return verbinding.Query<Regelbedrag>(Sql, new
        {
            Standen = standen.Select(s => s.Id).ToArray(),
            AlleSoorten = soorten is null,
            Soorten = soorten ?? [],
            Artikel = artikel,
            Jaar = jaar,
            AlleenArtikelen = alleenArtikelen,
        }).ToList();
    }

    /// <summary>True for a line at the artikel level.</summary>
    public static bool IsArtikelniveau(string niveau) => niveau == Begrotingscodes.NiveauArtikel;
}
