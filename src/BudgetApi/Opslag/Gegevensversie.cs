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
    /// the data folder and the import folder (relative name and bytes, in ordinal order of the names), as 16 hex digits.
    /// <paramref name="nogTeSchrijven"/> are import files as they will be named once stored: the version of an import is known, and
    /// its database built, before anything is stored, and a restart after it computes the same version from the folder.
    /// </summary>
    public static string Bereken(string dataMap, string? importMap, IEnumerable<(string Naam, byte[] Inhoud)>? nogTeSchrijven = null)
    {
        var bestanden = Bestanden(dataMap, "data/", _ => true)
            .Concat(importMap is null ? [] : Bestanden(importMap, "import/", pad => !pad.EndsWith(Standbestandsmappen.Tijdelijk, StringComparison.Ordinal)))
            .Concat((nogTeSchrijven ?? []).Select(b => (Naam: "import/" + b.Naam, Inhoud: (Func<byte[]>)(() => b.Inhoud))))
            .OrderBy(b => b.Naam, StringComparer.Ordinal);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(typeof(Gegevensversie).Assembly.ManifestModule.ModuleVersionId.ToByteArray());
        foreach (var (naam, inhoud) in bestanden)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(naam + "\n"));
            hash.AppendData(inhoud());
            hash.AppendData("\n"u8);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }

    private static IEnumerable<(string Naam, Func<byte[]> Inhoud)> Bestanden(string map, string voorvoegsel, Func<string, bool> telt) =>
        !Directory.Exists(map) ? []
            : Directory.EnumerateFiles(map, "*", SearchOption.AllDirectories).Where(telt)
                .Select(pad => (voorvoegsel + Path.GetRelativePath(map, pad).Replace('\\', '/'), (Func<byte[]>)(() => File.ReadAllBytes(pad))))
                .ToList();
}
