using System.Security.Cryptography;
using System.Text;
using Bhyt.Warehouse.Engines;

namespace Bhyt.Etl.Loading;

/// <summary>
/// Replaces a card number with a keyed pseudonym (HMAC-SHA256, hex) so visits of one card can be linked without the
/// number ever reaching the warehouse. The key comes from <c>BHYT_PSEUDONYM_KEY</c> (hex or base64, ≥ 32 bytes) or,
/// for the embedded warehouse, from a key file beside it (<c>&lt;warehouse&gt;.key</c>), created on first use with
/// owner-only permissions. The key is never stored in the warehouse. Safe to use from several threads at once.
/// </summary>
public sealed class CardPseudonymizer(byte[] key)
{
    // One keyed instance per thread (the claims CSV is parsed on every core; an instance is not thread-safe): the static
    // HashData re-derives the key schedule on every call (1.7 µs a claim).
    private readonly ThreadLocal<HMACSHA256> _hmac = new(() => new HMACSHA256(key));

    public const string EnvironmentVariable = "BHYT_PSEUDONYM_KEY";

    /// <summary>Length of a pseudonym: 32 bytes of HMAC in lower-case hex.</summary>
    public const int Length = HMACSHA256.HashSizeInBytes * 2;

    /// <summary>The pseudonym of a card number (upper-cased, trimmed); several cards joined by ';' use the first.</summary>
    public string Pseudonym(string cardNumber)
    {
        var card = cardNumber.Split(';', 2)[0].Trim().ToUpperInvariant();
        Span<byte> input = stackalloc byte[Encoding.UTF8.GetMaxByteCount(card.Length)];
        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        _hmac.Value!.TryComputeHash(input[..Encoding.UTF8.GetBytes(card, input)], hash, out _);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>
    /// <see cref="Pseudonym(string)"/> of a card given as UTF-8 (already trimmed), written as <see cref="Length"/> hex
    /// bytes, without making strings: this runs once per claim. Non-ASCII input takes the string path, so both agree.
    /// </summary>
    public void WritePseudonym(ReadOnlySpan<byte> cardUtf8, Span<byte> hexUtf8)
    {
        if (!Ascii.IsValid(cardUtf8) || cardUtf8.Length > 256)
        {
            Encoding.UTF8.GetBytes(Pseudonym(Encoding.UTF8.GetString(cardUtf8)), hexUtf8);
            return;
        }
        var separator = cardUtf8.IndexOf((byte)';');
        var card = Sources.Claims.Utf8Fields.Trim(separator < 0 ? cardUtf8 : cardUtf8[..separator]);
        Span<byte> upper = stackalloc byte[card.Length];
        Ascii.ToUpper(card, upper, out _);
        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        _hmac.Value!.TryComputeHash(upper, hash, out _);
        for (var i = 0; i < hash.Length; i++)
        {
            hexUtf8[2 * i] = HexDigits[hash[i] >> 4];
            hexUtf8[2 * i + 1] = HexDigits[hash[i] & 0xF];
        }
    }

    private static ReadOnlySpan<byte> HexDigits => "0123456789abcdef"u8;

    public static CardPseudonymizer For(IWarehouseEngine engine) => new(LoadOrCreateKey(engine));

    public static byte[] LoadOrCreateKey(IWarehouseEngine engine)
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } configured) return Decode(configured);
        if (engine.Target.Kind != EngineKind.DuckDb)
            throw new InvalidOperationException($"Cần khóa bí danh thẻ BHYT: đặt biến môi trường {EnvironmentVariable} (≥ 32 byte, hex hoặc base64). [config.pseudonym_key]");
        var path = engine.Target.Value + ".key";
        if (File.Exists(path)) return Decode(File.ReadAllText(path).Trim());
        var key = RandomNumberGenerator.GetBytes(32);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, Convert.ToHexStringLower(key));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return key;
    }

    private static byte[] Decode(string text)
    {
        var bytes = text.Length % 2 == 0 && text.All(Uri.IsHexDigit) ? Convert.FromHexString(text) : Convert.FromBase64String(text);
        return bytes.Length >= 32 ? bytes : throw new InvalidOperationException($"Khóa bí danh quá ngắn ({bytes.Length} byte; cần ≥ 32). [config.pseudonym_key]");
    }
}
