namespace Bhyt.Etl.Cli;

/// <summary>
/// Runs export, backup and restore: a refusal about the files the user named (backup already there, target not
/// fresh, not a backup) is bad usage, exit 2, with the message alone.
/// </summary>
internal static class FileOperation
{
    public static async Task<int> RunAsync(Func<Task<int>> operation)
    {
        try
        {
            return await operation();
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            await Console.Error.WriteLineAsync($"bhyt: {e.Message}");
            return ExitCodes.Usage;
        }
    }
}
