using System.Text;
using Microsoft.AspNetCore.Components.Forms;

namespace Bhyt.Dashboard.Tests.Support;

/// <summary>A browser file of the given name holding the given text (UTF-8), as an upload hands it to the server.</summary>
internal sealed class UploadedFile(string name, string text) : IBrowserFile
{
    public string Name => name;
    public DateTimeOffset LastModified => DateTimeOffset.UtcNow;
    public long Size => Encoding.UTF8.GetByteCount(text);
    public string ContentType => "application/octet-stream";
    public Stream OpenReadStream(long maxAllowedSize = 512000, CancellationToken cancellationToken = default) =>
        new MemoryStream(Encoding.UTF8.GetBytes(text));
}
