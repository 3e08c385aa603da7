using System.Globalization;
using BudgetApi.Domein;
using static BudgetApi.Laden.Standbestanden.Bevindingmaker;
using Kolom = BudgetApi.Laden.Standbestanden.Kolomduiding;
using Kolomsoort = BudgetApi.Laden.Standbestanden.Betekenis;

namespace BudgetApi.Laden.Standbestanden;

/// <summary>
/// The budgettaire tabellen (open data set 4a): one file per stand, one row per line of the B-tables at any depth,
/// amounts for t-2 … t+4. Hoofdstuk rows become printed totals, artikel rows artikel lines, deeper rows their parts.
/// Headers are long sentences that change from year to year: columns are recognised by key phrases. docs/standbestanden.md.
/// </summary>
public sealed class BudgettaireTabellenLezer : IOpendatalezer
{
    public const string FormaatCode = "budgettaire-tabellen";

    public string Formaat => FormaatCode;

    /// <summary>The meanings the layout is recognised by: the structure's columns and the amounts per year (t-2 … t+4 or 2016 …).</summary>
    private static readonly Betekenis[] Kenmerkend = [Kolomsoort.Hoofdstuk, Kolomsoort.Fase, Kolomsoort.Vuo, Kolomsoort.Totaalregel, Kolomsoort.Bedrag];

    public IEnumerable<Betekenis> Ontbrekend(Kolomindeling indeling) =>
        Kenmerkend.Concat(Verplicht.Select(v => v.Soort)).Distinct().Where(b => !indeling.Heeft(b));

    public bool Past(Kolomindeling indeling) => Kenmerkend.All(indeling.Heeft) && !indeling.Heeft(Kolomsoort.Stand);

    public bool Herkent(IReadOnlyList<string> kopregel) => Past(Kolomherkenning.Deel(kopregel, []));

    /// <summary>What this reader expects of a header, for the registry's refusal.</summary>
    public static string VerwachteKop =>
        "budgettaire tabellen: Begrotingsjaar, Begrotings hoofdstuk, Begrotingsfase, Artikel nummer, V/U/O, Indicatie totaal regel J/N en de bedragen Bedrag t-2 … Bedrag t+4";

    private static readonly (Kolomsoort Soort, string Naam)[] Verplicht =
    [
        (Kolomsoort.Begrotingsjaar, "het begrotingsjaar (Begrotingsjaar)"), (Kolomsoort.Hoofdstuk, "het hoofdstuk (Begrotings hoofdstuk)"),
        (Kolomsoort.Fase, "de fase (Begrotingsfase)"), (Kolomsoort.Artikel, "het artikel (Artikel nummer)"), (Kolomsoort.Vuo, "V/U/O"),
        (Kolomsoort.Totaalregel, "de totaalregel (Indicatie totaal regel J/N)"), (Kolomsoort.Bedrag, "de bedragen (Bedrag t-2 … Bedrag t+4)"),
    ];

    public Leesresultaat Lees(string bestand, TextReader inhoud, Standverwachting? verwachting = null)
    {
        var (alleRijen, csvProblemen) = Csvbestand.Lees(bestand, inhoud);
        var problemen = new List<Leesprobleem>(csvProblemen);
        if (alleRijen.Count == 0) return Geweigerd(problemen);
        var (csv, voorregels) = Standlezers.VanafKopregel(bestand, alleRijen, Past);
        var data = csv.Skip(1).ToList();
        var indeling = Kolomherkenning.Deel(csv[0].Velden, data);
        var kolommen = LeesKop(bestand, csv[0], indeling, problemen);
        if (problemen.Count > 0) return Geweigerd(problemen);

        var lezing = new Lezing(this, bestand, csv, kolommen, verwachting, problemen);
        lezing.Kolombevindingen([.. voorregels, .. Kolomherkenning.Bevindingen(bestand, indeling, data)]);
        lezing.LeesRijen();
        if (problemen.Count > 0) return Geweigerd(problemen);
        return lezing.Bouw() with { Indeling = Standlezers.Beschrijf("budgettaire tabellen (bedragen per jaar)", indeling) };
    }

    /// <summary>The columns as recognised (Kolomherkenning); refused only when a needed meaning is missing, or the years mix two ways.</summary>
    private static List<Kolom> LeesKop(string bestand, Csvrij kop, Kolomindeling indeling, List<Leesprobleem> problemen)
    {
        var kolommen = indeling.Kolommen.ToList();
        var ontbrekend = Verplicht.Where(v => kolommen.All(k => k.Betekenis != v.Soort)).ToList();
        if (ontbrekend.Count > 0)
            problemen.Add(Kolomherkenning.Ontbreekt(bestand, "de budgettaire tabellen", indeling, ontbrekend.Select(o => o.Soort)));
        if (kolommen.Any(k => k.Absoluut is not null) && kolommen.Any(k => k.Relatief is not null))
            problemen.Add(new Leesprobleem(bestand, kop.Regel, 0, "de bedragkolommen mengen jaartallen (Bedrag 2016) en jaren ten opzichte van t (Bedrag t+1)"));
        return kolommen;
    }

    private static Leesresultaat Geweigerd(List<Leesprobleem> problemen) => new(FormaatCode, [], [], [], [], problemen);

    /// <summary>One reading of one file: the rows, then the blocks and the structure per hoofdstuk.</summary>
    private sealed class Lezing
    {
        private readonly BudgettaireTabellenLezer _lezer;
        private readonly string _bestand;
        private readonly IReadOnlyList<Csvrij> _csv;
        private readonly List<Kolom> _kolommen;
        private readonly Standverwachting? _verwachting;
        private readonly List<Leesprobleem> _problemen;
        private readonly List<Bevinding> _bevindingen = [];
        /// <summary>Cells rounded or without an amount: findings of the hoofdstuk whose rows are read (added with the blocks that count).</summary>
        private readonly List<(Tabelrij? Rij, Bevinding Bevinding)> _celbevindingen = [];

        private static readonly Kolomsoort[] Tekstkolommen =
            [Kolomsoort.Naam, Kolomsoort.Artikelnaam, Kolomsoort.Onderverdeling, Kolomsoort.Clustering, Kolomsoort.Instrument, Kolomsoort.Uitsplitsing, Kolomsoort.Nadere];

        /// <summary>The file-level findings of the column recognition (a column ignored, a repeated column that disagrees).</summary>
        public void Kolombevindingen(IEnumerable<Bevinding> bevindingen) => _bevindingen.AddRange(bevindingen);

        private (Tabelrij?, Bevinding) Celbevinding(Csvrij r, Kolom k, Bedragcel cel)
        {
            var soort = cel.Afgerond ? Bevindingsoorten.AfgerondBedrag : Bevindingsoorten.GeenBedrag;
            var hoofdstuk = Cel(r, Kolomsoort.Hoofdstuk).Trim();
            return (null, new Bevinding
            {
                Id = Id(soort, _bestand, r.Regel, k.Index + 1),
                Soort = soort,
                Ernst = Bevindingsoorten.Twijfel,
                Hoofdstuk = hoofdstuk.Length == 0 ? null : hoofdstuk,
                Begrotingsjaar = _begrotingsjaar,
                Fase = _fase.Length == 0 ? null : _fase,
                Uitleg = $"Regel {r.Regel}, kolom {k.Index + 1} ('{k.Kop}'): {cel.Opmerking}. "
                    + (cel.Afgerond ? "Regel: bedragen zijn hele duizenden euro's; een decimaal of rekenbladruis wordt afgerond (half van nul af)."
                        : "Regel: tekst is geen bedrag; de regel blijft, zonder dit bedrag (een lege cel is nooit 0)."),
                Cijfers = [cel.Afgerond ? Bedrag(cel.Waarde, r[k.Index].Length > 40 ? r[k.Index][..40] + "…" : r[k.Index], null, $"kolom {k.Index + 1}", _bestand, r.Regel)
                    : Tekst(r[k.Index].Length > 40 ? r[k.Index][..40] + "…" : r[k.Index], $"kolom {k.Index + 1}", _bestand, r.Regel)],
            });
        }
        private readonly List<Tabelrij> _rijen = [];
        private readonly List<int> _legeRegels = [];
        private int _begrotingsjaar;
        private string _fase = "";

