using ATTT.Monitor.Agent.Cli;
using ATTT.Monitor.Agent.Memory;

NativeHeap.Configure(); // before the thread pool starts its threads (see NativeHeap)
return await AgentCommandLine.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
