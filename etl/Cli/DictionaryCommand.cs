using System.CommandLine;
using Bhyt.Etl.Dictionary;
using Bhyt.Warehouse.Dictionary;

namespace Bhyt.Etl.Cli;

/// <summary>
/// <c>bhyt dictionary [--root &lt;clone&gt;] [--check]</c>: renders the data dictionary's source (<c>sql/dictionary/*.txt</c>)
/// into each engine's repeatable script and <c>docs/DICTIONARY.md</c>, or with <c>--check</c> only says which of them are
/// stale (exit 1). A developer's verb: it writes into the clone, never into a warehouse.
/// </summary>
internal static class DictionaryCommand
{
    public static Command Create()
    {
        var root = new Option<string>("--root") { Description = "Thư mục gốc của mã nguồn (chứa sql/dictionary).", DefaultValueFactory = _ => "." };
        var check = new Option<bool>("--check") { Description = "Chỉ kiểm tra: liệt kê các tệp đã cũ, không ghi (mã thoát 1 nếu có)." };
        var command = new Command("dictionary",
            "Sinh từ điển dữ liệu từ sql/dictionary/*.txt: script mô tả các view rpt cho DuckDB và SQL Server, và docs/DICTIONARY.md.") { root, check };
        command.SetAction(parse =>
        {
            var folder = parse.GetValue(root)!;
            if (!Directory.Exists(Path.Combine(folder, DictionarySource.Folder)))
                throw new ArgumentException($"Không thấy {DictionarySource.Folder} trong '{Path.GetFullPath(folder)}': chạy từ thư mục gốc hoặc dùng --root.");
            var stale = DictionaryFiles.Stale(folder, DictionaryVocabularies.All);
            if (parse.GetValue(check))
            {
                foreach (var file in stale) Console.Error.WriteLine($"{file.Path}: đã cũ so với {DictionarySource.Folder}.");
                return stale.Count == 0 ? ExitCodes.Ok : ExitCodes.Rejected;
            }
            foreach (var file in stale)
            {
                File.WriteAllText(Path.Combine(folder, file.Path), file.Content);
                Console.WriteLine($"Đã ghi {file.Path}.");
            }
            if (stale.Count == 0) Console.WriteLine("Từ điển dữ liệu đã cập nhật, không có gì để ghi.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