        public Lezing(BudgettaireTabellenLezer lezer, string bestand, IReadOnlyList<Csvrij> csv, List<Kolom> kolommen,
            Standverwachting? verwachting, List<Leesprobleem> problemen)
        {
            _lezer = lezer;
            _bestand = bestand;
            _csv = csv;
            _kolommen = kolommen;
            _verwachting = verwachting;
            _problemen = problemen;
        }

        /// <summary>The first column of each meaning, found once per file: every cell of every row is looked up through it.</summary>
        private Dictionary<Kolomsoort, int>? _eersteKolom;

        private int K(Kolomsoort soort)
        {
            if (_eersteKolom is null)
            {
                _eersteKolom = [];
                foreach (var k in _kolommen) _eersteKolom.TryAdd(k.Betekenis, k.Index);
            }
            return _eersteKolom.TryGetValue(soort, out var index) ? index : -1;
        }

        private string Cel(Csvrij rij, Kolomsoort soort) =>
            K(soort) < 0 ? "" : soort == Kolomsoort.Hoofdstuk ? Hoofdstukcodes.Canoniek(rij[K(soort)].Trim()) : rij[K(soort)];

        private void Probleem(Csvrij rij, Kolomsoort soort, string melding) =>
            _problemen.Add(new Leesprobleem(_bestand, rij.Regel, K(soort) + 1, melding));

        /// <summary>Reads every row; anything that makes the file unreadable as the format is a problem, all of them listed.</summary>
        public void LeesRijen()
        {
            var bedragKolommen = _kolommen.Where(k => k.Betekenis == Kolomsoort.Bedrag).ToList();
            var dataRijen = _csv.Skip(1).ToList();
            bool IsPercentagerij(Csvrij r) =>
                bedragKolommen.Any(k => Getalnotatie.Schoon(r[k.Index]).EndsWith('%'))
                && new[] { Kolomsoort.Uitsplitsing, Kolomsoort.Nadere, Kolomsoort.Instrument, Kolomsoort.Clustering }
                    .Any(s => Standwoorden.Sleutel(Cel(r, s)).Contains("juridisch verplicht", StringComparison.Ordinal));
            var notatie = Getalnotatie.VoorOpenData(dataRijen.Where(r => !IsPercentagerij(r)).SelectMany(r => bedragKolommen.Select(k => r[k.Index])), kentStreepjeEnPm: true);

            // The file's begrotingsjaar and fase: the import's when it names them, else what the rows with figures say.
            var jaren = new List<int>();
            foreach (var r in dataRijen)
            {
                if (int.TryParse(Cel(r, Kolomsoort.Begrotingsjaar).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var j)
                    && bedragKolommen.Any(k => Getalnotatie.Schoon(r[k.Index]).Length > 0)) jaren.Add(j);
            }
            _begrotingsjaar = _verwachting?.Begrotingsjaar
                ?? jaren.GroupBy(j => j).OrderByDescending(g => g.Count()).ThenBy(g => jaren.IndexOf(g.Key)).Select(g => g.Key).FirstOrDefault();
            var eersteFase = dataRijen.Select(r => (Rij: r, Fase: Standwoorden.Fase(Cel(r, Kolomsoort.Fase)))).FirstOrDefault(x => x.Fase is not null);
            _fase = _verwachting?.Fase ?? eersteFase.Fase ?? "";

            var kop = _csv[0];
            foreach (var r in dataRijen)
            {
                if (r.IsLeeg) { _legeRegels.Add(r.Regel); continue; }
                if (Kolomherkenning.IsNotitie(r, bedragKolommen)) { _bevindingen.Add(Notitie(_bestand, r)); continue; }
                if ((Kolomherkenning.DoorKop(0, r[K(Kolomsoort.Hoofdstuk)])?.Betekenis == Kolomsoort.Hoofdstuk && _lezer.Herkent(r.Velden))
                    || Kolomherkenning.IsBedragenkop(r, bedragKolommen))
                {
                    _bevindingen.Add(new Bevinding
                    {
                        Id = Id(Bevindingsoorten.HerhaaldeKopregel, _bestand, r.Regel),
                        Soort = Bevindingsoorten.HerhaaldeKopregel,
                        Ernst = Bevindingsoorten.Twijfel,
                        Uitleg = $"Regel {r.Regel} is een kopregel midden in de gegevens (zoals regel {kop.Regel}): bladen zijn aan elkaar geplakt. "
                            + $"Regel: de herhaalde kopregel wordt overgeslagen; de kolommen blijven die van regel {kop.Regel}.",
                        Cijfers = [Tekst(string.Join(",", r.Velden), "herhaalde kopregel", _bestand, r.Regel)],
                    });
                    continue;
                }
                var percentage = IsPercentagerij(r);

                var bedragen = new Dictionary<int, long?>();
                var cellen = new Dictionary<int, string>();
                foreach (var k in bedragKolommen)
                {
                    var jaar = k.Absoluut ?? _begrotingsjaar + k.Relatief!.Value;
                    cellen[jaar] = r[k.Index];
                    if (percentage) { bedragen[jaar] = null; continue; }
                    var cel = notatie.LeesOpenData(r[k.Index]);
                    if (cel.Opmerking is not null) _celbevindingen.Add(Celbevinding(r, k, cel));
                    bedragen[jaar] = cel.Waarde;
                }
                var cijfers = !percentage && cellen.Values.Any(c => Getalnotatie.Schoon(c).Length > 0);

                var jaarCel = Cel(r, Kolomsoort.Begrotingsjaar).Trim();
                int? rijJaar = null;
                if (int.TryParse(jaarCel, NumberStyles.None, CultureInfo.InvariantCulture, out var rj) && rj is >= 1900 and <= 2200) rijJaar = rj;
                else if (jaarCel.Length > 0 || cijfers)
                    Probleem(r, Kolomsoort.Begrotingsjaar, jaarCel.Length == 0 ? "het begrotingsjaar ontbreekt in een rij met bedragen" : $"'{jaarCel}' is geen begrotingsjaar");
                if (rijJaar is { } rjv && _verwachting?.Begrotingsjaar is { } vj && rjv != vj)
                    Probleem(r, Kolomsoort.Begrotingsjaar, $"het begrotingsjaar {rjv} verschilt van het begrotingsjaar dat de import noemt ({vj})");

                var faseCel = Cel(r, Kolomsoort.Fase);
                var fase = Standwoorden.Fase(faseCel);
                if (faseCel.Trim().Length > 0 && fase is null)
                    Probleem(r, Kolomsoort.Fase, $"'{(faseCel.Trim().Length > 40 ? faseCel.Trim()[..40] + "…" : faseCel.Trim())}' is geen fase; bekende codes (data/fasen.csv): {string.Join(", ", Fasecodes.Codes)}");
                else if (fase is null && cijfers)
                    Probleem(r, Kolomsoort.Fase, "de fase ontbreekt in een rij met bedragen");
                else if (fase is not null && fase != _fase)
                    Probleem(r, Kolomsoort.Fase, _verwachting?.Fase is not null
                        ? $"de fase '{faseCel.Trim()}' ({Begrotingscodes.FaseLabel(fase)}) verschilt van de fase die de import noemt ({Begrotingscodes.FaseLabel(_fase)})"
                        : $"de fase '{faseCel.Trim()}' ({Begrotingscodes.FaseLabel(fase)}) verschilt van die van het bestand ('{Cel(eersteFase.Rij!, Kolomsoort.Fase).Trim()}' op regel {eersteFase.Rij!.Regel}): één bestand is één stand");

                var vuo = Cel(r, Kolomsoort.Vuo);
                var soort = Standwoorden.Soort(vuo);
                if (soort is null && (vuo.Trim().Length > 0 || cijfers))
                    Probleem(r, Kolomsoort.Vuo, vuo.Trim().Length == 0 ? "de V/U/O-code ontbreekt in een rij met bedragen" : $"'{vuo}' is geen V/U/O-code (V, U of O)");

                var totaalCel = Cel(r, Kolomsoort.Totaalregel).Trim();
                bool? totaal = Standwoorden.Sleutel(totaalCel) switch { "j" or "ja" => true, "n" or "nee" => false, "" => null, _ => null };
                if (totaal is null && totaalCel.Length > 0)
                    Probleem(r, Kolomsoort.Totaalregel, $"'{totaalCel}' is geen totaalmarkering (J of N)");

                var hoofdstuk = Cel(r, Kolomsoort.Hoofdstuk).Trim();
                if (hoofdstuk.Length > 0 && !Hoofdstukcodes.IsGeldig(hoofdstuk)) Probleem(r, Kolomsoort.Hoofdstuk, Hoofdstukcodes.Melding(hoofdstuk));
                foreach (var tekstkolom in Tekstkolommen)
                    if (K(tekstkolom) >= 0 && Tekstvelden.Fout(r[K(tekstkolom)]) is { } tekstfout) Probleem(r, tekstkolom, tekstfout);
                var artikelCel = Cel(r, Kolomsoort.Artikel).Trim();
                int? artikel = null;
                if (int.TryParse(artikelCel, NumberStyles.None, CultureInfo.InvariantCulture, out var a)) artikel = a;
                else if (artikelCel.Length > 0) Probleem(r, Kolomsoort.Artikel, $"'{artikelCel}' is geen artikelnummer");

                var rij = new Tabelrij
                {
                    Bron = r,
                    Jaar = rijJaar,
                    Hoofdstuk = hoofdstuk,
                    Naam = Standwoorden.Omschrijving(Cel(r, Kolomsoort.Naam)),
                    Fase = fase,
                    Artikel = artikel,
                    Artikelnaam = Standwoorden.Omschrijving(Cel(r, Kolomsoort.Artikelnaam)),
                    TypeArtikel = Standwoorden.Omschrijving(Cel(r, Kolomsoort.TypeArtikel)),
                    ProgrammaApparaat = Standwoorden.Omschrijving(Cel(r, Kolomsoort.ProgrammaApparaat)),
                    Soort = soort,
                    Totaal = totaal,
                    Code = Standwoorden.Omschrijving(Cel(r, Kolomsoort.Onderverdeling)),
                    Clustering = Standwoorden.Omschrijving(Cel(r, Kolomsoort.Clustering)),
                    Instrument = Standwoorden.Omschrijving(Cel(r, Kolomsoort.Instrument)),
                    Uitsplitsing = Standwoorden.Omschrijving(Cel(r, Kolomsoort.Uitsplitsing)),
                    Nadere = Standwoorden.Omschrijving(Cel(r, Kolomsoort.Nadere)),
                    Bedragen = bedragen,
                    Cellen = cellen,
                    IsPercentagerij = percentage,
                    LosseCellen = LosseCellen(r),
                };
                if (cijfers && hoofdstuk.Length == 0)
                    Probleem(r, Kolomsoort.Hoofdstuk, "het hoofdstuk ontbreekt in een rij met bedragen");
                if (cijfers && artikel is null && artikelCel.Length == 0 && rij.HeeftOmschrijving)
                    Probleem(r, Kolomsoort.Artikel, "het artikel ontbreekt in een rij met bedragen onder een artikel (een hoofdstukregel heeft geen omschrijving eronder)");
                if (_verwachting?.Hoofdstuk is { } vh && hoofdstuk.Length > 0 && !string.Equals(hoofdstuk, vh, StringComparison.OrdinalIgnoreCase)) continue;
                _rijen.Add(rij);
            }
        }

