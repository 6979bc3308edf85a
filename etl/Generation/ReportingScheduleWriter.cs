using System.Globalization;
using System.Text;
using Bhyt.Warehouse.Reference;

namespace Bhyt.Etl.Generation;

/// <summary>
/// Writes <c>reporting_schedule.csv</c>, the plan the generated submissions answer (see
/// <see cref="Reporting.ReportingScheduleCsv"/>): districts owe form 4 every year within 90 days of its end, and the
/// communes that report monthly owe form 4 every month of the last year within 20 days. A few communes never sent their
/// last month (<see cref="SubmissionsWriter.Withheld"/>), so a loaded warehouse shows them missing and everyone else late
/// (the files are imported long after the deadlines).
/// </summary>
public static class ReportingScheduleWriter
{
    public const string Header = "parent_code,level,period,every,forms,due,name";

    public static int Write(string path, GenerationScope scope, GenerationOptions options, IReadOnlyList<AdminUnitRecord> monthlyDistricts)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false)) { NewLine = "\n" };
        writer.WriteLine(Header);
        var rows = 0;
        var years = string.Create(CultureInfo.InvariantCulture, $"{options.FromYear}-{options.ToYear}");
        IEnumerable<AdminUnitRecord> yearlyParents = scope.Scale == "district" ? scope.Districts : scope.Provinces;
        foreach (var parent in yearlyParents)
        {
            writer.WriteLine($"{parent.UnitCode},district,{years},year,4,+90,Báo cáo năm cấp huyện");
            rows++;
        }
        if (options.ToYear >= SubmissionsWriter.MonthlyFromYear)
            foreach (var district in monthlyDistricts)
            {
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{district.UnitCode},commune,{options.ToYear},month,4,+20,Báo cáo tháng cấp xã"));
                rows++;
            }
        return rows;
    }
}
