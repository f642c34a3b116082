using ChatEscalation.Bench.FullPath;

return args.FirstOrDefault() switch
{
    "profile" => await ProfileRun.RunAsync(args[1..]),
    "sign" => await BodyFile.RunAsync(args[1..]),
    "seed" => await SeedAsync(args[1..]),
    "slack-api" => await StandInAsync(args[1..]),
    "teams-api" => await TeamsStandInAsync(args[1..]),
    "sizes" => await Scale.SizesAsync(args[1..]),
    "storm" => await Scale.StormAsync(args[1..]),
    "rss" => await Scale.RssAsync(args[1..]),
    _ => Usage(),
};

static async Task<int> SeedAsync(string[] args)
{
    await Seeder.SeedAsync(Options.Value(args, "--db") ?? throw new ArgumentException("--db file"), Options.Int(args, "--tickets", 0),
        Options.Value(args, "--platform") ?? "slack", Options.Value(args, "--teams-service-url"));
    return 0;
}

static async Task<int> StandInAsync(string[] args)
{
    await using var api = await SlackStandIn.StartAsync(Options.Int(args, "--port", 18999));
    Console.WriteLine(api.ApiBaseUrl);
    await api.WaitForShutdownAsync(); // run.sh stops it with SIGTERM
    return 0;
}

static async Task<int> TeamsStandInAsync(string[] args)
{
    await using var api = await TeamsStandIn.StartAsync(Options.Int(args, "--port", 18998));
    Console.WriteLine(api.ServiceUrl);
    await api.WaitForShutdownAsync(); // run.sh stops it with SIGTERM
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("""
        usage: ChatEscalation.Bench.FullPath <mode> [options]
          profile [--requests n] [--seconds s] [--seed n] [--no-dispatch] [--out file.md] in-process statement/allocation profile
          sign --kind slack-raise|slack-accept --count n --out file.tsv         pre-signed bodies for wrk
          sign --kind teams-raise|teams-accept --count n --out file.tsv --key issuer.pem --app-id id --service-url url [--hours h]
          seed --db file --tickets n [--platform slack|teams] [--teams-service-url url]   n queued Tier 1 tickets (SQL clone)
          slack-api [--port p]                                                  the Slack Web API stand-in
          teams-api [--port p]                                                  the Bot Framework Connector stand-in
          sizes --bot dll [--sizes 0,10000,...] [--seconds s] [--rounds r] [--out file.md]
          storm --bot dll [--count 10000] [--seconds 60] [--card-wait 300] [--api-latency ms] [--concurrency n] [--prime n] [--out file.md]
          rss --bot dll [--out file.md]
        """);
    return 2;
}