        private List<(int, string)> LosseCellen(Csvrij r)
        {
            var los = new List<(int, string)>();
            foreach (var k in _kolommen.Where(k => k.Betekenis == Kolomsoort.Leeg))
                if (r[k.Index].Trim().Length > 0) los.Add((k.Index + 1, r[k.Index].Trim()));
            for (var i = _csv[0].Velden.Count; i < r.Velden.Count; i++)
                if (r[i].Trim().Length > 0) los.Add((i + 1, r[i].Trim()));
            return los;
        }

        public Leesresultaat Bouw()
        {
            _bevindingen.AddRange(_celbevindingen.Select(c => c.Bevinding));
            MeldLegeRegels();
            var inJaar = MeldAnderJaar();
            var blokken = Blokken(inJaar);
            var geteld = KiesBlokken(blokken);
            var namen = BegrotingsNamen(geteld);

            var koppen = new List<Standkop>();
            var regels = new List<Standregel>();
            var totalen = new List<GedruktStandtotaal>();
            foreach (var (hoofdstuk, blok) in geteld)
            {
                var stand = new Standsleutel(hoofdstuk, _begrotingsjaar, _fase);
                koppen.Add(new Standkop(stand, namen[hoofdstuk]));
                new Hoofdstukbouw(this, stand, blok).Bouw(regels, totalen);
            }
            var bevindingen = _verwachting?.Hoofdstuk is { } vh
                ? _bevindingen.Where(b => b.Hoofdstuk is null || string.Equals(b.Hoofdstuk, vh, StringComparison.OrdinalIgnoreCase)).ToList()
                : _bevindingen;
            return new Leesresultaat(FormaatCode, koppen, regels, totalen, bevindingen, []);
        }

