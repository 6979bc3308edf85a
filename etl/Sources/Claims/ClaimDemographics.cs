namespace Bhyt.Etl.Sources.Claims;

/// <summary>
/// What a claim keeps of the patient: sex (GIOI_TINH) and an age band at admission computed from NGAY_SINH. The birth date
/// itself is read, used and dropped: it is never stored, and messages name the field, never its value.
/// </summary>
/// <remarks>
/// The bands are those of Vietnamese health statistics: under 6 (children with a free card, Luật BHYT art. 12), 6–14
/// (school-age children, GSO's under-15 group), the working ages 15–59 split as 15–24 (youth), 25–44 and 45–59, the
/// elderly from 60 (Luật Người cao tuổi 2009), and 80 and over (the social-allowance age). They are defined here and only here.
/// </remarks>
public static class ClaimDemographics
{
    /// <summary>The bands, youngest first: the label and the lowest age (completed years) it holds.</summary>
    public static readonly IReadOnlyList<(string Label, int From)> AgeBands =
        [("0-5", 0), ("6-14", 6), ("15-24", 15), ("25-44", 25), ("45-59", 45), ("60-79", 60), ("80+", 80)];

    /// <summary>The band of an age in completed years.</summary>
    public static string AgeBand(int age)
    {
        for (var i = AgeBands.Count - 1; i > 0; i--)
            if (age >= AgeBands[i].From) return AgeBands[i].Label;
        return AgeBands[0].Label;
    }

    /// <summary>GIOI_TINH: 1 male, 2 female, 3 undetermined (QĐ 130); anything else is not kept.</summary>
    public static int? Sex(ReadOnlySpan<char> text) => text.Trim() switch
    {
        "1" => 1,
        "2" => 2,
        "3" => 3,
        _ => null,
    };

    /// <summary>
    /// The age band at <paramref name="admitted"/> of a NGAY_SINH value: 12 chars yyyyMMddHHmm (QĐ 130), 8 chars yyyyMMdd
    /// (QĐ 4210) or a year alone. An unknown day and month (0000) count from mid-year (1 July), an unknown day from the
    /// 15th; the time is ignored. Null (with <paramref name="unusable"/> true) when the value cannot be read or falls after
    /// admission; null with <paramref name="unusable"/> false when there is none.
    /// </summary>
    public static string? AgeBandAt(ReadOnlySpan<char> birth, DateTime admitted, out bool unusable)
    {
        birth = birth.Trim();
        unusable = false;
        if (birth.IsEmpty) return null;
        unusable = true;
        if (birth.Length is not (4 or 8 or 12)) return null;
        foreach (var c in birth) if (!char.IsAsciiDigit(c)) return null;
        var year = int.Parse(birth[..4]);
        int month = 7, day = 1;
        if (birth.Length >= 8)
        {
            month = int.Parse(birth[4..6]);
            day = int.Parse(birth[6..8]);
            if (month == 0) (month, day) = (7, 1);
            else if (day == 0) day = 15;
        }
        if (year < 1880 || month > 12 || day > DateTime.DaysInMonth(year, month)) return null;
        var born = new DateOnly(year, month, day);
        var at = DateOnly.FromDateTime(admitted);
        if (born > at) return null;
        var age = at.Year - born.Year;
        if (at.Month < born.Month || (at.Month == born.Month && at.Day < born.Day)) age--;
        unusable = false;
        return AgeBand(age);
    }

    /// <summary>The warning for an unusable NGAY_SINH: names the field, never the value.</summary>
    public const string UnusableBirthDate =
        "Ngày sinh (NGAY_SINH) không đọc được hoặc sau ngày vào (NGAY_VAO): không tính nhóm tuổi; hồ sơ vẫn được nạp.";
}
