using System.Globalization;
using System.Text;

// Writes SYNTHETIC standen in the open-data format "budgettaire tabellen" (the header and the 28 columns of
// shared/opendata/budgettaire-tabellen-owb-2016.csv), for bench/run.sh's scale measurements. Never a source of data/.
//
//   dotnet Standengenerator.dll <uitvoermap> <aantal regels>
//
// One file per stand (hoofdstuk x begrotingsjaar x fase), named SYNTHETISCH-<hoofdstuk>-<jaar>-<fase>.csv; together the
// files hold exactly <aantal regels> lines below their headers. Every hoofdstuk of the Rijksbegroting, every fase, three
// begrotingsjaren. Each stand has its hoofdstuk total rows (V, U, O), then per artikel its V, U and O rows, the U row with
// artikelonderdelen, financiële instrumenten and uitsplitsingen below it. Every row marked as a total ("J") is the exact
// sum of the rows below it, and the hoofdstuk rows are the sums of the artikel rows. Amounts are integers in thousands
// of euros, printed as the open data prints them ("12,372,721"). The same inputs give the same files.
//
// Synthetic, and saying so: the file name starts with SYNTHETISCH, and so does "Verantwoordelijke minister" and "Naam
// Begroting" on every row. The first column itself stays the begrotingsjaar, because a reader must be able to load the file.

if (args.Length != 2 || !int.TryParse(args[1], CultureInfo.InvariantCulture, out var aantalRegels) || aantalRegels < 1)
{
    Console.Error.WriteLine("gebruik: Standengenerator <uitvoermap> <aantal regels>");
    return 2;
}

var standen = (from h in Generator.Hoofdstukken from jaar in Generator.Begrotingsjaren from fase in Generator.Fasen select (h, jaar, fase)).ToList();
if (aantalRegels < standen.Count * Generator.MinimumPerStand)
{
    Console.Error.WriteLine($"Minstens {standen.Count * Generator.MinimumPerStand} regels nodig voor {standen.Count} standen.");
    return 2;
}