        private void MeldLegeRegels()
        {
            foreach (var (van, tot) in Reeksen(_legeRegels))
            {
                _bevindingen.Add(new Bevinding
                {
                    Id = Id(Bevindingsoorten.LegeRegel, _bestand, Reeks(van, tot)),
                    Soort = Bevindingsoorten.LegeRegel,
                    Ernst = Bevindingsoorten.Twijfel,
                    Uitleg = $"{Hoofdletter(Regels(van, tot))} {(van == tot ? "is een lege regel" : "zijn lege regels")} (alleen lege cellen). Regel: een lege regel draagt niets en wordt overgeslagen.",
                    Cijfers = [],
                });
            }
            foreach (var r in _rijen.Where(r => r.Hoofdstuk.Length == 0))
            {
                // No hoofdstuk and no figures (a row with figures but no hoofdstuk is refused): fragments of a row.
                var waarden = r.Bron.Velden.Select((v, i) => (Kolom: i + 1, Waarde: v.Trim())).Where(x => x.Waarde.Length > 0).ToList();
                var fragment = r.Artikel is not null || r.Artikelnaam.Length > 0;
                var soort = fragment ? Bevindingsoorten.LegeRegel : Bevindingsoorten.LosseCel;
                _bevindingen.Add(new Bevinding
                {
                    Id = Id(soort, _bestand, r.Regel),
                    Soort = soort,
                    Ernst = Bevindingsoorten.Twijfel,
                    Uitleg = fragment
                        ? $"Regel {r.Regel} heeft geen hoofdstuk en geen bedragen, alleen {string.Join(", ", waarden.Select(w => $"'{w.Waarde}' (kolom {w.Kolom})"))}. "
                            + "Regel: een regel zonder hoofdstuk en zonder bedragen hoort bij geen stand en draagt niets; hij wordt overgeslagen."
                        : $"Regel {r.Regel} bevat alleen losse waarden: {string.Join(", ", waarden.Select(w => $"'{w.Waarde}' (kolom {w.Kolom})"))}. "
                            + "Regel: losse cellen zonder hoofdstuk, artikel en bedragen horen bij geen regel en worden niet gelezen.",
                    Cijfers = waarden.Select(w => Tekst(w.Waarde, $"kolom {w.Kolom}", _bestand, r.Regel)).ToList(),
                });
            }
        }

        /// <summary>Rows of another begrotingsjaar than the file's are not this stand: reported per block, not loaded.</summary>
        private List<Tabelrij> MeldAnderJaar()
        {
            var anders = _rijen.Where(r => r.Hoofdstuk.Length > 0 && r.Jaar is { } j && j != _begrotingsjaar).ToList();
            foreach (var blok in Aaneengesloten(anders))
            {
                var h = blok[0].Hoofdstuk;
                var jaar = blok[0].Jaar!.Value;
                var zelfde = _rijen.Where(r => r.Hoofdstuk == h && r.Jaar == _begrotingsjaar).ToList();
                var afwijkend = zelfde.Count == blok.Count
                    ? blok.Zip(zelfde).Where(p => p.First.Bedragtekst != p.Second.Bedragtekst || p.First.Artikel != p.Second.Artikel).Select(p => p.First.Regel).ToList()
                    : null;
                var kopie = afwijkend is not null && afwijkend.Count * 10 < blok.Count;
                _bevindingen.Add(OverStand(new(h, jaar, _fase), _bestand, Bevindingsoorten.AnderBegrotingsjaar, Bevindingsoorten.Twijfel, [jaar, Reeks(blok[0].Regel, blok[^1].Regel)],
                    $"{Hoofdletter(Regels(blok[0].Regel, blok[^1].Regel))} ({h}) hebben begrotingsjaar {jaar}; het bestand is de stand van begrotingsjaar {_begrotingsjaar}. "
                    + (kopie ? $"Hun bedragen zijn regel voor regel gelijk aan die van {h} {_begrotingsjaar} ({Regels(zelfde[0].Regel, zelfde[^1].Regel)})"
                        + (afwijkend!.Count == 0 ? "" : $", op {string.Join(" en ", afwijkend.Select(x => $"regel {x}"))} na")
                        + ": een geplakte kopie met een ander jaar. " : "")
                    + $"Regel: één bestand is één stand; regels van een ander begrotingsjaar worden niet geladen.",
                    Artikelregels(blok).SelectMany(r => Tcijfer(r, $"begrotingsjaar {jaar}")).ToList()));
            }
            return _rijen.Where(r => r.Hoofdstuk.Length > 0 && (r.Jaar is null || r.Jaar == _begrotingsjaar)).ToList();
        }

        /// <summary>Runs of consecutive rows of one hoofdstuk; rows without hoofdstuk in between do not break a run.</summary>
        private static List<List<Tabelrij>> Aaneengesloten(IEnumerable<Tabelrij> rijen)
        {
            var blokken = new List<List<Tabelrij>>();
            foreach (var r in rijen)
            {
                var vorige = blokken.Count > 0 ? blokken[^1][^1] : null;
                if (vorige is not null && vorige.Hoofdstuk == r.Hoofdstuk && (vorige.Jaar is null || r.Jaar is null || vorige.Jaar == r.Jaar)) blokken[^1].Add(r);
                else blokken.Add([r]);
            }
            return blokken;
        }

        private static List<(string Hoofdstuk, List<List<Tabelrij>> Blokken)> Blokken(List<Tabelrij> rijen) =>
            Aaneengesloten(rijen).GroupBy(b => b[0].Hoofdstuk).Select(g => (g.Key, g.ToList())).ToList();

        /// <summary>
        /// A hoofdstuk printed in more than one block (sheets pasted together): one block counts. A block whose figures are
        /// about a thousand times smaller than another's is in millions, not thousands: it does not count. Of the rest the
        /// first counts; every other block is reported, and not loaded, so money counts once.
        /// </summary>
        private List<(string Hoofdstuk, List<Tabelrij> Blok)> KiesBlokken(List<(string Hoofdstuk, List<List<Tabelrij>> Blokken)> perHoofdstuk)
        {
            var gekozen = new List<(string, List<Tabelrij>)>();
            foreach (var (hoofdstuk, blokken) in perHoofdstuk)
            {
                var schaal = blokken.Select(b => b.Sum(r => r.Bedragen.Values.Sum(v => v is { } w ? (decimal)Math.Abs(w) : 0m))).ToList();
                var andereEenheid = new HashSet<int>();
                for (var i = 0; i < blokken.Count; i++)
                for (var j = 0; j < blokken.Count; j++)
                {
                    if (i != j && schaal[i] > 0 && schaal[j] >= schaal[i] * 300 && schaal[j] <= schaal[i] * 3000) andereEenheid.Add(i);
                }
                var telt = Enumerable.Range(0, blokken.Count).FirstOrDefault(i => !andereEenheid.Contains(i), 0);
                gekozen.Add((hoofdstuk, blokken[telt]));
                for (var i = 0; i < blokken.Count; i++)
                {
                    if (i == telt) continue;
                    if (andereEenheid.Contains(i)) MeldAndereEenheid(hoofdstuk, blokken[i], blokken[telt], schaal[i], schaal[telt]);
                    MeldHerhaaldBlok(hoofdstuk, blokken[i], blokken[telt], andereEenheid.Contains(i));
                }
            }
            return gekozen;
        }

        private void MeldAndereEenheid(string hoofdstuk, List<Tabelrij> blok, List<Tabelrij> telt, decimal schaal, decimal schaalTelt)
        {
            var voorbeelden = Artikelregels(blok).Take(4).ToList();
            var cijfers = new List<Bevindingcijfer>();
            foreach (var r in voorbeelden)
            {
                cijfers.AddRange(Tcijfer(r, "in het blok in een andere eenheid"));
                var tegen = Artikelregels(telt).FirstOrDefault(x => x.Artikel == r.Artikel && x.Soort == r.Soort);
                if (tegen is not null) cijfers.AddRange(Tcijfer(tegen, "in het blok dat telt"));
            }
            var verhouding = Math.Round(schaalTelt / schaal, 0);
            _bevindingen.Add(OverStand(new(hoofdstuk, _begrotingsjaar, _fase), _bestand, Bevindingsoorten.AndereEenheid, Bevindingsoorten.Fout, [Reeks(blok[0].Regel, blok[^1].Regel)],
                $"{Hoofdletter(Regels(blok[0].Regel, blok[^1].Regel))} geven hoofdstuk {hoofdstuk} opnieuw, maar hun bedragen zijn samen ongeveer {verhouding.ToString(CultureInfo.InvariantCulture)} keer kleiner "
                + $"dan die van {Regels(telt[0].Regel, telt[^1].Regel)}: dit blok staat in miljoenen euro's, niet in duizenden (x € 1.000) zoals het bestand. "
                + $"Regel: het blok in de eenheid van het bestand ({Regels(telt[0].Regel, telt[^1].Regel)}) telt; dit blok wordt niet geladen en niet omgerekend.",
                cijfers) with { Eenheid = Begrotingscodes.EenheidBegroting });
        }

