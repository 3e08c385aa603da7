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
    /// A SHA-256 over the service's build (its module version id: a new build may read or answer differently) and every input file
    /// (relative name and bytes, in ordinal order of the names), as 16 hex digits. The input files are every file of the data folder
    /// but temporary ones, and of the import folder exactly the imports the loader reads: each stand file with its sidecar. A stray
    /// file there, a sidecar whose stand file is still being written, or the import lock changes nothing that is served, so it
    /// changes no version. <paramref name="nogTeSchrijven"/> are import files as they will be named once stored (a stand file
    /// replaced by a new one of the same name counts with its new bytes): the version of an import is known, and its database
    /// built, before anything is stored, and a restart after it computes the same version from the folder.
    /// </summary>
    public static string Bereken(string dataMap, string? importMap, IEnumerable<(string Naam, byte[] Inhoud)>? nogTeSchrijven = null)
    {
        var teSchrijven = (nogTeSchrijven ?? []).ToDictionary(b => "import/" + b.Naam, b => b.Inhoud, StringComparer.Ordinal);
        var bestanden = Databestanden(dataMap)
            .Concat(Importbestanden(importMap).Where(b => !teSchrijven.ContainsKey(b.Naam)))
            .Concat(teSchrijven.Select(b => (Naam: b.Key, Inhoud: (Func<byte[]>)(() => b.Value))))
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

    /// <summary>
    /// Both versions an import needs, reading every file once: <c>Nu</c>, that of the folders as they are (what
    /// <see cref="Bereken"/> gives without <paramref name="nogTeSchrijven"/>), and <c>Met</c>, that with the import's files (what it gives
    /// with them). The two sequences of files are the same up to the first name where they differ; that part is hashed once and the
    /// hash's state copied, so a million lines of stand files are read and hashed once, not twice.
    /// </summary>
    public static (string Nu, string Met) BerekenMetImport(string dataMap, string? importMap, IEnumerable<(string Naam, byte[] Inhoud)> nogTeSchrijven)
    {
        var teSchrijven = nogTeSchrijven.ToDictionary(b => "import/" + b.Naam, b => b.Inhoud, StringComparer.Ordinal);
        var nu = Databestanden(dataMap).Concat(Importbestanden(importMap)).OrderBy(b => b.Naam, StringComparer.Ordinal).ToList();
        var met = nu.Where(b => !teSchrijven.ContainsKey(b.Naam))
            .Select(b => (b.Naam, b.Inhoud, Nieuw: false))
            .Concat(teSchrijven.Select(b => (Naam: b.Key, Inhoud: (Func<byte[]>)(() => b.Value), Nieuw: true)))
            .OrderBy(b => b.Naam, StringComparer.Ordinal).ToList();
        var gemeen = 0;
        while (gemeen < nu.Count && gemeen < met.Count && !met[gemeen].Nieuw && met[gemeen].Naam == nu[gemeen].Naam) gemeen++;

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(typeof(Gegevensversie).Assembly.ManifestModule.ModuleVersionId.ToByteArray());
        foreach (var (naam, inhoud) in nu.Take(gemeen)) Voeg(hash, naam, inhoud());
        using var hashMet = hash.Clone();
        foreach (var (naam, inhoud) in nu.Skip(gemeen)) Voeg(hash, naam, inhoud());
        foreach (var (naam, inhoud, _) in met.Skip(gemeen)) Voeg(hashMet, naam, inhoud());
        return (Convert.ToHexStringLower(hash.GetHashAndReset())[..16], Convert.ToHexStringLower(hashMet.GetHashAndReset())[..16]);
    }

    private static void Voeg(IncrementalHash hash, string naam, byte[] inhoud)
    {
        hash.AppendData(Encoding.UTF8.GetBytes(naam + "\n"));
        hash.AppendData(inhoud);
        hash.AppendData("\n"u8);
    }

    private static IEnumerable<(string Naam, Func<byte[]> Inhoud)> Databestanden(string map) =>
        !Directory.Exists(map) ? []
            : Directory.EnumerateFiles(map, "*", SearchOption.AllDirectories)
                .Where(pad => !pad.EndsWith(Standbestandsmappen.Tijdelijk, StringComparison.Ordinal))
                .Select(pad => ("data/" + Path.GetRelativePath(map, pad).Replace('\\', '/'), (Func<byte[]>)(() => File.ReadAllBytes(pad))))
                .ToList();

    private static IEnumerable<(string Naam, Func<byte[]> Inhoud)> Importbestanden(string? map) =>
        Standbestandsmappen.Imports(map).SelectMany(i => new[] { i.Pad, i.Pad + Standbestandsmappen.Importsuffix })
            .Select(pad => ("import/" + Path.GetFileName(pad), (Func<byte[]>)(() => File.ReadAllBytes(pad))))
            .ToList();
}
