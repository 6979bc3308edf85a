using System.Text;

namespace Bhyt.Etl.Parsing.Encodings;

/// <summary>
/// A CSV or text file made readable as UTF-8: <see cref="Path"/> is the file itself when it is UTF-8 or UTF-16 with a
/// BOM, or a temporary UTF-8 copy converted line by line from its legacy encoding (deleted on dispose). Readers open
/// <see cref="Path"/> as before and stay unaware of legacy encodings. The decision reads the first
/// <see cref="SampleBytes"/>; a file whose encoding cannot be decided has <see cref="Decision"/>.Rejection set and no copy.
/// </summary>
public sealed class VietnameseTextFile : IDisposable
{
    public const int SampleBytes = 1 << 20;

    private readonly string? _temporary;

    private VietnameseTextFile(string path, EncodingDecision decision, string? temporary) =>
        (Path, Decision, _temporary) = (path, decision, temporary);

    public string Path { get; }
    public EncodingDecision Decision { get; }

    public static VietnameseTextFile Open(string path)
    {
        var decision = Decide(path);
        if (!decision.IsLegacy) return new VietnameseTextFile(path, decision, null);
        var temporary = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"bhyt-utf8-{Guid.NewGuid():N}{System.IO.Path.GetExtension(path)}");
        try
        {
            Convert(path, temporary, decision.Encoding!.Value);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
        return new VietnameseTextFile(temporary, decision, temporary);
    }

    public static EncodingDecision Decide(string path)
    {
        using var file = File.OpenRead(path);
        var sample = new byte[(int)Math.Min(SampleBytes, file.Length)];
        file.ReadExactly(sample);
        return EncodingDetector.Detect(sample, complete: file.Length <= SampleBytes);
    }

    /// <summary>
    /// Writes <paramref name="source"/> as UTF-8 in blocks cut after their last line feed: a line feed is the single
    /// ASCII byte 0x0A in every legacy encoding, and no letter's byte sequence spans one.
    /// </summary>
    private static void Convert(string source, string target, VietnameseEncoding encoding)
    {
        using var input = File.OpenRead(source);
        using var output = new StreamWriter(target, append: false, new UTF8Encoding(false), 1 << 16);
        var buffer = new byte[1 << 16];
        var held = 0;
        int read;
        while ((read = input.Read(buffer, held, buffer.Length - held)) > 0)
        {
            var filled = held + read;
            var cut = buffer.AsSpan(0, filled).LastIndexOf((byte)'\n') + 1;
            if (cut == 0 && filled == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
            if (cut == 0)
            {
                held = filled;
                continue;
            }
            output.Write(EncodingDetector.Decode(encoding, buffer.AsSpan(0, cut)));
            buffer.AsSpan(cut, filled - cut).CopyTo(buffer);
            held = filled - cut;
        }
        output.Write(EncodingDetector.Decode(encoding, buffer.AsSpan(0, held)));
    }

    public void Dispose()
    {
        if (_temporary is not null) File.Delete(_temporary);
    }
}