        private void MeldHerhaaldBlok(string hoofdstuk, List<Tabelrij> blok, List<Tabelrij> telt, bool andereEenheid)
        {
            static string Vergelijk(Tabelrij r) => string.Join('|', r.Bron.Velden.Select(v => Getalnotatie.Foutwaarde().IsMatch(v.Trim()) ? "#fout" : v.Trim()));
            var identiek = blok.Count == telt.Count && blok.Zip(telt).All(p => Vergelijk(p.First) == Vergelijk(p.Second));
            var letterlijk = identiek && blok.Zip(telt).All(p => p.First.Bron.Velden.SequenceEqual(p.Second.Bron.Velden));
            var verschillend = blok.Count == telt.Count ? blok.Zip(telt).Count(p => p.First.Bedragtekst != p.Second.Bedragtekst) : -1;
            var eerst = blok[0].Regel < telt[0].Regel;
            var cijfers = new List<Bevindingcijfer>();
            foreach (var r in Artikelregels(telt).Where(r => r.Soort == Begrotingscodes.Uitgaven).Take(3))
            {
                cijfers.AddRange(Tcijfer(r, "in het blok dat telt"));
                var tegen = Artikelregels(blok).FirstOrDefault(x => x.Artikel == r.Artikel && x.Soort == r.Soort);
                if (tegen is not null) cijfers.AddRange(Tcijfer(tegen, "in het herhaalde blok"));
            }
            var waarom = andereEenheid ? "het staat in een andere eenheid (zie de bevinding andere-eenheid)"
                : eerst ? "het blok dat telt is het eerste in de eenheid van het bestand" : "het eerste blok telt";
            _bevindingen.Add(OverStand(new(hoofdstuk, _begrotingsjaar, _fase), _bestand, Bevindingsoorten.HerhaaldBlok, identiek ? Bevindingsoorten.Twijfel : Bevindingsoorten.Tegenstrijdig, [Reeks(blok[0].Regel, blok[^1].Regel)],
                $"Hoofdstuk {hoofdstuk} staat twee keer in het bestand: {Regels(telt[0].Regel, telt[^1].Regel)} en {Regels(blok[0].Regel, blok[^1].Regel)} (geplakte bladen). "
                + (letterlijk ? "De blokken zijn regel voor regel gelijk. "
                    : identiek ? "De blokken zijn gelijk, op de foutwaarden van het rekenblad in de omschrijvingen na (#NAME?, Err:509, #REF!). "
                    : verschillend >= 0 ? $"Het herhaalde blok wijkt af: {verschillend} van de {blok.Count} regels hebben andere bedragen. "
                    : $"Het herhaalde blok wijkt af: {blok.Count} regels tegen {telt.Count}, met een andere indeling en andere bedragen. ")
                + $"Regel: {Regels(telt[0].Regel, telt[^1].Regel)} tellen ({waarom}); {Regels(blok[0].Regel, blok[^1].Regel)} worden niet geladen, zodat het geld één keer telt.",
                cijfers));
        }

        private static IEnumerable<Tabelrij> Artikelregels(List<Tabelrij> blok) =>
            blok.Where(r => r.Artikel is not null && r.HeeftCijfers && !r.IsPercentagerij && r.Soort is not null
                && (!r.HeeftOmschrijving || IsLabel(r))).GroupBy(r => (r.Artikel, r.Soort)).Select(g => g.First());

        private static bool IsLabel(Tabelrij r) =>
            r.Omschrijvingen.Where(o => o.Length > 0).All(o => new string(Standwoorden.Sleutel(o).Where(char.IsLetter).ToArray()) is "uitgaven" or "ontvangsten" or "verplichtingen");

        private IEnumerable<Bevindingcijfer> Tcijfer(Tabelrij r, string waar) =>
            r.Bedragen.Where(b => b.Key == _begrotingsjaar && b.Value is not null)
                .Select(b => Bedrag(b.Value, r.Cellen[b.Key], b.Key, $"{r.Hoofdstuk} {r.Soort} artikel {r.Artikel} {r.Artikelnaam}, {waar}", _bestand, r.Regel));

        /// <summary>
        /// The name each hoofdstuk is published under. A hoofdstuk printed under two names, one of which is another hoofdstuk's
        /// (IIB under "Staten Generaal", the name of IIA): those rows carry a name that does not fit their code. The code counts.
        /// </summary>
        private Dictionary<string, string?> BegrotingsNamen(List<(string Hoofdstuk, List<Tabelrij> Blok)> geteld)
        {
            var namenPer = geteld.ToDictionary(g => g.Hoofdstuk,
                g => g.Blok.Where(r => r.Naam.Length > 0).GroupBy(r => Standwoorden.Sleutel(r.Naam)).ToList(), StringComparer.Ordinal);
            var resultaat = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var (hoofdstuk, groepen) in namenPer)
            {
                var vreemd = groepen.Where(n => groepen.Count > 1
                    && namenPer.Any(o => o.Key != hoofdstuk && o.Value.Any(x => x.Key == n.Key))
                    && groepen.Any(eigen => eigen.Key != n.Key && !namenPer.Any(o => o.Key != hoofdstuk && o.Value.Any(x => x.Key == eigen.Key))))
                    .ToList();
                foreach (var naam in vreemd)
                {
                    var ander = namenPer.First(o => o.Key != hoofdstuk && o.Value.Any(x => x.Key == naam.Key)).Key;
                    var eigenNaam = groepen.Where(g => !vreemd.Contains(g)).OrderByDescending(g => g.Count()).First().First().Naam;
                    foreach (var (van, tot) in Reeksen(naam.Select(r => r.Regel)))
                    {
                        _bevindingen.Add(OverStand(new(hoofdstuk, _begrotingsjaar, _fase), _bestand, Bevindingsoorten.CodePastNietBijNaam, Bevindingsoorten.Tegenstrijdig, [Reeks(van, tot)],
                            $"{Hoofdletter(Regels(van, tot))} hebben hoofdstuk {hoofdstuk} maar de begrotingsnaam '{naam.First().Naam}', de naam van hoofdstuk {ander}; "
                            + $"de andere regels van {hoofdstuk} heten '{eigenNaam}', en hun artikelen zijn die van {hoofdstuk}. "
                            + $"Regel: de code telt; de regels horen bij {hoofdstuk} en de stand heet '{eigenNaam}'.",
                            [Tekst(naam.First().Naam, $"begrotingsnaam bij hoofdstuk {hoofdstuk}", _bestand, van),
                            Tekst(eigenNaam, $"de naam van hoofdstuk {hoofdstuk} elders", _bestand, groepen.First(g => !vreemd.Contains(g)).First().Regel)]));
                    }
                }
                resultaat[hoofdstuk] = groepen.Where(g => !vreemd.Contains(g)).OrderByDescending(g => g.Count()).Select(g => g.First().Naam).FirstOrDefault();
            }
            return resultaat;
        }

