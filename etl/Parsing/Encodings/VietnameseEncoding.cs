namespace Bhyt.Etl.Parsing.Encodings;

/// <summary>The encodings Vietnamese text files and legacy-font runs come in.</summary>
public enum VietnameseEncoding
{
    Utf8,
    Utf16,
    /// <summary>Windows-1258: precomposed letters and combining tone marks after a base letter.</summary>
    Windows1258,
    /// <summary>TCVN3 (ABC, TCVN 5712 VN3): one byte per letter; fonts .VnTime, .VnArial…, capitals in .VnTimeH….</summary>
    Tcvn3,
    /// <summary>VNI Windows: base letter followed by mark bytes; fonts VNI-Times, VNI-Helve….</summary>
    Vni,
}

/// <summary>The names users read for each <see cref="VietnameseEncoding"/>.</summary>
public static class VietnameseEncodingNames
{
    public static string Label(this VietnameseEncoding encoding) => encoding switch
    {
        VietnameseEncoding.Utf8 => "UTF-8",
        VietnameseEncoding.Utf16 => "UTF-16",
        VietnameseEncoding.Windows1258 => "Windows-1258",
        VietnameseEncoding.Tcvn3 => "TCVN3 (ABC)",
        VietnameseEncoding.Vni => "VNI Windows",
        _ => encoding.ToString(),
    };

    /// <summary>Whether text in this encoding has to be converted to be read as Unicode.</summary>
    public static bool IsLegacy(this VietnameseEncoding encoding) =>
        encoding is VietnameseEncoding.Windows1258 or VietnameseEncoding.Tcvn3 or VietnameseEncoding.Vni;
}
