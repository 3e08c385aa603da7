using System.Globalization;
using System.Security.Cryptography;
using BudgetApi.Domein;

namespace BudgetApi.Laden;

/// <summary>
/// The document's own files in data/: the hoofdstukken registry, the budget tables of "3. De begroting in het kort" and the
/// organisation figures. Each file is validated row by row (every problem, with file, line and column); the budget tables
/// become the same model as every other source (<see cref="Leesresultaat"/>, format "document"), the organisation tables
/// stay the document's own.
/// </summary>
public sealed class Documentlezer
{
    public const string Formaat = "document";

    /// <summary>The name every document figure's line number refers to: the text the CSV files were extracted from.</summary>
    public const string Bestand = "introductiedossier-jenv-2026.txt";

    /// <summary>The subfolder of the data folder where that text ships, verbatim (data/README.md): the file the line numbers count in.</summary>
    public const string Bronmap = "bron";

    public const string Hoofdstukken = "hoofdstukken.csv";
    public const string Begrotingen = "begrotingen.csv";
    public const string Artikelen = "artikelen.csv";
    public const string Waarvanregels = "waarvanregels.csv";
    public const string GedrukteTotalen = "gedrukte-totalen.csv";
    public const string UitgavenbegrotingJenV = "uitgavenbegroting-jenv.csv";
    public const string Organisaties = "organisaties.csv";
    public const string Organisatiefeiten = "organisatiefeiten.csv";
    public const string Bezetting = "bezetting.csv";

    /// <summary>The files that hold the document's budget tables, extracted from the text.</summary>
    public static readonly IReadOnlyList<string> Begrotingsbestanden = [Begrotingen, Artikelen, Waarvanregels, GedrukteTotalen];

    /// <summary>Where the document's text ships: data/bron/introductiedossier-jenv-2026.txt.</summary>
    public static string Tekstpad(string dataMap) => Path.Combine(dataMap, Bronmap, Bestand);

    private readonly List<Laadprobleem> _problemen;
    private readonly Laadcontext _context = new();
    private readonly Dictionary<string, RuweTabel> _tabellen = [];
    private readonly string _dataMap;

    private Documentlezer(string dataMap, List<Laadprobleem> problemen)
    {
        _dataMap = dataMap;
        _problemen = problemen;
    }

    /// <summary>The validated tables by file name; only complete when no problem was found.</summary>
    public IReadOnlyDictionary<string, RuweTabel> Tabellen => _tabellen;

    /// <summary>The hoofdstukken registry: hoofdstuk → (code, naam, soort), in the registry's order.</summary>
    public IReadOnlyList<RegisterBegroting> Registry { get; private set; } = [];

    /// <summary>Reads and validates every file of the document; problems are added to <paramref name="problemen"/>.</summary>
    public static Documentlezer Lees(string dataMap, List<Laadprobleem> problemen)
    {
        var lezer = new Documentlezer(dataMap, problemen);
        lezer.LeesAlles();
        return lezer;
    }

