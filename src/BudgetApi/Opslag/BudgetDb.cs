using Microsoft.Data.Sqlite;

namespace BudgetApi.Opslag;

/// <summary>Where the service reads and the loader writes; bound from the "Budget" configuration section.</summary>
public sealed class BudgetOpties
{
    /// <summary>The folder with the document's CSV files and, in standen/, the stand files loaded at start (relative paths: from the content root).</summary>
    public string DataMap { get; set; } = "../../data";

    /// <summary>
    /// The database the loader builds and the service reads. Each version of the data gets its own file beside it
    /// (budget.db → budget.&lt;versie&gt;.db), so a swap never changes a file a request is reading. Per instance; derived, never backed up.
    /// </summary>
    public string DatabasePad { get; set; } = "../../var/budget.db";

    /// <summary>Where imported stand files are stored (shared by every instance that reads the same data); default: standen/ beside the database.</summary>
    public string? ImportMap { get; set; }
}

/// <summary>Read-only access to one loaded database. Serving never writes: the loader is the only writer.</summary>
public sealed class BudgetDb(string databasePad)
{
    private readonly string _verbindingstekst = new SqliteConnectionStringBuilder
    {
        DataSource = databasePad,
        Mode = SqliteOpenMode.ReadOnly,
    }.ToString();

    public string DatabasePad { get; } = databasePad;

    public SqliteConnection Open()
    {
        var verbinding = new SqliteConnection(_verbindingstekst);
        verbinding.Open();
        return verbinding;
    }

    /// <summary>Closes the pooled connections to this file, so it can be removed once a newer version serves.</summary>
    public void Sluit()
    {
        using var verbinding = new SqliteConnection(_verbindingstekst);
        SqliteConnection.ClearPool(verbinding);
    }
}
