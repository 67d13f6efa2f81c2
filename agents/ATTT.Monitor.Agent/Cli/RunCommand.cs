using System.CommandLine;
using ATTT.Monitor.Agent.Configuration;
using ATTT.Monitor.Agent.Pipeline;
using ATTT.Monitor.Agent.Posture;
using ATTT.Monitor.Agent.Service;
using Microsoft.Extensions.Logging;

namespace ATTT.Monitor.Agent.Cli;

/// <summary><c>attt-agent run</c>: collect and forward. Options override the YAML file given with <c>--config</c>.</summary>
public static class RunCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var collector = new Option<string?>("--collector") { Description = "Collector URL, e.g. https://collector.xa.local:5443." };
        var enrollCode = new Option<string?>("--enroll-code") { Description = "One-time enrollment code from 'attt agents enroll-code'." };
        var tokenFile = new Option<FileInfo?>("--token-file") { Description = "File holding this agent's token." };
        var state = new Option<DirectoryInfo?>("--state") { Description = "Folder for checkpoints, spool and token." };
        var source = new Option<string?>("--source") { Description = "windows (default), evtx:PATH or jsonl:PATH." };
        var exitWhenDrained = new Option<bool>("--exit-when-drained") { Description = "Exit 0 once every event of a finite source has been acknowledged." };
        var config = new Option<FileInfo?>("--config") { Description = "YAML configuration file (docs/agent.md); options given here override it." };
        var rate = new Option<double?>("--replay-rate") { Description = "Replay sources: events per second (default: as fast as possible)." };
        var logLevel = new Option<LogLevel>("--log-level") { Description = "Trace, Debug, Information, Warning, Error.", DefaultValueFactory = _ => LogLevel.Information };
        var command = new Command("run", "Collect events and antivirus status and forward them to the collector.")
        {
            collector, enrollCode, tokenFile, state, source, exitWhenDrained, config, rate, logLevel,
        };
        command.Validators.Add(result =>
        {
            var hasCode = result.GetValue(enrollCode) is not null;
            var hasToken = result.GetValue(tokenFile) is not null;
            var hasConfig = result.GetValue(config) is not null;
            if (hasCode && hasToken)
                result.AddError("Give exactly one of --enroll-code and --token-file.");
            if (!hasConfig && !hasCode && !hasToken)
                result.AddError("Give exactly one of --enroll-code and --token-file.");
            if (!hasConfig && result.GetValue(collector) is null)
                result.AddError("Option '--collector' is required (or give --config FILE).");
            if (!hasConfig && result.GetValue(state) is null)
                result.AddError("Option '--state' is required (or give --config FILE).");
        });
        command.SetAction(async (parse, ct) =>
        {
            var settings = new AgentSettings();
            if (parse.GetValue(config) is { } file)
            {
                try
                {
                    AgentConfigFile.Apply(file.FullName, settings);
                }
                catch (FormatException ex)
                {
                    throw new AgentUsageException(ex.Message, ex);
                }
            }

            if (parse.GetValue(collector) is { } c)
            {
                settings.Collector = Uri.TryCreate(c, UriKind.Absolute, out var url)
                    ? url
                    : throw new AgentUsageException($"--collector '{c}' is not an absolute URL such as https://collector.xa.local:5443.");
            }

            if (parse.GetValue(state) is { } s) settings.StateDirectory = s.FullName;
            if (parse.GetValue(source) is { } src) settings.Source = src;
            if (parse.GetValue(enrollCode) is { } code) settings.EnrollCode = code;
            if (parse.GetValue(tokenFile) is { } token) settings.TokenFile = token.FullName;
            if (parse.GetValue(exitWhenDrained)) settings.ExitWhenDrained = true;
            if (parse.GetValue(rate) is { } r) settings.ReplayRate = r;
            if (settings.Collector is null || settings.StateDirectory is null)
                throw new AgentUsageException("The collector URL and the state folder must be given (--collector, --state, or in the --config file).");
            if (settings.EnrollCode is null && settings.TokenFile is null && !File.Exists(Path.Combine(settings.StateDirectory, State.CredentialStore.FileName)))
                throw new AgentUsageException("Give --enroll-code CODE or --token-file FILE (this agent is not enrolled yet).");

            using var loggers = AgentLogging.Create(parse.GetValue(logLevel), stderr);
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

            await stdout.FlushAsync(ct).ConfigureAwait(false);
            return AgentExitCodes.Success;
        });
        return command;
    }
}
