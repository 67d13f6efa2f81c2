using ATTT.Monitor.Inputs.Bench;

return InputsBenchmark.Run(args, Console.Out);
