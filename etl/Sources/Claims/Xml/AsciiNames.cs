using System.Text;

namespace Bhyt.Etl.Sources.Claims.Xml;

/// <summary>
/// A few element names (ASCII) looked up by their UTF-8 bytes, for the span scanner: those of the same length are
/// compared byte by byte, which for a score of names is faster than hashing, and nothing is allocated.
/// </summary>
internal sealed class AsciiNames<T>
{
    private readonly (byte[] Bytes, string Name, T Value)[][] _byLength;

    public AsciiNames(IEnumerable<KeyValuePair<string, T>> names)
    {
        var all = names.Select(n => (Bytes: Encoding.ASCII.GetBytes(n.Key), Name: n.Key, n.Value)).ToList();
        _byLength = new (byte[], string, T)[all.Max(n => n.Bytes.Length) + 1][];
        for (var length = 0; length < _byLength.Length; length++) _byLength[length] = [.. all.Where(n => n.Bytes.Length == length)];
    }

    public bool TryGet(ReadOnlySpan<byte> name, out string found, out T value)
    {
        if (name.Length < _byLength.Length)
            foreach (var candidate in _byLength[name.Length])
                if (name.SequenceEqual(candidate.Bytes))
                {
                    (found, value) = (candidate.Name, candidate.Value);
                    return true;
                }
        (found, value) = (null!, default!);
        return false;
    }
}
