using Bhyt.Etl.Validation;

namespace Bhyt.Etl.Sources.Claims.Xml;

/// <summary>
/// The errors of one claims XML file (one file of a .zip or a folder) and where the reader stands in it, so that each error names
/// the file, the HOSO (by its position in DANHSACHHOSO), its MA_LK and the field.
/// </summary>
internal sealed class ClaimXmlIssues(string? entry)
{
    private const int MaxKept = 1000;

    // Set for an inner document parsed off the consuming thread: where it stands (HOSO, MA_LK) is known only when the
    // consuming thread applies it, so its errors wait here, in order, for ReplayInto.
    private readonly List<(string? Field, string Rule, string Message, string? Value)>? _deferred;

    private ClaimXmlIssues(bool deferred) : this((string?)null) => _deferred = deferred ? [] : null;

    /// <summary>Errors of one inner document parsed on a worker thread, replayed into the file's issues in file order.</summary>
    public static ClaimXmlIssues Deferred() => new(deferred: true);

    public List<ValidationIssue> Kept { get; } = [];

    /// <summary>The file's name in its batch (a .zip entry, a folder's file); null for a lone file.</summary>
    public string? Entry => entry;
    public int Count { get; private set; }

    /// <summary>Claims of the file that passed every check (held back if the file is rejected).</summary>
    public int Written { get; set; }

    /// <summary>Position of the HOSO being read (1 for a bare TONG_HOP), 0 outside any.</summary>
    public int Hoso
    {
        get;
        set
        {
            field = value;
            if (value > Seen) Seen = value;
        }
    }

    /// <summary>HOSO met in the file: the claims a rejection of the file drops.</summary>
    public int Seen { get; private set; }

    /// <summary>MA_LK of the claim being read, once known.</summary>
    public string? ClaimId { get; set; }

    public string Here(string? field = null)
    {
        var parts = new List<string>(4);
        if (entry is not null) parts.Add($"tệp {entry}");
        if (Hoso > 0) parts.Add($"HOSO {Hoso}");
        if (!string.IsNullOrEmpty(ClaimId)) parts.Add($"MA_LK {(ClaimId.Length > 100 ? ClaimId[..100] + "…" : ClaimId)}");
        if (field is not null) parts.Add(field.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '_') ? $"trường {field}" : field);
        return string.Join(", ", parts);
    }

    public void Error(string? field, string rule, string message, string? value = null)
    {
        Count++;
        if (_deferred is not null)
        {
            _deferred.Add((field, rule, message, value));
            return;
        }
        if (Kept.Count < MaxKept) Kept.Add(ValidationIssue.ErrorAt(rule, message, Here(field), value));
    }

    /// <summary>Forgets the deferred errors of a parse that is started again (by XmlReader, after the fast scanner gave up).</summary>
    public void ForgetDeferred()
    {
        _deferred!.Clear();
        Count = 0;
    }

    /// <summary>Records the deferred errors in <paramref name="target"/>, where it stands now, and forgets them.</summary>
    public void ReplayInto(ClaimXmlIssues target)
    {
        foreach (var (field, rule, message, value) in _deferred!) target.Error(field, rule, message, value);
        _deferred.Clear();
        Count = 0;
    }
}
