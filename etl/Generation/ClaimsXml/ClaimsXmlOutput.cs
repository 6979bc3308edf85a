using System.IO.Compression;

namespace Bhyt.Etl.Generation.ClaimsXml;

/// <summary>
/// The claims as the XML files facilities send, streamed into the output folder (<c>bhyt import</c> of the folder reads
/// them all): batch envelopes <c>giamdinh-0001.xml</c>… of at most <c>ClaimsPerFile</c> HOSO in generation order,
/// one-claim envelopes <c>hoso-&lt;MA_LK&gt;.xml</c>, and one-claim envelopes zipped into <c>hoso-0001.zip</c>… (at most
/// <c>ClaimsPerFile</c> a zip). Each claim's standard, encoding and details are drawn from <paramref name="random"/>, which
/// the claims themselves never use: the same seed gives the same claims as <c>claims.csv</c>.
/// </summary>
public sealed class ClaimsXmlOutput(string directory, GenerationOptions options, SyntheticPatients patients, Random random) : IClaimsOutput
{
    public const string BatchPrefix = "giamdinh-", OneClaimPrefix = "hoso-";

    private readonly ClaimsXmlRoutes _routes = new(options.Claims);
    private readonly ClaimLines _lines = new(random);
    private readonly ClaimTables _tables = new();
    private readonly Dictionary<string, long> _files = [];
    private readonly DateOnly _batchesMade = new(options.ToYear + 1, 1, 15);
    private long _row, _batchWritten;
    private int _batchLeft;
    private ClaimEnvelopeWriter? _batch;
    private string _batchName = "";
    private ZipArchive? _zip;
    private string _zipName = "";

    public IReadOnlyDictionary<string, long> Files => _files;

    public void Add(SyntheticClaim claim)
    {
        var style = ClaimXmlStyle.Draw(random, claim.Discharged);
        _tables.Set(claim, patients.Of(claim.Card, claim.Facility), style);
        _lines.Build(claim, _tables.Lines);
        switch (_routes.Of(_row++))
        {
            case ClaimsXmlRoutes.Route.Loose:
                var name = $"{OneClaimPrefix}{claim.ClaimId}.xml";
                using (var single = OneClaim(File.Create(Path.Combine(directory, name)))) single.Add(_tables);
                _files[name] = 1;
                break;
            case ClaimsXmlRoutes.Route.Zipped:
                Zipped(claim);
                break;
            default:
                Batch().Add(_tables);
                _files[_batchName]++;
                _batchLeft--;
                break;
        }
    }

    private ClaimEnvelopeWriter OneClaim(Stream stream) =>
        new(stream, _tables.Claim.Facility.Code, DateOnly.FromDateTime(_tables.Claim.Discharged), 1, _tables.Style.Bom, _tables.IsQd130);

    private ClaimEnvelopeWriter Batch()
    {
        if (_batch is not null && _batchLeft > 0) return _batch;
        _batch?.Dispose();
        var index = (int)(_batchWritten / options.ClaimsPerFile) + 1;
        var count = (int)Math.Min(options.ClaimsPerFile, _routes.BatchClaims - _batchWritten);
        _batchName = $"{BatchPrefix}{index:D4}.xml";
        _files[_batchName] = 0;
        _batch = new ClaimEnvelopeWriter(File.Create(Path.Combine(directory, _batchName), 1 << 16), _tables.Claim.Facility.Code, _batchesMade, count,
            bom: index % 2 == 1, namespaces: index % 2 == 0);
        (_batchLeft, _batchWritten) = (count, _batchWritten + count);
        return _batch;
    }

    private void Zipped(SyntheticClaim claim)
    {
        if (_zip is null || _files[_zipName] == options.ClaimsPerFile)
        {
            _zip?.Dispose();
            _zipName = $"{OneClaimPrefix}{_files.Keys.Count(f => f.EndsWith(".zip", StringComparison.Ordinal)) + 1:D4}.zip";
            _files[_zipName] = 0;
            _zip = new ZipArchive(File.Create(Path.Combine(directory, _zipName)), ZipArchiveMode.Create);
        }
        var entry = _zip.CreateEntry(claim.ClaimId + ".xml", CompressionLevel.Fastest);
        entry.LastWriteTime = new DateTimeOffset(claim.Discharged, TimeSpan.Zero); // not the clock: same seed, same bytes
        using (var single = OneClaim(entry.Open())) single.Add(_tables);
        _files[_zipName]++;
    }

    public void Dispose()
    {
        _batch?.Dispose();
        _zip?.Dispose();
        (_batch, _zip) = (null, null);
    }
}
