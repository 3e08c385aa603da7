using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BudgetApi.Laden;

/// <summary>
/// A stand file to load: placed in the data folder (data/standen/*.csv, the open-data samples among them) or imported
/// (the import folder, with a sidecar that says who imported it, when, and in which order).
/// </summary>
/// <param name="Naam">The file's name as shown in provenance and /v1/standen.</param>
/// <param name="Map">The folder as shown in problems ("data/standen", or the import folder).</param>
/// <param name="Pad">Where the file is; null for an import that is being validated before anything is stored.</param>
/// <param name="Inhoud">The file's bytes when it is not (yet) on disk.</param>
/// <param name="Volgorde">Its place in the load order (placed files by name, then imports in the order they were made).</param>
/// <param name="GeimporteerdOp">When it was imported; null for a placed file.</param>
/// <param name="GeimporteerdDoor">Who imported it (the token's subject or name); null for a placed file.</param>
public sealed record Standbestand(string Naam, string Map, string? Pad, byte[]? Inhoud, int Volgorde,
    DateTimeOffset? GeimporteerdOp = null, string? GeimporteerdDoor = null)
{
    public byte[] Lees() => Inhoud ?? File.ReadAllBytes(Pad!);
}

/// <summary>What an import writes beside its stand file: who imported it, when, and its place in the order of imports.</summary>
public sealed record Importgegevens(
    [property: JsonPropertyName("geimporteerdOp")] DateTimeOffset GeimporteerdOp,
    [property: JsonPropertyName("geimporteerdDoor")] string GeimporteerdDoor,
    [property: JsonPropertyName("volgnummer")] long Volgnummer);

public static class Standbestandsmappen
{
    /// <summary>The subfolder of the data folder whose stand files are loaded at start (the shipped open-data samples are there).</summary>
    public const string Submap = "standen";

    /// <summary>The suffix of an import's sidecar: "import-….csv" + this.</summary>
    public const string Importsuffix = ".import.json";

    /// <summary>A file being written by an import ends in this until it is complete; such files are never read, and are removed at load.</summary>
    public const string Tijdelijk = ".tijdelijk";

    /// <summary>Placed files come first, by name; imports after them, in the order they were made.</summary>
    public static IReadOnlyList<Standbestand> Zoek(string dataMap, string? importMap)
    {
        var bestanden = new List<Standbestand>();
        var geplaatst = Path.Combine(dataMap, Submap);
        if (Directory.Exists(geplaatst))
        {
            foreach (var pad in Directory.EnumerateFiles(geplaatst, "*.csv").Order(StringComparer.Ordinal))
            {
                bestanden.Add(new Standbestand(Path.GetFileName(pad), "data/" + Submap, pad, null, bestanden.Count + 1));
            }
        }
        foreach (var (pad, gegevens) in Imports(importMap))
        {
            bestanden.Add(new Standbestand(Path.GetFileName(pad), importMap!, pad, null, bestanden.Count + 1, gegevens.GeimporteerdOp, gegevens.GeimporteerdDoor));
        }
        return bestanden;
    }

    /// <summary>
    /// The imported files in import order. A stand file counts only with its sidecar: the sidecar is written first, the stand file's
    /// rename is the moment the import is made, so a file without a sidecar is a half import and a sidecar without a file is nothing.
    /// </summary>
    public static IReadOnlyList<(string Pad, Importgegevens Gegevens)> Imports(string? importMap)
    {
        if (importMap is null || !Directory.Exists(importMap)) return [];
        var imports = new List<(string, Importgegevens)>();
        foreach (var pad in Directory.EnumerateFiles(importMap, "*.csv"))
        {
            var zijbestand = pad + Importsuffix;
            if (!File.Exists(zijbestand)) continue;
            var gegevens = JsonSerializer.Deserialize<Importgegevens>(File.ReadAllText(zijbestand));
            if (gegevens is not null) imports.Add((pad, gegevens));
        }
        return imports.OrderBy(i => i.Item2.Volgnummer).ThenBy(i => i.Item1, StringComparer.Ordinal).ToList();
    }

    /// <summary>The file of the import lock, in the import folder (see <see cref="Slot"/>).</summary>
    public const string Slotbestand = ".importslot";

    /// <summary>
    /// The lock on the import folder, across processes and instances that share it: held while an import stores its sidecar and
    /// stand file, and while a start removes what a crashed import left, so that one instance's start never removes the files
    /// another instance is storing. It is the operating system's advisory lock (a FileStream with FileShare.None is flock on
    /// Linux), so a process that dies releases it: a crash never leaves the folder locked. Null when another process holds it
    /// longer than <paramref name="wacht"/>.
    /// </summary>
    public static FileStream? Slot(string importMap, TimeSpan wacht)
    {
        Directory.CreateDirectory(importMap);
        var pad = Path.Combine(importMap, Slotbestand);
        var tot = DateTime.UtcNow + wacht;
        while (true)
        {
            try
            {
                return new FileStream(pad, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (File.Exists(pad) && DateTime.UtcNow < tot)
            {
                Thread.Sleep(20);
            }
            catch (IOException) when (File.Exists(pad))
            {
                return null;
            }
        }
    }

    /// <summary>
    /// Removes what a crashed import left: temporary files, and sidecars whose stand file was never made. Only under the import
    /// lock: while another instance stores an import, its sidecar and temporary file are no leftovers, and they stay.
    /// </summary>
    public static void RuimOp(string? importMap)
    {
        if (importMap is null || !Directory.Exists(importMap)) return;
        IEnumerable<string> Resten() => Directory.EnumerateFiles(importMap, "*" + Tijdelijk)
            .Concat(Directory.EnumerateFiles(importMap, "*" + Importsuffix).Where(pad => !File.Exists(pad[..^Importsuffix.Length])));
        if (!Resten().Any()) return;
        using var slot = Slot(importMap, TimeSpan.Zero);
        if (slot is null) return;
        foreach (var pad in Resten().ToList()) File.Delete(pad);
    }

    public static string Sha256(byte[] inhoud) => Convert.ToHexStringLower(SHA256.HashData(inhoud));

    public static string Tijd(DateTimeOffset tijd) => tijd.ToString("O", CultureInfo.InvariantCulture);
}
