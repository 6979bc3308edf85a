using Bhyt.Etl.Import;

namespace Bhyt.Etl.Sources.Ocr;

/// <summary>
/// Where the OCR programs are: Tesseract (with its Vietnamese model) and poppler's pdftoppm/pdfinfo, looked up on a
/// search path (the process's PATH unless given, so tests can point it at an empty folder). A scanned file read
/// without them is refused with a message naming the Debian packages to install, never a crash.
/// </summary>
public sealed class OcrTools
{
    /// <summary>The Debian packages that provide every tool OCR needs.</summary>
    public const string DebianPackages = "tesseract-ocr tesseract-ocr-vie poppler-utils";

    private readonly Lazy<bool> hasVietnamese;

    private OcrTools(string? tesseract, string? pdftoppm, string? pdfinfo)
    {
        Tesseract = tesseract;
        Pdftoppm = pdftoppm;
        Pdfinfo = pdfinfo;
        hasVietnamese = new(() => Tesseract is not null && ListLanguages(Tesseract).Contains("vie"));
    }

    /// <summary>The tools found on the process's PATH.</summary>
    public static OcrTools Default { get; } = Find(Environment.GetEnvironmentVariable("PATH"));

    public string? Tesseract { get; }
    public string? Pdftoppm { get; }
    public string? Pdfinfo { get; }

    /// <summary>The tools found in the folders of <paramref name="searchPath"/> (separated as PATH is).</summary>
    public static OcrTools Find(string? searchPath)
    {
        var folders = (searchPath ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return new OcrTools(Locate(folders, "tesseract"), Locate(folders, "pdftoppm"), Locate(folders, "pdfinfo"));
    }

    /// <summary>Throws the user's message when a tool needed to OCR <paramref name="path"/> (a PDF when <paramref name="pdf"/>) is missing.</summary>
    /// <exception cref="UnusableInputException">Tesseract, its <c>vie</c> model, or (for a PDF) pdftoppm/pdfinfo is missing.</exception>
    public void EnsureAvailable(string path, bool pdf)
    {
        var missing = new List<string>();
        if (Tesseract is null) missing.Add("tesseract (gói tesseract-ocr)");
        else if (!hasVietnamese.Value) missing.Add("dữ liệu tiếng Việt của Tesseract (gói tesseract-ocr-vie)");
        if (pdf && (Pdftoppm is null || Pdfinfo is null)) missing.Add("pdftoppm/pdfinfo (gói poppler-utils)");
        if (missing.Count > 0)
            throw new UnusableInputException(
                $"{Path.GetFileName(path)}: tệp là bản quét (ảnh) nên cần nhận dạng chữ (OCR), nhưng máy này thiếu {string.Join(", ", missing)}. " +
                $"Cài đặt bằng: apt-get install {DebianPackages} [input.ocr_missing]");
    }

    private static string? Locate(IEnumerable<string> folders, string name) =>
        folders.Select(folder => Path.Combine(folder, name)).FirstOrDefault(IsExecutable);

    private static bool IsExecutable(string file) =>
        File.Exists(file) && (OperatingSystem.IsWindows() || (File.GetUnixFileMode(file) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0);

    private static HashSet<string> ListLanguages(string tesseract)
    {
        try
        {
            var output = OcrProcess.Run(tesseract, ["--list-langs"], TimeSpan.FromSeconds(30), "tesseract --list-langs");
            return output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        }
        catch (OcrProcessException)
        {
            return [];
        }
    }
}
