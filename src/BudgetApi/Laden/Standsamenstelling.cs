using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BudgetApi.Domein;

namespace BudgetApi.Laden;

/// <summary>A source file as loaded: its name as shown, format, hash, its place in the load order, and the import's who and when.</summary>
/// <param name="Naam">The file's name as shown in /v1/standen and in provenance (the document's text name, or the stand file's name).</param>
/// <param name="Formaat">The format it was read as: document, begrotingsstaten, budgettaire-tabellen, standen-csv.</param>
/// <param name="Sha256">The SHA-256 of the file's bytes (for the document, of its text in data/bron).</param>
/// <param name="Volgorde">Load order: the document first, then stand files in the data folder by name, then imports in the order they were made.</param>
/// <param name="GeimporteerdOp">When it was imported; null for a file that ships or was placed.</param>
/// <param name="GeimporteerdDoor">Who imported it; null for a file that ships or was placed.</param>
public sealed record Bronbestand(string Naam, string Formaat, string Sha256, int Volgorde, DateTimeOffset? GeimporteerdOp = null, string? GeimporteerdDoor = null)
{
    /// <summary>How the file was read (layout, encoding, columns): stored with it, and shown by /v1/standen for the stand's sources.</summary>
    public Bronlezing? Lezing { get; init; }
}

/// <summary>One source's reading, to be merged into standen.</summary>
public sealed record Bijdrage(Bronbestand Bron, Leesresultaat Resultaat);

/// <summary>A source of a load as the composition needs to know it before any stand is composed: the file, its format and its standen.</summary>
public sealed record Bronoverzicht(Bronbestand Bron, string Formaat, IReadOnlyList<Standkop> Standen);

/// <summary>One amount of a merged line, with the source and line it stands on.</summary>
public sealed record Bedragbron(long? Bedrag, Bronbestand Bron, Vindplaats Waar);

/// <summary>A line of a merged stand: the line as its leading source gives it, its amounts per year from whichever source gives them.</summary>
public sealed class SamengesteldeRegel(Standregel regel, Bronbestand bron, string sleutel)
{
    public Standregel Regel { get; } = regel;

    public Bronbestand Bron { get; } = bron;

    /// <summary>(soort, artikel, path) within the stand.</summary>
    public string Sleutel { get; } = sleutel;

    public string? Categorie { get; set; } = regel.Categorie;

    public SortedDictionary<int, Bedragbron> Bedragen { get; } = [];

    public SamengesteldeRegel? Ouder { get; set; }

    public int Diepte => Regel.Pad.Count;
}

/// <summary>A stand as loaded: every line once, its printed totals, its sources, and the hash of its content (its ETag).</summary>
public sealed class SamengesteldeStand(Standsleutel sleutel)
{
    public Standsleutel Sleutel { get; } = sleutel;

    public string? NaamZoalsGepubliceerd { get; set; }

    public List<SamengesteldeRegel> Regels { get; } = [];

    public List<(GedruktStandtotaal Totaal, Bronbestand Bron)> Totalen { get; } = [];

    /// <summary>Each source that contributes, with the hash of what it contributes (an import compares with it).</summary>
    public List<(Bronbestand Bron, string Inhoud)> Bronnen { get; } = [];

    /// <summary>Per (soort, artikel), the source whose parts the stand holds beneath it: the parts of one publication only.</summary>
    internal Dictionary<(string Soort, int Artikel), Bronbestand> DelenVan { get; } = [];

    public string Etag { get; set; } = "";
}

