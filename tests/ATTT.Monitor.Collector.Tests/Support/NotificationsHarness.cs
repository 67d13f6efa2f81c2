using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Incidents.Journal;
using ATTT.Monitor.Collector.Notifications;
using ATTT.Monitor.Collector.Notifications.Outbox;
using ATTT.Monitor.Collector.Notifications.Sending;
using ATTT.Monitor.Collector.Reports;
using ATTT.Monitor.Collector.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ATTT.Monitor.Collector.Tests.Support;

/// <summary>
/// The notifications and reports areas wired as the collector wires them (AddNotifications, AddReports), over a real SQLite
/// file in a temp folder with the incidents area's journal: a change is journaled as the incident manager journals it,
/// then the journal's readers (the notifications area's) catch up, as they do in the background.
/// </summary>
internal sealed class NotificationsHarness : IAsyncDisposable
{
    private readonly TempFolder _folder = new();

    private NotificationsHarness(IDictionary<string, string?> settings, TimeProvider? time, Action<IServiceCollection>? configure)
    {
        DataPath = Path.Combine(_folder.Path, "data");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(configuration);
        if (time is not null)
            services.AddSingleton(time);
        var data = new DataDirectoryOptions { Path = DataPath };
        services.AddSingleton(data);
        services.AddSingleton(sp => new EmbeddedDatabase(data.StateDatabasePath, sp.GetServices<ISchemaMigration>()));
        services.AddNotifications(configuration);
        services.AddReports(configuration);
        configure?.Invoke(services);
        // The journal the readers follow, unless the incidents area was added (it brings its own).
        if (!services.Any(d => d.ImplementationInstance is ISchemaMigration { Area: IncidentsSchema.Area }))
        {
            foreach (var migration in IncidentsSchema.Migrations)
                services.AddSingleton(migration);
            services.AddSingleton<IncidentJournalReaders>();
        }

        Services = services.BuildServiceProvider();
    }

    public string DataPath { get; }

    public ServiceProvider Services { get; }

    public EmbeddedDatabase Database => Services.GetRequiredService<EmbeddedDatabase>();

    public OutboxStore Outbox => Services.GetRequiredService<OutboxStore>();

    public OutboxSender Sender => Services.GetRequiredService<OutboxSender>();

    /// <param name="beforeInitialize">Runs with the state database's path before the migrations are applied (a database an earlier version wrote).</param>
    public static async Task<NotificationsHarness> StartAsync(
        IDictionary<string, string?>? extra = null, TimeProvider? time = null, Action<IServiceCollection>? configure = null, Func<string, Task>? beforeInitialize = null)
    {
        var settings = NotificationSettings.Default();
        foreach (var (k, v) in extra ?? new Dictionary<string, string?>())
            settings[k] = v;
        var harness = new NotificationsHarness(settings, time, configure);
        if (beforeInitialize is not null)
            await beforeInitialize(harness.Database.FilePath);
        await harness.Database.InitializeAsync();
        return harness;
    }

    public IncidentJournalReaders Journal => Services.GetRequiredService<IncidentJournalReaders>();

    /// <summary>Journals the change in a transaction that commits (or rolls back), then lets every journal reader catch up.</summary>
    public async Task ChangeAsync(IncidentChange change, bool commit = true)
    {
        await using (var connection = await Database.OpenAsync())
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            await IncidentJournal.AppendAsync(change, connection, transaction, CancellationToken.None);
            if (commit)
                await transaction.CommitAsync();
            else
                await transaction.RollbackAsync();
        }

        await CatchUpAsync();
    }

    /// <summary>Lets every journal reader handle what was journaled, as the background follower does.</summary>
    public async Task CatchUpAsync()
    {
        foreach (var reader in Journal.Consumers)
            await Journal.CatchUpAsync(reader, CancellationToken.None);
    }

    public Task<IReadOnlyList<OutboxMessage>> RowsAsync(string where = "1 = 1") => Outbox.QueryAsync(where + " ORDER BY id", CancellationToken.None);

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await Database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
