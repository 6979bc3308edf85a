using System.Globalization;
using System.Text;
using Bhyt.Etl.Loading;
using Bhyt.Etl.Sources.Claims;
using Bhyt.Etl.Sources.Claims.Xml;

namespace Bhyt.Tests.Etl.Sources.Claims.Xml;

/// <summary>
/// Everything <see cref="ClaimsXmlReader"/> makes of one file, as text: every claim row, every detail line with its
/// source, every error, warning and rejection and the counts — to compare the fast path of the inner documents with
/// XmlReader's on the same bytes.
/// </summary>
internal static class ReaderOutcome
{
    public static string Of(string path, bool fast, bool details) => Of(path, fast, details, out _);

    /// <summary>Also how many envelopes the span scanner read to their end (<c>Scanned</c>) and gave up on (<c>Reread</c>).</summary>
    public static string Of(string path, bool fast, bool details, out (int Scanned, int Reread) envelopes)
    {
        var lines = new List<ClaimDetail>();
        var reader = new ClaimsXmlReader(new CardPseudonymizer(new byte[32])) { Details = details ? lines.Add : null, FastScanning = fast };
        var text = new StringBuilder();
        try
        {
            reader.RowBound(path);
            foreach (var batch in reader.Read(path, () => new ClaimBatch()))
                for (var i = 0; i < batch.Count; i++) text.AppendLine(Row(batch, batch.Rows[i]));
        }
        catch (Exception e)
        {
            text.AppendLine($"threw {e.GetType().Name}: {e.Message}");
        }
        foreach (var line in lines) text.AppendLine($"{line with { Source = null }} from {line.Source?.File}#{line.Source?.Hoso}");
        foreach (var issue in reader.Errors) text.AppendLine($"error {issue}");
        foreach (var issue in reader.Warnings) text.AppendLine($"warning {issue}");
        foreach (var issue in reader.Rejections) text.AppendLine($"rejection {issue}");
        envelopes = (reader.EnvelopesScanned, reader.EnvelopesReread);
        text.AppendLine($"rows {reader.RowsRead}, errors {reader.ErrorCount}, rejections {reader.RejectionCount}, files {reader.FilesRead}/{reader.FilesRejected}, " +
            $"claims rejected {reader.ClaimsRejected}");
        return text.ToString();
    }

    private static string Row(ClaimBatch b, ClaimRecord r)
    {
        string T(TextRange range) => range.IsNull ? "∅" : Encoding.UTF8.GetString(b.Text(range));
        return string.Create(CultureInfo.InvariantCulture,
            $"{r.SourceRow} {T(r.ClaimId)} {Convert.ToHexString(b.Text(r.CardPseudonym))} {T(r.FacilityCode)} {T(r.ResidenceProvince)} {T(r.PrimaryIcd)} " +
            $"{r.VisitType}/{r.VisitTypeCode} {r.AdmittedAt:O} {r.DischargedAt:O} {r.LengthOfStay} {r.TotalCost} {r.InsurerPaid} {r.PatientPaid} " +
            $"{r.DrugCost} {r.SuppliesCost} {r.Sex} {r.AgeBand}");
    }
}