        /// <summary>The lines, totals and findings of one hoofdstuk's counting block.</summary>
        private sealed class Hoofdstukbouw(Lezing lezing, Standsleutel stand, List<Tabelrij> blok)
        {
            private string Bestand => lezing._bestand;
            private List<Bevinding> Bevindingen => lezing._bevindingen;

            public void Bouw(List<Standregel> regels, List<GedruktStandtotaal> totalen)
            {
                var rijen = blok.Where(r => !r.IsPercentagerij).ToList();
                MeldLosseCellen(rijen);
                MeldRekenbladfouten(rijen);

                var gedrukt = new Dictionary<string, Tabelrij>();
                var artikelnamen = new Dictionary<int, (string Naam, int Regel)>();
                var afwijkend = new List<(Tabelrij Rij, int Gedrukt)>();
                var vreemd = new List<Tabelrij>();
                var groepen = new Dictionary<(int, string), List<Tabelrij>>();
                int? huidig = null;
                foreach (var r in rijen)
                {
                    if (r.Artikel is null)
                    {
                        if (!r.HeeftCijfers)
                        {
                            Bevindingen.Add(LegeRegel(stand, Bestand, r, $"een regel van hoofdstuk {stand.Hoofdstuk} zonder artikel en zonder bedragen"));
                            continue;
                        }
                        // The hoofdstuk's own row: a printed total of the stand.
                        if (gedrukt.TryGetValue(r.Soort!, out var eerder))
                        {
                            if (eerder.Bedragtekst != r.Bedragtekst)
                                Bevindingen.Add(TweeTotalen(eerder, r));
                            continue;
                        }
                        gedrukt[r.Soort!] = r;
                        continue;
                    }
                    var a = r.Artikel.Value;
                    if (artikelnamen.TryGetValue(a, out var bekend) && r.Artikelnaam.Length > 0 && !Standwoorden.Gelijk(bekend.Naam, r.Artikelnaam))
                    {
                        if (huidig is { } h && artikelnamen.TryGetValue(h, out var hn) && Standwoorden.Gelijk(hn.Naam, r.Artikelnaam))
                        {
                            afwijkend.Add((r, a));
                            a = h;
                        }
                        else
                        {
                            vreemd.Add(r);
                            continue;
                        }
                    }
                    else if (r.Artikelnaam.Length > 0) artikelnamen.TryAdd(a, (r.Artikelnaam, r.Regel));
                    huidig = a;
                    if (!r.HeeftCijfers && r.Soort is null)
                    {
                        Bevindingen.Add(LegeRegel(stand, Bestand, r, $"een regel van {stand.Hoofdstuk} artikel {a} zonder V/U/O en zonder bedragen"));
                        continue;
                    }
                    r.Artikel = a;
                    var sleutel = (a, r.Soort!);
                    if (!groepen.TryGetValue(sleutel, out var lijst)) groepen[sleutel] = lijst = [];
                    lijst.Add(r);
                }
                MeldAfwijkendeNummers(afwijkend, artikelnamen);
                MeldVreemdeArtikelen(vreemd, artikelnamen);

                var categorieen = new Dictionary<int, string?>();
                foreach (var a in groepen.Keys.Select(k => k.Item1).Distinct())
                    categorieen[a] = Categorie(a, rijen.Where(r => r.Artikel == a).ToList());

                var artikelregels = new List<Standregel>();
                foreach (var ((a, soort), lijst) in groepen)
                {
                    var naam = artikelnamen.TryGetValue(a, out var n) ? n.Naam : lijst.Select(r => r.Artikelnaam).FirstOrDefault(x => x.Length > 0) ?? "";
                    var boom = Artikelboom.Bouw(Bestand, stand, a, soort, naam, lijst, Bevindingen);
                    if (boom.Artikel is null && boom.Knopen.Count > 0) MeldWees(a, soort, naam, boom);
                    var perKnoop = new Dictionary<Knoop, Standregel>();
                    foreach (var knoop in boom.Knopen)
                    {
                        var regel = Regel(knoop, a, soort, naam, categorieen[a]);
                        perKnoop[knoop] = regel;
                        regels.Add(regel);
                        if (knoop == boom.Artikel) artikelregels.Add(regel);
                    }
                    ControleerTotalen(boom, perKnoop);
                    ControleerMarkeringen(boom, perKnoop);
                }

                foreach (var (soort, r) in gedrukt)
                {
                    var totaal = new GedruktStandtotaal
                    {
                        Stand = stand,
                        Soort = soort,
                        Totaal = r.Naam.Length > 0 ? r.Naam : $"Hoofdstuk {stand.Hoofdstuk}",
                        AlleenBeleidsartikelen = false,
                        Bedragen = r.Bedragen,
                        Herkomst = new Vindplaats(Bestand, r.Regel),
                    };
                    totalen.Add(totaal);
                    ControleerHoofdstuktotaal(totaal, r, artikelregels.Where(x => x.Soort == soort).ToList(), groepen.Keys.Where(k => k.Item2 == soort).Select(k => k.Item1).ToList());
                }
            }

            private Standregel Regel(Knoop knoop, int artikel, string soort, string artikelnaam, string? categorie)
            {
                var jaren = knoop.Bron.Bedragen.Keys;
                return new Standregel
                {
                    Stand = stand,
                    Soort = soort,
                    Artikel = artikel,
                    Pad = knoop.Pad,
                    Omschrijving = knoop.Pad.Count == 0 ? artikelnaam : knoop.Pad[^1].Omschrijving,
                    Code = knoop.Rij is { } r && knoop.Niveau == Begrotingscodes.NiveauArtikelonderdeel && r.Code.Length > 0 ? r.Code : null,
                    Categorie = categorie,
                    Bedragen = knoop.Rij?.Bedragen ?? jaren.ToDictionary(j => j, _ => (long?)null),
                    IsTotaalregel = knoop.Rij?.Totaal == true,
                    Herkomst = new Vindplaats(Bestand, knoop.Bron.Regel),
                };
            }

            private string? Categorie(int artikel, List<Tabelrij> rijen)
            {
                var type = rijen.Select(r => r.TypeArtikel).FirstOrDefault(t => t.Length > 0);
                if (type is null) return null;
                var categorie = Standwoorden.Categorie(type);
                if (categorie is null)
                {
                    var r = rijen.First(x => x.TypeArtikel == type);
                    Bevindingen.Add(OverStand(stand, Bestand, Bevindingsoorten.OnbekendeCode, Bevindingsoorten.Twijfel, [$"artikel-{artikel}", "type-artikel"],
                        $"Artikel {artikel} van {stand.Hoofdstuk} heeft als Type Artikel '{type}' (regel {r.Regel}): geen beleidsartikel en geen niet-beleidsartikel. "
                        + "Regel: de categorie van het artikel blijft leeg; de lezer raadt niet.",
                        [Tekst(type, $"Type Artikel van {stand.Hoofdstuk} artikel {artikel}", Bestand, r.Regel)]));
                }
                return categorie;
            }

