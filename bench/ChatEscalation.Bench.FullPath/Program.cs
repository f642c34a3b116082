using ChatEscalation.Bench.FullPath;

return args.FirstOrDefault() switch
{
    "profile" => await ProfileRun.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: ChatEscalation.Bench.FullPath profile [--requests n] [--seconds s] [--out file.md]");
    return 2;
}
