namespace Bhyt.Etl.Loading.Details;

/// <summary>
/// How <see cref="ClaimDetailSpill"/> writes a line to its temporary file: a compact binary record, texts cut to the
/// warehouse's column sizes (MA_LK 100, MA_NHOM 10, item code 255), so that SqlBulkCopy never meets a value too long.
/// </summary>
internal static class StagedDetailFormat
{
    public static void Write(BinaryWriter w, in StagedDetail d)
    {
        w.Write(d.ClaimGroup);
        w.Write(d.File);
        w.Write(Cut(d.ClaimId, 100));
        w.Write(d.Table == "XML2");
        Optional(w, d.Line);
        Optional(w, d.CostGroup is null ? null : Cut(d.CostGroup, 10));
        w.Write(d.Category);
        Optional(w, d.Code is null ? null : Cut(d.Code, 255));
        Optional(w, d.Quantity);
        Optional(w, d.UnitPrice);
        Optional(w, d.Amount);
        Optional(w, d.InsuredAmount);
        Optional(w, d.InsurerPaid);
    }

    public static StagedDetail Read(BinaryReader r) => new(r.ReadInt64(), r.ReadInt32(), r.ReadString(), r.ReadBoolean() ? "XML2" : "XML3",
        r.ReadBoolean() ? r.ReadInt32() : null, Text(r), string.Intern(r.ReadString()), Text(r), Number(r), Number(r), Number(r), Number(r), Number(r));

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];

    private static void Optional(BinaryWriter w, int? value)
    {
        w.Write(value.HasValue);
        if (value is { } v) w.Write(v);
    }

    private static void Optional(BinaryWriter w, string? value)
    {
        w.Write(value is not null);
        if (value is not null) w.Write(value);
    }

    private static void Optional(BinaryWriter w, decimal? value)
    {
        w.Write(value.HasValue);
        if (value is { } v) w.Write(v);
    }

    private static string? Text(BinaryReader r) => r.ReadBoolean() ? r.ReadString() : null;

    private static decimal? Number(BinaryReader r) => r.ReadBoolean() ? r.ReadDecimal() : null;
}
