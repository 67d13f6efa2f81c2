using ATTT.Monitor.LoadGen;

try
{
    var options = LoadGenOptions.Parse(args);
    return await LoadRun.RunAsync(options, Console.Out, Console.Error).ConfigureAwait(false);
}
catch (ArgumentException ex)
{
    await Console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
    await Console.Error.WriteLineAsync(LoadGenOptions.Usage).ConfigureAwait(false);
    return 2;
}
