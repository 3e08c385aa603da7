using System.Globalization;
using BudgetApi.Domein;
using static BudgetApi.Laden.Standbestanden.Bevindingmaker;

namespace BudgetApi.Laden.Standbestanden;

/// <summary>
/// The Rijksbegrotingsstaten (open data set 1): one row per begrotingsjaar × V/U/O × hoofdstuk × artikel, the standen
/// as columns. Each non-blank stand cell is one artikel line of the stand (hoofdstuk, begrotingsjaar, fase) for
/// year t = begrotingsjaar; a blank cell is a stand not (yet) published, so no line. docs/standbestanden.md.
/// </summary>
public sealed class BegrotingsstatenLezer : IStandlezer
{
    public const string FormaatCode = "begrotingsstaten";

    public string Formaat => FormaatCode;

    private enum Kolomsoort { Begrotingsjaar, Vuo, Hoofdstuk, Naam, Artikel, Artikelnaam, Stand, Leeg }

    private sealed record Kolom(int Index, string Kop, Kolomsoort Soort, string? Fase = null);

    private static Kolomsoort? Herken(string kop, out string? fase)
    {
        fase = null;
        var s = Standwoorden.Sleutel(kop);
        if (s.Length == 0) return Kolomsoort.Leeg;
        if (s is "begrotingsjaar" or "jaar") return Kolomsoort.Begrotingsjaar;
        if (s is "v u o" or "vuo" || (s.Contains("uitgaven", StringComparison.Ordinal) && s.Contains("ontvangsten", StringComparison.Ordinal)))
            return Kolomsoort.Vuo;
        if (s is "begrotingsstaat" or "hoofdstuk" or "begrotingshoofdstuk" or "begrotings hoofdstuk" or "begrotingsstaat code" or "hoofdstuk code")
            return Kolomsoort.Hoofdstuk;
        if (s is "begrotingsstaat omschrijving" or "omschrijving begrotingsstaat" or "naam begrotingsstaat" or "hoofdstuk omschrijving"
            or "naam hoofdstuk" or "naam begroting" or "begroting")
            return Kolomsoort.Naam;
        if (s is "onderdeel" or "artikel" or "artikelnummer" or "artikel nummer" or "onderdeel nummer" or "artikelnr" or "artikel nr")
            return Kolomsoort.Artikel;
        if (s is "omschrijving" or "onderdeel omschrijving" or "omschrijving onderdeel" or "artikel omschrijving" or "omschrijving artikel"
            or "artikelomschrijving" or "artikelnaam" or "naam artikel")
            return Kolomsoort.Artikelnaam;
        fase = Standwoorden.Fase(kop);
        return fase is null ? null : Kolomsoort.Stand;
    }

    public bool Herkent(IReadOnlyList<string> kopregel)
    {
        var soorten = kopregel.Select(k => Herken(k, out _)).ToList();
        return soorten.Contains(Kolomsoort.Begrotingsjaar) && soorten.Contains(Kolomsoort.Vuo) && soorten.Contains(Kolomsoort.Hoofdstuk)
            && soorten.Contains(Kolomsoort.Artikel) && soorten.Contains(Kolomsoort.Stand);
    }

    /// <summary>What this reader expects of a header, for the registry's refusal.</summary>
    public static string VerwachteKop =>
        "begrotingsstaten: Begrotingsjaar, V/U/O, Begrotingsstaat (hoofdstuk), Onderdeel (artikel) en ten minste één kolom per stand (ontwerpbegroting, vastgestelde begroting, 1ste/2de suppletoire begroting, Realisatie, Slotwet)";

