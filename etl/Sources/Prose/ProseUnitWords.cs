using Bhyt.Etl.Parsing;

namespace Bhyt.Etl.Sources.Prose;

/// <summary>What the words after a number in running text make of it.</summary>
public enum ProseUnitClass
{
    /// <summary>No unit word: a bare number.</summary>
    None,

    /// <summary>A level in a catalog unit (percent, persons, visits, households, facilities, million VND).</summary>
    Measure,

    /// <summary>A change, not a level: "1,2 điểm %".</summary>
    Delta,

    /// <summary>Not a figure of an indicator: ages ("6 tuổi"), counts of units ("15 xã"), durations, documents.</summary>
    Other,
}

/// <summary>
/// The unit words written after a number in a sentence, longest first: the catalog unit they state and the factor
/// into it ("350 tỷ đồng" is 350 000 million VND, "1,2 triệu lượt" 1 200 000 visits), or why the number is no figure.
/// Phrases are folded (lower case, no diacritics, đ → d).
/// </summary>
public sealed record ProseUnitWords(string Phrase, ProseUnitClass Class, string? CatalogUnit, decimal Factor)
{
    private const string Persons = "persons", Visits = "visits", Households = "households", Facilities = "facilities";

    private static readonly ProseUnitWords[] Known = Sorted(
    [
        M("%", CatalogUnits.Percent), M("phan tram", CatalogUnits.Percent),
        D("diem %"), D("diem phan tram"), D("diem"),
        M("nghin ty dong", CatalogUnits.MillionVnd, 1_000_000m), M("ngan ty dong", CatalogUnits.MillionVnd, 1_000_000m),
        M("nghin ty", CatalogUnits.MillionVnd, 1_000_000m), M("ngan ty", CatalogUnits.MillionVnd, 1_000_000m),
        M("ty dong", CatalogUnits.MillionVnd, 1_000m), M("ti dong", CatalogUnits.MillionVnd, 1_000m), M("ty", CatalogUnits.MillionVnd, 1_000m),
        M("trieu dong", CatalogUnits.MillionVnd), M("tr.d", CatalogUnits.MillionVnd), M("trd", CatalogUnits.MillionVnd),
        M("trieu", CatalogUnits.MillionVnd), M("nghin dong", CatalogUnits.MillionVnd, 0.001m), M("ngan dong", CatalogUnits.MillionVnd, 0.001m),
        M("dong", CatalogUnits.MillionVnd, 0.000001m), M("vnd", CatalogUnits.MillionVnd, 0.000001m),
        M("trieu luot", Visits, 1_000_000m), M("nghin luot", Visits, 1_000m), M("ngan luot", Visits, 1_000m),
        M("luot nguoi", Visits), M("luot", Visits),
        M("trieu nguoi", Persons, 1_000_000m), M("nghin nguoi", Persons, 1_000m), M("ngan nguoi", Persons, 1_000m),
        M("nguoi", Persons), M("nghin the", Persons, 1_000m), M("the", Persons), M("doi tuong", Persons),
        M("nghin ho", Households, 1_000m), M("ho gia dinh", Households), M("ho", Households),
        M("co so", Facilities),
        O("tuoi"), O("xa"), O("phuong"), O("thi tran"), O("huyen"), O("quan"), O("thi xa"), O("tinh"), O("thanh pho"), O("thon"),
        O("ban"), O("to dan pho"), O("khu pho"), O("don vi"), O("lan"), O("nam"), O("thang"), O("ngay"), O("tuan"), O("gio"), O("phut"),
        O("cuoc"), O("van ban"), O("lop"), O("truong"), O("benh vien"), O("phong kham"), O("tram y te"), O("khoa"), O("hoi nghi"), O("buoi"),
        O("tin"), O("bai"), O("trang"), O("ky"), O("dot"), O("doan"), O("nhom"), O("chi tieu"), O("muc"), O("bac"),
    ]);

    private static readonly ProseUnitWords Bare = new("", ProseUnitClass.None, null, 1m);

    /// <summary>The unit words at <paramref name="at"/> (after the number and its spaces) of a folded sentence.</summary>
    public static ProseUnitWords Read(string folded, int at)
    {
        while (at < folded.Length && folded[at] == ' ') at++;
        foreach (var words in Known)
        {
            if (string.CompareOrdinal(folded, at, words.Phrase, 0, words.Phrase.Length) != 0) continue;
            var end = at + words.Phrase.Length;
            if (words.Phrase == "%" || end >= folded.Length || !char.IsLetterOrDigit(folded[end])) return words;
        }
        return Bare;
    }

    private static ProseUnitWords[] Sorted(ProseUnitWords[] words) => words.OrderByDescending(w => w.Phrase.Length).ToArray();
    private static ProseUnitWords M(string phrase, string unit, decimal factor = 1m) => new(phrase, ProseUnitClass.Measure, unit, factor);
    private static ProseUnitWords D(string phrase) => new(phrase, ProseUnitClass.Delta, null, 1m);
    private static ProseUnitWords O(string phrase) => new(phrase, ProseUnitClass.Other, null, 1m);
}
