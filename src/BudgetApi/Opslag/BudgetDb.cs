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

    /// <summary>
    /// Whether the file at <paramref name="pad"/> is a database the loader completed and SQLite finds intact: its user_version is the
    /// one the loader sets last (a file cut short or from elsewhere lacks it), and <c>PRAGMA quick_check</c> finds every page and
    /// index sound. A version's database is reused at a start and kept at a reload only when this holds; else it is built again.
    /// </summary>
    public static bool IsGaaf(string pad)
    {
        try
        {
            using var verbinding = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = pad, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            verbinding.Open();
            using var opdracht = verbinding.CreateCommand();
            opdracht.CommandText = "PRAGMA user_version";
            if (Convert.ToInt64(opdracht.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) != Laden.Lader.Schemaversie) return false;
            opdracht.CommandText = "PRAGMA quick_check(1)";
            return opdracht.ExecuteScalar() as string == "ok";
        }
        catch (SqliteException)
        {
            return false; // not a database, or damaged where SQLite reads first
        }
    }

    /// <summary>Closes the pooled connections to this file, so it can be removed once a newer version serves.</summary>
    public void Sluit()
    {
        using var verbinding = new SqliteConnection(_verbindingstekst);
        SqliteConnection.ClearPool(verbinding);
    }
}
