using System.CommandLine;
using System.Text;
using Bhyt.Etl.Reference;
using Bhyt.Warehouse.Reference;

namespace Bhyt.Etl.Cli;

/// <summary>
/// <c>bhyt reference build-units</c>: derives the bundled unit reference from the published JSON sources
/// (used by maintainers when the sources change; the result is committed under warehouse/Reference/Data).
/// </summary>
internal static class ReferenceCommand
{
    public static Command Create()
    {
        var source = new Option<DirectoryInfo>("--source") { Description = "Thư mục chứa sorted.json, splits.json, merges.json.", Required = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "Thư mục ghi admin_units.csv và admin_unit_links.csv.", Required = true };
        var build = new Command("build-units", "Tạo tệp tham chiếu đơn vị hành chính từ dữ liệu nguồn.") { source, output };
        build.SetAction(parse =>
        {
            var result = AdminUnitReferenceBuilder.Build(parse.GetRequiredValue(source).FullName);
            var outDir = parse.GetRequiredValue(output);
            outDir.Create();
            using (var units = new StreamWriter(Path.Combine(outDir.FullName, EmbeddedReference.AdminUnits), false, new UTF8Encoding(false)))
                AdminUnitReference.WriteUnits(units, result.Units);
            using (var links = new StreamWriter(Path.Combine(outDir.FullName, EmbeddedReference.AdminUnitLinks), false, new UTF8Encoding(false)))
                AdminUnitReference.WriteLinks(links, result.Links);
            foreach (var group in result.Units.GroupBy(u => (u.BoundarySet, u.Level)))
                Console.WriteLine($"{group.Key.BoundarySet,-9} {group.Key.Level,-9} {group.Count(),6}");
            Console.WriteLine($"links {result.Links.Count}");
            return ExitCodes.Ok;
        });
        return new Command("reference", "Dữ liệu tham chiếu đi kèm sản phẩm.") { build };
    }
}
