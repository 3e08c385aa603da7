using BudgetApi.Domein;
using BudgetApi.Opslag;
using Dapper;

namespace BudgetApi.Bevindingen;

/// <summary>
/// What each finding is about, for the filters of /bevindingen: the begroting it belongs to (?begroting=) and the words it can be
/// found by (?q=). Made once per version of the data, like the list itself.
/// <para>
/// A finding about budget lines belongs to their begroting (its hoofdstuk). A finding about an organisation's own figures has no
/// budget line and so no hoofdstuk, yet the organisation belongs to a begroting, and an analyst of that begroting must see it
/// (DJI's € 3,3 miljard against the € 3,6 miljard the ministry funds). The begroting of an organisation, from the data:
/// <list type="number">
/// <item>the begrotingen of the budget lines its own figures are the money of or follow (komt_overeen_met, volgt): IND's budget
/// is AenM's 'bijdrage IND', so IND is AenM's; DJI's budget is JenV's 'Bijdrage DJI';</item>
/// <item>without such a line, the begroting of the organisation it is part of (onderdeel_van), up the tree: GW-VB is DJI's, so
/// JenV's; PDOEK is DGM's, and DGM is the ministry's;</item>
/// <item>at the top, and for an organisation the text names no parent of (Politie has its own line; NCSC, COA have none): the
/// ministry the registry describes (soort ministerie: JenV), whose begroting has its code. The registry is the organisation of the
/// dossier of JenV; every organisation in it is one the ministry names as its own or as one it funds.</item>
/// </list>
/// </para>
/// </summary>
public sealed class Bevindingonderwerpen
{
    private readonly IReadOnlyDictionary<string, IReadOnlySet<string>> _hoofdstukken;
    private readonly IReadOnlyDictionary<string, Organisatienaam> _namen;
    private readonly Catalogus _catalogus;
    private readonly Lazy<IReadOnlyDictionary<string, IReadOnlyList<string>>> _woorden;

    private Bevindingonderwerpen(IReadOnlyDictionary<string, IReadOnlySet<string>> hoofdstukken, IReadOnlyDictionary<string, Organisatienaam> namen,
        Catalogus catalogus, Bevindinglijst lijst)
    {
        (_hoofdstukken, _namen, _catalogus) = (hoofdstukken, namen, catalogus);
        _woorden = new(() => lijst.Alle.ToDictionary(b => b.Id, Woorden, StringComparer.Ordinal));
    }

    /// <summary>Those of one version of the data, made once.</summary>
    public static Bevindingonderwerpen Van(Gegevens g) => g.Berekend(x => Lees(x.Db, x.Catalogus, Bevindinglijst.Van(x)));

    /// <summary>The hoofdstukken of the begrotingen an organisation belongs to (the rule above); empty for a code not in the registry.</summary>
    public IReadOnlySet<string> Hoofdstukken(string organisatie) =>
        _hoofdstukken.TryGetValue(organisatie, out var h) ? h : new HashSet<string>();

    /// <summary>
    /// True when the finding belongs to the begroting of this hoofdstuk: its own hoofdstuk, or, for a finding about organisation
    /// figures only, the begroting of an organisation it names or holds a figure of.
    /// </summary>
    public bool IsVan(Bevinding b, string hoofdstuk) =>
        b.Hoofdstuk is not null ? b.Hoofdstuk == hoofdstuk : Organisaties(b).Any(o => Hoofdstukken(o).Contains(hoofdstuk));

    /// <summary>True when every word of the question begins a word of the finding (<see cref="Zoekterm"/>, the one search rule).</summary>
    public bool Past(Bevinding b, Zoekterm zoek) => zoek.PastOp(_woorden.Value[b.Id]);

