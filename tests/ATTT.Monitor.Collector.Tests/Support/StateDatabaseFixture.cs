using ATTT.Monitor.Collector.Audit;
using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Storage;
using Microsoft.Data.Sqlite;

namespace ATTT.Monitor.Collector.Tests.Support;

/// <summary>A real state database (SQLite file in a fresh temporary folder) with the audit and incidents schema.</summary>
internal sealed class StateDatabaseFixture : IAsyncDisposable
{
    private StateDatabaseFixture(string folder, EmbeddedDatabase database)
    {
        Folder = folder;
        Database = database;
    }

    public string Folder { get; }
    public EmbeddedDatabase Database { get; }

    public static async Task<StateDatabaseFixture> CreateAsync(IEnumerable<ISchemaMigration>? extra = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "attt-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var migrations = AuditSchema.Migrations.Concat(IncidentsSchema.Migrations).Concat(extra ?? []);
        var database = new EmbeddedDatabase(new DataDirectoryOptions { Path = folder }.StateDatabasePath, migrations);
        await database.InitializeAsync(TestContext.Current.CancellationToken);
        return new StateDatabaseFixture(folder, database);
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await Database.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a test that failed; the temp folder is cleaned by the OS.
        }

        return ValueTask.CompletedTask;
    }
}
