using Microsoft.Data.Sqlite;

namespace BudgetApi.Bedrijfsvoering;

/// <summary>
/// A start that cannot go on for a reason outside the data (a full disk, a folder turned read-only, a port in use) ends with
/// one line that names the path or address and the reason, and exit code 1: what an operator reads in the journal, not a stack.
/// </summary>
public static class Opstartfout
{
    /// <summary>Errors of the file system or of SQLite writing its file: the disk, permissions, a read-only mount.</summary>
    public static bool IsSchijffout(Exception fout) => fout is IOException or UnauthorizedAccessException
        || fout is SqliteException { SqliteErrorCode: 8 or 10 or 13 or 14 }; // READONLY, IOERR, FULL, CANTOPEN

    /// <summary>An error of writing a database (SQLite's own, or the disk full under it), as opposed to reading the data.</summary>
    public static bool IsBouwfout(Exception fout) => fout is SqliteException
        || (fout is IOException io && Locaties.Reden(io) == "de schijf is vol.");

    public static string BouwenMislukt(string databasePad, Exception fout) =>
        $"BudgetApi start niet: de database kon niet worden gebouwd in {Path.GetDirectoryName(databasePad)} " +
        $"(instelling {Locaties.DatabasePadSleutel}): {Reden(fout, Path.GetDirectoryName(databasePad)!)} De vorige database ({databasePad}) is ongewijzigd.";

    public static string StartenMislukt(Exception fout) => $"BudgetApi start niet: {fout.Message.ReplaceLineEndings(" ")}";

    /// <summary>
    /// The reason a write in <paramref name="map"/> failed, in one Dutch line. SQLite says only "unable to open database file"
    /// when it may not create its file: a probe file in the folder gives the operating system's reason (no access, read-only).
    /// </summary>
    public static string Reden(Exception fout, string map) =>
        fout is SqliteException { SqliteErrorCode: 14 } && Locaties.Schrijfproef(map) is { } oorzaak ? Locaties.Reden(oorzaak) : Reden(fout);

    private static string Reden(Exception fout) => fout switch
    {
        SqliteException { SqliteErrorCode: 13 } => "de schijf is vol.",
        SqliteException { SqliteErrorCode: 8 } => "alleen-lezen bestandssysteem.",
        SqliteException s => s.Message.Replace("SQLite Error ", "SQLite-fout ", StringComparison.Ordinal).ReplaceLineEndings(" ") + ".",
        _ => Locaties.Reden(fout),
    };
}
