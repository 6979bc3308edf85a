namespace Bhyt.Tests.Etl.Import.Corpus;

/// <summary>Every file of the malformed-input corpus, across the input kinds; each written by its test, none committed.</summary>
internal static class MalformedCorpus
{
    public static IReadOnlyList<MalformedCase> All { get; } =
        [.. SubmissionCsvCorpus.Cases, .. ClaimsCsvCorpus.Cases, .. ClaimsXmlCorpus.Cases, .. ReportDocumentCorpus.Cases];

    public static MalformedCase Named(string name) => All.Single(c => c.Name == name);

    public static TheoryData<string> Names => new(All.Select(c => c.Name).Where(n => Environment.GetEnvironmentVariable("CORPUS_ONLY") is not { } only || n.Contains(only)));

    /// <summary>Writes the case into <paramref name="folder"/> and gives its path.</summary>
    public static string WriteInto(this MalformedCase file, string folder)
    {
        var path = Path.Combine(folder, file.Name);
        file.Write(path);
        return path;
    }
}
