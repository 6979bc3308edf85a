using System.Globalization;
using Bhyt.Etl.Import;
using Bhyt.Tests.Support;

namespace Bhyt.Tests.Etl.Detection.Facilities;

/// <summary>
/// What a facility does in one month: exam visits and inpatient stays with their mean costs, the drug and supplies
/// shares of cost. Costs of single claims vary around the mean (log-normal), stays last 2–8 days.
/// </summary>
public sealed record MonthPlan(int Exams, int Stays, double ExamCost, double StayCost, double DrugShare = 0.34, double SuppliesShare = 0.10);

/// <summary>
/// Builds a warehouse of claims for the facility tests: six district hospitals (tier 3, public) with their own sizes and
/// cost levels, a private tier-3 clinic, 36 months (2022-01 … 2024-12) with winter volume and a mild July cost peak every
/// year. A test changes any facility-month through a <see cref="Plan"/> (null keeps the ordinary month); 68009 has no
/// claims unless a test plans them. Claims go through the ordinary import, which fills <c>dw.fct_facility_month</c>.
/// </summary>
public static class FacilityClaims
{
    public const string Facilities = """
        MA_CSKCB,TEN_CSKCB,TUYEN,LOAI,unit_code
        68001,Trung tâm y tế huyện A,3,public,672
        68002,Trung tâm y tế huyện B,3,public,672
        68003,Trung tâm y tế huyện C,3,public,673
        68004,Trung tâm y tế huyện D,3,public,673
        68005,Trung tâm y tế huyện E,3,public,674
        68006,Trung tâm y tế huyện F,3,public,674
        68009,Trung tâm y tế huyện G,3,public,674
        68101,Phòng khám đa khoa tư nhân H,3,private,672
        """;

    public static readonly string[] Established = ["68001", "68002", "68003", "68004", "68005", "68006"];

    public static readonly DateTime First = new(2022, 1, 1);
    public const int Months = 36;

    private const string Header = "MA_LK,MA_THE,MA_CSKCB,MA_LOAI_KCB,NGAY_VAO,NGAY_RA,SO_NGAY_DTRI,MA_BENH,T_TONGCHI,T_BHTT,T_BNCCT,T_THUOC,T_VTYT,MATINH_CU_TRU";

    /// <summary>The ordinary month of an established facility or of the private clinic; null for 68009.</summary>
    public static MonthPlan? Ordinary(string facility, DateTime month)
    {
        if (facility == "68009") return null;
        var index = Array.IndexOf(Established, facility);
        var size = index >= 0 ? 180 + 25 * index : 120;
        var winter = month.Month is 12 or 1 or 2 or 3 ? 1.15 : month.Month is 6 or 7 or 8 ? 0.9 : 1.0;
        var july = month.Month == 7 ? 1.12 : 1.0;
        var level = index >= 0 ? 1 + 0.06 * index : 1.3;
        return new MonthPlan((int)(size * winter), (int)(size * winter * 0.09), 240_000 * level * july, 3_200_000 * level * july);
    }

    public delegate MonthPlan? Plan(string facility, DateTime month);

    public static async Task<TempWarehouse> WarehouseAsync(Plan? plan = null)
    {
        var lines = new List<string> { Header };
        var id = 0;
        var codes = Established.Concat(["68009", "68101"]).ToArray();
        for (var f = 0; f < codes.Length; f++)
        {
            var random = new Random(1000 + f);
            for (var i = 0; i < Months; i++)
            {
                var month = First.AddMonths(i);
                if ((plan?.Invoke(codes[f], month) ?? Ordinary(codes[f], month)) is { } p)
                    lines.AddRange(Claims(codes[f], f, month, p, random, ref id));
            }
        }
        var warehouse = await TempWarehouse.InitialisedAsync();
        var service = await ImportService.CreateAsync(warehouse.Engine, CancellationToken.None);
        foreach (var (name, content) in new[] { ("fac.csv", Facilities), ("claims.csv", string.Join("\n", lines) + "\n") })
        {
            var path = Path.Combine(warehouse.Directory, name);
            await File.WriteAllTextAsync(path, content);
            var result = await service.ImportAsync(path, new ImportOptions(), null, CancellationToken.None);
            Assert.False(result.IsRejected, string.Join("; ", result.Issues.Select(i => i.Message)));
        }
        return warehouse;
    }

    private static List<string> Claims(string facility, int f, DateTime month, MonthPlan p, Random random, ref int id)
    {
        var lines = new List<string>(p.Exams + p.Stays);
        for (var c = 0; c < p.Exams + p.Stays; c++)
        {
            var stay = c >= p.Exams;
            var cost = (stay ? p.StayCost : p.ExamCost) * Math.Exp(0.5 * Normal(random) - 0.125);
            var days = stay ? 2 + random.Next(7) : 0;
            var admitted = month.AddDays(random.Next(stay ? 20 : 27)).AddHours(8);
            var discharged = stay ? admitted.AddDays(days) : admitted.AddHours(1);
            var card = $"GD4{f:D2}{random.Next((int)(0.9 * (p.Exams + p.Stays)) + 1):D10}";
            var drug = p.DrugShare * (1 + 0.05 * Normal(random));
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"F{++id},{card},{facility},{(stay ? 3 : 1)},{admitted:yyyyMMddHHmm},{discharged:yyyyMMddHHmm},{days},J18,{cost:0},{0.8 * cost:0},{0.2 * cost:0},{drug * cost:0},{p.SuppliesShare * cost:0},68"));
        }
        return lines;
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
