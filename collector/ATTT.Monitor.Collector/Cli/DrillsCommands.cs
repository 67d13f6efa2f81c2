using System.CommandLine;
using ATTT.Monitor.Collector.Drills;
using ATTT.Monitor.Collector.Notifications.Outbox;
using ATTT.Monitor.Collector.Notifications.Queries;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ATTT.Monitor.Collector.Playbooks;
using ATTT.Monitor.Collector.Storage;

namespace ATTT.Monitor.Collector.Cli;

/// <summary>
/// <c>attt drills list|run</c>: scheduled drills (diễn tập). Both work on the data folder of a
/// collector (<c>--data</c>), as <c>attt stats</c> does. <c>run</c> asks the running collector
/// through that folder to run the drill now (no network endpoint or credential needed: whoever
/// can write the data folder already controls the collector), waits for it and for its targets,
/// prints the report and exits 1 when a target was missed.
/// </summary>
internal static class DrillsCommands
{
    public static Command Create(CliContext context)
    {
        var listData = CommonOptions.Data(required: true);
        var listPlaybooks = PlaybooksOption();
        var list = new Command("list", "List playbooks with their drill schedule, next time and last run.") { listData, listPlaybooks };
        list.SetAction(async (parse, cancellationToken) =>
        {
            var runs = Runs(parse.GetValue(listData)!, context.Time);
            var playbooks = Load(parse.GetValue(listPlaybooks)!);
            var history = await runs.ListAsync(null, null, cancellationToken).ConfigureAwait(false);
            await context.Out.WriteLineAsync("id\tnext (Asia/Ho_Chi_Minh)\tcron\tlast run\tstatus").ConfigureAwait(false);
            foreach (var p in playbooks)
            {
                var next = p.Drill?.Schedule is { } s
                    ? Quartz.CronExpression.Parse(s.Cron).WithTimeZone(TimeZoneInfo.FindSystemTimeZoneById(s.TimeZone)).GetNextValidTimeAfter(DateTimeOffset.UtcNow)
                    : null;
                var last = history.FirstOrDefault(r => r.PlaybookId == p.Id);
                await context.Out.WriteLineAsync(string.Join('\t', p.Id, Vietnam(next), p.Drill?.Schedule?.Cron ?? "-",
                    Vietnam(last?.ScheduledFor ?? last?.StartedAt), last?.Status ?? "-")).ConfigureAwait(false);
            }

            foreach (var missed in history.Where(r => r.Status == DrillRunStatus.Missed))
                await context.Error.WriteLineAsync($"MISSED {missed.PlaybookId} {Vietnam(missed.ScheduledFor)}: {missed.Detail}").ConfigureAwait(false);
            return ExitCodes.Success;
        });

        var runData = CommonOptions.Data(required: true);
        var id = new Argument<string>("ID") { Description = "Drill (playbook) id." };
        var wait = new Option<int>("--wait") { Description = "Seconds to wait for the collector to run the drill and for its targets to be met or missed.", DefaultValueFactory = _ => 120 };
        var runPlaybooks = PlaybooksOption();
        var run = new Command("run", "Run a drill now on the collector that owns --data, and print its report: each target (detected, notified, acknowledged) met, missed or still open. Exit 1 when a target is missed.") { id, runData, wait, runPlaybooks };
        run.SetAction(async (parse, cancellationToken) =>
        {
            var database = Database(parse.GetValue(runData)!);
            var runs = new DrillRunStore(database, context.Time);
            var playbookId = parse.GetValue(id)!;
            var runId = await runs.RequestAsync(playbookId, "", cancellationToken).ConfigureAwait(false);
            await context.Error.WriteLineAsync($"Đã yêu cầu diễn tập {playbookId} (lần {runId}); đang chờ bộ thu thực hiện...").ConfigureAwait(false);
            var limit = TimeSpan.FromSeconds(parse.GetValue(wait));
            var waited = System.Diagnostics.Stopwatch.StartNew();
            DrillRun? state = null;
            while (waited.Elapsed < limit)
            {
                state = await runs.GetAsync(runId, cancellationToken).ConfigureAwait(false);
                if (state?.Status is not (DrillRunStatus.Requested or DrillRunStatus.Running))
                    break;
                await Task.Delay(500, cancellationToken).ConfigureAwait(false);
            }

            if (state is null || state.Status == DrillRunStatus.Requested)
            {
                if (await runs.WithdrawRequestAsync(runId, "không có bộ thu nào nhận yêu cầu (no running collector picked it up)", CancellationToken.None).ConfigureAwait(false))
                    throw new InvalidOperationException($"No running collector with data folder {parse.GetValue(runData)!.FullName} picked up drill request {runId} in time; is 'attt serve' running?");
            }

            var builder = ReportBuilder(database, runs, parse.GetValue(runPlaybooks)!, context.Time);
            var report = await builder.BuildAsync(runId, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Drill run {runId} disappeared from the data folder.");
            // Targets still open wait for their deadline, within --wait.
            while (report.Verdict == DrillOutcome.Waiting && waited.Elapsed < limit)
            {
                await Task.Delay(500, cancellationToken).ConfigureAwait(false);
                report = await builder.BuildAsync(runId, cancellationToken).ConfigureAwait(false) ?? report;
            }

            await DrillRunReportText.WriteAsync(context.Out, report).ConfigureAwait(false);
            if (report.Verdict == DrillOutcome.Waiting)
                await context.Error.WriteLineAsync($"Còn mục tiêu chưa đến hạn; xem lại báo cáo trên bảng điều khiển (/drills/runs/{runId}) / some targets are still open.").ConfigureAwait(false);
            return report.Run.Status != DrillRunStatus.Completed || report.Verdict == DrillOutcome.Missed ? ExitCodes.RuntimeFailure : ExitCodes.Success;
        });
        return new Command("drills", "Drills (diễn tập).") { list, run };
    }

    private static Option<DirectoryInfo> PlaybooksOption() => new("--playbooks")
    {
        Description = "Playbook folder (as Drills:PlaybooksPath of the collector).",
        DefaultValueFactory = _ => new DirectoryInfo("playbooks"),
    };

    private static DrillRunStore Runs(DirectoryInfo data, TimeProvider time) => new(Database(data), time);

    private static EmbeddedDatabase Database(DirectoryInfo data)
    {
        var file = new DataDirectoryOptions { Path = data.FullName }.StateDatabasePath;
        if (!File.Exists(file))
            throw new BadInputException($"The data folder {data.FullName} has no state database (attt.db); start 'attt serve --data {data.FullName}' once first.");
        return new EmbeddedDatabase(file, []);
    }

    /// <summary>The report as the collector builds it, read from the data folder; the playbooks give titles and steps, the run its own targets.</summary>
    private static DrillReportBuilder ReportBuilder(EmbeddedDatabase database, DrillRunStore runs, DirectoryInfo playbooks, TimeProvider time)
    {
        var catalog = new PlaybookCatalog(Options.Create(new DrillsOptions { PlaybooksPath = playbooks.FullName }), NullLogger<PlaybookCatalog>.Instance);
        var notices = new NotificationQueries(database, new OutboxStore(database), time);
        return new DrillReportBuilder(catalog, runs, new DrillMeasurements(database), new DrillSignOffs(database, time), notices, time);
    }

    private static IReadOnlyList<Playbook> Load(DirectoryInfo folder)
    {
        var result = PlaybookLoader.Load([folder.FullName]);
        if (result.Errors.Count > 0)
            throw new BadInputException($"Playbooks in {folder.FullName} are invalid; run 'attt playbooks check {folder.FullName}': {result.Errors[0]}");
        return result.Playbooks;
    }

    private static string Vietnam(DateTimeOffset? at) => at is { } t
        ? TimeZoneInfo.ConvertTime(t, TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh")).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)
        : "-";
}
