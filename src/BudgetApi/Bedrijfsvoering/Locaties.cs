namespace BudgetApi.Bedrijfsvoering;

/// <summary>
/// Where the service reads and writes, resolved once at start: the data folder (bundled stand files), the database it builds,
/// and the folder where imported stand files are kept. A relative path is taken from the application's own folder
/// (<see cref="AppContext.BaseDirectory"/>), never from the current directory, so a published build runs from anywhere.
/// </summary>
public sealed record Locaties(string DataMap, string DatabasePad, string ImportMap)
{
    public const string DataMapSleutel = "Budget:DataMap";
    public const string DatabasePadSleutel = "Budget:DatabasePad";
    public const string ImportMapSleutel = "Budget:ImportMap";

    /// <summary>The folder beside the database where imported stand files go when Budget:ImportMap is not set.</summary>
    public const string StandaardImportMapNaam = "standen";

    public static Locaties Uit(IConfiguration configuratie, string? basis = null)
    {
        basis ??= AppContext.BaseDirectory;
        string Pad(string sleutel, string standaard) =>
            Path.GetFullPath(Path.Combine(basis, configuratie[sleutel] is { Length: > 0 } waarde ? waarde : standaard));
        var databasePad = Pad(DatabasePadSleutel, "var/budget.db");
        var importMap = configuratie[ImportMapSleutel] is { Length: > 0 }
            ? Pad(ImportMapSleutel, "")
            : Path.Combine(Path.GetDirectoryName(databasePad)!, StandaardImportMapNaam);
        return new Locaties(Pad(DataMapSleutel, "data"), databasePad, importMap);
    }

    /// <summary>
    /// Checks before anything is loaded that the data folder can be read and that the database and import folders can be
    /// written (creating them where needed). Returns one line naming the path and its setting, or null when all is well.
    /// </summary>
    public string? Controleer()
    {
        if (!Directory.Exists(DataMap))
        {
            return $"BudgetApi start niet: de datamap bestaat niet: {DataMap} (instelling {DataMapSleutel}).";
        }
        return Schrijfbaar(Path.GetDirectoryName(DatabasePad)!, "de map van de database", DatabasePadSleutel)
            ?? Schrijfbaar(ImportMap, "de importmap", ImportMapSleutel);
    }

    private static string? Schrijfbaar(string map, string wat, string sleutel) =>
        Schrijfproef(map) is { } fout ? $"BudgetApi start niet: {wat} is niet schrijfbaar: {map} (instelling {sleutel}): {Reden(fout)}" : null;

    /// <summary>Writes and removes a probe file in <paramref name="map"/> (creating it); the error that gave, or null.</summary>
    internal static Exception? Schrijfproef(string map)
    {
        // A probe file, because permission bits do not tell the whole story (read-only mounts, ACLs, a full disk).
        var proef = Path.Combine(map, $".schrijfproef-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(map);
            File.WriteAllBytes(proef, [0]);
            File.Delete(proef);
            return null;
        }
        catch (Exception fout) when (fout is IOException or UnauthorizedAccessException)
        {
            return fout;
        }
    }

    /// <summary>The operating system's reason in one line, without the .NET exception type or stack.</summary>
    internal static string Reden(Exception fout) => fout switch
    {
        UnauthorizedAccessException => "geen toegang.",
        IOException io when io.HResult == 28 || io.Message.Contains("No space left", StringComparison.OrdinalIgnoreCase) => "de schijf is vol.",
        IOException io when io.Message.Contains("Read-only file system", StringComparison.OrdinalIgnoreCase) => "alleen-lezen bestandssysteem.",
        _ => fout.Message.ReplaceLineEndings(" "),
    };
}