Directory.CreateDirectory(args[0]);
var perStand = Generator.Verdeel(standen.Select(s => (s.h.Code, s.jaar, s.fase.Code)).ToList(), aantalRegels);
for (var i = 0; i < standen.Count; i++)
{
    var (h, jaar, fase) = standen[i];
    var regels = perStand[i];
    var pad = Path.Combine(args[0], $"SYNTHETISCH-{h.Code}-{jaar}-{fase.Code}.csv");
    using var schrijver = new StreamWriter(pad, false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
    new Generator(h, jaar, fase, schrijver).Schrijf(regels);
}
Console.WriteLine($"{aantalRegels} regels in {standen.Count} bestanden in {args[0]}");
return 0;

sealed record Hoofdstuk(string Code, string Naam, string Type);

sealed record Fase(string Code, int Volgorde);

/// <summary>One stand's file: a tree of lines whose totals are computed from its leaves, written top down.</summary>
sealed class Generator(Hoofdstuk hoofdstuk, int jaar, Fase fase, TextWriter uit)
{
    public const int MinimumPerStand = 6; // three hoofdstuk rows and one artikel with its V, U and O rows

    public const string Kopregel = """
Begrotingsjaar,Begrotings hoofdstuk,Verantwoordelijke minister,Naam Begroting,"Type Begroting (zie rbv voor definitie, K voor de Koning, KB voor I t/m IV, B voor begroting, F voor Fonds)","Begrotingsfase OWB=ontwerpbegroting/VB=vastgestelde begroting,1stesup stand, 2de sup stand, JV jaarverslag stand, SW slotwet stand)",Artikel nummer zoals in het witte stuk,% Juridisch verplicht,Omschrijving artikel,Type Artikel,Indicatie grote uitvoerende dienst op artikel. Zie rbv voor definitie,Programma of Apparaat,V/U/O (Verplichtingen/Uitgaven/Ontvangsten),Indicatie totaal regel J/N,Nr. onderverdeling zoals in de witte stukken,Beleidsmatige clustering,Financieel instrument/Apparaat,"Uitsplitsing fin.instrument cq apparaat zoals in b-tabel staat opm: vul de uitsplitsing aan met een regel overig fin.instrument, zie rbv 1.33d toelichting regel 4. Dit geldt ook voor apparaat",Nadere omschrijving zoals in b-tabel staat,Bedrag t-2,Bedrag t-1,Bedrag t,Bedrag t+1,Bedrag t+2,Bedrag t+3,Bedrag t+4,,
""";

    public static readonly IReadOnlyList<Hoofdstuk> Hoofdstukken =
    [
        new("I", "De Koning", "K"), new("IIA", "Staten-Generaal", "KB"),
        new("IIB", "Overige Hoge Colleges van Staat en Kabinetten van de Gouverneurs", "KB"), new("III", "Algemene Zaken", "KB"),
        new("IV", "Koninkrijksrelaties", "KB"), new("V", "Buitenlandse Zaken", "B"), new("VI", "Justitie en Veiligheid", "B"),
        new("VII", "Binnenlandse Zaken en Koninkrijksrelaties", "B"), new("VIII", "Onderwijs, Cultuur en Wetenschap", "B"),
        new("IXA", "Nationale Schuld", "B"), new("IXB", "Financiën", "B"), new("X", "Defensie", "B"),
        new("XII", "Infrastructuur en Waterstaat", "B"), new("XIII", "Economische Zaken", "B"),
        new("XIV", "Landbouw, Visserij, Voedselzekerheid en Natuur", "B"), new("XV", "Sociale Zaken en Werkgelegenheid", "B"),
        new("XVI", "Volksgezondheid, Welzijn en Sport", "B"), new("XVII", "Buitenlandse Handel en Ontwikkelingshulp", "B"),
        new("XVIII", "Volkshuisvesting en Ruimtelijke Ordening", "B"), new("XIX", "Nationaal Groeifonds", "B"),
        new("XX", "Asiel en Migratie", "B"), new("XXIII", "Klimaat en Groene Groei", "B"),
        new("A", "Mobiliteitsfonds", "F"), new("B", "Gemeentefonds", "F"), new("C", "Provinciefonds", "F"),
        new("F", "Diergezondheidsfonds", "F"), new("H", "BES-fonds", "F"), new("J", "Deltafonds", "F"),
        new("K", "Defensiematerieelbegrotingsfonds", "F"),
    ];

    // Years no other source in data/ holds (the samples have 2013–2017, the document JenV and AenM 2026): a synthetic stand never
    // merges with a real one, and a question without begrotingsjaar (the data's latest year) is about the synthetic standen.
    public static readonly IReadOnlyList<int> Begrotingsjaren = [2027, 2028, 2029];

    // The codes of the header's own legend ("OWB=ontwerpbegroting/VB=vastgestelde begroting, 1stesup, 2de sup, JV, SW").
    public static readonly IReadOnlyList<Fase> Fasen =
        [new("OWB", 0), new("VB", 1), new("1SUP", 2), new("2SUP", 3), new("JV", 4), new("SW", 5)];

    /// <summary>
    /// The lines per stand, <paramref name="aantalRegels"/> together: the same number in each stand, and the few left over one each
    /// to some standen, the 1e and 2e suppletoire of a begrotingsjaar always together: a stand's tree of lines follows from its
    /// number of lines, and the Najaarsnota (2e suppletoire) must have the 1e suppletoire's lines to change only the uitvoeringsjaar.
    /// </summary>
    public static int[] Verdeel(IReadOnlyList<(string Hoofdstuk, int Jaar, string Fase)> standen, int aantalRegels)
    {
        var perStand = Enumerable.Repeat(aantalRegels / standen.Count, standen.Count).ToArray();
        var over = aantalRegels % standen.Count;
        // Pairs first, then single standen: an odd remainder always ends on a single one.
        var paren = standen.Select((s, i) => (s, i)).Where(x => x.s.Fase == "1SUP")
            .Select(x => new[] { x.i, standen.ToList().FindIndex(t => t == (x.s.Hoofdstuk, x.s.Jaar, "2SUP")) });
        var enkel = standen.Select((s, i) => (s, i)).Where(x => x.s.Fase is not ("1SUP" or "2SUP")).Select(x => new[] { x.i });
        foreach (var groep in paren.Concat(enkel))
        {
            if (groep.Length > over) continue;
            foreach (var i in groep) perStand[i]++;
            over -= groep.Length;
        }
        return perStand;
    }

    static readonly string[] Instrumenten =
        ["Subsidies", "Opdrachten", "Bijdrage aan agentschappen", "Bijdrage aan ZBO's/RWT's", "Bijdrage aan medeoverheden",
         "Inkomensoverdrachten", "Personele uitgaven", "Materiële uitgaven"];

    static readonly string[] Soorten = ["V", "U", "O"];

    const int Jaren = 7; // t-2 … t+4

    sealed class Regel
    {
        public required string Soort;
        public bool Totaal;
        public int? Artikel;
        public string Nr = "", Clustering = "", Instrument = "", Uitsplitsing = "", Procent = "";
        public readonly long[] Bedragen = new long[Jaren];
        public readonly List<Regel> Delen = [];
    }

    public void Schrijf(int regels)
    {
        var artikelen = Math.Clamp((regels - 3) / 20, 1, 12);
        var perArtikel = (regels - 3) / artikelen;
        var hoofd = Soorten.Select(s => new Regel { Soort = s, Totaal = true }).ToArray();
        var blokken = new List<List<Regel>>();
        for (var a = 0; a < artikelen; a++)
        {
            var nummer = a == artikelen - 1 && artikelen > 1 ? 91 : a + 1;
            var budget = a == artikelen - 1 ? regels - 3 - perArtikel * (artikelen - 1) : perArtikel;
            blokken.Add(Artikel(nummer, budget));
        }
        foreach (var h in hoofd)
        {
            // The artikel rows of this soort: the ones with no artikelonderdeel.
            foreach (var blok in blokken) Tel(h.Bedragen, blok.Single(r => r.Soort == h.Soort && r.Nr.Length == 0).Bedragen);
        }

        uit.WriteLine(Kopregel);
        foreach (var h in hoofd) Schrijf(h, null);
        foreach (var blok in blokken) foreach (var r in blok) Schrijf(r, r.Artikel);
    }

    /// <summary>An artikel of <paramref name="budget"/> lines (at least 3): its V row, its U row with the lines below it, its O row.</summary>
    List<Regel> Artikel(int nummer, int budget)
    {
        var u = new Regel { Soort = "U", Totaal = true, Artikel = nummer, Procent = (50 + Getal(nummer, "procent") % 5000 / 100m).ToString("0.00", CultureInfo.InvariantCulture) + "%" };
        var detail = new List<Regel>();
        var rest = budget - 3;
        for (var o = 1; rest > 0; o++)
        {
            var onderdeel = new Regel { Soort = "U", Artikel = nummer, Nr = $"{nummer}.{o}", Clustering = $"Synthetisch artikelonderdeel {nummer}.{o}" };
            rest--;
            detail.Add(onderdeel);
            u.Delen.Add(onderdeel);
            if (rest < 2) { Blad(onderdeel); continue; } // too few lines left for an instrument with a line below it
            onderdeel.Totaal = true;
            for (var i = 0; i < 3 && rest >= 2; i++)
            {
                var instrument = new Regel
                {
                    Soort = "U", Totaal = true, Artikel = nummer, Nr = onderdeel.Nr, Clustering = onderdeel.Clustering,
                    // Distinct instruments within an onderdeel: a line's identity is its path, and two equal paths would be one line.
                    Instrument = Instrumenten[(int)((Getal(nummer, onderdeel.Nr) + (ulong)i) % (ulong)Instrumenten.Length)],
                };
                rest--;
                detail.Add(instrument);
                onderdeel.Delen.Add(instrument);
                // Up to six uitsplitsingen; the last instrument takes the lines too few for a new instrument or onderdeel.
                var bladen = Math.Min(6, rest);
                if (rest - bladen < 2 || (i == 2 && rest - bladen < 3)) bladen = rest;
                for (var b = 1; b <= bladen; b++)
                {
                    var blad = new Regel
                    {
                        Soort = "U", Artikel = nummer, Nr = onderdeel.Nr, Clustering = onderdeel.Clustering,
                        Instrument = instrument.Instrument, Uitsplitsing = $"Synthetische uitsplitsing {instrument.Instrument.ToLowerInvariant()} {b}",
                    };
                    Blad(blad);
                    detail.Add(blad);
                    instrument.Delen.Add(blad);
                }
                rest -= bladen;
                Optellen(instrument);
            }
            Optellen(onderdeel);
        }
        if (u.Delen.Count == 0) Blad(u); else Optellen(u);

        var v = new Regel { Soort = "V", Totaal = true, Artikel = nummer };
        var ontvangsten = new Regel { Soort = "O", Totaal = true, Artikel = nummer };
        for (var j = 0; j < Jaren; j++)
        {
            v.Bedragen[j] = u.Bedragen[j] + Bedrag($"{nummer}/V", j) / 20;
            ontvangsten.Bedragen[j] = Bedrag($"{nummer}/O", j) / 10;
        }
        return [v, u, .. detail, ontvangsten];
    }

    void Blad(Regel r)
    {
        for (var j = 0; j < Jaren; j++) r.Bedragen[j] = Bedrag($"{r.Artikel}/{r.Nr}/{r.Instrument}/{r.Uitsplitsing}", j);
    }

    static void Optellen(Regel r)
    {
        Array.Clear(r.Bedragen);
        foreach (var deel in r.Delen) Tel(r.Bedragen, deel.Bedragen);
    }

    static void Tel(long[] totaal, long[] deel)
    {
        for (var j = 0; j < Jaren; j++) totaal[j] += deel[j];
    }

    /// <summary>
    /// A line's amount for column j (year jaar-2+j): the same calendar year of the same line has the same base in every stand,
    /// and each fase moves it a little, so consecutive standen differ as real mutaties do. The 2e suppletoire (Najaarsnota) changes
    /// only the uitvoeringsjaar: in later years it has the 1e suppletoire's amounts, as the cycle's rule wants (Cyclusregels).
    /// </summary>
    long Bedrag(string lijn, int j)
    {
        var kalenderjaar = jaar - 2 + j;
        var f = fase.Code == "2SUP" && kalenderjaar > jaar ? Fasen.Single(x => x.Code == "1SUP") : fase;
        var basis = (long)(Getal(hoofdstuk.Code, lijn, kalenderjaar) % 250_000);
        var mutatiePromille = (long)(Getal(hoofdstuk.Code, lijn, kalenderjaar, f.Code, jaar) % 101) - 50;
        return basis + basis * mutatiePromille * f.Volgorde / 1000;
    }

    void Schrijf(Regel r, int? artikel)
    {
        var beleid = artikel is not (null or 91);
        var velden = new string?[28];
        velden[0] = jaar.ToString(CultureInfo.InvariantCulture);
        velden[1] = hoofdstuk.Code;
        velden[2] = "SYNTHETISCH (bench/Standengenerator)";
        velden[3] = "SYNTHETISCH " + hoofdstuk.Naam;
        velden[4] = hoofdstuk.Type;
        velden[5] = fase.Code;
        if (artikel is { } a)
        {
            velden[6] = a.ToString(CultureInfo.InvariantCulture);
            velden[8] = beleid ? $"Synthetisch beleidsartikel {a}" : "Apparaat kerndepartement";
            velden[9] = beleid ? "beleidsartikel" : "Niet-beleidsartikel";
            velden[10] = "N";
            velden[11] = beleid ? "Programma" : "Apparaat";
        }
        velden[7] = r.Procent;
        velden[12] = r.Soort;
        velden[13] = r.Totaal ? "J" : "N";
        velden[14] = r.Nr;
        velden[15] = r.Clustering;
        velden[16] = r.Instrument;
        velden[17] = r.Uitsplitsing;
        for (var j = 0; j < Jaren; j++) velden[19 + j] = r.Bedragen[j].ToString("#,0", CultureInfo.InvariantCulture);
        uit.WriteLine(string.Join(',', velden.Select(Veld)));
    }

    static string Veld(string? waarde) =>
        string.IsNullOrEmpty(waarde) ? "" :
        waarde.AsSpan().IndexOfAny(",\"\n") >= 0 ? "\"" + waarde.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : waarde;

    /// <summary>A stable pseudo-random number from its parts (FNV-1a, then SplitMix64): no seed that changes between runs.</summary>
    static ulong Getal(params object[] delen)
    {
        var h = 14695981039346656037UL;
        foreach (var c in string.Join('|', delen))
        {
            h = (h ^ c) * 1099511628211UL;
        }
        h += 0x9E3779B97F4A7C15UL;
        h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9UL;
        h = (h ^ (h >> 27)) * 0x94D049BB133111EBUL;
        return h ^ (h >> 31);
    }
}
