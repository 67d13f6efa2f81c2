using ATTT.Monitor.Evtx.Bench;

return EvtxBenchmark.Run(args, Console.Out);
