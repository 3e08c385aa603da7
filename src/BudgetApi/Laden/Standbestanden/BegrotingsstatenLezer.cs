using System.Globalization;
using BudgetApi.Domein;
using static BudgetApi.Laden.Standbestanden.Bevindingmaker;

namespace BudgetApi.Laden.Standbestanden;

/// <summary>
/// The Rijksbegrotingsstaten (open data set 1): one row per begrotingsjaar × V/U/O × hoofdstuk × artikel, the standen
/// as columns. Each non-blank stand cell is one artikel line of the stand (hoofdstuk, begrotingsjaar, fase) for
/// year t = begrotingsjaar; a blank cell is a stand not (yet) published, so no line. docs/standbestanden.md.
/// </summary>
public sealed class BegrotingsstatenLezer : IOpendatalezer
{
    public const string FormaatCode = "begrotingsstaten";

    public string Formaat => FormaatCode;

    /// <summary>The meanings every file of this layout needs; the amounts are stand columns, or one "Bedrag t" with a fase per row.</summary>
    private static readonly Betekenis[] Nodig = [Betekenis.Begrotingsjaar, Betekenis.Vuo, Betekenis.Hoofdstuk, Betekenis.Artikel];

    /// <summary>The columns that place a row below its artikel (onderdeel, instrument, regeling/detail): such a row is a part.</summary>
    private static readonly Betekenis[] Dieper =
        [Betekenis.Onderverdeling, Betekenis.Clustering, Betekenis.Instrument, Betekenis.Instrumentnummer, Betekenis.Uitsplitsing, Betekenis.Detailnummer, Betekenis.Nadere];

    /// <summary>One amount column per row ("Bedrag t") whose stand is the row's fase: the budgettaire tabellen 2018–2022 per fase.</summary>
    private static bool IsBedragPerFase(Kolomindeling k) =>
        !k.Heeft(Betekenis.Stand) && k.Alle(Betekenis.Bedrag).Count() == 1 && k.Kolom(Betekenis.Bedrag)!.Relatief == 0
        && k.Heeft(Betekenis.Fase) && !k.Heeft(Betekenis.Totaalregel);

    public IEnumerable<Betekenis> Ontbrekend(Kolomindeling indeling) =>
        Nodig.Where(b => !indeling.Heeft(b)).Concat(indeling.Heeft(Betekenis.Stand) || IsBedragPerFase(indeling) ? [] : [Betekenis.Stand]);

    public bool Past(Kolomindeling indeling) => !Ontbrekend(indeling).Any();

    public bool Herkent(IReadOnlyList<string> kopregel) => Past(Kolomherkenning.Deel(kopregel, []));

    /// <summary>What this reader expects of a header, for the registry's refusal.</summary>
    public static string VerwachteKop =>
        "begrotingsstaten (ook IBOS en budgettaire tabellen per fase): begrotingsjaar, V/U/O, hoofdstuk, artikel en ten minste één kolom per stand (ontwerpbegroting, vastgestelde begroting, 1ste/2de suppletoire begroting, Realisatie, StandOWB, …) of Bedrag t met een fase per regel";

    private sealed record Rij(
        Csvrij Bron, int? Jaar, string? Soort, string Hoofdstuk, string Naam, int? Artikel, string Artikelnaam,
        IReadOnlyDictionary<string, (long? Waarde, string Cel, int Kolom)> Standen)
    {
        public bool HeeftCijfers => Standen.Values.Any(s => s.Cel.Trim().Length > 0);

        public string Cellen => string.Join('|', Standen.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => s.Value.Waarde?.ToString(CultureInfo.InvariantCulture) ?? ""));

        /// <summary>A part below the artikel (an onderdeel, instrument or detail is filled in).</summary>
        public bool IsDeel { get; init; }

        /// <summary>The row's Totaal (J/N) mark: J rows are totals, never added to their parts.</summary>
        public bool? Totaal { get; init; }

