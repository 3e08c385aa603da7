using BudgetApi.Domein;
using Dapper;

namespace BudgetApi.Opslag;

/// <summary>A begroting: a hoofdstuk of the Rijksbegroting (VI) with the code users know (JenV) and its current name.</summary>
public sealed record Begroting(string Hoofdstuk, string Code, string Naam, string Soort, long Volgorde);

/// <summary>A source file a stand's figures come from: the document or a stand file, with its hash and the import's who and when.</summary>
public sealed record Standbron(string Naam, string Formaat, string Sha256, DateTimeOffset? GeimporteerdOp, string? GeimporteerdDoor, string Inhoud)
{
    /// <summary>How the file was read (layout, encoding, columns); null for the document.</summary>
    public Bronlezing? Lezing { get; init; }
}

/// <summary>One version of a begroting for one begrotingsjaar in one fase, as loaded.</summary>
public sealed record Stand(
    long Id, Standsleutel Sleutel, Begroting Begroting, string? NaamZoalsGepubliceerd, int? VanJaar, int? TotJaar, int AantalRegels,
    string Etag, int? Titelregel, IReadOnlyList<Standbron> Bronnen)
{
    public int Begrotingsjaar => Sleutel.Begrotingsjaar;

    public string Fase => Sleutel.Fase;

    /// <summary>"ontwerpbegroting 2026": how the stand is named in a sentence and in metadata.stand.</summary>
    public string Label => $"{Begrotingscodes.FaseLabel(Fase)} {Begrotingsjaar}";

    /// <summary>The source whose figures the stand serves at every level (the first by Standsamenstelling.Rang, then load order); the others add what it lacks.</summary>
    public string? Leidend => Bronnen.OrderBy(b => Laden.Standsamenstelling.Rang(b.Formaat)).FirstOrDefault()?.Naam;

    /// <summary>The sources' names, as metadata.bron gives them.</summary>
    public string Bron => string.Join("; ", Bronnen.Select(b => b.Naam));
}

/// <summary>
/// The begrotingen and standen of one loaded database, read once when the database is opened. Validators and handlers ask it
/// whether a parameter names something real and which stand a request means; it never changes for the life of its database.
/// </summary>
public sealed class Catalogus
{
    public Catalogus(BudgetDb db)
    {
        using var verbinding = db.Open();
        Begrotingen = verbinding.Query<Begroting>("SELECT hoofdstuk, code, naam, soort, volgorde FROM begroting ORDER BY volgorde").ToList();
        var perHoofdstuk = Begrotingen.ToDictionary(b => b.Hoofdstuk);
        var bronnen = verbinding.Query<BronRij>("""
            SELECT sb.stand_id AS StandId, b.naam AS Naam, b.formaat AS Formaat, b.sha256 AS Sha256, b.geimporteerd_op AS GeimporteerdOp,
                   b.geimporteerd_door AS GeimporteerdDoor, sb.inhoud AS Inhoud, b.lezing AS Lezing
            FROM stand_bron sb JOIN bronbestand b ON b.id = sb.bron_id ORDER BY sb.stand_id, b.id
            """).ToLookup(b => b.StandId, b => new Standbron(b.Naam, b.Formaat, b.Sha256,
                b.GeimporteerdOp is null ? null : DateTimeOffset.Parse(b.GeimporteerdOp, System.Globalization.CultureInfo.InvariantCulture), b.GeimporteerdDoor, b.Inhoud)
            {
                Lezing = b.Lezing is null ? null : System.Text.Json.JsonSerializer.Deserialize<Bronlezing>(b.Lezing, System.Text.Json.JsonSerializerOptions.Web),
            });
        Standen = verbinding.Query<StandRij>("""
            SELECT id AS Id, hoofdstuk AS Hoofdstuk, begrotingsjaar AS Begrotingsjaar, fase AS Fase, naam_zoals_gepubliceerd AS Naam,
                   van_jaar AS VanJaar, tot_jaar AS TotJaar, aantal_regels AS AantalRegels, etag AS Etag, titelregel AS Titelregel
            FROM stand
            """)
            .Select(s => new Stand(s.Id, new Standsleutel(s.Hoofdstuk, (int)s.Begrotingsjaar, s.Fase), perHoofdstuk[s.Hoofdstuk], s.Naam,
                (int?)s.VanJaar, (int?)s.TotJaar, (int)s.AantalRegels, s.Etag, (int?)s.Titelregel, bronnen[s.Id].ToList()))
            .OrderBy(s => s.Begroting.Volgorde).ThenBy(s => s.Begrotingsjaar).ThenBy(s => Begrotingscodes.Volgorde(s.Fase))
            .ToList();
        _perId = Standen.ToDictionary(s => s.Sleutel.Id, StringComparer.OrdinalIgnoreCase);
        _soorten = verbinding.Query<(long StandId, string Soort)>("SELECT DISTINCT stand_id, soort FROM regel").ToLookup(r => r.StandId, r => r.Soort);
    }

