using ATTT.Monitor.Agent.Cli;

return await AgentCommandLine.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