/// <summary>
/// Merges the readings of every source into standen, by one set of rules (docs/standen.md):
/// <list type="number">
/// <item>Per stand and format, the last source in load order that holds the stand counts: a new import of the same format replaces
/// the earlier one for that stand; a source of another format adds to the stand.</item>
/// <item>The most detailed publication leads (<see cref="Rang"/>, then load order). Each other publication's artikelen are matched to the
/// stand's before its lines are added (<see cref="Artikelkoppeling"/>: by number, else by name and amount), and take the stand's number;
/// an artikel that cannot be matched is a finding and is not loaded. Parts of a publication are added beneath a line only where the
/// stand has no parts of another publication there.</item>
/// <item>A line is identified within its stand by soort, artikel and path; two sources that give the same line and year must agree.
/// Where they differ, the more detailed source counts (the project's own stand files, then the document, then the budgettaire
/// tabellen, then the begrotingsstaten) and the difference is a finding with both figures: never silently one of the two, and the
/// money counts once.</item>
/// <item>A line's parent is the line with the longest proper prefix of its path; a part whose artikel line no source gives has none
/// (its money is in no artikel's total; its reader reports it).</item>
/// </list>
/// </summary>
public static class Standsamenstelling
{
    /// <summary>Lower is more detailed: where sources differ on an amount, the lowest rank counts.</summary>
    public static int Rang(string formaat) => formaat switch
    {
        "standen-csv" => 0,
        Documentlezer.Formaat => 1,
        "budgettaire-tabellen" => 2,
        "begrotingsstaten" => 3,
        _ => 4,
    };

    /// <summary>The composition of sources read whole into memory (a single file's check, the tests): the same rules as a load.</summary>
    public static (IReadOnlyList<SamengesteldeStand> Standen, IReadOnlyList<Bevinding> Bevindingen) Stel(IEnumerable<Bijdrage> bijdragen)
    {
        var lijst = bijdragen.ToList();
        var delen = lijst.Select(b => (Regels: b.Resultaat.Regels.ToLookup(r => r.Stand), Totalen: b.Resultaat.Totalen.ToLookup(t => t.Stand))).ToList();
        var bevindingen = new List<Bevinding>();
        var standen = Stel(lijst.Select(b => new Bronoverzicht(b.Bron, b.Resultaat.Formaat, b.Resultaat.Standen)).ToList(),
            (i, stand) => new Standdeel(delen[i].Regels[stand].ToList(), delen[i].Totalen[stand].ToList()), bevindingen).ToList();
        return (standen, bevindingen);
    }

    /// <summary>
    /// Composes the standen one at a time, in the order they are stored (hoofdstuk, begrotingsjaar, fase in the cycle), asking
    /// <paramref name="deel"/> for a source's part of a stand (by the source's index in <paramref name="bronnen"/>) only when that
    /// stand is composed: a load holds one stand's lines at a time. The findings of the composition are added to
    /// <paramref name="bevindingen"/> as the standen are enumerated.
    /// </summary>
    public static IEnumerable<SamengesteldeStand> Stel(IReadOnlyList<Bronoverzicht> bronnen, Func<int, Standsleutel, Standdeel> deel, List<Bevinding> bevindingen)
    {
        // Per (stand, format) the last contribution in load order; the rest of that format for that stand is replaced.
        var gekozen = new Dictionary<(Standsleutel, string), int>();
        foreach (var i in Enumerable.Range(0, bronnen.Count).OrderBy(i => bronnen[i].Bron.Volgorde))
        {
            foreach (var stand in bronnen[i].Standen.Select(s => s.Stand).Distinct())
            {
                gekozen[(stand, bronnen[i].Formaat)] = i;
            }
        }

        foreach (var groep in gekozen.GroupBy(g => g.Key.Item1).OrderBy(g => g.Key.Hoofdstuk, StringComparer.Ordinal).ThenBy(g => g.Key.Begrotingsjaar).ThenBy(g => Begrotingscodes.Volgorde(g.Key.Fase)))
        {
            var stand = new SamengesteldeStand(groep.Key);
            var regels = new Dictionary<string, SamengesteldeRegel>(StringComparer.Ordinal);
            var delenNietGenomen = new List<(Standregel Regel, Bronbestand Bron, Bronbestand Telt)>();
            foreach (var i in groep.Select(g => g.Value).OrderBy(i => Rang(bronnen[i].Formaat)).ThenBy(i => bronnen[i].Bron.Volgorde))
            {
                var bron = bronnen[i].Bron;
                var kop = bronnen[i].Standen.First(s => s.Stand == stand.Sleutel);
                stand.NaamZoalsGepubliceerd ??= kop.NaamZoalsGepubliceerd;
                var gelezen = deel(i, stand.Sleutel);
                var eigen = gelezen.Regels.ToList();
                var totalen = gelezen.Totalen;
                stand.Bronnen.Add((bron, Inhoudshash(eigen, totalen)));
                // A later publication's artikelen on the stand's numbers (BZ's 41–47 are the budgettaire tabellen's 1–7), so the same
                // artikel is one line; an artikel that cannot be matched is a finding and is not loaded a second time.
                if (stand.Regels.Count > 0) eigen = Gekoppeld(stand, eigen, bron, bevindingen);
                foreach (var regel in eigen)
                {
                    if (Voegtoe(stand, regels, regel, bron, bevindingen) is { } anders) delenNietGenomen.Add((regel, bron, anders));
                }
                foreach (var totaal in totalen)
                {
                    // The same printed total from two sources counts once (the more detailed source's), like a line.
                    if (!stand.Totalen.Any(t => t.Totaal.Soort == totaal.Soort && t.Totaal.Totaal == totaal.Totaal)) stand.Totalen.Add((totaal, bron));
                }
            }
            bevindingen.AddRange(delenNietGenomen.GroupBy(d => (d.Regel.Soort, d.Regel.Artikel, d.Bron, d.Telt)).Select(g => DelenNietGenomen(stand.Sleutel, g.Select(d => d.Regel).ToList(), g.Key.Bron, g.Key.Telt)));
            KoppelOuders(stand, regels);
            stand.Etag = Etag(stand);
            yield return stand;
        }
    }

