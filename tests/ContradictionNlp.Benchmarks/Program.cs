using BenchmarkDotNet.Running;

namespace ContradictionNlp.Benchmarks;

/// <summary>
/// Entry point: <c>dotnet run -c Release --project tests/ContradictionNlp.Benchmarks -- --filter '*'</c>.
/// Any BenchmarkDotNet switch works (e.g. <c>--filter '*Tokenize*' --job short</c>).
/// </summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
