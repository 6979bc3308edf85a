using System.Text;

namespace Bhyt.Etl.Generation;

/// <summary>Facilities per tier over the scope's real units, and <c>facilities.csv</c>.</summary>
public static class FacilityGenerator
{
    /// <summary>At national scale only this many commune stations per province are generated, to keep files small.</summary>
    public const int NationalCommuneStationsPerProvince = 20;

    /// <summary>Builds the facility list: a province hospital, district hospitals, commune stations and private clinics.</summary>
    public static IReadOnlyList<SyntheticFacility> Build(GenerationScope scope, Random random)
    {
        var facilities = new List<SyntheticFacility>();
        foreach (var province in scope.Provinces)
        {
            var sequence = 0;
            string Next() => $"{province.UnitCode}{++sequence:D3}";
            var districts = scope.DistrictsOf(province.UnitCode).ToList();
            facilities.Add(new SyntheticFacility(Next(), $"Bệnh viện đa khoa tỉnh {province.ShortName}", 2, "public", districts[0].UnitCode, province.UnitCode, districts[0].UnitCode));
            foreach (var district in districts)
                facilities.Add(new SyntheticFacility(Next(), $"Trung tâm Y tế {district.Name}", 3, "public", district.UnitCode, province.UnitCode, district.UnitCode));
            var communes = districts.SelectMany(d => scope.CommunesOf(d.UnitCode)).ToList();
            if (scope.Scale == "national" && communes.Count > NationalCommuneStationsPerProvince)
                communes = communes.OrderBy(_ => random.Next()).Take(NationalCommuneStationsPerProvince).OrderBy(c => c.UnitCode, StringComparer.Ordinal).ToList();
            foreach (var commune in communes)
                facilities.Add(new SyntheticFacility(Next(), $"Trạm Y tế {commune.Name}", 4, "public", commune.UnitCode, province.UnitCode, commune.ParentCode!));
            var clinics = scope.Scale == "national" ? 1 : Math.Min(3, districts.Count + 1);
            for (var i = 0; i < clinics; i++)
            {
                var district = districts[random.Next(districts.Count)];
                facilities.Add(new SyntheticFacility(Next(), $"Phòng khám đa khoa tư nhân số {i + 1} {district.ShortName}", 3, "private", district.UnitCode, province.UnitCode, district.UnitCode));
            }
        }
        return facilities;
    }

    /// <summary>Writes <c>facilities.csv</c>; returns the number of data rows.</summary>
    public static int Write(string path, IReadOnlyList<SyntheticFacility> facilities)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false)) { NewLine = "\n" };
        writer.WriteLine("MA_CSKCB,TEN_CSKCB,TUYEN,LOAI,unit_code");
        foreach (var f in facilities) writer.WriteLine($"{f.Code},{GeneratedCsv.Field(f.Name)},{f.Tier},{f.Ownership},{f.UnitCode}");
        return facilities.Count;
    }
}
