namespace Bhyt.Tests.Etl.Import.Corpus;

/// <summary>Every file of the malformed-input corpus, across the input kinds; each written by its test, none committed.</summary>
internal static class MalformedCorpus
{
    public static IReadOnlyList<MalformedCase> All { get; } =
        [.. SubmissionCsvCorpus.Cases, .. ClaimsCsvCorpus.Cases, .. ClaimsXmlCorpus.Cases, .. ReportDocumentCorpus.Cases];

    public static MalformedCase Named(string name) => All.Single(c => c.Name == name);

    /// <summary>Every file's name, or only those containing <c>BHYT_CORPUS_ONLY</c> when it is set (to rerun one kind: <c>rep_</c>, <c>xml_zip</c>).</summary>
    public static TheoryData<string> Names => new(All.Select(c => c.Name).Where(n => Environment.GetEnvironmentVariable("BHYT_CORPUS_ONLY") is not { } only || n.Contains(only)));

    /// <summary>Writes the case into <paramref name="folder"/> and gives its path.</summary>
    public static string WriteInto(this MalformedCase file, string folder)
    {
        var path = Path.Combine(folder, file.Name);
        file.Write(path);
        return path;
    }
}