        /// <summary>Where a part stands below its artikel, top down (empty for an artikel's own row).</summary>
        public IReadOnlyList<Deelstap> Stappen { get; init; } = [];
    }

    /// <summary>
    /// One step of a part's place below its artikel: the level, the number the file gives it (may be empty) and its name (may be
    /// empty). Two rows name the same step when the level and the number agree, or, without a number, the level and the name.
    /// </summary>
    private sealed record Deelstap(string Niveau, string Nummer, string Naam)
    {
        public string Sleutel => $"{Niveau}\u001e{(Nummer.Length > 0 ? Nummer : "naam:" + Standwoorden.Sleutel(Naam))}";

        public string Label => Naam.Length > 0 ? Naam : Nummer;
    }

    public Leesresultaat Lees(string bestand, TextReader inhoud, Standverwachting? verwachting = null)
    {
        var (alleRijen, csvProblemen) = Csvbestand.Lees(bestand, inhoud);
        var problemen = new List<Leesprobleem>(csvProblemen);
        if (alleRijen.Count == 0) return Geweigerd(problemen);
        var (rijen, voorregels) = Standlezers.VanafKopregel(bestand, alleRijen, Past);

        var data = rijen.Skip(1).ToList();
        var indeling = Kolomherkenning.Deel(rijen[0].Velden, data);
        var ontbrekend = Ontbrekend(indeling).ToList();
        if (ontbrekend.Count > 0) problemen.Add(Kolomherkenning.Ontbreekt(bestand, "de begrotingsstaten", indeling, ontbrekend));
        if (problemen.Count > 0) return Geweigerd(problemen);
        int K(Betekenis b) => indeling.Kolom(b)?.Index ?? -1;
        var standKolommen = indeling.Alle(Betekenis.Stand).ToList();
        var perFase = standKolommen.Count == 0;
        var bedragKolommen = perFase ? [indeling.Kolom(Betekenis.Bedrag)!] : standKolommen;
        var naamIndeling = perFase ? "budgettaire tabellen per fase (Bedrag t)" : indeling.Heeft(Betekenis.Ibosnummer) || indeling.Heeft(Betekenis.Totaalregel)
            ? "IBOS (standen als kolommen)" : "begrotingsstaten (standen als kolommen)";

        if (!perFase && verwachting?.Fase is { } verwachteFase && standKolommen.All(k => k.Fase != verwachteFase))
        {
            problemen.Add(new Leesprobleem(bestand, 1, 0,
                $"het bestand heeft geen kolom voor de fase '{verwachteFase}' die de import noemt (kolommen: {string.Join(", ", standKolommen.Select(k => $"'{k.Kop}'"))})"));
            return Geweigerd(problemen);
        }

        var notatie = Getalnotatie.VoorOpenData(data.SelectMany(r => bedragKolommen.Select(k => r[k.Index])), kentStreepjeEnPm: false);
        var bevindingen = Kolomherkenning.Bevindingen(bestand, indeling, data);
        bevindingen.AddRange(voorregels);
        var gelezen = new List<Rij>();
        var delen = new List<Rij>();
        var totaalrijen = new List<Rij>();
        var legeRegels = new List<int>();
        var kopregel = rijen[0];
        var fasen = new List<string>();
        foreach (var k in standKolommen) if (!fasen.Contains(k.Fase!)) fasen.Add(k.Fase!);

        foreach (var bron in data)
        {
            if (bron.IsLeeg) { legeRegels.Add(bron.Regel); continue; }
            if (Kolomherkenning.IsNotitie(bron, bedragKolommen)) { bevindingen.Add(Notitie(bestand, bron)); continue; }
            if ((Kolomherkenning.DoorKop(0, bron[K(Betekenis.Hoofdstuk)])?.Betekenis == Betekenis.Hoofdstuk && Herkent(bron.Velden))
                || Kolomherkenning.IsBedragenkop(bron, bedragKolommen))
            {
                bevindingen.Add(HerhaaldeKop(bestand, bron, kopregel));
                continue;
            }

            // The fase column: every code must be in the fase list (data/fasen.csv); per fase it also places the row's amount.
            string? rijFase = null;
            if (K(Betekenis.Fase) >= 0)
            {
                var faseCel = bron[K(Betekenis.Fase)].Trim();
                rijFase = Standwoorden.Fase(faseCel);
                if (faseCel.Length > 0 && rijFase is null)
                    problemen.Add(new Leesprobleem(bestand, bron.Regel, K(Betekenis.Fase) + 1,
                        $"'{Kort(faseCel)}' is geen bekende fase; bekende codes (data/fasen.csv): {string.Join(", ", Fasecodes.Codes)}"));
            }

            var hoofdstukCel = Hoofdstukcodes.Canoniek(bron[K(Betekenis.Hoofdstuk)].Trim());
            var standen = new Dictionary<string, (long?, string, int)>();
            var opmerkingen = new List<(Kolomduiding Kolom, Bedragcel Cel, string Fase)>();
            foreach (var k in bedragKolommen)
            {
                var fase = k.Fase ?? rijFase;
                var cel = bron[k.Index];
                if (fase is null)
                {
                    // An unknown code is refused above; an empty fase cell beside an amount is refused here.
                    if (cel.Trim().Length > 0 && (K(Betekenis.Fase) < 0 || bron[K(Betekenis.Fase)].Trim().Length == 0))
                        problemen.Add(new Leesprobleem(bestand, bron.Regel, K(Betekenis.Fase) + 1, "de fase ontbreekt in een rij met een bedrag"));
                    continue;
                }
                if (perFase && verwachting?.Fase is { } vf && fase != vf) continue;
                var gelezenCel = notatie.LeesOpenData(cel);
                if (gelezenCel.Opmerking is not null) opmerkingen.Add((k, gelezenCel, fase));
                standen[fase] = (gelezenCel.Waarde, cel, k.Index + 1);
                if (!fasen.Contains(fase)) fasen.Add(fase);
            }
            var stappen = Stappen(bron, K);
            var rij = new Rij(bron, null, null, hoofdstukCel, Standwoorden.Omschrijving(bron[K(Betekenis.Naam)]),
                null, Standwoorden.Omschrijving(bron[K(Betekenis.Artikelnaam)]), standen)
            {
                IsDeel = stappen.Count > 0,
                Stappen = stappen,
                Totaal = K(Betekenis.Totaalregel) < 0 ? null : Standwoorden.Sleutel(bron[K(Betekenis.Totaalregel)]) switch { "j" or "ja" => true, "n" or "nee" => false, _ => null },
            };
            var cijfers = rij.HeeftCijfers;

            var jaarCel = bron[K(Betekenis.Begrotingsjaar)].Trim();
            int? jaar = null;
            if (int.TryParse(jaarCel, NumberStyles.None, CultureInfo.InvariantCulture, out var j) && j is >= 1900 and <= 2200) jaar = j;
            else if (jaarCel.Length > 0 || cijfers)
                problemen.Add(new Leesprobleem(bestand, bron.Regel, K(Betekenis.Begrotingsjaar) + 1,
                    jaarCel.Length == 0 ? "het begrotingsjaar ontbreekt in een rij met bedragen" : $"'{Kort(jaarCel)}' is geen begrotingsjaar"));

            var vuo = bron[K(Betekenis.Vuo)];
            var soort = Standwoorden.Soort(vuo);
            if (soort is null && (vuo.Trim().Length > 0 || cijfers))
                problemen.Add(new Leesprobleem(bestand, bron.Regel, K(Betekenis.Vuo) + 1,
                    vuo.Trim().Length == 0 ? "de V/U/O-code ontbreekt in een rij met bedragen" : $"'{Kort(vuo)}' is geen V/U/O-code (V, U of O)"));

            if (rij.Hoofdstuk.Length == 0 && cijfers)
                problemen.Add(new Leesprobleem(bestand, bron.Regel, K(Betekenis.Hoofdstuk) + 1, "het hoofdstuk (begrotingsstaat) ontbreekt in een rij met bedragen"));
            else if (rij.Hoofdstuk.Length > 0 && !Hoofdstukcodes.IsGeldig(rij.Hoofdstuk))
                problemen.Add(new Leesprobleem(bestand, bron.Regel, K(Betekenis.Hoofdstuk) + 1, Hoofdstukcodes.Melding(rij.Hoofdstuk)));
            foreach (var b in new[] { Betekenis.Naam, Betekenis.Artikelnaam, Betekenis.Clustering, Betekenis.Instrument, Betekenis.Uitsplitsing, Betekenis.Nadere })
                if (K(b) >= 0 && Tekstvelden.Fout(bron[K(b)]) is { } tekstfout)
                    problemen.Add(new Leesprobleem(bestand, bron.Regel, K(b) + 1, tekstfout));

            var artikelCel = bron[K(Betekenis.Artikel)].Trim();
            int? artikel = null;
            if (int.TryParse(artikelCel, NumberStyles.None, CultureInfo.InvariantCulture, out var a)) artikel = a;
            else if (artikelCel.Length == 0 && cijfers && (rij.Totaal == true || (rij.Totaal is not null && !rij.IsDeel)))
            {
                // A hoofdstuk's own total row (Totaal = J, no artikel): a printed total, never added to the artikelen.
                totaalrijen.Add(rij with { Jaar = jaar, Soort = soort });
                continue;
            }
            else if (artikelCel.Length > 0 || cijfers)
                problemen.Add(new Leesprobleem(bestand, bron.Regel, K(Betekenis.Artikel) + 1,
                    artikelCel.Length == 0 ? "het artikel (onderdeel) ontbreekt in een rij met bedragen" : $"'{Kort(artikelCel)}' is geen artikelnummer"));

            foreach (var leeg in indeling.Kolommen.Where(k => k.Betekenis == Betekenis.Leeg && bron[k.Index].Trim().Length > 0))
                bevindingen.Add(LosseCel(bestand, bron, leeg.Index));
            for (var extra = kopregel.Velden.Count; extra < bron.Velden.Count; extra++)
                if (bron[extra].Trim().Length > 0) bevindingen.Add(LosseCel(bestand, bron, extra));
            foreach (var (kolom, cel, fase) in opmerkingen)
                bevindingen.Add(Celbevinding(bestand, bron, kolom, cel, new Standsleutel(hoofdstukCel, jaar ?? 0, fase)));

            (rij.IsDeel ? delen : gelezen).Add(rij with { Jaar = jaar, Soort = soort, Artikel = artikel });
        }
        if (problemen.Count > 0) return Geweigerd(problemen);
        var artikelenMetEigenRij = gelezen.Select(r => (r.Jaar, r.Soort, r.Hoofdstuk, r.Artikel)).ToHashSet();
        gelezen = Samengevoegd(gelezen, delen);

        foreach (var (van, tot) in Reeksen(legeRegels))
        {
            bevindingen.Add(new Bevinding
            {
                Id = Id(Bevindingsoorten.LegeRegel, bestand, Reeks(van, tot)),
                Soort = Bevindingsoorten.LegeRegel,
                Ernst = Bevindingsoorten.Twijfel,
                Uitleg = $"{Hoofdletter(Regels(van, tot))} van {bestand} {(van == tot ? "is" : "zijn")} leeg. Regel: een lege regel draagt niets en wordt overgeslagen.",
                Cijfers = [],
            });
        }

        // Rows without any figure are read (they may fill a stand of another row) but carry no line.
        var metCijfers = new List<Rij>();
        foreach (var rij in gelezen)
        {
            if (rij.HeeftCijfers) { metCijfers.Add(rij); continue; }
            bevindingen.Add(new Bevinding
            {
                Id = Id(Bevindingsoorten.LegeRegel, bestand, rij.Bron.Regel),
                Soort = Bevindingsoorten.LegeRegel,
                Ernst = Bevindingsoorten.Twijfel,
                Hoofdstuk = NullAlsLeeg(rij.Hoofdstuk),
                Begrotingsjaar = rij.Jaar,
                Uitleg = $"Regel {rij.Bron.Regel} ({Wat(rij)}) heeft in geen enkele stand een bedrag. Regel: een lege cel is een stand die (nog) niet is gepubliceerd; zonder één bedrag levert de regel niets op.",
                Cijfers = [],
            });
        }

        var geteld = VerwijderDubbele(bestand, metCijfers, bevindingen);
        geteld = VerwijderKopieen(bestand, geteld, bevindingen);
        geteld = VerwijderVreemdeArtikelen(bestand, geteld, bevindingen);

        // What an import names selects the stand: this file holds every hoofdstuk, year and fase by design.
        if (verwachting?.Hoofdstuk is { } vh) geteld = geteld.Where(r => string.Equals(r.Hoofdstuk, vh, StringComparison.OrdinalIgnoreCase)).ToList();
        if (verwachting?.Begrotingsjaar is { } vj) geteld = geteld.Where(r => r.Jaar == vj).ToList();

        var regels = new List<Standregel>();
        var koppen = new Dictionary<Standsleutel, Standkop>();
        var volgorde = fasen.OrderBy(f => Begrotingscodes.Volgorde(f) < 0 ? int.MaxValue : Begrotingscodes.Volgorde(f)).ToList();
        if (!perFase) volgorde = fasen;
        foreach (var rij in geteld)
        {
            foreach (var fase in volgorde)
            {
                if (verwachting?.Fase is { } vf && fase != vf) continue;
                if (!rij.Standen.TryGetValue(fase, out var stand_)) continue;
                var (waarde, cel, kolom) = stand_;
                if (cel.Trim().Length == 0) continue;
                var stand = new Standsleutel(rij.Hoofdstuk, rij.Jaar!.Value, fase);
                koppen.TryAdd(stand, new Standkop(stand, NullAlsLeeg(rij.Naam)));
                regels.Add(new Standregel
                {
                    Stand = stand,
                    Soort = rij.Soort!,
                    Artikel = rij.Artikel!.Value,
                    Pad = [],
                    Omschrijving = rij.Artikelnaam,
                    Categorie = null,
                    IsTotaalregel = rij.Totaal == true,
                    Bedragen = new Dictionary<int, long?> { [rij.Jaar.Value] = waarde },
                    Herkomst = new Vindplaats(bestand, rij.Bron.Regel),
                    HerkomstPerJaar = new Dictionary<int, Vindplaats> { [rij.Jaar.Value] = new Vindplaats(bestand, rij.Bron.Regel, kolom) },
                });
            }
        }
        // The parts below each artikel that is loaded, as lines with their paths (an artikel left out above takes its parts with it).
        var geladen = geteld.Select(r => (r.Jaar, r.Soort, r.Hoofdstuk, r.Artikel)).ToHashSet();
        foreach (var groep in delen.GroupBy(r => (r.Jaar, r.Soort, r.Hoofdstuk, r.Artikel)).Where(g => geladen.Contains(g.Key)))
            regels.AddRange(Deelregels(bestand, groep.ToList(), volgorde, verwachting));
        var artikelsleutels = regels.Where(r => r.Pad.Count == 0 && !artikelenMetEigenRij.Contains((r.Stand.Begrotingsjaar, r.Soort, r.Stand.Hoofdstuk, r.Artikel)))
            .Select(r => (r.Stand, r.Soort, r.Artikel)).ToHashSet();
        if (artikelsleutels.Count > 0)
        {
            // An artikel the file gives only in its parts has their sum: its figure is by this rule the total of its parts.
            for (var i = 0; i < regels.Count; i++)
                if (regels[i].Pad.Count == 0 && artikelsleutels.Contains((regels[i].Stand, regels[i].Soort, regels[i].Artikel)))
                    regels[i] = regels[i] with { IsTotaalregel = true };
        }
        var totalen = Totalen(bestand, totaalrijen, koppen, verwachting);
        return new Leesresultaat(FormaatCode, koppen.Values.ToList(), regels, totalen, bevindingen, [])
        {
            Indeling = Standlezers.Beschrijf(naamIndeling, indeling),
        };
    }

    /// <summary>The same hoofdstuk, year, V/U/O and artikel twice: the first row counts; an exact repeat is money counted once.</summary>
    private static List<Rij> VerwijderDubbele(string bestand, List<Rij> rijen, List<Bevinding> bevindingen)
    {
        var eerste = new Dictionary<(int?, string?, string, int?), Rij>();
        var over = new List<Rij>();
        foreach (var rij in rijen)
        {
            var sleutel = (rij.Jaar, rij.Soort, rij.Hoofdstuk, rij.Artikel);
            if (!eerste.TryGetValue(sleutel, out var eerder))
            {
                eerste[sleutel] = rij;
                over.Add(rij);
                continue;
            }
            var gelijk = eerder.Cellen == rij.Cellen;
            var soort = gelijk ? Bevindingsoorten.HerhaaldBlok : Bevindingsoorten.Tegenstrijdigheid;
            bevindingen.Add(new Bevinding
            {
                Id = Id(soort, bestand, rij.Hoofdstuk, rij.Jaar, rij.Soort, $"artikel-{rij.Artikel}", rij.Bron.Regel),
                Soort = soort,
                Ernst = gelijk ? Bevindingsoorten.Twijfel : Bevindingsoorten.Tegenstrijdig,
                Hoofdstuk = rij.Hoofdstuk,
                Begrotingsjaar = rij.Jaar,
                Uitleg = gelijk
                    ? $"Regel {rij.Bron.Regel} herhaalt regel {eerder.Bron.Regel} ({Wat(rij)}) met dezelfde bedragen. Regel: het bedrag telt één keer; de herhaling wordt niet geladen."
                    : $"Regel {rij.Bron.Regel} geeft {Wat(rij)} opnieuw, met andere bedragen dan regel {eerder.Bron.Regel}. Regel: de eerste regel telt; de tweede wordt niet geladen, zodat geen geld dubbel telt.",
                Cijfers = Standcijfers(bestand, eerder).Concat(Standcijfers(bestand, rij)).ToList(),
            });
        }
        return over;
    }

    /// <summary>
    /// Rows repeated under another hoofdstuk code: same year, V/U/O, artikel, name and every stand figure as rows of
    /// another hoofdstuk. The copy is the one whose code the artikel does not belong to in the other years of the file
    /// (Deltafonds 2015 holding the artikelen of De Koning); it is not loaded, so the money counts once.
    /// </summary>
    private static List<Rij> VerwijderKopieen(string bestand, List<Rij> rijen, List<Bevinding> bevindingen)
    {
        string Vingerafdruk(Rij r) => $"{r.Jaar}|{r.Soort}|{r.Artikel}|{Standwoorden.Sleutel(r.Artikelnaam)}|{r.Cellen}";
        bool HeeftArtikelElders(string hoofdstuk, Rij r) => rijen.Any(x => x.Hoofdstuk == hoofdstuk && x.Jaar != r.Jaar && x.Artikel == r.Artikel
            && Standwoorden.Gelijk(x.Artikelnaam, r.Artikelnaam));

        var paren = new HashSet<(int Jaar, string Kopie, string Eigenaar)>();
        foreach (var groep in rijen.GroupBy(Vingerafdruk))
        {
            var hoofdstukken = groep.Select(r => r.Hoofdstuk).Distinct().ToList();
            if (hoofdstukken.Count < 2) continue;
            var voorbeeld = groep.First();
            if (voorbeeld.Standen.Values.All(s => s.Waarde is null or 0)) continue; // zeros alone prove no copy
            var eigenaars = hoofdstukken.Where(h => HeeftArtikelElders(h, voorbeeld)).ToList();
            var eigenaar = eigenaars.Count == 1 ? eigenaars[0] : hoofdstukken[0];
            foreach (var h in hoofdstukken.Where(h => h != eigenaar)) paren.Add((voorbeeld.Jaar!.Value, h, eigenaar));
        }

        var weg = new HashSet<Rij>();
        foreach (var (jaar, kopie, eigenaar) in paren.OrderBy(p => p.Jaar).ThenBy(p => p.Kopie, StringComparer.Ordinal))
        {
            var origineel = rijen.Where(r => r.Hoofdstuk == eigenaar && r.Jaar == jaar).ToLookup(Vingerafdruk);
            var kopieen = rijen.Where(r => r.Hoofdstuk == kopie && r.Jaar == jaar && origineel.Contains(Vingerafdruk(r))).ToList();
            weg.UnionWith(kopieen);
            var bronnen = kopieen.Select(r => origineel[Vingerafdruk(r)].First()).ToList();
            var naam = kopieen[0].Naam;
            bevindingen.Add(new Bevinding
            {
                Id = Id(Bevindingsoorten.HerhaaldBlok, bestand, kopie, jaar, $"kopie-van-{eigenaar}"),
                Soort = Bevindingsoorten.HerhaaldBlok,
                Ernst = Bevindingsoorten.Fout,
                Hoofdstuk = kopie,
                Begrotingsjaar = jaar,
                Uitleg = $"{Hoofdletter(RegelLijst(kopieen))} staan onder hoofdstuk {kopie} ({naam}), begrotingsjaar {jaar}, maar herhalen "
                    + $"{RegelLijst(bronnen)} van hoofdstuk {eigenaar}: dezelfde artikelen, namen en bedragen in elke stand. De artikelen horen bij {eigenaar} "
                    + $"(zo heten ze daar ook in de andere jaren van het bestand), de code {kopie} past niet bij hun namen. "
                    + $"Regel: de regels van {eigenaar} tellen; de kopie onder {kopie} wordt niet geladen, zodat het geld één keer telt.",
                Cijfers = kopieen.SelectMany(r => Standcijfers(bestand, r)).ToList(),
            });
        }
        return rijen.Where(r => !weg.Contains(r)).ToList();
    }

    /// <summary>
    /// Artikelen another hoofdstuk's: an artikel this hoofdstuk has in no other year of the file, whose number and name
    /// are another hoofdstuk's in other years, while that hoofdstuk has no rows at all this year (VI 2015 holding the
    /// artikelen 61–74 of Binnenlandse Zaken). Loading them under this code would count another ministry's money as its own.
    /// </summary>
    private static List<Rij> VerwijderVreemdeArtikelen(string bestand, List<Rij> rijen, List<Bevinding> bevindingen)
    {
        var jarenPerHoofdstuk = rijen.GroupBy(r => r.Hoofdstuk).ToDictionary(g => g.Key, g => g.Select(r => r.Jaar).ToHashSet(), StringComparer.Ordinal);
        var jarenPerArtikel = rijen.GroupBy(r => (r.Hoofdstuk, r.Artikel)).ToDictionary(g => g.Key, g => g.Select(r => r.Jaar).ToHashSet());
        bool ElderJaar(string hoofdstuk, int? artikel, int? jaar) => jarenPerArtikel[(hoofdstuk, artikel)].Any(j => j != jaar);
        // A hoofdstuk is itself in a year when it has there an artikel it also has in another year: only then can a stranger stand among its rows.
        var herkenbaar = rijen.Where(r => ElderJaar(r.Hoofdstuk, r.Artikel, r.Jaar)).Select(r => (r.Hoofdstuk, r.Jaar)).ToHashSet();
        var vreemd = new Dictionary<(int Jaar, string Hoofdstuk, string Eigenaar), List<Rij>>();
        foreach (var groep in rijen.GroupBy(r => (r.Jaar, r.Hoofdstuk, r.Artikel)))
        {
            var (jaar, hoofdstuk, artikel) = groep.Key;
            if (ElderJaar(hoofdstuk, artikel, jaar) || !herkenbaar.Contains((hoofdstuk, jaar))) continue;
            var naam = groep.First().Artikelnaam;
            var eigenaar = rijen.Where(r => r.Hoofdstuk != hoofdstuk && r.Jaar != jaar && r.Artikel == artikel && Standwoorden.Gelijk(r.Artikelnaam, naam)
                    && !jarenPerHoofdstuk[r.Hoofdstuk].Contains(jaar))
                .Select(r => r.Hoofdstuk).Distinct().ToList();
            if (eigenaar.Count != 1) continue;
            var sleutel = (jaar!.Value, hoofdstuk, eigenaar[0]);
            if (!vreemd.TryGetValue(sleutel, out var lijst)) vreemd[sleutel] = lijst = [];
            lijst.AddRange(groep);
        }

        var weg = new HashSet<Rij>();
        foreach (var ((jaar, hoofdstuk, eigenaar), lijst) in vreemd.OrderBy(v => v.Key.Jaar).ThenBy(v => v.Key.Hoofdstuk, StringComparer.Ordinal))
        {
            weg.UnionWith(lijst);
            var artikelen = lijst.Select(r => r.Artikel!.Value).Distinct().Order().ToList();
            var eigenNaam = rijen.First(r => r.Hoofdstuk == eigenaar).Naam;
            bevindingen.Add(new Bevinding
            {
                Id = Id(Bevindingsoorten.CodePastNietBijNaam, bestand, hoofdstuk, jaar, $"artikelen-van-{eigenaar}"),
                Soort = Bevindingsoorten.CodePastNietBijNaam,
                Ernst = Bevindingsoorten.Tegenstrijdig,
                Hoofdstuk = hoofdstuk,
                Begrotingsjaar = jaar,
                Uitleg = $"{Hoofdletter(RegelLijst(lijst))} staan onder hoofdstuk {hoofdstuk} ({lijst[0].Naam}), begrotingsjaar {jaar}, met de artikelen "
                    + $"{string.Join(", ", artikelen.Select(a => $"{a} {lijst.First(r => r.Artikel == a).Artikelnaam}"))}. "
                    + $"Die artikelen heeft {hoofdstuk} in geen ander jaar van het bestand; met dit nummer en deze naam zijn ze van hoofdstuk {eigenaar} ({eigenNaam}), "
                    + $"dat in {jaar} geen enkele regel heeft. De code {hoofdstuk} past niet bij de namen. "
                    + $"Regel: de regels worden niet onder {hoofdstuk} geladen (dat zou geld van {eigenaar} bij {hoofdstuk} tellen) en ook niet verhuisd naar {eigenaar}: de lezer verbetert niets.",
                Cijfers = lijst.SelectMany(r => Standcijfers(bestand, r)).ToList(),
            });
        }
        return rijen.Where(r => !weg.Contains(r)).ToList();
    }

    private static IEnumerable<Bevindingcijfer> Standcijfers(string bestand, Rij rij) =>
        rij.Standen.Where(s => s.Value.Cel.Trim().Length > 0).Select(s => Bedrag(s.Value.Waarde, s.Value.Cel, rij.Jaar,
            $"{rij.Hoofdstuk} {rij.Soort} artikel {rij.Artikel} {rij.Artikelnaam}, {Begrotingscodes.FaseLabel(s.Key)} {rij.Jaar}", bestand, rij.Bron.Regel));

    private static string Wat(Rij rij) => $"{rij.Hoofdstuk} {rij.Jaar} {rij.Soort} artikel {rij.Artikel} {rij.Artikelnaam}".Trim();

    private static string RegelLijst(IEnumerable<Rij> rijen) =>
        string.Join(", ", Reeksen(rijen.Select(r => r.Bron.Regel)).Select(r => Regels(r.Van, r.Tot)));

    private static Bevinding HerhaaldeKop(string bestand, Csvrij bron, Csvrij kop) => new()
    {
        Id = Id(Bevindingsoorten.HerhaaldeKopregel, bestand, bron.Regel),
        Soort = Bevindingsoorten.HerhaaldeKopregel,
        Ernst = Bevindingsoorten.Twijfel,
        Uitleg = $"Regel {bron.Regel} is een kopregel midden in de gegevens (zoals regel {kop.Regel}): bladen zijn aan elkaar geplakt. Regel: de herhaalde kopregel wordt overgeslagen; de kolommen blijven die van regel {kop.Regel}.",
        Cijfers = [Tekst(string.Join(",", bron.Velden), "herhaalde kopregel", bestand, bron.Regel)],
    };

    private static Bevinding LosseCel(string bestand, Csvrij bron, int index) => new()
    {
        Id = Id(Bevindingsoorten.LosseCel, bestand, bron.Regel, index + 1),
        Soort = Bevindingsoorten.LosseCel,
        Ernst = Bevindingsoorten.Twijfel,
        Uitleg = $"Regel {bron.Regel} heeft in kolom {index + 1} een waarde ('{bron[index]}') zonder kop. Regel: een cel buiten de kolommen van de kopregel wordt niet gelezen.",
        Cijfers = [Tekst(bron[index], $"kolom {index + 1} zonder kop", bestand, bron.Regel)],
    };

    private static string? NullAlsLeeg(string s) => s.Length == 0 ? null : s;

    private static string Hoofdletter(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    /// <summary>
    /// The parts of artikelen whose own row the file does not print (IBOS and the budgettaire tabellen per fase give the
    /// details): per stand the artikel's amount is the sum of its detail rows, J rows never counted (they are totals of the
    /// rows beneath them). An artikel that has its own row keeps that row; its parts are not added to it.
    /// </summary>
    private static List<Rij> Samengevoegd(List<Rij> artikelrijen, List<Rij> delen)
    {
        var eigen = artikelrijen.Select(r => (r.Jaar, r.Soort, r.Hoofdstuk, r.Artikel)).ToHashSet();
        var samengeteld = new List<Rij>();
        foreach (var groep in delen.GroupBy(r => (r.Jaar, r.Soort, r.Hoofdstuk, r.Artikel)))
        {
            if (eigen.Contains(groep.Key)) continue;
            var standen = new Dictionary<string, (long? Waarde, string Cel, int Kolom)>();
            foreach (var fase in groep.SelectMany(r => r.Standen.Keys).Distinct())
            {
                var cellen = groep.Where(r => r.Totaal != true && r.Standen.TryGetValue(fase, out var c) && c.Cel.Trim().Length > 0).Select(r => r.Standen[fase]).ToList();
                if (cellen.Count == 0) { standen[fase] = (null, "", groep.First().Standen[fase].Kolom); continue; }
                var waarden = cellen.Where(c => c.Waarde is not null).Select(c => c.Waarde!.Value).ToList();
                long? som = waarden.Count == 0 ? null : waarden.Sum();
                standen[fase] = (som, som?.ToString(CultureInfo.InvariantCulture) ?? cellen[0].Cel, cellen[0].Kolom);
            }
            var eerste = groep.First();
            samengeteld.Add(eerste with
            {
                Artikelnaam = groep.Select(r => r.Artikelnaam).FirstOrDefault(n => n.Length > 0) ?? "",
                Standen = standen,
                IsDeel = false,
            });
        }
        return artikelrijen.Concat(samengeteld).OrderBy(r => r.Bron.Regel).ToList();
    }

    /// <summary>The hoofdstuk's printed totals (Totaal = J without an artikel): kept as printed, per stand and soort, the first counts.</summary>
    private static List<GedruktStandtotaal> Totalen(string bestand, List<Rij> rijen, Dictionary<Standsleutel, Standkop> koppen, Standverwachting? verwachting)
    {
        var totalen = new Dictionary<(Standsleutel, string), GedruktStandtotaal>();
        foreach (var rij in rijen.Where(r => r.Jaar is not null && r.Soort is not null))
        {
            foreach (var (fase, (waarde, cel, kolom)) in rij.Standen)
            {
                if (cel.Trim().Length == 0 || (verwachting?.Fase is { } vf && fase != vf)) continue;
                var stand = new Standsleutel(rij.Hoofdstuk, rij.Jaar!.Value, fase);
                if (!koppen.ContainsKey(stand)) continue;
                totalen.TryAdd((stand, rij.Soort!), new GedruktStandtotaal
                {
                    Stand = stand,
                    Soort = rij.Soort!,
                    Totaal = rij.Naam.Length > 0 ? rij.Naam : $"Hoofdstuk {rij.Hoofdstuk}",
                    AlleenBeleidsartikelen = false,
                    Bedragen = new Dictionary<int, long?> { [rij.Jaar.Value] = waarde },
                    Herkomst = new Vindplaats(bestand, rij.Bron.Regel, kolom),
                });
            }
        }
        return totalen.Values.ToList();
    }

    /// <summary>A cell read other than as written: rounded to whole thousands, or text where an amount stands (the line is kept without it).</summary>
    private static Bevinding Celbevinding(string bestand, Csvrij bron, Kolomduiding kolom, Bedragcel cel, Standsleutel stand)
    {
        var soort = cel.Afgerond ? Bevindingsoorten.AfgerondBedrag : Bevindingsoorten.GeenBedrag;
        return new Bevinding
        {
            Id = Id(soort, bestand, bron.Regel, kolom.Index + 1),
            Soort = soort,
            Ernst = Bevindingsoorten.Twijfel,
            Hoofdstuk = NullAlsLeeg(stand.Hoofdstuk),
            Begrotingsjaar = stand.Begrotingsjaar == 0 ? null : stand.Begrotingsjaar,
            Fase = stand.Fase,
            Uitleg = $"Regel {bron.Regel}, kolom {kolom.Index + 1} ('{Kolomindeling.Kort(kolom.Kop)}'): {cel.Opmerking}. "
                + (cel.Afgerond ? "Regel: bedragen zijn hele duizenden euro's; een decimaal of rekenbladruis wordt afgerond (half van nul af)."
                    : "Regel: tekst is geen bedrag; de regel blijft, zonder dit bedrag (een lege cel is nooit 0)."),
            Cijfers = [cel.Afgerond ? Bedrag(cel.Waarde, Kort(bron[kolom.Index]), stand.Begrotingsjaar, $"kolom {kolom.Index + 1}", bestand, bron.Regel)
                : Tekst(Kort(bron[kolom.Index]), $"kolom {kolom.Index + 1}", bestand, bron.Regel)],
        };
    }

    private static bool IsLeegOfNul(string cel) => cel.Trim() is "" or "0";

    /// <summary>
    /// Where a row stands below its artikel: artikelonderdeel, financieel instrument, regeling/detail and nadere omschrijving, each by
    /// its number and name columns (a number 0 counts as empty). A file without those columns but with IBOS numbers
    /// (2023.6.31.1.2.0: jaar, hoofdstuk, artikel, onderdeel, instrument, detail) has its steps in the number, after the artikel. A step that repeats the name
    /// of the step above it ("Ontvangsten" as onderdeel, instrument and regeling) is a label, not a level of its own.
    /// </summary>
    private static List<Deelstap> Stappen(Csvrij bron, Func<Betekenis, int> k)
    {
        string Cel(Betekenis b) => k(b) < 0 ? "" : Standwoorden.Omschrijving(bron[k(b)]);
        string Nummer(Betekenis b) => IsLeegOfNul(Cel(b)) ? "" : Cel(b);
        var kandidaten = new List<Deelstap>
        {
            new(Begrotingscodes.NiveauArtikelonderdeel, Nummer(Betekenis.Onderverdeling), Cel(Betekenis.Clustering)),
            new(Begrotingscodes.NiveauFinancieelInstrument, Nummer(Betekenis.Instrumentnummer), Cel(Betekenis.Instrument)),
            new(Begrotingscodes.NiveauUitsplitsing, Nummer(Betekenis.Detailnummer), Cel(Betekenis.Uitsplitsing)),
            new(Begrotingscodes.NiveauNadereOmschrijving, "", Cel(Betekenis.Nadere)),
        };
        if (Dieper.All(b => k(b) < 0) && k(Betekenis.Ibosnummer) >= 0)
        {
            // jaar.hoofdstuk.artikel.onderdeel.instrument.detail (2023.6.31.1.2.0); a file that leaves the hoofdstuk out
            // (2024.31.1.1.2.0) has the artikel second. The steps follow the artikel's own number, wherever it stands; a number
            // in which the row's artikel cannot be found places nothing.
            var delen = bron[k(Betekenis.Ibosnummer)].Trim().Split('.');
            var artikel = bron[k(Betekenis.Artikel)].Trim();
            var hoofdstuk = Hoofdstukcodes.Canoniek(bron[k(Betekenis.Hoofdstuk)].Trim());
            var na = delen.Length > 2 && delen[2] == artikel && Hoofdstukcodes.Canoniek(delen[1]) == hoofdstuk ? 3
                : delen.Length > 1 && delen[1] == artikel ? 2 : -1;
            for (var i = 0; na > 0 && i < kandidaten.Count && na + i < delen.Length; i++)
                kandidaten[i] = kandidaten[i] with { Nummer = IsLeegOfNul(delen[na + i]) ? "" : delen[na + i].Trim() };
        }
        var stappen = new List<Deelstap>();
        foreach (var stap in kandidaten)
        {
            if (stap.Nummer.Length == 0 && stap.Naam.Length == 0) continue;
            if (stappen.Count > 0 && stap.Naam.Length > 0 && Standwoorden.Gelijk(stappen[^1].Naam, stap.Naam)) continue;
            stappen.Add(stap);
        }
        return stappen;
    }

    /// <summary>One line below an artikel: a row of the file, or a step its parts name that has no row of its own (a grouping).</summary>
    private sealed class Deelknoop(Deelstap stap, Deelknoop? ouder)
    {
        public Deelstap Stap { get; } = stap;
        public Deelknoop? Ouder { get; } = ouder;
        public Rij? Rij { get; set; }
        public string Label { get; set; } = stap.Label;
        public List<Deelknoop> Delen { get; } = [];

        public IEnumerable<Rij> AlleRijen() => (Rij is null ? [] : new[] { Rij }).Concat(Delen.SelectMany(d => d.AlleRijen()));

        public List<Padstap> Pad() => [.. Ouder?.Pad() ?? [], new Padstap(Stap.Niveau, Label)];
    }

    /// <summary>
    /// The parts of one artikel (one year, soort and hoofdstuk) as lines with their paths (issue 14): each row at its place, with its
    /// own figure per stand; a step named only in its parts' columns is a line without figures. A total row (Totaal = J) is kept as
    /// printed and marked a total, so /v1/aansluitingen compares it with its parts; nothing is added up here. Two rows at the same place
    /// are two lines (the second numbered), as the artikel's sum counts both.
    /// </summary>
    private static IEnumerable<Standregel> Deelregels(string bestand, List<Rij> rijen, IReadOnlyList<string> volgorde, Standverwachting? verwachting)
    {
        var wortels = new List<Deelknoop>();
        var knopen = new Dictionary<string, Deelknoop>(StringComparer.Ordinal);
        foreach (var rij in rijen)
        {
            Deelknoop? ouder = null;
            var pad = "";
            for (var i = 0; i < rij.Stappen.Count; i++)
            {
                pad += "\u001f" + rij.Stappen[i].Sleutel;
                var laatste = i == rij.Stappen.Count - 1;
                if (!knopen.TryGetValue(pad, out var knoop) || (laatste && knoop.Rij is not null))
                {
                    if (knoop is not null)
                    {
                        // The same place twice: a line of its own, numbered like a repeated name.
                        var n = 2;
                        while (knopen.ContainsKey($"{pad}#{n}")) n++;
                        pad = $"{pad}#{n}";
                    }
                    knoop = new Deelknoop(rij.Stappen[i], ouder);
                    knopen[pad] = knoop;
                    (ouder?.Delen ?? wortels).Add(knoop);
                }
                ouder = knoop;
            }
            ouder!.Rij = rij;
        }
        Benoem(wortels);

        var jaar = rijen[0].Jaar!.Value;
        var eerste = rijen[0];
        foreach (var fase in volgorde)
        {
            if (verwachting?.Fase is { } vf && fase != vf) continue;
            var stand = new Standsleutel(eerste.Hoofdstuk, jaar, fase);
            foreach (var knoop in Diepte(wortels))
            {
                var metCel = knoop.AlleRijen().Where(r => r.Standen.TryGetValue(fase, out var c) && c.Cel.Trim().Length > 0).ToList();
                if (metCel.Count == 0) continue;
                var eigen = knoop.Rij is { } r0 && r0.Standen.TryGetValue(fase, out var c0) && c0.Cel.Trim().Length > 0 ? c0 : ((long?, string, int)?)null;
                var bronrij = eigen is null ? metCel[0] : knoop.Rij!;
                yield return new Standregel
                {
                    Stand = stand,
                    Soort = eerste.Soort!,
                    Artikel = eerste.Artikel!.Value,
                    Pad = knoop.Pad(),
                    Omschrijving = knoop.Label,
                    Code = knoop.Stap.Niveau == Begrotingscodes.NiveauArtikelonderdeel && knoop.Stap.Nummer.Length > 0
                        ? $"{eerste.Artikel}.{knoop.Stap.Nummer}" : null,
                    Categorie = null,
                    IsTotaalregel = knoop.Rij?.Totaal == true,
                    Bedragen = new Dictionary<int, long?> { [jaar] = eigen?.Item1 },
                    Herkomst = new Vindplaats(bestand, bronrij.Bron.Regel),
                    HerkomstPerJaar = eigen is { } e ? new Dictionary<int, Vindplaats> { [jaar] = new Vindplaats(bestand, bronrij.Bron.Regel, e.Item3) } : null,
                };
            }
        }
    }

    private static IEnumerable<Deelknoop> Diepte(IEnumerable<Deelknoop> knopen) => knopen.SelectMany(k => new[] { k }.Concat(Diepte(k.Delen)));

    /// <summary>
    /// Siblings with the same name at different places (two instruments "Subsidies" with other numbers) keep their own path: the name
    /// gets its number ("Subsidies (3)"), or, without one, its place among them.
    /// </summary>
    private static void Benoem(List<Deelknoop> broers)
    {
        foreach (var groep in broers.GroupBy(b => (b.Stap.Niveau, Standwoorden.Sleutel(b.Label))).Where(g => g.Count() > 1))
        {
            var n = 1;
            foreach (var b in groep.Skip(1))
            {
                n++;
                b.Label = b.Stap.Nummer.Length > 0 && b.Stap.Nummer != groep.First().Stap.Nummer && b.Stap.Naam.Length > 0
                    ? $"{b.Label} ({b.Stap.Nummer})" : $"{b.Label} ({n})";
            }
        }
        foreach (var b in broers) Benoem(b.Delen);
    }

    private static string Kort(string s) => s.Length > 40 ? s[..40] + "…" : s;

    private static Leesresultaat Geweigerd(List<Leesprobleem> problemen) => new(FormaatCode, [], [], [], [], problemen);
}
