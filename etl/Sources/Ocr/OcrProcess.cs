using System.Diagnostics;

namespace Bhyt.Etl.Sources.Ocr;

/// <summary>
/// Runs one OCR program to completion within a time limit and returns its standard output. Tesseract is held to one
/// thread (<c>OMP_THREAD_LIMIT=1</c>): pages run in parallel instead, one process per core.
/// </summary>
internal static class OcrProcess
{
    /// <exception cref="OcrProcessException">The program failed to start, exited with an error or ran out of time.</exception>
    public static string Run(string program, IReadOnlyList<string> arguments, TimeSpan timeout, string what)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["OMP_THREAD_LIMIT"] = "1";
        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new OcrProcessException($"{what}: không chạy được {program}: {e.Message}");
        }
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new OcrProcessException($"{what}: quá thời gian cho phép ({timeout.TotalSeconds:0} giây)");
        }
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new OcrProcessException($"{what}: lỗi (mã {process.ExitCode}): {Tail(error.Result)}");
        return output.Result;
    }

    private static string Tail(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length <= 300 ? trimmed : "…" + trimmed[^300..];
    }
}

/// <summary>An OCR program that failed or timed out; the reader turns it into the user's message.</summary>
internal sealed class OcrProcessException(string message) : Exception(message);
