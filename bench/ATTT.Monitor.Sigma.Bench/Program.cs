using ATTT.Monitor.Sigma.Bench;

// Usage:
//   ATTT.Monitor.Sigma.Bench eval  [--rules DIR...] [--input DIR] [--seconds N] [--dump FILE]   events per CPU second on pre-parsed events, 1 core then all cores
//   ATTT.Monitor.Sigma.Bench profile [--rules DIR...] [--input DIR] [--seconds PASSES]   prefilter scans vs full evaluation, fields scanned most
//   ATTT.Monitor.Sigma.Bench detector [--rules DIR...] [--input DIR] [--seconds N] [--passes N]  the collector's detector on the load generator's events vs the engine alone
//   ATTT.Monitor.Sigma.Bench scan  [--rules DIR...] [--input DIR]                 attt scan end to end: MB/s, events/s, peak memory
//   ATTT.Monitor.Sigma.Bench start [--rules DIR...] [--input DIR] [--seconds LOADS]  rules ready to evaluate: cold, filling the cache, warm, warm with the input's channel filter, then one warm load in each of several fresh processes
// Defaults: every ../shared/sigma/rules* folder and ../shared/evtx/attack-samples.
return args.Length > 1 && args[0] == FreshStartProbe.Command
    ? FreshStartProbe.Run(args[1], BenchOptions.Parse(args[2..]))
    : args.Length > 0 && args[0] == "start"
    ? StartBenchmark.Run(BenchOptions.Parse(args[1..]))
    : args.Length > 0 && args[0] == "detector"
    ? await DetectorBenchmark.RunAsync(args[1..])
    : args.Length > 0 && args[0] == "scan"
    ? await ScanBenchmark.RunAsync(BenchOptions.Parse(args[1..]))
    : args.Length > 0 && args[0] == "profile"
    ? ProfileBenchmark.Run(BenchOptions.Parse(args[1..]))
    : EvaluateBenchmark.Run(BenchOptions.Parse(args.Length > 0 && args[0] == "eval" ? args[1..] : args));