    private void LeesAlles()
    {
        var context = _context;
        // Files are validated in dependency order: a row may only point to what an earlier file established.
        // A row registers its key even when one of its figures is wrong: a bad amount in article 31 is one problem,
        // not also one for every waarvan line and reference that points to article 31.
        Valideer(Hoofdstukken, ["hoofdstuk", "code", "naam", "soort"],
            (_, eerste) => new HoofdstukValidator(eerste), r => r["hoofdstuk"],
            r =>
            {
                if (r["hoofdstuk"].Length > 0 && r["code"].Length > 0) context.Hoofdstukken.TryAdd(r["code"], r["hoofdstuk"]);
            });
        Valideer(Begrotingen, ["begroting", "naam", "begrotingsjaar", "fase", "eenheid", "van_jaar", "tot_jaar", "bron_regel"],
            (_, eerste) => new BegrotingValidator(context, eerste), r => r["begroting"],
            r =>
            {
                if (Velden.IsJaar(r["van_jaar"]) && Velden.IsJaar(r["tot_jaar"]))
                {
                    context.Begrotingen.TryAdd(r["begroting"], (int.Parse(r["van_jaar"], CultureInfo.InvariantCulture), int.Parse(r["tot_jaar"], CultureInfo.InvariantCulture)));
                }
            });
        Valideer(Artikelen, ["begroting", "soort", "artikel", "omschrijving", "categorie", "bron_tabel", "bron_regel"],
            (_, eerste) => new ArtikelValidator(context, eerste), r => RijValidator.Sleutel(r["begroting"], r["soort"], r["artikel"]),
            r => context.Artikelen.Add((r["begroting"], r["soort"], r["artikel"])));
        Valideer(Waarvanregels, ["begroting", "soort", "artikel", "omschrijving", "bron_tabel", "bron_regel"],
            (_, eerste) => new WaarvanregelValidator(context, eerste), r => RijValidator.Sleutel(r["begroting"], r["soort"], r["artikel"], r["omschrijving"]),
            r => context.Waarvanregels.Add((r["begroting"], r["soort"], r["artikel"], r["omschrijving"])));
        Valideer(GedrukteTotalen, ["begroting", "soort", "totaal", "bron_tabel", "bron_regel"],
            (_, eerste) => new GedruktTotaalValidator(context, eerste), r => RijValidator.Sleutel(r["begroting"], r["soort"], r["totaal"]), _ => { });
        Valideer(UitgavenbegrotingJenV, ["omschrijving", "bedrag", "artikel", "bron_regel"],
            (_, eerste) => new UitgavenbegrotingValidator(context, eerste), r => r["omschrijving"], _ => { });
        // Organisations may name a parent that stands further down the file, so every code is known before the rows are checked.
        Valideer(Organisaties, ["code", "naam", "afkorting", "soort", "onderdeel_van", "bron_regel"],
            (tabel, eerste) =>
            {
                foreach (var rij in tabel.Rijen.Where(r => r["code"].Length > 0)) context.Organisaties.Add(rij["code"]);
                return new OrganisatieValidator(context, eerste);
            }, r => r["code"], _ => { });
        Valideer(Organisatiefeiten, ["organisatie", "meting", "omschrijving", "reikwijdte", "jaar", "peildatum", "waarde", "zoals_gedrukt", "eenheid", "kwalificatie", "tabel", "deel_van", "komt_overeen_met", "volgt", "bron_sectie", "bron_regel"],
            (_, eerste) => new OrganisatiefeitValidator(context, eerste),
            r => RijValidator.Sleutel(r["organisatie"], r["meting"], r["omschrijving"], r["jaar"], r["peildatum"]), _ => { });
        ValideerDeelVan(_tabellen.GetValueOrDefault(Organisatiefeiten));
        Valideer(Bezetting, ["organisatie_zoals_gedrukt", "organisatie", "bezetting_fte", "budget_miljoen", "budget_reikwijdte", "komt_overeen_met", "bron_regel"],
            (_, eerste) => new BezettingValidator(context, eerste), r => r["organisatie_zoals_gedrukt"], _ => { });

        // The text every bron_regel counts in ships with the figures: without it no figure's provenance can be checked, and the
        // document's sha256 (the text's) is unknown.
        if (!File.Exists(Tekstpad(_dataMap)))
        {
            _problemen.Add(new Laadprobleem($"{Bronmap}/{Bestand}", 0, 0, "het brondocument ontbreekt: de tekst waarin elke bron_regel van data/*.csv telt (zie data/README.md)"));
        }

        if (_tabellen.TryGetValue(Hoofdstukken, out var hoofdstukken))
        {
            Registry = hoofdstukken.Rijen.Select((r, i) => new RegisterBegroting(r["hoofdstuk"], r["code"], r["naam"], r["soort"], i)).ToList();
        }
    }

    /// <summary>The rows per file, for the start-up log and the tests.</summary>
    public IReadOnlyDictionary<string, int> RijenPerBestand => _tabellen.ToDictionary(t => t.Key, t => t.Value.Rijen.Count);

    /// <summary>The document as a source of standen: one stand per row of begrotingen.csv, its artikel and waarvan lines and printed totals.</summary>
    public Leesresultaat AlsStanden()
    {
        var standen = new Dictionary<string, Standkop>(StringComparer.Ordinal);
        foreach (var r in _tabellen[Begrotingen].Rijen)
        {
            var sleutel = new Standsleutel(_context.Hoofdstukken[r["begroting"]], int.Parse(r["begrotingsjaar"], CultureInfo.InvariantCulture), r["fase"]);
            standen[r["begroting"]] = new Standkop(sleutel, r["naam"]);
        }

        var regels = new List<Standregel>();
        var categorie = new Dictionary<(string, string, string), string>();
        foreach (var r in _tabellen[Artikelen].Rijen)
        {
            categorie[(r["begroting"], r["soort"], r["artikel"])] = r["categorie"];
            regels.Add(Regel(r, standen[r["begroting"]].Stand, [], r["omschrijving"], r["categorie"]));
        }
        // The waarvan lines are the artikel's parts, one level below it; they carry the artikel's categorie.
        foreach (var r in _tabellen[Waarvanregels].Rijen)
        {
            regels.Add(Regel(r, standen[r["begroting"]].Stand, [new Padstap(Begrotingscodes.NiveauWaarvan, r["omschrijving"])],
                r["omschrijving"], categorie[(r["begroting"], r["soort"], r["artikel"])]));
        }
        var totalen = _tabellen[GedrukteTotalen].Rijen.Select(r => new GedruktStandtotaal
        {
            Stand = standen[r["begroting"]].Stand,
            Soort = r["soort"],
            Totaal = r["totaal"],
            AlleenBeleidsartikelen = r["totaal"] != "TOTAAL",
            Bedragen = Jaarbedragen(r),
            BronTabel = r["bron_tabel"],
            Herkomst = new Vindplaats(Bestand, int.Parse(r["bron_regel"], CultureInfo.InvariantCulture)),
        }).ToList();
        return new Leesresultaat(Formaat, standen.Values.ToList(), regels, totalen, [], []);
    }

