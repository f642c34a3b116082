using BenchmarkDotNet.Running;

// Micro-benchmarks (BenchmarkDotNet): see bench/README.md. Not part of the test run.
BenchmarkSwitcher.FromAssembly(typeof(ChatEscalation.Bench.Micro.ChatParsingBenchmarks).Assembly).Run(args);