    private sealed record Rij(
        Csvrij Bron, int? Jaar, string? Soort, string Hoofdstuk, string Naam, int? Artikel, string Artikelnaam,
        IReadOnlyDictionary<string, (long? Waarde, string Cel, int Kolom)> Standen)
    {
        public bool HeeftCijfers => Standen.Values.Any(s => s.Cel.Trim().Length > 0);

        public string Cellen => string.Join('|', Standen.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => s.Value.Waarde?.ToString(CultureInfo.InvariantCulture) ?? ""));
    }

    public Leesresultaat Lees(string bestand, TextReader inhoud, Standverwachting? verwachting = null)
    {
        var (rijen, csvProblemen) = Csvbestand.Lees(bestand, inhoud);
        var problemen = new List<Leesprobleem>(csvProblemen);
        if (rijen.Count == 0) return Geweigerd(problemen);

        var kolommen = LeesKop(bestand, rijen[0], problemen);
        if (problemen.Count > 0) return Geweigerd(problemen);
        int K(Kolomsoort s) => kolommen.FirstOrDefault(k => k.Soort == s)?.Index ?? -1;
        var standKolommen = kolommen.Where(k => k.Soort == Kolomsoort.Stand).ToList();

        if (verwachting?.Fase is { } verwachteFase && standKolommen.All(k => k.Fase != verwachteFase))
        {
            problemen.Add(new Leesprobleem(bestand, 1, 0,
                $"het bestand heeft geen kolom voor de fase '{verwachteFase}' die de import noemt (kolommen: {string.Join(", ", standKolommen.Select(k => $"'{k.Kop}'"))})"));
            return Geweigerd(problemen);
        }

        var notatie = Getalnotatie.VoorOpenData(rijen.Skip(1).SelectMany(r => standKolommen.Select(k => r[k.Index])), kentStreepjeEnPm: false);
        var bevindingen = new List<Bevinding>();
        var gelezen = new List<Rij>();
        var legeRegels = new List<int>();
        var kopregel = rijen[0];

        foreach (var bron in rijen.Skip(1))
        {
            if (bron.IsLeeg) { legeRegels.Add(bron.Regel); continue; }
            if (Herken(bron[K(Kolomsoort.Hoofdstuk)], out _) == Kolomsoort.Hoofdstuk && Herkent(bron.Velden))
            {
                bevindingen.Add(HerhaaldeKop(bestand, bron, kopregel));
                continue;
            }

            var standen = new Dictionary<string, (long?, string, int)>();
            foreach (var k in standKolommen)
            {
                var cel = bron[k.Index];
                var gelezenCel = notatie.Lees(cel);
                if (!gelezenCel.Gelukt)
                    problemen.Add(new Leesprobleem(bestand, bron.Regel, k.Index + 1, $"kolom '{k.Kop}': {gelezenCel.Fout}"));
                standen[k.Fase!] = (gelezenCel.Waarde, cel, k.Index + 1);
            }
            var rij = new Rij(bron, null, null, bron[K(Kolomsoort.Hoofdstuk)].Trim(), Standwoorden.Omschrijving(bron[K(Kolomsoort.Naam)]),
                null, Standwoorden.Omschrijving(bron[K(Kolomsoort.Artikelnaam)]), standen);
            var cijfers = rij.HeeftCijfers;

            var jaarCel = bron[K(Kolomsoort.Begrotingsjaar)].Trim();
            int? jaar = null;
            if (int.TryParse(jaarCel, NumberStyles.None, CultureInfo.InvariantCulture, out var j) && j is >= 1900 and <= 2200) jaar = j;
            else if (jaarCel.Length > 0 || cijfers)
                problemen.Add(new Leesprobleem(bestand, bron.Regel, K(Kolomsoort.Begrotingsjaar) + 1,
                    jaarCel.Length == 0 ? "het begrotingsjaar ontbreekt in een rij met bedragen" : $"'{jaarCel}' is geen begrotingsjaar"));

            var vuo = bron[K(Kolomsoort.Vuo)];
            var soort = Standwoorden.Soort(vuo);
            if (soort is null && (vuo.Trim().Length > 0 || cijfers))
                problemen.Add(new Leesprobleem(bestand, bron.Regel, K(Kolomsoort.Vuo) + 1,
                    vuo.Trim().Length == 0 ? "de V/U/O-code ontbreekt in een rij met bedragen" : $"'{vuo}' is geen V/U/O-code (V, U of O)"));

            if (rij.Hoofdstuk.Length == 0 && cijfers)
                problemen.Add(new Leesprobleem(bestand, bron.Regel, K(Kolomsoort.Hoofdstuk) + 1, "het hoofdstuk (begrotingsstaat) ontbreekt in een rij met bedragen"));

            var artikelCel = bron[K(Kolomsoort.Artikel)].Trim();
            int? artikel = null;
            if (int.TryParse(artikelCel, NumberStyles.None, CultureInfo.InvariantCulture, out var a)) artikel = a;
            else if (artikelCel.Length > 0 || cijfers)
                problemen.Add(new Leesprobleem(bestand, bron.Regel, K(Kolomsoort.Artikel) + 1,
                    artikelCel.Length == 0 ? "het artikel (onderdeel) ontbreekt in een rij met bedragen" : $"'{artikelCel}' is geen artikelnummer"));

            foreach (var leeg in kolommen.Where(k => k.Soort == Kolomsoort.Leeg && bron[k.Index].Trim().Length > 0))
                bevindingen.Add(LosseCel(bestand, bron, leeg.Index));
            for (var extra = kopregel.Velden.Count; extra < bron.Velden.Count; extra++)
                if (bron[extra].Trim().Length > 0) bevindingen.Add(LosseCel(bestand, bron, extra));

            gelezen.Add(rij with { Jaar = jaar, Soort = soort, Artikel = artikel });
        }
        if (problemen.Count > 0) return Geweigerd(problemen);

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
        foreach (var rij in geteld)
        {
            foreach (var k in standKolommen)
            {
                if (verwachting?.Fase is { } vf && k.Fase != vf) continue;
                var (waarde, cel, kolom) = rij.Standen[k.Fase!];
                if (cel.Trim().Length == 0) continue;
                var stand = new Standsleutel(rij.Hoofdstuk, rij.Jaar!.Value, k.Fase!);
                koppen.TryAdd(stand, new Standkop(stand, NullAlsLeeg(rij.Naam)));
                regels.Add(new Standregel
                {
                    Stand = stand,
                    Soort = rij.Soort!,
                    Artikel = rij.Artikel!.Value,
                    Pad = [],
                    Omschrijving = rij.Artikelnaam,
                    Categorie = null,
                    Bedragen = new Dictionary<int, long?> { [rij.Jaar.Value] = waarde },
                    Herkomst = new Vindplaats(bestand, rij.Bron.Regel),
                    HerkomstPerJaar = new Dictionary<int, Vindplaats> { [rij.Jaar.Value] = new Vindplaats(bestand, rij.Bron.Regel, kolom) },
                });
            }
        }
        return new Leesresultaat(FormaatCode, koppen.Values.ToList(), regels, [], bevindingen, []);
    }

    private List<Kolom> LeesKop(string bestand, Csvrij kop, List<Leesprobleem> problemen)
    {
        var kolommen = new List<Kolom>();
        for (var i = 0; i < kop.Velden.Count; i++)
        {
            var soort = Herken(kop[i], out var fase);
            if (soort is null)
            {
                problemen.Add(new Leesprobleem(bestand, kop.Regel, i + 1,
                    $"kolom {i + 1} ('{kop[i]}') is geen kolom van de begrotingsstaten: verwacht {VerwachteKop}"));
                continue;
            }
            var dubbel = kolommen.FirstOrDefault(k => k.Soort == soort && soort != Kolomsoort.Leeg && k.Fase == fase);
            if (dubbel is not null)
            {
                problemen.Add(new Leesprobleem(bestand, kop.Regel, i + 1,
                    $"kolom {i + 1} ('{kop[i]}') betekent hetzelfde als kolom {dubbel.Index + 1} ('{dubbel.Kop}')"));
                continue;
            }
            kolommen.Add(new Kolom(i, kop[i].Trim(), soort.Value, fase));
        }
        foreach (var (soort, naam) in new[]
                 {
                     (Kolomsoort.Begrotingsjaar, "het begrotingsjaar (Begrotingsjaar)"), (Kolomsoort.Vuo, "V/U/O"),
                     (Kolomsoort.Hoofdstuk, "het hoofdstuk (Begrotingsstaat)"), (Kolomsoort.Artikel, "het artikel (Onderdeel)"),
                     (Kolomsoort.Stand, "een stand (ontwerpbegroting, vastgestelde begroting, …)"),
                 })
        {
            if (kolommen.All(k => k.Soort != soort))
                problemen.Add(new Leesprobleem(bestand, kop.Regel, 0, $"de kopregel mist de kolom met {naam}"));
        }
        return kolommen;
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

    private static Leesresultaat Geweigerd(List<Leesprobleem> problemen) => new(FormaatCode, [], [], [], [], problemen);
}