    /// <summary>The line in the document where each stand's table begins (begrotingen.csv bron_regel), for /v1/begrotingen.</summary>
    public IReadOnlyDictionary<Standsleutel, int> TitelregelPerStand() =>
        _tabellen[Begrotingen].Rijen.ToDictionary(
            r => new Standsleutel(_context.Hoofdstukken[r["begroting"]], int.Parse(r["begrotingsjaar"], CultureInfo.InvariantCulture), r["fase"]),
            r => int.Parse(r["bron_regel"], CultureInfo.InvariantCulture));

    /// <summary>
    /// The SHA-256 of the document's text (data/bron/introductiedossier-jenv-2026.txt): the file its standen come from and every
    /// bron_regel counts in, so /v1/standen and /v1/bronnen name the bytes a reader can check a line against.
    /// </summary>
    public string Sha256() => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Tekstpad(_dataMap))));

    private static Standregel Regel(RuweRij r, Standsleutel stand, IReadOnlyList<Padstap> pad, string omschrijving, string categorie) => new()
    {
        Stand = stand,
        Soort = r["soort"],
        Artikel = int.Parse(r["artikel"], CultureInfo.InvariantCulture),
        Pad = pad,
        Omschrijving = omschrijving,
        Categorie = categorie,
        Bedragen = Jaarbedragen(r),
        BronTabel = r["bron_tabel"],
        Herkomst = new Vindplaats(Bestand, int.Parse(r["bron_regel"], CultureInfo.InvariantCulture)),
    };

    private static Dictionary<int, long?> Jaarbedragen(RuweRij r) =>
        Velden.JaarKolommen(r.Kolommen).ToDictionary(j => j, j => Velden.Geheel(r[j.ToString(CultureInfo.InvariantCulture)]));

    private void Valideer(
        string bestand, string[] verplichteKolommen,
        Func<RuweTabel, IReadOnlyDictionary<string, int>, RijValidator> maakValidator, Func<RuweRij, string> sleutel,
        Action<RuweRij> registreer)
    {
        var tabel = RuweTabel.Lees(_dataMap, bestand, _problemen);
        _tabellen[bestand] = tabel;
        if (tabel.Kolommen.Count == 0 || !tabel.HeeftKolommen(verplichteKolommen, _problemen)) return;

        var eersteRegel = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var rij in tabel.Rijen) eersteRegel.TryAdd(sleutel(rij), rij.Regel);

        var validator = maakValidator(tabel, eersteRegel);
        foreach (var rij in tabel.Rijen)
        {
            var uitkomst = validator.Validate(rij);
            foreach (var fout in uitkomst.Errors)
            {
                _problemen.Add(new Laadprobleem(bestand, rij.Regel, rij.KolomNummer(fout.PropertyName), fout.ErrorMessage));
            }
            registreer(rij);
        }
    }

    /// <summary>A 'deel_van' must name a row of the same table (and year), or the reconciliation would compare with nothing.</summary>
    private void ValideerDeelVan(RuweTabel? feiten)
    {
        if (feiten is null || feiten.Kolommen.Count == 0) return;
        var rijen = feiten.Rijen.Select(r => (r["tabel"], r["omschrijving"], r["jaar"])).ToHashSet();
        foreach (var rij in feiten.Rijen.Where(r => r["deel_van"].Length > 0 && r["tabel"].Length > 0))
        {
            if (!rijen.Contains((rij["tabel"], rij["deel_van"], rij["jaar"])))
            {
                _problemen.Add(new Laadprobleem(feiten.Bestand, rij.Regel, rij.KolomNummer("deel_van"),
                    $"kolom 'deel_van': tabel '{rij["tabel"]}' heeft geen regel '{rij["deel_van"]}' voor jaar '{rij["jaar"]}'"));
            }
        }
    }
}

/// <summary>A begroting as data/hoofdstukken.csv registers it: hoofdstuk VI has the code JenV and is called Justitie en Veiligheid.</summary>
public sealed record RegisterBegroting(string Hoofdstuk, string Code, string Naam, string Soort, int Volgorde);