            private void MeldAfwijkendeNummers(List<(Tabelrij Rij, int Gedrukt)> afwijkend, Dictionary<int, (string Naam, int Regel)> namen)
            {
                foreach (var (van, tot) in Reeksen(afwijkend.Select(x => x.Rij.Regel)))
                {
                    var reeks = afwijkend.Where(x => x.Rij.Regel >= van && x.Rij.Regel <= tot).ToList();
                    var gedrukt = reeks[0].Gedrukt;
                    var echt = reeks[0].Rij.Artikel!.Value;
                    Bevindingen.Add(OverStand(stand, Bestand, Bevindingsoorten.AfwijkendArtikelnummer, Bevindingsoorten.Fout, [Reeks(van, tot)],
                        $"{Hoofdletter(Regels(van, tot))} dragen artikelnummer {gedrukt}, maar heten '{reeks[0].Rij.Artikelnaam}': de naam van artikel {echt} "
                        + $"(artikel {gedrukt} heet '{namen[gedrukt].Naam}', regel {namen[gedrukt].Regel}). Ze staan tussen de regels van artikel {echt} "
                        + $"en hun delen dragen {echt}. Regel: de regels horen bij artikel {echt}, waarvan zij de subtotalen zijn; zo sluit artikel {echt} op zijn eigen regel.",
                        reeks.SelectMany(x => x.Rij.Bedragen.Where(b => b.Key == stand.Begrotingsjaar && b.Value is not null)
                        .Select(b => Bedrag(b.Value, x.Rij.Cellen[b.Key], b.Key,
                            $"{stand.Hoofdstuk} {x.Rij.Soort} artikel {gedrukt} (gedrukt) > {string.Join(" > ", x.Rij.Omschrijvingen.Where(o => o.Length > 0))}", Bestand, x.Rij.Regel)))
                        .ToList()));
                }
            }

            private void MeldVreemdeArtikelen(List<Tabelrij> vreemd, Dictionary<int, (string Naam, int Regel)> namen)
            {
                foreach (var (van, tot) in Reeksen(vreemd.Select(x => x.Regel)))
                {
                    var reeks = vreemd.Where(x => x.Regel >= van && x.Regel <= tot).ToList();
                    var a = reeks[0].Artikel!.Value;
                    Bevindingen.Add(OverStand(stand, Bestand, Bevindingsoorten.CodePastNietBijNaam, Bevindingsoorten.Tegenstrijdig, [$"artikel-{a}", Reeks(van, tot)],
                        $"{Hoofdletter(Regels(van, tot))} dragen artikelnummer {a} met de naam '{reeks[0].Artikelnaam}' (begroting '{reeks[0].Naam}'), "
                        + $"maar artikel {a} van {stand.Hoofdstuk} heet in dit bestand '{namen[a].Naam}' (regel {namen[a].Regel}). Twee artikelen kunnen niet één nummer delen, "
                        + "en het eigenlijke nummer staat er niet. Regel: het nummer blijft bij de eerste naam; deze regels worden niet geladen (de lezer verzint geen nummer).",
                        reeks.SelectMany(x => x.Bedragen.Where(b => b.Key == stand.Begrotingsjaar && b.Value is not null)
                        .Select(b => Bedrag(b.Value, x.Cellen[b.Key], b.Key, $"{stand.Hoofdstuk} {x.Soort} artikel {a} {x.Artikelnaam}", Bestand, x.Regel))).ToList()));
                }
            }

            private void MeldWees(int artikel, string soort, string naam, Artikelboom boom)
            {
                var eerste = boom.Knopen.Min(k => k.Bron.Regel);
                Bevindingen.Add(OverStand(stand, Bestand, Bevindingsoorten.Wees, Bevindingsoorten.Twijfel, [soort, $"artikel-{artikel}"],
                    $"{stand.Hoofdstuk} {soort} artikel {artikel} {naam} heeft geen eigen regel (geen rij zonder omschrijving onder het artikel); "
                    + $"het bestand geeft alleen {boom.Knopen.Count} delen (vanaf regel {eerste}). Regel: de delen worden geladen zoals gedrukt, zonder artikelregel; "
                    + "de lezer telt ze niet op tot een artikelbedrag dat er niet staat. Een totaal over artikelregels mist dit artikel.",
                    []));
            }

            private void ControleerTotalen(Artikelboom boom, Dictionary<Knoop, Standregel> perKnoop)
            {
                foreach (var knoop in boom.Knopen.Where(k => k.Rij is not null && k.Delen.Count > 0 && !Artikelboom.HeeftAlleenWaarvan(k)))
                {
                    foreach (var (jaar, waarde) in knoop.Rij!.Bedragen)
                    {
                        if (waarde is null) continue;
                        var delen = knoop.Delen.Select(d => (Knoop: d, Bijdrage: d.Bijdrage(jaar))).Where(d => d.Bijdrage is not null).ToList();
                        if (delen.Count == 0) continue;
                        var som = delen.Sum(d => d.Bijdrage!.Value);
                        if (som == waarde) continue;
                        var regel = perKnoop[knoop];
                        var wat = Beschrijf(regel);
                        Bevindingen.Add(new Bevinding
                        {
                            Id = Id(Bevindingsoorten.TotaalSluitNiet, Bestand, stand.Id, regel.Soort, $"artikel-{regel.Artikel}", string.Join(" > ", regel.Pad.Select(p => p.Omschrijving)), jaar),
                            Soort = Bevindingsoorten.TotaalSluitNiet,
                            Ernst = Bevindingsoorten.Fout,
                            Hoofdstuk = stand.Hoofdstuk,
                            Begrotingsjaar = stand.Begrotingsjaar,
                            Fase = stand.Fase,
                            Uitleg = $"{wat} (regel {knoop.Rij.Regel}) is in {jaar} {Getal(waarde)}, maar de {delen.Count} delen eronder tellen op tot {Getal(som)} "
                                + $"(verschil {Getal(waarde - som)}). Regel: het gedrukte totaal blijft zoals gedrukt en de delen ook; de lezer verbetert niets.",
                            Cijfers = [Bedrag(waarde, knoop.Rij.Cellen[jaar], jaar, wat, Bestand, knoop.Rij.Regel),
                                .. delen.Select(d => Bedrag(d.Bijdrage, d.Knoop.Rij is null ? null : d.Knoop.Rij.Cellen[jaar], jaar,
                                    Beschrijf(perKnoop[d.Knoop]) + (d.Knoop.Rij?.Bedragen[jaar] is null ? " (som van zijn delen)" : ""), Bestand, d.Knoop.Bron.Regel))],
                            JuisteWaarde = som,
                            Berekening = $"{string.Join(" + ", delen.Select(d => Getal(d.Bijdrage)))} = {Getal(som)}",
                            Eenheid = Begrotingscodes.EenheidBegroting,
                        });
                    }
                }
            }

            private void ControleerHoofdstuktotaal(GedruktStandtotaal totaal, Tabelrij r, List<Standregel> artikelregels, List<int> artikelen)
            {
                var zonder = artikelen.Where(a => artikelregels.All(x => x.Artikel != a)).ToList();
                foreach (var (jaar, waarde) in totaal.Bedragen)
                {
                    if (waarde is null) continue;
                    var delen = artikelregels.Where(x => x.Bedragen.GetValueOrDefault(jaar) is not null).ToList();
                    if (delen.Count == 0) continue;
                    var som = delen.Sum(x => x.Bedragen[jaar]!.Value);
                    if (som == waarde) continue;
                    var wat = $"Het totaal van hoofdstuk {stand.Hoofdstuk} ({totaal.Totaal}), {totaal.Soort}";
                    Bevindingen.Add(new Bevinding
                    {
                        Id = Id(Bevindingsoorten.TotaalSluitNiet, Bestand, stand.Id, totaal.Soort, "hoofdstuk", jaar),
                        Soort = Bevindingsoorten.TotaalSluitNiet,
                        Ernst = Bevindingsoorten.Fout,
                        Hoofdstuk = stand.Hoofdstuk,
                        Begrotingsjaar = stand.Begrotingsjaar,
                        Fase = stand.Fase,
                        Uitleg = $"{wat} (regel {r.Regel}) is in {jaar} {Getal(waarde)}, maar de {delen.Count} artikelregels tellen op tot {Getal(som)} (verschil {Getal(waarde - som)})"
                            + (zonder.Count > 0 ? $"; artikel {string.Join(", ", zonder)} heeft geen eigen regel en telt niet mee" : "")
                            + ". Regel: het gedrukte totaal blijft zoals gedrukt; de lezer verbetert niets.",
                        Cijfers = [Bedrag(waarde, r.Cellen[jaar], jaar, wat, Bestand, r.Regel),
                            .. delen.Select(x => Bedrag(x.Bedragen[jaar], null, jaar, Beschrijf(x), Bestand, x.Herkomst.Regel))],
                        JuisteWaarde = som,
                        Berekening = $"{string.Join(" + ", delen.Select(x => Getal(x.Bedragen[jaar])))} = {Getal(som)}",
                        Eenheid = Begrotingscodes.EenheidBegroting,
                    });
                }
            }

