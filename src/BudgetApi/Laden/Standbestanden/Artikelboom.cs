using BudgetApi.Domein;
using static BudgetApi.Laden.Standbestanden.Bevindingmaker;

namespace BudgetApi.Laden.Standbestanden;

/// <summary>One line of an artikel's tree: a row of the file, or a grouping its parts name but that has no row of its own.</summary>
internal sealed class Knoop
{
    /// <summary>The row this line is; null for a grouping named only in its parts' columns.</summary>
    public Tabelrij? Rij { get; init; }

    /// <summary>The row that printed it (for a grouping: the first part that names it).</summary>
    public required Tabelrij Bron { get; init; }

    /// <summary>The steps as the columns give them (labels removed), for matching later rows; never numbered.</summary>
    public required IReadOnlyList<Padstap> Ruw { get; set; }

    /// <summary>The line's path in the model: its parent's path and its own step (numbered when a sibling has the same name).</summary>
    public required IReadOnlyList<Padstap> Pad { get; set; }

    public Knoop? Ouder { get; set; }
    public List<Knoop> Delen { get; } = [];

    public bool IsGroepering => Rij is null;

    /// <summary>A J row that took the N rows following it at its own level as its parts (IXA, IXB, X).</summary>
    public bool Adopteert { get; set; }

    /// <summary>A J total whose one N detail repeated it and was folded into it: it has its detail, so J is no contradiction.</summary>
    public bool HeeftGevouwenDetail { get; set; }

    /// <summary>Set when this line repeats an earlier sibling's name; the earlier one it repeats.</summary>
    public Knoop? HerhaaltNaamVan { get; set; }

    public string Niveau => Pad.Count == 0 ? Begrotingscodes.NiveauArtikel : Pad[^1].Niveau;

    /// <summary>Its own figure for a year; for a grouping or a blank total, the sum of its parts (only to check the parent's sum).</summary>
    public long? Bijdrage(int jaar)
    {
        if (Rij?.Bedragen.GetValueOrDefault(jaar) is { } eigen) return eigen;
        if (Delen.Count == 0 || Delen.All(d => d.Niveau == Begrotingscodes.NiveauWaarvan)) return null;
        var delen = Delen.Select(d => d.Bijdrage(jaar)).Where(b => b is not null).ToList();
        return delen.Count == 0 ? null : delen.Sum(b => b!.Value);
    }

    public void ZetPad(IReadOnlyList<Padstap> pad)
    {
        Pad = pad;
        foreach (var deel in Delen) deel.ZetPad([.. pad, deel.Pad[^1]]);
    }
}

/// <summary>
/// Turns the rows of one artikel and soort into its lines: the artikel line, and below it the parts at their depth,
/// with the paths the columns give. docs/standbestanden.md explains each rule and why.
/// </summary>
internal sealed class Artikelboom
{
    private static readonly string[] Volgorde =
        [Begrotingscodes.NiveauProgrammaApparaat, Begrotingscodes.NiveauArtikelonderdeel, Begrotingscodes.NiveauFinancieelInstrument,
         Begrotingscodes.NiveauUitsplitsing, Begrotingscodes.NiveauNadereOmschrijving];

    private readonly string _bestand;
    private readonly Standsleutel _stand;
    private readonly int _artikel;
    private readonly string _soort;
    private readonly string _artikelnaam;
    private readonly List<Bevinding> _bevindingen;

    public Knoop? Artikel { get; private set; }
    public List<Knoop> Knopen { get; } = [];

    private Artikelboom(string bestand, Standsleutel stand, int artikel, string soort, string artikelnaam, List<Bevinding> bevindingen)
    {
        _bestand = bestand;
        _stand = stand;
        _artikel = artikel;
        _soort = soort;
        _artikelnaam = artikelnaam;
        _bevindingen = bevindingen;
    }

    public static Artikelboom Bouw(string bestand, Standsleutel stand, int artikel, string soort, string artikelnaam,
        IReadOnlyList<Tabelrij> rijen, List<Bevinding> bevindingen)
    {
        var boom = new Artikelboom(bestand, stand, artikel, soort, artikelnaam, bevindingen);
        boom.BouwBoom(rijen);
        return boom;
    }

    private string Wat => $"{_stand.Hoofdstuk} {_soort} artikel {_artikel}";

    private string WatVan(Knoop k) => k.Pad.Count == 0 ? $"{Wat} {_artikelnaam}".Trim() : $"{Wat} > {string.Join(" > ", k.Pad.Select(p => p.Omschrijving))}";

