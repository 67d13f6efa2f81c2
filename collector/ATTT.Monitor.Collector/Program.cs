using ATTT.Monitor.Collector.Cli;

return await CollectorCommandLine.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
