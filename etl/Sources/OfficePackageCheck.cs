using System.IO.Compression;
using System.Xml;
using Bhyt.Etl.Import;

namespace Bhyt.Etl.Sources;

/// <summary>
/// Checks a .docx or .xlsx before the Open XML SDK opens it, so that what the SDK cannot survive is refused with a
/// reason instead: a password-protected file (Office then saves an OLE compound file, not a zip), a part inflating
/// beyond <see cref="MaxPartBytes"/> or more than <see cref="MaxRatio"/> times its compressed size (a zip bomb), and XML
/// nested deeper than <see cref="MaxDepth"/> (the SDK builds a Word body recursively: a hundred thousand nested elements
/// overflow the stack and end the process). Every XML part is streamed once with a reader that prohibits DTDs.
/// A damaged zip or XML throws as it is (<see cref="InvalidDataException"/>, <see cref="XmlException"/>) for
/// <see cref="UnreadableDocument"/> to name.
/// </summary>
internal static class OfficePackageCheck
{
    /// <summary>Far beyond any report: a table nested in a table adds four levels to a body about ten deep.</summary>
    public const int MaxDepth = 256;

    public const long MaxPartBytes = 256L << 20;
    public const int MaxRatio = 200;
    public const long RatioFloorBytes = 4L << 20;

    private static readonly byte[] CompoundFileSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <exception cref="UnusableInputException">Encrypted (<c>input.encrypted</c>), a zip bomb (<c>input.bomb</c>), or nested too deep (<c>input.depth</c>).</exception>
    public static void Check(string path, string kind)
    {
        using var file = File.OpenRead(path);
        var name = Path.GetFileName(path);
        if (IsCompoundFile(file))
            throw new UnusableInputException($"{name}: tệp {kind} được bảo vệ bằng mật khẩu (mã hoá) hoặc là định dạng Office cũ (.doc/.xls); " +
                $"hãy bỏ mật khẩu và lưu lại thành {Path.GetExtension(path).ToLowerInvariant()}. [input.encrypted]");
        file.Position = 0;
        using var zip = new ZipArchive(file, ZipArchiveMode.Read);
        foreach (var entry in zip.Entries.Where(e => !e.FullName.EndsWith('/')))
        {
            if (entry.Length > MaxPartBytes || (entry.Length > RatioFloorBytes && entry.Length > MaxRatio * Math.Max(1, entry.CompressedLength)))
                throw new UnusableInputException($"{name}: phần {entry.FullName} giải nén ra {entry.Length:N0} byte từ {entry.CompressedLength:N0} byte " +
                    $"(giới hạn {MaxPartBytes:N0} byte, {MaxRatio} lần): nghi là zip bomb. [input.bomb]");
            if (IsXml(entry.FullName) && DeepestLine(entry) is { } line)
                throw new UnusableInputException($"{name}: phần {entry.FullName} lồng quá {MaxDepth} cấp phần tử XML (dòng {line}); " +
                    "tài liệu báo cáo không lồng sâu như vậy: tệp hỏng hoặc được tạo để làm treo chương trình. [input.depth]");
        }
    }

    private static bool IsCompoundFile(Stream file)
    {
        Span<byte> head = stackalloc byte[8];
        return file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) == head.Length && head.SequenceEqual(CompoundFileSignature);
    }

    private static bool IsXml(string name) => name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".rels", StringComparison.OrdinalIgnoreCase);

    /// <summary>The line where the part first goes deeper than <see cref="MaxDepth"/>, or null.</summary>
    private static int? DeepestLine(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true });
        while (reader.Read())
            if (reader.Depth > MaxDepth) return (reader as IXmlLineInfo)?.LineNumber ?? 0;
        return null;
    }
}