    private void BouwBoom(IReadOnlyList<Tabelrij> rijen)
    {
        var stappen = rijen.ToDictionary(r => r, Stappen);

        // The programma/apparaat split, where the file prints it: a row named only "Apparaatsuitgaven" or "(1) Programma-uitgaven".
        var splitsingen = new Dictionary<string, string>();
        var splitsrijen = new HashSet<Tabelrij>();
        foreach (var r in rijen)
        {
            var s = stappen[r];
            if (s.Count == 1 && SplitsingSoort(s[0].Omschrijving) is { } soort && !splitsingen.ContainsKey(soort))
            {
                stappen[r] = [new Padstap(Begrotingscodes.NiveauProgrammaApparaat, s[0].Omschrijving)];
                splitsingen[soort] = s[0].Omschrijving;
                splitsrijen.Add(r);
            }
        }

        // The artikel's own row: no description below the artikel. The first with figures is the artikel line.
        var eigen = rijen.Where(r => stappen[r].Count == 0).ToList();
        var artikelrij = eigen.FirstOrDefault(r => r.HeeftCijfers) ?? eigen.FirstOrDefault();
        var overslaan = new HashSet<Tabelrij>();
        foreach (var r in eigen.Where(r => r != artikelrij))
        {
            if (!r.HeeftCijfers)
            {
                overslaan.Add(r);
                _bevindingen.Add(LegeRegel(_stand, _bestand, r, $"een regel van {Wat} zonder omschrijving en zonder bedragen (regel {artikelrij!.Regel} is de artikelregel)"));
                continue;
            }
            if (r.Bedragtekst == artikelrij!.Bedragtekst)
            {
                // The J total and an N row without description repeating it: the artikel's only detail, the same line.
                overslaan.Add(r);
                continue;
            }
            var kant = r.ProgrammaOfApparaat;
            if (kant is not null && !splitsingen.ContainsKey(kant) && kant != artikelrij.ProgrammaOfApparaat
                && rijen.Any(x => x.ProgrammaOfApparaat == kant && stappen[x].Count > 0))
            {
                // X prints its apparaat total as a row without description: its "Programma of Apparaat" names it.
                stappen[r] = [new Padstap(Begrotingscodes.NiveauProgrammaApparaat, r.ProgrammaApparaat)];
                splitsingen[kant] = r.ProgrammaApparaat;
                splitsrijen.Add(r);
                continue;
            }
            overslaan.Add(r);
            _bevindingen.Add(OverStand(_stand, _bestand, Bevindingsoorten.Tegenstrijdigheid, Bevindingsoorten.Tegenstrijdig, [_soort, $"artikel-{_artikel}", r.Regel],
                $"Regel {r.Regel} en regel {artikelrij.Regel} zijn allebei de eigen regel van {Wat} {_artikelnaam} (geen omschrijving eronder), "
                + "met andere bedragen. Regel: de eerste regel met bedragen is de artikelregel; de andere wordt niet geladen, zodat geen geld dubbel telt.",
                [.. Cijfers(artikelrij, "artikelregel"), .. Cijfers(r, "tweede eigen regel")]));
        }

        if (splitsingen.Count > 0)
        {
            foreach (var r in rijen)
            {
                if (splitsrijen.Contains(r) || stappen[r].Count == 0) continue;
                if (r.ProgrammaOfApparaat is { } kant && splitsingen.TryGetValue(kant, out var naam))
                    stappen[r] = [new Padstap(Begrotingscodes.NiveauProgrammaApparaat, naam), .. stappen[r]];
            }
        }

        if (artikelrij is not null)
        {
            Artikel = new Knoop { Rij = artikelrij, Bron = artikelrij, Ruw = [], Pad = [] };
            Knopen.Add(Artikel);
        }

        foreach (var r in rijen)
        {
            if (r == artikelrij || overslaan.Contains(r)) continue;
            Plaats(r, stappen[r]);
        }

        HerstelVerkeerdGeplaatst(rijen);
        LosHerhaaldeNamenOp();
        SnoeiLegeBladeren();
        MarkeerWaarvan();
    }

