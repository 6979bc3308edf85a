using System.Xml;

namespace Bhyt.Etl.Sources.Claims.Xml;

/// <summary>
/// The XML1 (<c>TONG_HOP</c>) fields the warehouse keeps, read from the element's children by name, under either
/// standard's name (QĐ 4210 MA_THE, MA_BENH, T_TONGCHI; QĐ 130 MA_THE_BHYT, MA_BENH_CHINH, T_TONGCHI_BH). Every other
/// child — names, birth date, citizen id, address, phone, patient id among them — is skipped unread. NGAY_SINH is read only to compute the age band.
/// </summary>
internal sealed class Xml1Fields
{
    public enum Slot { ClaimId, Card, Facility, VisitType, Admitted, Discharged, Days, Diagnosis, Total4210, Total130, TotalHospital,
        InsurerPaid, CoPayment, SelfPayment, Drugs, Supplies, Province, BirthDate, Sex }

    private static readonly Dictionary<string, Slot> Slots = new()
    {
        ["MA_LK"] = Slot.ClaimId, ["MA_THE"] = Slot.Card, ["MA_THE_BHYT"] = Slot.Card, ["MA_CSKCB"] = Slot.Facility,
        ["MA_LOAI_KCB"] = Slot.VisitType, ["NGAY_VAO"] = Slot.Admitted, ["NGAY_RA"] = Slot.Discharged, ["SO_NGAY_DTRI"] = Slot.Days,
        ["MA_BENH"] = Slot.Diagnosis, ["MA_BENH_CHINH"] = Slot.Diagnosis, ["T_TONGCHI"] = Slot.Total4210, ["T_TONGCHI_BH"] = Slot.Total130,
        ["T_TONGCHI_BV"] = Slot.TotalHospital, ["T_BHTT"] = Slot.InsurerPaid, ["T_BNCCT"] = Slot.CoPayment, ["T_BNTT"] = Slot.SelfPayment,
        ["T_THUOC"] = Slot.Drugs, ["T_VTYT"] = Slot.Supplies, ["MATINH_CU_TRU"] = Slot.Province,
        ["NGAY_SINH"] = Slot.BirthDate, ["GIOI_TINH"] = Slot.Sex,
    };

    private readonly string?[] _values = new string?[Enum.GetValues<Slot>().Length];
    private readonly XmlFieldText _text = new();

    /// <summary>Whether a QĐ 130 name was present (MA_THE_BHYT, T_TONGCHI_BH, T_TONGCHI_BV): the standard of this claim.</summary>
    public bool IsQd130 { get; private set; }

    public string? this[Slot slot] => _values[(int)slot];

    /// <summary>Fields whose value was longer than <see cref="XmlFieldText.MaxLength"/> (read up to it, the rest skipped).</summary>
    public List<string> TooLong { get; } = [];

    /// <summary>Reads the children of the <c>TONG_HOP</c> element the reader is on, leaving it after the end tag.</summary>
    public void Read(XmlReader reader)
    {
        Begin();
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return;
        }
        var depth = reader.Depth;
        reader.Read();
        while (reader.Depth > depth)
        {
            if (reader.NodeType != XmlNodeType.Element) { reader.Read(); continue; }
            if (!Slots.TryGetValue(reader.LocalName, out var slot)) { reader.Skip(); continue; }
            var name = reader.LocalName;
            var value = _text.Read(reader, out var tooLong).Trim();
            Set(name, slot, value, tooLong);
        }
        reader.Read();
    }

    /// <summary>Forgets the previous claim's values, before a TONG_HOP is read.</summary>
    public void Begin()
    {
        Array.Clear(_values);
        TooLong.Clear();
        IsQd130 = false;
    }

    /// <summary>A kept field as read (trimmed): the first occurrence of a slot wins.</summary>
    public void Set(string name, Slot slot, string value, bool tooLong)
    {
        IsQd130 |= name is "MA_THE_BHYT" or "T_TONGCHI_BH" or "T_TONGCHI_BV";
        if (tooLong) TooLong.Add(name);
        _values[(int)slot] ??= value;
    }

    /// <summary>The kept field an element's local name (ASCII) stands for, and that name as a string.</summary>
    public static bool TryFind(ReadOnlySpan<byte> localName, out Slot slot, out string name) => SlotsByBytes.TryGet(localName, out name, out slot);

    private static readonly AsciiNames<Slot> SlotsByBytes = new(Slots);

    /// <summary>The name a slot's field has in this claim's standard, for messages.</summary>
    public string Name(Slot slot) => slot switch
    {
        Slot.Card => IsQd130 ? "MA_THE_BHYT" : "MA_THE",
        Slot.Diagnosis => IsQd130 ? "MA_BENH_CHINH" : "MA_BENH",
        Slot.Total4210 => "T_TONGCHI",
        Slot.Total130 => "T_TONGCHI_BH",
        Slot.TotalHospital => "T_TONGCHI_BV",
        _ => FirstNames[(int)slot],
    };

    // The first name of each slot, as the messages name it: looked up once, not for each claim.
    private static readonly string[] FirstNames =
        [.. Enum.GetValues<Slot>().Select(slot => Slots.First(s => s.Value == slot).Key)];
}