            /// <summary>J on a line without parts, or N on a line with parts: the marker contradicts the structure. The line keeps its marker.</summary>
            private void ControleerMarkeringen(Artikelboom boom, Dictionary<Knoop, Standregel> perKnoop)
            {
                foreach (var knoop in boom.Knopen.Where(k => k.Rij is not null))
                {
                    var heeftDelen = knoop.Delen.Count > 0;
                    var isArtikel = knoop == boom.Artikel;
                    string? waarom = (knoop.Rij!.Totaal, heeftDelen, isArtikel) switch
                    {
                        (false, true, _) => $"is met N gemarkeerd als detailregel, maar heeft {knoop.Delen.Count} delen die erop optellen",
                        (true, false, false) when !knoop.HeeftGevouwenDetail => "is met J gemarkeerd als totaalregel, maar er staat geen enkel deel onder",
                        _ => null,
                    };
                    if (waarom is null) continue;
                    var regel = perKnoop[knoop];
                    Bevindingen.Add(OverStand(stand, Bestand, Bevindingsoorten.TegenstrijdigeTotaalmarkering, Bevindingsoorten.Twijfel, [regel.Soort, $"artikel-{regel.Artikel}", knoop.Rij.Regel],
                        $"Regel {knoop.Rij.Regel} ({Beschrijf(regel)}) {waarom}. Regel: de plaats in de structuur (de kolommen) bepaalt wat een deel van wat is; "
                        + "de markering wordt bewaard zoals gedrukt (totaalregel " + (knoop.Rij.Totaal == true ? "ja" : "nee") + ").",
                        knoop.Rij.Bedragen.Where(b => b.Key == stand.Begrotingsjaar).Select(b => Bedrag(b.Value, knoop.Rij.Cellen[b.Key], b.Key, Beschrijf(regel), Bestand, knoop.Rij.Regel)).ToList()));
                }
            }

            private Bevinding TweeTotalen(Tabelrij eerder, Tabelrij r) => new()
            {
                Id = Id(Bevindingsoorten.Tegenstrijdigheid, Bestand, stand.Hoofdstuk, r.Soort, "hoofdstuk", r.Regel),
                Soort = Bevindingsoorten.Tegenstrijdigheid,
                Ernst = Bevindingsoorten.Tegenstrijdig,
                Hoofdstuk = stand.Hoofdstuk,
                Begrotingsjaar = stand.Begrotingsjaar,
                Fase = stand.Fase,
                Uitleg = $"Regel {r.Regel} en regel {eerder.Regel} zijn allebei het totaal van hoofdstuk {stand.Hoofdstuk} ({r.Soort}), met andere bedragen. "
                    + "Regel: het eerste totaal telt; het tweede wordt niet geladen.",
                Cijfers = [.. Tcijfers(eerder), .. Tcijfers(r)],
            };

            private IEnumerable<Bevindingcijfer> Tcijfers(Tabelrij r) => r.Bedragen.Where(b => b.Value is not null)
                .Select(b => Bedrag(b.Value, r.Cellen[b.Key], b.Key, $"{stand.Hoofdstuk} {r.Soort} totaal", Bestand, r.Regel));

            private void MeldLosseCellen(List<Tabelrij> rijen)
            {
                var met = rijen.Where(r => r.LosseCellen.Count > 0).ToList();
                foreach (var (van, tot) in Reeksen(met.Select(r => r.Regel)))
                {
                    var reeks = met.Where(r => r.Regel >= van && r.Regel <= tot).ToList();
                    var waarden = reeks.SelectMany(r => r.LosseCellen.Select(c => (Rij: r, c.Kolom, c.Waarde)))
                        .GroupBy(x => (x.Kolom, x.Waarde)).Select(g => g.First()).ToList();
                    Bevindingen.Add(OverStand(stand, Bestand, Bevindingsoorten.LosseCel, Bevindingsoorten.Twijfel, [Reeks(van, tot)],
                        $"{Hoofdletter(Regels(van, tot))} ({stand.Hoofdstuk}) hebben waarden in kolommen zonder kop "
                        + $"(kolom {string.Join(", ", waarden.Select(w => w.Kolom).Distinct().Order())}; bijvoorbeeld '{waarden[0].Waarde}' op regel {waarden[0].Rij.Regel}). "
                        + "Regel: een cel zonder kolomkop heeft geen betekenis in het formaat en wordt niet gelezen; de rest van de regel wel.",
                        waarden.Select(w => Tekst(w.Waarde, $"kolom {w.Kolom} zonder kop", Bestand, w.Rij.Regel)).ToList()));
                }
            }

            private void MeldRekenbladfouten(List<Tabelrij> rijen)
            {
                var met = rijen.Where(r => r.Omschrijvingen.Any(o => Getalnotatie.Foutwaarde().IsMatch(o))).ToList();
                foreach (var (van, tot) in Reeksen(met.Select(r => r.Regel)))
                {
                    var reeks = met.Where(r => r.Regel >= van && r.Regel <= tot).ToList();
                    Bevindingen.Add(OverStand(stand, Bestand, Bevindingsoorten.Rekenbladfout, Bevindingsoorten.Fout, [Reeks(van, tot)],
                        $"{Hoofdletter(Regels(van, tot))} ({stand.Hoofdstuk}) hebben als omschrijving een foutwaarde van het rekenblad "
                        + $"({string.Join(", ", reeks.SelectMany(r => r.Omschrijvingen).Where(o => Getalnotatie.Foutwaarde().IsMatch(o)).Distinct().Select(o => $"'{o}'"))}) "
                        + "in plaats van de naam van de regel. Regel: de bedragen tellen; de omschrijving blijft zoals gedrukt (dezelfde foutwaarde onder één totaal wordt genummerd: '#NAME? (2)').",
                        reeks.SelectMany(r => r.Bedragen.Where(b => b.Key == stand.Begrotingsjaar)
                        .Select(b => Bedrag(b.Value, r.Cellen[b.Key], b.Key, $"{stand.Hoofdstuk} {r.Soort} artikel {r.Artikel} > {string.Join(" > ", r.Omschrijvingen.Where(o => o.Length > 0))}", Bestand, r.Regel)))
                        .ToList()));
                }
            }


            private string Beschrijf(Standregel regel) =>
                $"{stand.Hoofdstuk} {regel.Soort} artikel {regel.Artikel}" + (regel.Pad.Count == 0 ? $" {regel.Omschrijving}" : " > " + string.Join(" > ", regel.Pad.Select(p => p.Omschrijving)));
        }
    }

    private static string Hoofdletter(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
