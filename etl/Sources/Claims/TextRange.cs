namespace Bhyt.Etl.Sources.Claims;

/// <summary>Where a text value sits in its batch's UTF-8 buffer; <see cref="Null"/> for no value.</summary>
internal readonly record struct TextRange(int Start, int Length)
{
    public static readonly TextRange Null = new(0, -1);

    public bool IsNull => Length < 0;
}