    /// <summary>
    /// What a finding is found by: its explanation, its kind and severity in words, the begroting (code, hoofdstuk, name) it
    /// belongs to, the organisations it is about (code, name, abbreviation), and what each of its figures is (the budget line with
    /// its artikel's name, or what the organisation figure measures).
    /// </summary>
    private IEnumerable<string?> Teksten(Bevinding b)
    {
        yield return b.Uitleg;
        yield return Bevindingsoorten.Label(b.Soort);
        yield return Bevindingsoorten.Label(b.Ernst);
        var organisaties = Organisaties(b).ToList();
        var hoofdstukken = b.Hoofdstuk is not null ? [b.Hoofdstuk] : organisaties.SelectMany(Hoofdstukken).Distinct();
        foreach (var h in hoofdstukken)
        {
            if (_catalogus.ZoekBegroting(h) is not { } begroting) continue;
            yield return begroting.Code;
            yield return begroting.Hoofdstuk;
            yield return begroting.Naam;
        }
        foreach (var o in organisaties)
        {
            yield return o;
            if (_namen.TryGetValue(o, out var naam))
            {
                yield return naam.Naam;
                yield return naam.Afkorting;
            }
        }
        foreach (var c in b.Cijfers) yield return c.Omschrijving;
    }

    private IReadOnlyList<string> Woorden(Bevinding b) =>
        Teksten(b).Where(t => t is not null).SelectMany(t => Zoekterm.Woordenvan(t!)).Distinct().ToArray();

    /// <summary>The organisations a finding is about: the one it names and those whose figures it holds (as ?organisatie= means it).</summary>
    private static IEnumerable<string> Organisaties(Bevinding b) =>
        new[] { b.Organisatie }.Concat(b.Cijfers.Select(c => c.Organisatie)).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase);

    private const string RegisterSql = "SELECT code AS Code, naam AS Naam, afkorting AS Afkorting, soort AS Soort, onderdeel_van AS OnderdeelVan FROM organisatie";

    private static Bevindingonderwerpen Lees(BudgetDb db, Catalogus catalogus, Bevindinglijst lijst)
    {
        List<Registerrij> register;
        using (var verbinding = db.Open()) register = verbinding.Query<Registerrij>(RegisterSql).ToList();
        var cijfers = db.LeesOrganisatiecijfers();
        var eigen = register.ToDictionary(o => o.Code, o => cijfers
            .Where(c => string.Equals(c.Organisatie, o.Code, StringComparison.OrdinalIgnoreCase))
            .SelectMany(c => new[] { c.KomtOvereenMet, c.Volgt })
            .OfType<string>()
            .SelectMany(s => s.Split('+', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Select(sleutel => catalogus.ZoekBegroting(sleutel.Split(':')[0])?.Hoofdstuk)
            .OfType<string>().ToHashSet(), StringComparer.OrdinalIgnoreCase);
        var ouders = register.ToDictionary(o => o.Code, o => o.OnderdeelVan, StringComparer.OrdinalIgnoreCase);
        var ministeries = register.Where(o => o.Soort == "ministerie" && o.OnderdeelVan is null)
            .Select(o => catalogus.ZoekBegroting(o.Code)?.Hoofdstuk).OfType<string>().ToHashSet();

        IReadOnlySet<string> Van(string code)
        {
            // Up the tree to the first organisation with a line of its own; a loop in the registry ends at the ministry too.
            var gezien = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (var huidig = code; huidig is not null && gezien.Add(huidig); huidig = ouders.GetValueOrDefault(huidig))
            {
                if (eigen.TryGetValue(huidig, out var h) && h.Count > 0) return h;
            }
            return ministeries;
        }

        var hoofdstukken = register.ToDictionary(o => o.Code, o => Van(o.Code), StringComparer.OrdinalIgnoreCase);
        var namen = register.ToDictionary(o => o.Code, o => new Organisatienaam(o.Naam, o.Afkorting), StringComparer.OrdinalIgnoreCase);
        return new Bevindingonderwerpen(hoofdstukken, namen, catalogus, lijst);
    }

    private sealed record Organisatienaam(string Naam, string? Afkorting);

    private sealed class Registerrij
    {
        public string Code { get; set; } = "";
        public string Naam { get; set; } = "";
        public string? Afkorting { get; set; }
        public string Soort { get; set; } = "";
        public string? OnderdeelVan { get; set; }
    }
}