    /// <summary>The identity of a line within its stand: soort, artikel and the path, compared without regard to case or spacing.</summary>
    public static string Regelsleutel(string soort, int artikel, IEnumerable<Padstap> pad) =>
        string.Join('\u001f', new[] { soort, artikel.ToString(CultureInfo.InvariantCulture) }
            .Concat(pad.Select(p => p.Niveau + "\u001e" + Normaal(p.Omschrijving))));

    private static string Normaal(string tekst) => string.Join(' ', tekst.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    /// <summary>
    /// Adds a line to the stand, or its amounts to the same line another source gave. Returns the source whose parts count when the
    /// line is a part that source's parts of the same artikel do not have: parts of two publications are never added together
    /// beneath one line, so the part is not taken (a publication with more depth adds parts only where the stand has none).
    /// </summary>
    private static Bronbestand? Voegtoe(SamengesteldeStand stand, Dictionary<string, SamengesteldeRegel> regels, Standregel regel, Bronbestand bron, List<Bevinding> bevindingen)
    {
        var sleutel = Regelsleutel(regel.Soort, regel.Artikel, regel.Pad);
        if (!regels.TryGetValue(sleutel, out var samengesteld))
        {
            if (regel.Pad.Count > 0 && stand.DelenVan.TryGetValue((regel.Soort, regel.Artikel), out var delenBron) && delenBron != bron) return delenBron;
            if (regel.Pad.Count > 0) stand.DelenVan[(regel.Soort, regel.Artikel)] = bron;
            samengesteld = new SamengesteldeRegel(regel, bron, sleutel);
            regels[sleutel] = samengesteld;
            stand.Regels.Add(samengesteld);
        }
        else
        {
            samengesteld.Categorie ??= regel.Categorie;
        }
        foreach (var (jaar, bedrag) in regel.Bedragen)
        {
            var waar = regel.HerkomstPerJaar?.GetValueOrDefault(jaar) ?? regel.Herkomst;
            if (!samengesteld.Bedragen.TryGetValue(jaar, out var bestaand))
            {
                samengesteld.Bedragen[jaar] = new Bedragbron(bedrag, bron, waar);
            }
            else if (bestaand.Bedrag != bedrag)
            {
                bevindingen.Add(Verschil(stand.Sleutel, samengesteld, jaar, bestaand, new Bedragbron(bedrag, bron, waar)));
            }
        }
        return null;
    }

    /// <summary>
    /// The lines of a publication of a stand that already has lines, on the stand's artikel numbers (<see cref="Artikelkoppeling"/>).
    /// The lines of an artikel that cannot be matched are left out, each such artikel a finding with its figures and the candidates'.
    /// </summary>
    private static List<Standregel> Gekoppeld(SamengesteldeStand stand, List<Standregel> eigen, Bronbestand bron, List<Bevinding> bevindingen)
    {
        var standbeeld = Artikelbeeld.Van(stand.Regels.Where(r => r.Diepte == 0)
            .Select(r => (r.Regel, (IReadOnlyDictionary<int, long?>)r.Bedragen.ToDictionary(b => b.Key, b => b.Value.Bedrag))));
        var publicatiebeeld = Artikelbeeld.Van(eigen.Where(r => r.Pad.Count == 0).Select(r => (r, r.Bedragen)));
        var koppeling = Artikelkoppeling.Koppel(standbeeld, publicatiebeeld);
        foreach (var (artikel, kandidaten) in koppeling.Ongekoppeld)
        {
            bevindingen.Add(Ongekoppeld(stand, eigen.Where(r => r.Artikel == artikel && r.Pad.Count == 0).ToList(), bron, kandidaten));
        }
        var weg = koppeling.Ongekoppeld.Select(o => o.Artikel).ToHashSet();
        return eigen.Where(r => !weg.Contains(r.Artikel))
            .Select(r => koppeling.Nummers.TryGetValue(r.Artikel, out var op) && op != r.Artikel ? r with { Artikel = op } : r)
            .ToList();
    }

    /// <summary>An artikel of a publication that is none of the stand's artikelen by number, name or amount, while the stand has artikelen it may be.</summary>
    private static Bevinding Ongekoppeld(SamengesteldeStand stand, List<Standregel> regels, Bronbestand bron, IReadOnlyList<int> kandidaten)
    {
        var artikel = regels[0].Artikel;
        var kandidaatregels = stand.Regels.Where(r => r.Diepte == 0 && kandidaten.Contains(r.Regel.Artikel)).ToList();
        var jaren = regels.SelectMany(r => r.Bedragen.Where(b => b.Value is not null).Select(b => (r.Soort, b.Key))).ToHashSet();
        var cijfers = regels.SelectMany(r => r.Bedragen.Where(b => b.Value is not null).Select(b =>
                Cijfer(new Bedragbron(b.Value, bron, r.HerkomstPerJaar?.GetValueOrDefault(b.Key) ?? r.Herkomst), b.Key, Omschrijving(stand.Sleutel, r))))
            .Concat(kandidaatregels.SelectMany(k => k.Bedragen.Where(b => jaren.Contains((k.Regel.Soort, b.Key))).Select(b => Cijfer(b.Value, b.Key, Omschrijving(stand.Sleutel, k.Regel)))))
            .ToList();
        var naam = regels[0].Omschrijving;
        var telt = string.Join(", ", kandidaatregels.Select(k => k.Bron.Naam).Distinct());
        return new Bevinding
        {
            Id = string.Join('/', Bevindingsoorten.BronnenVerschillen, stand.Sleutel.Id, "ongekoppeld", bron.Naam, artikel.ToString(CultureInfo.InvariantCulture)).Replace(' ', '-'),
            Soort = Bevindingsoorten.BronnenVerschillen,
            Ernst = Bevindingsoorten.Tegenstrijdig,
            Hoofdstuk = stand.Sleutel.Hoofdstuk,
            Begrotingsjaar = stand.Sleutel.Begrotingsjaar,
            Fase = stand.Sleutel.Fase,
            Uitleg = $"Artikel {artikel} ({naam}) van {bron.Naam} (regel {regels[0].Herkomst.Regel}) is geen van de artikelen van de stand uit {telt}: " +
                     $"niet op nummer, en niet op naam en bedrag te koppelen aan artikel {string.Join(", ", kandidaten)}, die {(kandidaten.Count == 1 ? "kan" : "kunnen")} " +
                     "hetzelfde artikel zijn. Het telt niet als tweede artikel: de stand geeft de bedragen van " + telt + ". Beide reeksen bedragen staan hieronder.",
            Cijfers = cijfers,
            JuisteWaarde = null,
            Eenheid = Begrotingscodes.EenheidBegroting,
        };
    }

    /// <summary>The parts of a line that a later publication gives beneath a line whose parts come from another publication: not taken, one finding per artikel.</summary>
    private static Bevinding DelenNietGenomen(Standsleutel stand, List<Standregel> delen, Bronbestand bron, Bronbestand telt)
    {
        var eerste = delen[0];
        return new Bevinding
        {
            Id = string.Join('/', Bevindingsoorten.BronnenVerschillen, stand.Id, "delen", bron.Naam, eerste.Soort, eerste.Artikel.ToString(CultureInfo.InvariantCulture)).Replace(' ', '-'),
            Soort = Bevindingsoorten.BronnenVerschillen,
            Ernst = Bevindingsoorten.Tegenstrijdig,
            Hoofdstuk = stand.Hoofdstuk,
            Begrotingsjaar = stand.Begrotingsjaar,
            Fase = stand.Fase,
            Uitleg = $"{bron.Naam} deelt {stand.Hoofdstuk} {eerste.Soort} artikel {eerste.Artikel} anders op dan {telt.Naam}: {delen.Count} {(delen.Count == 1 ? "deel staat" : "delen staan")} " +
                     $"niet in {telt.Naam} ({string.Join("; ", delen.Take(5).Select(d => Padtekst(d.Pad)))}{(delen.Count > 5 ? "; …" : "")}). De delen van {telt.Naam} tellen; " +
                     "delen van twee publicaties worden nooit bij elkaar opgeteld.",
            Cijfers = delen.SelectMany(d => d.Bedragen.Where(b => b.Value is not null).Select(b =>
                Cijfer(new Bedragbron(b.Value, bron, d.HerkomstPerJaar?.GetValueOrDefault(b.Key) ?? d.Herkomst), b.Key, Omschrijving(stand, d)))).ToList(),
            JuisteWaarde = null,
            Eenheid = Begrotingscodes.EenheidBegroting,
        };
    }

    private static Bevinding Verschil(Standsleutel stand, SamengesteldeRegel regel, int jaar, Bedragbron telt, Bedragbron anders)
    {
        var omschrijving = Omschrijving(stand, regel.Regel);
        string Tekst(long? b) => b is null ? "leeg" : b.Value.ToString("#,0", CultureInfo.InvariantCulture).Replace(',', '.');
        return new Bevinding
        {
            Id = string.Join('/', new[] { Bevindingsoorten.BronnenVerschillen, stand.Id, regel.Regel.Soort, regel.Regel.Artikel.ToString(CultureInfo.InvariantCulture),
                Padtekst(regel.Regel.Pad), jaar.ToString(CultureInfo.InvariantCulture) }.Where(d => d.Length > 0)).Replace(' ', '-'),
            Soort = Bevindingsoorten.BronnenVerschillen,
            Ernst = Bevindingsoorten.Tegenstrijdig,
            Hoofdstuk = stand.Hoofdstuk,
            Begrotingsjaar = stand.Begrotingsjaar,
            Fase = stand.Fase,
            Uitleg = $"Twee bronnen geven dezelfde regel ({omschrijving}, {jaar}) met een ander bedrag: {telt.Bron.Naam} (regel {telt.Waar.Regel}) " +
                     $"{Tekst(telt.Bedrag)}, {anders.Bron.Naam} (regel {anders.Waar.Regel}) {Tekst(anders.Bedrag)}. Het bedrag van {telt.Bron.Naam} telt, " +
                     
                     "omdat de meest gedetailleerde bron voorgaat (eigen standbestanden, dan het document, dan de budgettaire tabellen, dan de begrotingsstaten); " +
                     "het bedrag telt één keer.",
            Cijfers =
            [
                Cijfer(telt, jaar, omschrijving),
                Cijfer(anders, jaar, omschrijving),
            ],
            JuisteWaarde = null,
            Eenheid = Begrotingscodes.EenheidBegroting,
        };
    }

    private static Bevindingcijfer Cijfer(Bedragbron b, int jaar, string omschrijving) => new()
    {
        Waarde = b.Bedrag,
        ZoalsGedrukt = null,
        Eenheid = Begrotingscodes.EenheidBegroting,
        Jaar = jaar,
        Omschrijving = omschrijving,
        BronSectie = b.Bron.Formaat,
        BronBestand = b.Bron.Naam,
        BronRegel = b.Waar.Regel,
    };

    /// <summary>"VI uitgaven artikel 31 > Bekostiging nationale politie": a line named the way findings and errors name it.</summary>
    public static string Omschrijving(Standsleutel stand, Standregel regel) =>
        $"{stand.Hoofdstuk} {regel.Soort} artikel {regel.Artikel}" + (regel.Pad.Count == 0 ? $" {regel.Omschrijving}" : " > " + Padtekst(regel.Pad));

    private static string Padtekst(IEnumerable<Padstap> pad) => string.Join(" > ", pad.Select(p => p.Omschrijving));

    /// <summary>
    /// Each part hangs under the line with the longest proper prefix of its path. A part whose artikel line no source gives keeps no
    /// parent: it is loaded as printed and counts in no artikel's total (its reader reports it: kind wees).
    /// </summary>
    private static void KoppelOuders(SamengesteldeStand stand, Dictionary<string, SamengesteldeRegel> regels)
    {
        foreach (var regel in stand.Regels.Where(r => r.Diepte > 0))
        {
            for (var lengte = regel.Diepte - 1; lengte >= 0 && regel.Ouder is null; lengte--)
            {
                regel.Ouder = regels.GetValueOrDefault(Regelsleutel(regel.Regel.Soort, regel.Regel.Artikel, regel.Regel.Pad.Take(lengte)));
            }
        }
    }

    /// <summary>
    /// The hash of one source's contribution to a stand, as read: an import that brings the same content changes nothing. It covers
    /// everything the stand serves from the source (docs/standen.md, "ETag"): each line's path and description exactly as written, its
    /// code, categorie, total marking and table, and every amount; each printed total's name, scope, table and amounts. An import that
    /// changes only a name or a categorie is a change, not 'ongewijzigd'.
    /// </summary>
    public static string Inhoudshash(IEnumerable<Standregel> regels, IEnumerable<GedruktStandtotaal> totalen)
    {
        var tekst = new Hashtekst();
        foreach (var r in regels.Select(r => (Sleutel: Regelsleutel(r.Soort, r.Artikel, r.Pad), Regel: r)).OrderBy(r => r.Sleutel, StringComparer.Ordinal)
                     .ThenBy(r => Regeltekst(r.Regel), StringComparer.Ordinal))
        {
            tekst.Tekst.Append(r.Sleutel).Append('\u001f').Append(Regeltekst(r.Regel));
            foreach (var (jaar, bedrag) in r.Regel.Bedragen.OrderBy(b => b.Key)) tekst.Tekst.Append(CultureInfo.InvariantCulture, $"|{jaar}={bedrag}");
            tekst.Regeleinde();
        }
        foreach (var t in totalen.OrderBy(t => t.Soort, StringComparer.Ordinal).ThenBy(t => t.Totaal, StringComparer.Ordinal))
        {
            tekst.Tekst.Append(Totaaltekst(t));
            foreach (var (jaar, bedrag) in t.Bedragen.OrderBy(b => b.Key)) tekst.Tekst.Append(CultureInfo.InvariantCulture, $"|{jaar}={bedrag}");
            tekst.Regeleinde();
        }
        return tekst.Hash();
    }

    /// <summary>What a line shows besides its identity and amounts: path and description as written, code, categorie, total marking, table.</summary>
    private static string Regeltekst(Standregel r) =>
        string.Join('\u001f', r.Pad.Select(p => p.Niveau + "\u001e" + p.Omschrijving)) + "\u001f" + r.Omschrijving + "\u001f" + r.Code + "\u001f" + r.Categorie
        + "\u001f" + (r.IsTotaalregel ? "J" : "N") + "\u001f" + r.BronTabel;

    /// <summary>What a printed total shows besides its amounts: soort, name, whether it counts only the beleidsartikelen, table.</summary>
    private static string Totaaltekst(GedruktStandtotaal t) =>
        $"totaal\u001f{t.Soort}\u001f{t.Totaal}\u001f{(t.AlleenBeleidsartikelen ? "beleid" : "alle")}\u001f{t.BronTabel}";

    /// <summary>
    /// The stand's strong ETag: a hash of everything served for it (docs/standen.md, "ETag"): its sources (name, format, sha256), the
    /// name it is published under, every line (identity, path and description as written, code, categorie, total marking, table) with
    /// each amount and the source and place it is served from, and every printed total. Any change an import stores changes it.
    /// </summary>
    private static string Etag(SamengesteldeStand stand)
    {
        var tekst = new Hashtekst();
        foreach (var (bron, _) in stand.Bronnen) tekst.Tekst.Append(CultureInfo.InvariantCulture, $"bron\u001f{bron.Naam}\u001f{bron.Formaat}\u001f{bron.Sha256}\n");
        tekst.Tekst.Append("naam\u001f").Append(stand.NaamZoalsGepubliceerd).Append('\n');
        foreach (var r in stand.Regels.OrderBy(r => r.Sleutel, StringComparer.Ordinal))
        {
            tekst.Tekst.Append(r.Sleutel).Append('\u001f').Append(Regeltekst(r.Regel)).Append('\u001f').Append(r.Categorie);
            foreach (var (jaar, b) in r.Bedragen) tekst.Tekst.Append(CultureInfo.InvariantCulture, $"|{jaar}={b.Bedrag}@{b.Bron.Naam}:{b.Waar}");
            tekst.Regeleinde();
        }
        foreach (var (t, bron) in stand.Totalen.OrderBy(t => t.Totaal.Soort, StringComparer.Ordinal).ThenBy(t => t.Totaal.Totaal, StringComparer.Ordinal))
        {
            tekst.Tekst.Append(Totaaltekst(t)).Append('@').Append(bron.Naam).Append(':').Append(t.Herkomst);
            foreach (var (jaar, bedrag) in t.Bedragen.OrderBy(b => b.Key)) tekst.Tekst.Append(CultureInfo.InvariantCulture, $"|{jaar}={bedrag}");
            tekst.Regeleinde();
        }
        return "\"" + tekst.Hash()[..24] + "\"";
    }

    /// <summary>
    /// The text a hash is taken of, hashed as it is written: the SHA-256 of its UTF-8, the same as of the whole text at once, without
    /// holding a stand's text (megabytes for a large stand, one large-object allocation each) and its bytes whole. It is handed on only
    /// at a line end, so a character is never split between two pieces.
    /// </summary>
    private sealed class Hashtekst
    {
        private const int Stuk = 16 * 1024;
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        public StringBuilder Tekst { get; } = new();

        public void Regeleinde()
        {
            Tekst.Append('\n');
            if (Tekst.Length >= Stuk) Geef();
        }

        public string Hash()
        {
            Geef();
            var hash = Convert.ToHexStringLower(_hash.GetHashAndReset());
            _hash.Dispose();
            return hash;
        }

        private void Geef()
        {
            if (Tekst.Length == 0) return;
            _hash.AppendData(Encoding.UTF8.GetBytes(Tekst.ToString()));
            Tekst.Clear();
        }
    }
}
