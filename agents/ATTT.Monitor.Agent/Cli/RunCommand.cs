using ATTT.Monitor.Agent.Configuration;
using ATTT.Monitor.Agent.Pipeline;
using ATTT.Monitor.Agent.Posture;
using ATTT.Monitor.Agent.Service;
using Microsoft.Extensions.Logging;

namespace ATTT.Monitor.Agent.Cli;

/// <summary><c>attt-agent run</c>: collect and forward. Options override the YAML file given with <c>--config</c>.</summary>
internal static class RunCommand
{
    private const string Collector = "--collector", EnrollCode = "--enroll-code", TokenFile = "--token-file", StateDir = "--state",
        Source = "--source", ExitWhenDrained = "--exit-when-drained", Config = "--config", ReplayRate = "--replay-rate", LogLevelOption = "--log-level";

    public static AgentCommand Create() => new(
        "run",
        "Thu thập sự kiện và trạng thái diệt virus, gửi về máy chủ thu thập / Collect events and antivirus status and forward them to the collector.",
        "attt-agent run --collector URL (--enroll-code CODE | --token-file FILE) --state DIR [options]   (or: attt-agent run --config FILE)",
        [
            new(Collector, "URL", "Địa chỉ máy chủ thu thập / Collector URL, e.g. https://collector.xa.local:5443."),
            new(EnrollCode, "CODE", "Mã đăng ký dùng một lần / One-time enrollment code from 'attt agents enroll-code'."),
            new(TokenFile, "FILE", "Tệp chứa token của tác tử / File holding this agent's token."),
            new(StateDir, "DIR", "Thư mục trạng thái (điểm dừng, hàng đợi, token) / Folder for checkpoints, spool and token."),
            new(Source, "SOURCE", "Nguồn sự kiện: windows (mặc định) hoặc phát lại một tệp hay thư mục / Event source: windows (default), or a file or folder replayed: replay:PATH (every format: .evtx; JSON of evtx dump, OTRF, Winlogbeat, NXLog; .zip), evtx:PATH (.evtx files), jsonl:PATH (JSON files and .zip)."),
            new(ExitWhenDrained, null, "Thoát khi mọi sự kiện của nguồn hữu hạn đã được xác nhận / Exit 0 once every event of a finite source has been acknowledged."),
            new(Config, "FILE", "Tệp cấu hình YAML; tùy chọn dòng lệnh được ưu tiên / YAML configuration file (docs/agent.md); options given here override it."),
            new(ReplayRate, "N", "Nguồn phát lại: số sự kiện mỗi giây / Replay sources: events per second (default: as fast as possible)."),
            new(LogLevelOption, "LEVEL", "Mức nhật ký / Log level: Trace, Debug, Information, Warning, Error, Critical, None.", DefaultValue: "Information"),
        ],
        RunAsync)
    {
        Validate = Validate,
    };

    private static IEnumerable<string> Validate(ParsedCommand values)
    {
        var hasConfig = values.Has(Config);
        if (values.Has(EnrollCode) && values.Has(TokenFile) || !hasConfig && !values.Has(EnrollCode) && !values.Has(TokenFile))
            yield return "Give exactly one of --enroll-code and --token-file.";
        if (!hasConfig && !values.Has(Collector))
            yield return "Option '--collector' is required (or give --config FILE).";
        if (!hasConfig && !values.Has(StateDir))
            yield return "Option '--state' is required (or give --config FILE).";
        if (ParseLogLevel(values.Text(LogLevelOption)) is null)
            yield return $"--log-level '{values.Text(LogLevelOption)}' is not one of Trace, Debug, Information, Warning, Error, Critical, None.";
    }

    private static async Task<int> RunAsync(ParsedCommand values, CancellationToken ct)
    {
        var settings = new AgentSettings();
        if (values.FullPath(Config) is { } file)
        {
            try
            {
                AgentConfigFile.Apply(file, settings);
            }
            catch (FormatException ex)
            {
                throw new AgentUsageException(ex.Message, ex);
            }
        }

        if (values.Text(Collector) is { } c)
        {
            settings.Collector = Uri.TryCreate(c, UriKind.Absolute, out var url)
                ? url
                : throw new AgentUsageException($"--collector '{c}' is not an absolute URL such as https://collector.xa.local:5443.");
        }

        if (values.FullPath(StateDir) is { } s) settings.StateDirectory = s;
        if (values.Text(Source) is { } src) settings.Source = src;
        if (values.Text(EnrollCode) is { } code) settings.EnrollCode = code;
        if (values.FullPath(TokenFile) is { } token) settings.TokenFile = token;
        if (values.Flag(ExitWhenDrained)) settings.ExitWhenDrained = true;
        if (values.Number(ReplayRate) is { } r) settings.ReplayRate = r;
        if (settings.Collector is null || settings.StateDirectory is null)
            throw new AgentUsageException("The collector URL and the state folder must be given (--collector, --state, or in the --config file).");
        if (settings.EnrollCode is null && settings.TokenFile is null && !File.Exists(Path.Combine(settings.StateDirectory, State.CredentialStore.FileName)))
            throw new AgentUsageException("Give --enroll-code CODE or --token-file FILE (this agent is not enrolled yet).");

        using var loggers = AgentLogging.Create(ParseLogLevel(values.Text(LogLevelOption)) ?? LogLevel.Information, values.Error);
        IPostureProbe? posture = OperatingSystem.IsWindows() ? new WmiPostureProbe() : null;
        var runner = new AgentRunner(settings, loggers, posture);
        try
        {
            if (OperatingSystem.IsWindows() && WindowsServiceHost.IsServiceProcess())
                await WindowsServiceHost.RunAsync(runner, ct).ConfigureAwait(false);
            else
                await runner.RunAsync(ct).ConfigureAwait(false);
        }
        catch (ArgumentException ex)
        {
            throw new AgentUsageException(ex.Message, ex);
        }

        await values.Output.FlushAsync(ct).ConfigureAwait(false);
        return AgentExitCodes.Success;
    }

    /// <summary>The level named (any case), or null when the name is not a level.</summary>
    internal static LogLevel? ParseLogLevel(string? name) => name?.ToLowerInvariant() switch
    {
        "trace" => LogLevel.Trace,
        "debug" => LogLevel.Debug,
        "information" => LogLevel.Information,
        "warning" => LogLevel.Warning,
        "error" => LogLevel.Error,
        "critical" => LogLevel.Critical,
        "none" => LogLevel.None,
        _ => null,
    };
}
