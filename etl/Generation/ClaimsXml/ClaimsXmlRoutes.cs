namespace Bhyt.Etl.Generation.ClaimsXml;

/// <summary>
/// Which file each claim goes to, decided by its position alone so that every batch's HOSO count is known before the
/// batch is opened (SOLUONGHOSO precedes the list): about one claim in forty becomes a one-claim file inside a .zip, a
/// handful (at most <see cref="MaxLooseFiles"/>) one-claim files at the top level, the rest batch envelopes.
/// </summary>
public sealed class ClaimsXmlRoutes
{
    public enum Route { Batch, Loose, Zipped }

    /// <summary>One-claim files written beside the batches, at most: each is a submission of its own when imported.</summary>
    public const int MaxLooseFiles = 20;

    private const int ZipStride = 40, ZipOffset = 7;
    private readonly long _looseStride;

    public ClaimsXmlRoutes(long claims)
    {
        _looseStride = Math.Max(50, claims / MaxLooseFiles + 1);
        for (long row = 0; row < claims; row++)
            if (Of(row) == Route.Batch) BatchClaims++;
    }

    /// <summary>Claims that go into batch envelopes.</summary>
    public long BatchClaims { get; }

    public Route Of(long row) =>
        row % _looseStride == _looseStride / 2 ? Route.Loose : row % ZipStride == ZipOffset ? Route.Zipped : Route.Batch;
}
