using Microsoft.Data.Sqlite;

namespace BudgetApi.Opslag;

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