    /// <summary>
    /// Parts that are all "waarvan …" ("Waarvan garantieverplicht" under an artikel's verplichtingen) name some of the
    /// total, not all of it: they are waarvan lines, which need not add up to their parent. A "waarvan" beside an "Overig"
    /// (VI: waarvan eigen personeel, waarvan externe inhuur, Overig) does cover its total and stays a part like any other.
    /// </summary>
    private void MarkeerWaarvan()
    {
        foreach (var knoop in Knopen.Where(k => k.Delen.Count > 0).ToList())
        {
            if (!knoop.Delen.All(d => Standwoorden.Sleutel(d.Ruw[^1].Omschrijving).StartsWith("waarvan", StringComparison.Ordinal))) continue;
            foreach (var deel in knoop.Delen)
                deel.ZetPad([.. knoop.Pad, deel.Pad[^1] with { Niveau = Begrotingscodes.NiveauWaarvan }]);
        }
    }

    /// <summary>True when a line's parts are waarvan lines: they name some of it, so they are not checked against it.</summary>
    public static bool HeeftAlleenWaarvan(Knoop knoop) => knoop.Delen.Count > 0 && knoop.Delen.All(d => d.Niveau == Begrotingscodes.NiveauWaarvan);

    /// <summary>The steps the columns give, top down, with labels removed (see docs: a label repeats what is already known).</summary>
    private List<Padstap> Stappen(Tabelrij r)
    {
        var stappen = new List<Padstap>();
        var code = r.Code;
        var clustering = r.Clustering;
        // "11 Verplichtingen" (XII) or "Apparaatsuitgaven Kerndepartement" on artikel 91 of that name: the artikel itself.
        if (clustering.Length > 0 && (IsSoortlabel(clustering) || Standwoorden.Gelijk(clustering, _artikelnaam))) clustering = code = "";
        if (code == _artikel.ToString(System.Globalization.CultureInfo.InvariantCulture) && clustering.Length == 0) code = "";
        if (code.Length > 0 || clustering.Length > 0)
            stappen.Add(new Padstap(Begrotingscodes.NiveauArtikelonderdeel, clustering.Length > 0 ? clustering : code));

        var diepere = new[] { (r.Instrument, Begrotingscodes.NiveauFinancieelInstrument), (r.Uitsplitsing, Begrotingscodes.NiveauUitsplitsing), (r.Nadere, Begrotingscodes.NiveauNadereOmschrijving) };
        var aantal = diepere.Count(d => d.Item1.Length > 0);
        foreach (var (tekst, niveau) in diepere)
        {
            if (tekst.Length == 0 || IsSoortlabel(tekst)) continue;
            if (stappen.Count == 0 && aantal == 1 && Standwoorden.Gelijk(tekst, _artikelnaam)) continue;
            if (stappen.Count > 0 && LijktOp(stappen[^1].Omschrijving, tekst)) continue;
            stappen.Add(new Padstap(niveau, tekst));
        }
        return stappen;
    }

    /// <summary>"Uitgaven", "Ontvangsten (3) + (4)", "Verplichtingen", "Totaal uitgaven": the soort's own name, a label of the artikel row.</summary>
    private bool IsSoortlabel(string tekst)
    {
        var s = Standwoorden.Sleutel(tekst).Replace("totaal", "", StringComparison.Ordinal);
        s = new string(s.Where(char.IsLetter).ToArray());
        return s == _soort;
    }

    /// <summary>"apparaat" or "programma" for a split row's name ("Apparaatsuitgaven", "(1) Programma-uitgaven", "Apparaats ontvangsten").</summary>
    private static string? SplitsingSoort(string tekst)
    {
        var s = new string(Standwoorden.Sleutel(tekst).Where(char.IsLetter).ToArray());
        return s switch
        {
            "apparaatsuitgaven" or "apparaatuitgaven" or "apparaatsontvangsten" or "apparaatontvangsten" => "apparaat",
            "programmauitgaven" or "programmaontvangsten" => "programma",
            _ => null,
        };
    }

    /// <summary>
    /// A description that repeats the step above it (XVI's "Nadere omschrijving" repeating the instrument, "1. Gezondheidsbescherming"
    /// beside onderdeel 1 "Gezondheidsbescherming", "Bijdragen aan agentschappen" under "Bijdrage aan agentschappen").
    /// </summary>
    private static bool LijktOp(string boven, string tekst)
    {
        static string Kern(string t)
        {
            var s = Standwoorden.Sleutel(t);
            s = System.Text.RegularExpressions.Regex.Replace(s, @"^\d+( \d+)*\s*", "");
            return s.Replace(" ", "", StringComparison.Ordinal);
        }
        var a = Kern(boven);
        var b = Kern(tekst);
        if (a == b) return true;
        return a.Length >= 10 && b.Length >= 10 && Afstand(a, b) <= 2;
    }

