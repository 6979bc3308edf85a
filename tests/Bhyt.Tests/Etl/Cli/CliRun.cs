using Bhyt.Etl.Cli;

namespace Bhyt.Tests.Etl.Cli;

/// <summary>One in-process run of <c>bhyt</c>: its exit code and what it wrote to standard output and error.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static Task<CliRun> RunAsync(params string[] args) => RunAsync(Bhyt.Etl.Detection.Detectors.All, args);

    /// <summary>A run whose <c>bhyt detect</c> uses <paramref name="detectors"/> instead of the registered ones.</summary>
    public static async Task<CliRun> RunAsync(IReadOnlyList<Bhyt.Etl.Detection.IDetector> detectors, params string[] args)
    {
        var (originalOut, originalError) = (Console.Out, Console.Error);
        using var output = new StringWriter();
        using var error = new StringWriter();
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            var code = await BhytCli.RunAsync(args, detectors);
            return new CliRun(code, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(originalOut);
            Console.SetError(originalError);
        }
    }

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}
