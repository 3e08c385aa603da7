using System.Security.Cryptography;
using System.Text;
using BudgetApi.Laden;

namespace BudgetApi.Opslag;

/// <summary>
/// The version of the data a request is answered from: the same files (and the same build of the service) give the same version
/// across restarts and instances, and any load, reload or import that changes a file gives a new one. ETags, the Excel
/// "Toelichting" and readiness name it. Resolve it per request (HttpContext.RequestServices): a reload may change it between two
/// requests, never within one.
/// </summary>
public interface IGegevensversie
{
    string Versie { get; }
}

public static class Gegevensversie
{
    /// <summary>
    /// A SHA-256 over the service's build (its module version id: a new build may read or answer differently) and every input file:
    /// the data folder (relative name and bytes, in ordinal order) and the imported stand files with their sidecars, as 16 hex digits.
    /// </summary>
    public static string Bereken(string dataMap, string? importMap, IEnumerable<Standbestand>? extra = null)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(typeof(Gegevensversie).Assembly.ManifestModule.ModuleVersionId.ToByteArray());
        VoegMapToe(hash, dataMap, "data/", _ => true);
        if (importMap is not null) VoegMapToe(hash, importMap, "import/", pad => !pad.EndsWith(Standbestandsmappen.Tijdelijk, StringComparison.Ordinal));
        foreach (var bestand in extra ?? [])
        {
            hash.AppendData(Encoding.UTF8.GetBytes("import/" + bestand.Naam + "\n"));
            hash.AppendData(bestand.Lees());
            hash.AppendData("\n"u8);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }

    private static void VoegMapToe(IncrementalHash hash, string map, string voorvoegsel, Func<string, bool> telt)
    {
        if (!Directory.Exists(map)) return;
        foreach (var bestand in Directory.EnumerateFiles(map, "*", SearchOption.AllDirectories).Where(telt)
                     .Select(b => (Pad: b, Naam: voorvoegsel + Path.GetRelativePath(map, b).Replace('\\', '/')))
                     .OrderBy(b => b.Naam, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(bestand.Naam + "\n"));
            hash.AppendData(File.ReadAllBytes(bestand.Pad));
            hash.AppendData("\n"u8);
        }
    }
}