    private static int Afstand(string a, string b)
    {
        var vorige = new int[b.Length + 1];
        var huidige = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) vorige[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            huidige[0] = i;
            for (var j = 1; j <= b.Length; j++)
                huidige[j] = Math.Min(Math.Min(huidige[j - 1] + 1, vorige[j] + 1), vorige[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (vorige, huidige) = (huidige, vorige);
        }
        return vorige[b.Length];
    }

    private static int NiveauIndex(Padstap stap) => Array.IndexOf(Volgorde, stap.Niveau);

    private static bool IsVoorvoegsel(IReadOnlyList<Padstap> kort, IReadOnlyList<Padstap> lang)
    {
        if (kort.Count >= lang.Count) return false;
        for (var i = 0; i < kort.Count; i++) if (kort[i] != lang[i]) return false;
        return true;
    }

    private void Plaats(Tabelrij r, List<Padstap> ruw)
    {
        // The parent: the most recent line whose steps are a proper prefix of this row's (the artikel line when none).
        var ouder = Knopen.LastOrDefault(k => k != Artikel && IsVoorvoegsel(k.Ruw, ruw)) ?? Artikel;

        if (ouder is not null && ouder != Artikel && ouder.Ruw.Count == ruw.Count - 1
            && NiveauIndex(ruw[^1]) - NiveauIndex(ouder.Ruw[^1]) > 1)
        {
            // A skipped column (VIII: "Bekostiging" > nadere omschrijving, uitsplitsing blank): the row details the nearest
            // row above it at the skipped level under the same parent ("Hoofdbekostiging").
            var tussen = ouder.Delen.LastOrDefault(d => !d.IsGroepering && NiveauIndex(d.Ruw[^1]) < NiveauIndex(ruw[^1]));
            if (tussen is not null)
            {
                ouder = tussen;
                ruw = [.. tussen.Ruw, ruw[^1]];
            }
        }

        if (ouder is not null && r.Totaal == false)
        {
            // A J row without parts of its own takes the N rows that directly follow it at its own level or deeper, under the same
            // parent (IXA: "Rente" J, then its N rows; VIII: "Bijdrage aan agentschappen" J, then "Dienst Uitvoering Onderwijs").
            var vorige = ouder.Delen.LastOrDefault(d => !d.IsGroepering);
            if (vorige is { Rij.Totaal: true } && (vorige.Delen.Count == 0 || vorige.Adopteert)
                && (_laatste == vorige || _laatste?.Ouder == vorige)
                && vorige.Ruw.Count == ruw.Count && NiveauIndex(vorige.Ruw[^1]) <= NiveauIndex(ruw[^1]) && vorige.Ruw[^1] != ruw[^1])
            {
                vorige.Adopteert = true;
                ouder = vorige;
                ruw = [.. vorige.Ruw, ruw[^1]];
            }
        }

        // Groupings named in the columns but without a row of their own become lines without figures.
        var basis = ouder?.Ruw.Count ?? 0;
        for (var i = basis; i < ruw.Count - 1; i++)
        {
            var stap = ruw[i];
            var groep = (ouder?.Delen ?? Wezen()).LastOrDefault(k => k.IsGroepering && k.Ruw.Count == i + 1 && k.Ruw[^1] == stap && IsVoorvoegselOfGelijk(k.Ruw, ruw));
            if (groep is null)
            {
                groep = new Knoop { Rij = null, Bron = r, Ruw = ruw.Take(i + 1).ToList(), Pad = [.. ouder?.Pad ?? [], stap] };
                Hang(groep, ouder);
            }
            ouder = groep;
        }

        var knoop = new Knoop { Rij = r, Bron = r, Ruw = ruw, Pad = [.. ouder?.Pad ?? [], ruw[^1]] };
        Hang(knoop, ouder);
        _laatste = knoop;
    }

    private Knoop? _laatste;

    private static bool IsVoorvoegselOfGelijk(IReadOnlyList<Padstap> kort, IReadOnlyList<Padstap> lang) =>
        kort.Count <= lang.Count && kort.Select((s, i) => s == lang[i]).All(x => x);

    private IEnumerable<Knoop> Wezen() => Knopen.Where(k => k != Artikel && k.Ouder is null);

    /// <summary>Hangs a line under its parent; a second part with the same name gets " (2)" so each line keeps its own identity.</summary>
    private void Hang(Knoop knoop, Knoop? ouder)
    {
        knoop.Ouder = ouder;
        var broers = (ouder?.Delen ?? Wezen()).Where(d => d.Ruw[^1] == knoop.Ruw[^1]).ToList();
        if (broers.Count > 0)
        {
            var stap = knoop.Pad[^1];
            knoop.Pad = [.. knoop.Pad.Take(knoop.Pad.Count - 1), stap with { Omschrijving = $"{stap.Omschrijving} ({broers.Count + 1})" }];
            knoop.HerhaaltNaamVan = broers[0];
        }
        ouder?.Delen.Add(knoop);
        Knopen.Add(knoop);
    }

    /// <summary>
    /// An N row directly after a J row that has no parts, carrying exactly that row's figures, but naming another instrument
    /// in its column (VI 550 "Bijdrage aan agentschappen" under 549 "Subsidies"): it is that J row's part. Moved only when
    /// its column's parent does not add up with it and does without it.
    /// </summary>
    private void HerstelVerkeerdGeplaatst(IReadOnlyList<Tabelrij> rijen)
    {
        var perRij = Knopen.Where(k => k.Rij is not null).ToDictionary(k => k.Rij!);
        for (var i = 0; i + 1 < rijen.Count; i++)
        {
            if (!perRij.TryGetValue(rijen[i], out var totaal) || !perRij.TryGetValue(rijen[i + 1], out var deel)) continue;
            if (totaal == Artikel || totaal.Rij!.Totaal != true || totaal.Delen.Count > 0 || deel.Rij!.Totaal != false) continue;
            if (deel.Ruw.Count != totaal.Ruw.Count + 1 || deel.Ouder == totaal || deel.Ouder is null || deel.Delen.Count > 0) continue;
            if (deel.Rij.Bedragtekst != totaal.Rij.Bedragtekst || !deel.Rij.HeeftCijfers) continue;
            var oud = deel.Ouder;
            if (oud.Rij is null || SluitMet(oud, null) || !SluitMet(oud, deel)) continue;

            oud.Delen.Remove(deel);
            deel.Ouder = totaal;
            deel.HerhaaltNaamVan = null;
            totaal.Delen.Add(deel);
            deel.Ruw = [.. totaal.Ruw, deel.Ruw[^1]];
            deel.ZetPad([.. totaal.Pad, deel.Ruw[^1]]);
            _bevindingen.Add(OverStand(_stand, _bestand, Bevindingsoorten.CodePastNietBijNaam, Bevindingsoorten.Tegenstrijdig, [_soort, $"artikel-{_artikel}", deel.Rij.Regel],
                $"Regel {deel.Rij.Regel} ('{deel.Pad[^1].Omschrijving}') noemt in zijn kolommen '{string.Join(" > ", deel.Rij.Omschrijvingen.Where(o => o.Length > 0))}', "
                + $"maar staat direct onder totaalregel {totaal.Rij.Regel} ('{totaal.Pad[^1].Omschrijving}'), die verder geen delen heeft en precies dezelfde bedragen draagt. "
                + $"Onder '{oud.Pad[^1].Omschrijving}' (regel {oud.Rij.Regel}) zou het bedrag dubbel tellen: die regel sluit zonder deze regel wel en met deze regel niet. "
                + $"Regel: de regel hoort bij '{totaal.Pad[^1].Omschrijving}', waar het totaal hem verwacht.",
                [.. Cijfers(totaal.Rij, WatVan(totaal)), .. Cijfers(deel.Rij, WatVan(deel)), .. Cijfers(oud.Rij, WatVan(oud))]));
        }
    }

    /// <summary>Whether a line's parts add up to it in every year it has a figure, with <paramref name="zonder"/> left out.</summary>
    private static bool SluitMet(Knoop totaal, Knoop? zonder)
    {
        foreach (var (jaar, waarde) in totaal.Rij!.Bedragen)
        {
            if (waarde is null) continue;
            var delen = totaal.Delen.Where(d => d != zonder).Select(d => d.Bijdrage(jaar)).Where(b => b is not null).ToList();
            if (delen.Count > 0 && delen.Sum(b => b!.Value) != waarde) return false;
        }
        return true;
    }

    /// <summary>
    /// Two parts with the same name. Other figures: both count (the publisher printed two lines), the second numbered.
    /// The same figures: a repeated row, counted once, unless the parent's total needs both.
    /// </summary>
    private void LosHerhaaldeNamenOp()
    {
        foreach (var knoop in Knopen.Where(k => k.HerhaaltNaamVan is not null).ToList())
        {
            var eerder = knoop.HerhaaltNaamVan!;
            var ouder = knoop.Ouder;
            var wat = WatVan(eerder);
            var gelijk = knoop.Rij is not null && eerder.Rij is not null && knoop.Rij.Bedragtekst == eerder.Rij.Bedragtekst
                && knoop.Delen.Count == 0 && eerder.Delen.Count == 0;
            if (gelijk && eerder.Rij!.Totaal == true && knoop.Rij!.Totaal == false)
            {
                // A J total whose only detail repeats its name and figures (XV: "Subsidies" J, then "Subsidies" N): one line.
                Verwijder(knoop);
                eerder.HeeftGevouwenDetail = true;
                continue;
            }
            if (gelijk && (ouder?.Rij is null || !SluitMet(ouder, null) && SluitMet(ouder, knoop) || ouder.Rij.Bedragen.Values.All(v => v is null)))
            {
                Verwijder(knoop);
                _bevindingen.Add(OverStand(_stand, _bestand, Bevindingsoorten.HerhaaldBlok, Bevindingsoorten.Twijfel, [_soort, $"artikel-{_artikel}", knoop.Rij!.Regel],
                    $"Regel {knoop.Rij.Regel} herhaalt regel {eerder.Rij!.Regel} ({wat}): dezelfde naam en dezelfde bedragen onder hetzelfde totaal. "
                    + "Regel: een herhaalde regel telt één keer; de herhaling wordt niet geladen.",
                    [.. Cijfers(eerder.Rij, wat), .. Cijfers(knoop.Rij, wat)]));
                continue;
            }
            var regel = knoop.Bron.Regel;
            _bevindingen.Add(OverStand(_stand, _bestand, Bevindingsoorten.HerhaaldeOmschrijving, Bevindingsoorten.Twijfel, [_soort, $"artikel-{_artikel}", regel],
                $"Onder {(ouder is null ? Wat : WatVan(ouder))} staan twee delen met de naam '{eerder.Ruw[^1].Omschrijving}' "
                + $"(regel {eerder.Bron.Regel} en regel {regel}) met andere bedragen. Regel: beide tellen, want de drukker gaf twee regels "
                + $"{(ouder?.Rij is not null && SluitMet(ouder, null) ? "en alleen samen sluiten ze aan op hun totaal" : "")}; "
                + $"de tweede heet in de gegevens '{knoop.Pad[^1].Omschrijving}' zodat elke regel een eigen pad heeft.",
                [.. Cijfers(eerder.Bron, WatVan(eerder), eerder.IsGroepering), .. Cijfers(knoop.Bron, WatVan(knoop), knoop.IsGroepering)]));
        }
    }

    private void Verwijder(Knoop knoop)
    {
        knoop.Ouder?.Delen.Remove(knoop);
        Knopen.Remove(knoop);
    }

    /// <summary>A part without any figure and without parts says nothing: not loaded, reported. Groupings left without parts go too.</summary>
    private void SnoeiLegeBladeren()
    {
        bool veranderd;
        do
        {
            veranderd = false;
            foreach (var knoop in Knopen.Where(k => k != Artikel && k.Delen.Count == 0 && (k.IsGroepering || !k.Rij!.HeeftCijfers)).ToList())
            {
                Verwijder(knoop);
                veranderd = true;
                if (!knoop.IsGroepering)
                    _bevindingen.Add(LegeRegel(_stand, _bestand, knoop.Rij!, $"'{WatVan(knoop)}', zonder bedragen en zonder delen"));
            }
        } while (veranderd);
    }


    private IEnumerable<Bevindingcijfer> Cijfers(Tabelrij r, string wat, bool groepering = false) =>
        groepering ? [Tekst(string.Join(" > ", r.Omschrijvingen.Where(o => o.Length > 0)), wat, _bestand, r.Regel)]
            : r.Bedragen.Where(b => Getalnotatie.Schoon(r.Cellen[b.Key]).Length > 0)
                .Select(b => Bedrag(b.Value, r.Cellen[b.Key], b.Key, wat, _bestand, r.Regel));
}