    private readonly ILookup<long, string> _soorten;

    /// <summary>The soorten (verplichtingen, uitgaven, ontvangsten) a stand has lines of: a document stand has no verplichtingen.</summary>
    public bool HeeftSoort(Stand stand, string soort) => _soorten[stand.Id].Contains(soort, StringComparer.Ordinal);

    private readonly Dictionary<string, Stand> _perId;

    /// <summary>Every begroting the data knows, in the Rijksbegroting's order (data/hoofdstukken.csv).</summary>
    public IReadOnlyList<Begroting> Begrotingen { get; }

    /// <summary>Every stand, per begroting in the order of the cycle.</summary>
    public IReadOnlyList<Stand> Standen { get; }

    /// <summary>The begroting a user names, by its code (JenV, jenv) or its hoofdstuk (VI); null when unknown.</summary>
    public Begroting? ZoekBegroting(string? code) =>
        code is null ? null
            : Begrotingen.FirstOrDefault(b => string.Equals(b.Code, code, StringComparison.OrdinalIgnoreCase))
              ?? Begrotingen.FirstOrDefault(b => string.Equals(b.Hoofdstuk, code, StringComparison.OrdinalIgnoreCase));

    /// <summary>The begrotingen that have at least one stand: the ones a question about figures can name.</summary>
    public IEnumerable<Begroting> BegrotingenMetStanden => Begrotingen.Where(b => Standen.Any(s => s.Begroting == b));

    public IEnumerable<Stand> StandenVan(Begroting begroting) => Standen.Where(s => s.Begroting == begroting);

    public Stand? ZoekStand(string id) => _perId.GetValueOrDefault(id);

    public Stand? ZoekStand(Begroting begroting, int begrotingsjaar, string fase) =>
        Standen.FirstOrDefault(s => s.Begroting == begroting && s.Begrotingsjaar == begrotingsjaar && s.Fase == fase);

    /// <summary>The latest begrotingsjaar in the data, over every begroting: what a question without a begroting is about.</summary>
    public int? LaatsteBegrotingsjaar => Standen.Count == 0 ? null : Standen.Max(s => s.Begrotingsjaar);

    /// <summary>The begrotingsjaren of a begroting, ascending.</summary>
    public IReadOnlyList<int> Begrotingsjaren(Begroting begroting) => StandenVan(begroting).Select(s => s.Begrotingsjaar).Distinct().Order().ToList();

    /// <summary>The fasen a begroting has in a begrotingsjaar, in the order of the cycle.</summary>
    public IReadOnlyList<string> Fasen(Begroting begroting, int begrotingsjaar) =>
        StandenVan(begroting).Where(s => s.Begrotingsjaar == begrotingsjaar).Select(s => s.Fase).ToList();

    /// <summary>
    /// The stand a question means when it does not say: the begroting's latest begrotingsjaar (or the one asked) and its latest fase
    /// in that year (or the one asked). Null when the begroting has no such stand.
    /// </summary>
    public Stand? Standaardstand(Begroting begroting, int? begrotingsjaar = null, string? fase = null)
    {
        var kandidaten = StandenVan(begroting).ToList();
        if (kandidaten.Count == 0) return null;
        var jaar = begrotingsjaar ?? kandidaten.Max(s => s.Begrotingsjaar);
        return kandidaten.Where(s => s.Begrotingsjaar == jaar && (fase is null || s.Fase == fase))
            .OrderByDescending(s => Begrotingscodes.Volgorde(s.Fase)).FirstOrDefault();
    }

    private sealed class StandRij
    {
        public long Id { get; set; }
        public string Hoofdstuk { get; set; } = "";
        public long Begrotingsjaar { get; set; }
        public string Fase { get; set; } = "";
        public string? Naam { get; set; }
        public long? VanJaar { get; set; }
        public long? TotJaar { get; set; }
        public long AantalRegels { get; set; }
        public string Etag { get; set; } = "";
        public long? Titelregel { get; set; }
    }

    private sealed class BronRij
    {
        public string? Lezing { get; set; }
        public long StandId { get; set; }
        public string Naam { get; set; } = "";
        public string Formaat { get; set; } = "";
        public string Sha256 { get; set; } = "";
        public string? GeimporteerdOp { get; set; }
        public string? GeimporteerdDoor { get; set; }
        public string Inhoud { get; set; } = "";
    }
}
