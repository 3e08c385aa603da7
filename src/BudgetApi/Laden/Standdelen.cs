using BudgetApi.Domein;

namespace BudgetApi.Laden;

/// <summary>
/// What one source gives for one stand: its lines in the order the file gives them, and its printed totals. The unit the
/// composition works on (<see cref="Standsamenstelling"/>).
/// </summary>
public sealed record Standdeel(IReadOnlyList<Standregel> Regels, IReadOnlyList<GedruktStandtotaal> Totalen);

/// <summary>
/// The lines of every file of a load between reading and composing, kept on disk instead of in memory: each file's part of
/// each stand in a compact binary form, in a temporary file beside the database being built. A load reads every file before
/// it writes anything (a broken file must leave the database as it was, and the composition must know every source of a
/// stand before it composes it), and held as objects the lines of a million-line history took several GB. Here memory holds
/// one file being read and one stand being composed; the operating system's page cache holds the rest.
/// </summary>
internal sealed class Standdelen : IDisposable
{
    private readonly FileStream _bestand;
    private readonly BinaryWriter _schrijver;
    private readonly Dictionary<(int Bron, Standsleutel Stand), (long Begin, int Lengte)> _plaatsen = [];

    /// <param name="pad">The temporary file; removed when this is disposed (and by the loader's clean-up of a killed build's files).</param>
    public Standdelen(string pad)
    {
        _bestand = new FileStream(pad, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        _schrijver = new BinaryWriter(_bestand, System.Text.Encoding.UTF8, leaveOpen: true);
    }

    /// <summary>Keeps what source <paramref name="bron"/> (its index in the load) gives for each stand it holds.</summary>
    public void Bewaar(int bron, Leesresultaat gelezen)
    {
        var regels = gelezen.Regels.ToLookup(r => r.Stand);
        var totalen = gelezen.Totalen.ToLookup(t => t.Stand);
        foreach (var stand in gelezen.Standen.Select(s => s.Stand).Distinct())
        {
            _bestand.Seek(0, SeekOrigin.End);
            var begin = _bestand.Position;
            var eigen = regels[stand].ToList();
            _schrijver.Write(eigen.Count);
            foreach (var r in eigen) SchrijfRegel(r);
            var eigenTotalen = totalen[stand].ToList();
            _schrijver.Write(eigenTotalen.Count);
            foreach (var t in eigenTotalen) SchrijfTotaal(t);
            _schrijver.Flush();
            _plaatsen[(bron, stand)] = (begin, checked((int)(_bestand.Position - begin)));
        }
    }

    /// <summary>What source <paramref name="bron"/> gives for <paramref name="stand"/>, as it was read.</summary>
    public Standdeel Lees(int bron, Standsleutel stand)
    {
        if (!_plaatsen.TryGetValue((bron, stand), out var plaats)) return new Standdeel([], []);
        var bytes = new byte[plaats.Lengte];
        _bestand.Seek(plaats.Begin, SeekOrigin.Begin);
        _bestand.ReadExactly(bytes);
        using var lezer = new BinaryReader(new MemoryStream(bytes), System.Text.Encoding.UTF8);
        var regels = new Standregel[lezer.ReadInt32()];
        for (var i = 0; i < regels.Length; i++) regels[i] = LeesRegel(lezer, stand);
        var totalen = new GedruktStandtotaal[lezer.ReadInt32()];
        for (var i = 0; i < totalen.Length; i++) totalen[i] = LeesTotaal(lezer, stand);
        return new Standdeel(regels, totalen);
    }

    public void Dispose()
    {
        _schrijver.Dispose();
        _bestand.Dispose();
    }

    private void SchrijfRegel(Standregel r)
    {
        _schrijver.Write(r.Soort);
        _schrijver.Write(r.Artikel);
        _schrijver.Write(r.Pad.Count);
        foreach (var stap in r.Pad)
        {
            _schrijver.Write(stap.Niveau);
            _schrijver.Write(stap.Omschrijving);
        }
        _schrijver.Write(r.Omschrijving);
        SchrijfTekst(r.Code);
        SchrijfTekst(r.Categorie);
        SchrijfBedragen(r.Bedragen);
        _schrijver.Write(r.IsTotaalregel);
        SchrijfTekst(r.BronTabel);
        SchrijfVindplaats(r.Herkomst);
        _schrijver.Write(r.HerkomstPerJaar is null ? -1 : r.HerkomstPerJaar.Count);
        foreach (var (jaar, waar) in r.HerkomstPerJaar ?? new Dictionary<int, Vindplaats>())
        {
            _schrijver.Write(jaar);
            SchrijfVindplaats(waar);
        }
    }

    private static Standregel LeesRegel(BinaryReader lezer, Standsleutel stand)
    {
        var soort = lezer.ReadString();
        var artikel = lezer.ReadInt32();
        var pad = new Padstap[lezer.ReadInt32()];
        for (var i = 0; i < pad.Length; i++) pad[i] = new Padstap(lezer.ReadString(), lezer.ReadString());
        var omschrijving = lezer.ReadString();
        var code = LeesTekst(lezer);
        var categorie = LeesTekst(lezer);
        var bedragen = LeesBedragen(lezer);
        var totaalregel = lezer.ReadBoolean();
        var tabel = LeesTekst(lezer);
        var herkomst = LeesVindplaats(lezer);
        var aantal = lezer.ReadInt32();
        Dictionary<int, Vindplaats>? perJaar = null;
        if (aantal >= 0)
        {
            perJaar = new Dictionary<int, Vindplaats>(aantal);
            for (var i = 0; i < aantal; i++) perJaar[lezer.ReadInt32()] = LeesVindplaats(lezer);
        }
        return new Standregel
        {
            Stand = stand, Soort = soort, Artikel = artikel, Pad = pad, Omschrijving = omschrijving, Code = code, Categorie = categorie,
            Bedragen = bedragen, IsTotaalregel = totaalregel, BronTabel = tabel, Herkomst = herkomst, HerkomstPerJaar = perJaar,
        };
    }

    private void SchrijfTotaal(GedruktStandtotaal t)
    {
        _schrijver.Write(t.Soort);
        _schrijver.Write(t.Totaal);
        _schrijver.Write(t.AlleenBeleidsartikelen);
        SchrijfBedragen(t.Bedragen);
        SchrijfTekst(t.BronTabel);
        SchrijfVindplaats(t.Herkomst);
    }

    private static GedruktStandtotaal LeesTotaal(BinaryReader lezer, Standsleutel stand) => new()
    {
        Stand = stand, Soort = lezer.ReadString(), Totaal = lezer.ReadString(), AlleenBeleidsartikelen = lezer.ReadBoolean(),
        Bedragen = LeesBedragen(lezer), BronTabel = LeesTekst(lezer), Herkomst = LeesVindplaats(lezer),
    };

    // The amounts in the order the reader gave them: the order of the findings about them follows it.
    private void SchrijfBedragen(IReadOnlyDictionary<int, long?> bedragen)
    {
        _schrijver.Write(bedragen.Count);
        foreach (var (jaar, bedrag) in bedragen)
        {
            _schrijver.Write(jaar);
            _schrijver.Write(bedrag.HasValue);
            if (bedrag.HasValue) _schrijver.Write(bedrag.Value);
        }
    }

    private static Dictionary<int, long?> LeesBedragen(BinaryReader lezer)
    {
        var aantal = lezer.ReadInt32();
        var bedragen = new Dictionary<int, long?>(aantal);
        for (var i = 0; i < aantal; i++)
        {
            var jaar = lezer.ReadInt32();
            bedragen[jaar] = lezer.ReadBoolean() ? lezer.ReadInt64() : null;
        }
        return bedragen;
    }

    private void SchrijfVindplaats(Vindplaats v)
    {
        _schrijver.Write(v.Bestand);
        _schrijver.Write(v.Regel);
        _schrijver.Write(v.Kolom ?? -1);
    }

    private static Vindplaats LeesVindplaats(BinaryReader lezer)
    {
        var bestand = lezer.ReadString();
        var regel = lezer.ReadInt32();
        var kolom = lezer.ReadInt32();
        return new Vindplaats(bestand, regel, kolom < 0 ? null : kolom);
    }

    private void SchrijfTekst(string? tekst)
    {
        _schrijver.Write(tekst is not null);
        if (tekst is not null) _schrijver.Write(tekst);
    }

    private static string? LeesTekst(BinaryReader lezer) => lezer.ReadBoolean() ? lezer.ReadString() : null;
}
