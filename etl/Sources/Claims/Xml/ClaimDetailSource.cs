namespace Bhyt.Etl.Sources.Claims.Xml;

/// <summary>
/// Where detail lines came from: the file (an entry of a .zip or a file of a folder, or null for the file being
/// imported) and the HOSO's position in it. <see cref="FileRejected"/> is final once the reader has finished the file: a
/// rejected file of a batch loads no claim, so its lines must load nothing either.
/// </summary>
public sealed class ClaimDetailSource
{
    private readonly ClaimXmlIssues _issues;

    internal ClaimDetailSource(ClaimXmlIssues issues, int hoso) => (_issues, Hoso) = (issues, hoso);

    /// <summary>The file's name in its batch (a .zip entry, a folder's file); null for a lone file.</summary>
    public string? File => _issues.Entry;

    public int Hoso { get; }

    /// <summary>Stands for the whole file: every HOSO of one file shares it.</summary>
    public object FileKey => _issues;

    public bool FileRejected => _issues.Count > 0;
}
