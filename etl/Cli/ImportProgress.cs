using Bhyt.Etl.Import.Progress;
using Spectre.Console;

namespace Bhyt.Etl.Cli;

/// <summary>
/// Where <c>bhyt import</c> shows a file's progress: a bar redrawn on standard error when it is a terminal, plain lines
/// (<see cref="ProgressLines"/>) when it goes to a log or a CI job. Standard output (summary lines, <c>--json</c>) is
/// never written to.
/// </summary>
internal static class ImportProgress
{
    private static readonly Lazy<IAnsiConsole> Terminal = new(() => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(Console.Error),
    }));

    /// <summary>Whether standard error is a terminal a bar can be redrawn on.</summary>
    public static bool OnTerminal => !Console.IsErrorRedirected && Terminal.Value.Profile.Capabilities.Interactive;

    /// <summary>Runs one file's import, its progress shown the way standard error allows.</summary>
    public static Task<T> RunAsync<T>(string file, Func<IProgress<LoadProgress>, Task<T>> import) =>
        OnTerminal ? WithBarAsync(file, import) : import(new ProgressLines(Console.Error.WriteLine));

    private static Task<T> WithBarAsync<T>(string file, Func<IProgress<LoadProgress>, Task<T>> import) =>
        Terminal.Value.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(Path.GetFileName(file)), maxValue: 1);
                try
                {
                    return await import(new LoadProgressBar(task));
                }
                finally
                {
                    task.StopTask();
                }
            });
}
