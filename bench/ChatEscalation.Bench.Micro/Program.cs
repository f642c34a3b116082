using BenchmarkDotNet.Running;

// Micro-benchmarks (BenchmarkDotNet): see bench/README.md. Not part of the test run.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

/// <summary>Entry point.</summary>
public partial class Program;
