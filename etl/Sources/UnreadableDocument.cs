using System.Xml;
using Bhyt.Etl.Import;
using DocumentFormat.OpenXml.Packaging;

namespace Bhyt.Etl.Sources;

/// <summary>
/// The error a user sees when a document cannot be read at all: the file cannot be opened, or it is not a valid
/// document of its kind (a damaged or renamed file). Other exceptions are bugs and stay as they are.
/// </summary>
internal static class UnreadableDocument
{
    /// <summary>The <see cref="UnusableInputException"/> for <paramref name="error"/>, or null when it is not one of those.</summary>
    public static UnusableInputException? From(string path, Exception error, string kind) => error switch
    {
        OpenXmlPackageException or FileFormatException or InvalidDataException or XmlException =>
            new UnusableInputException($"{Path.GetFileName(path)}: không phải tệp {kind} hợp lệ (tệp hỏng hoặc sai phần mở rộng): {error.Message} [input.corrupt]"),
        IOException or UnauthorizedAccessException =>
            new UnusableInputException($"{Path.GetFileName(path)}: không đọc được tệp: {error.Message} [input.unreadable]"),
        _ => null,
    };
}
