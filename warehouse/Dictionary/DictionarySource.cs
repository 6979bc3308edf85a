using System.Text.RegularExpressions;

namespace Bhyt.Warehouse.Dictionary;

/// <summary>
/// The one source of the data dictionary: <c>sql/dictionary/&lt;view&gt;.txt</c>, one file per <c>rpt</c> view, so a new
/// view's descriptions are one new file. A file holds the view's line first (<c>rpt.&lt;view&gt; | meaning</c>), then one line
/// per column: <c>column | meaning | unit of measure (blank when none) | example</c> (<c>\|</c> for a bar inside a part);
/// lines starting with <c>#</c> are notes.
/// Both engines' statements (<see cref="DictionaryFiles"/>) and <c>docs/DICTIONARY.md</c> are rendered from it.
/// </summary>
public static partial class DictionarySource
{
    /// <summary>The folder of the source under the clone's root.</summary>
    public const string Folder = "sql/dictionary";

    /// <summary>The comment SQL Server keeps at most (MS_Description is a sql_variant of 7 500 bytes: 3 750 UTF-16 characters).</summary>
    public const int MaxCommentLength = 3750;

    /// <summary>Every view described under <paramref name="root"/>, ordered by view name.</summary>
    public static IReadOnlyList<ViewDescription> Read(string root, IReadOnlyList<DictionaryVocabulary> vocabularies) =>
        Directory.GetFiles(Path.Combine(root, Folder), "*.txt")
            .Order(StringComparer.Ordinal)
            .Select(path => ReadView(path, File.ReadAllLines(path), vocabularies))
            .ToList();

    /// <summary>One view's file: <paramref name="path"/> names it (its file name is the view's name).</summary>
    public static ViewDescription ReadView(string path, IReadOnlyList<string> lines, IReadOnlyList<DictionaryVocabulary> vocabularies)
    {
        var file = $"{Folder}/{Path.GetFileName(path)}";
        var view = Path.GetFileNameWithoutExtension(path);
        DescriptionText? viewText = null;
        var columns = new List<ColumnDescription>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var fields = Separator().Split(line).Select(f => f.Trim().Replace(@"\|", "|", StringComparison.Ordinal)).ToArray();
            var name = fields[0];
            if (viewText is null)
            {
                if (name != $"rpt.{view}")
                    throw new DictionarySourceException(file, i + 1, $"dòng đầu phải mô tả view 'rpt.{view} | ý nghĩa', không phải '{name}'.");
                viewText = Text(file, i + 1, fields, vocabularies);
                continue;
            }
            if (columns.Any(c => c.Column == name))
                throw new DictionarySourceException(file, i + 1, $"cột '{name}' đã được mô tả ở trên.");
            if (fields.Length != 4)
                throw new DictionarySourceException(file, i + 1, $"cần 4 phần 'cột | ý nghĩa | đơn vị | ví dụ', có {fields.Length}.");
            columns.Add(new ColumnDescription(name, Text(file, i + 1, fields, vocabularies)));
        }
        if (viewText is null) throw new DictionarySourceException(file, 1, $"tệp không mô tả view rpt.{view}.");
        return new ViewDescription(view, viewText, columns);
    }

    private static DescriptionText Text(string file, int line, string[] fields, IReadOnlyList<DictionaryVocabulary> vocabularies)
    {
        if (fields.Length is < 2 or > 4)
            throw new DictionarySourceException(file, line, $"cần 'tên | ý nghĩa | đơn vị | ví dụ', có {fields.Length} phần.");
        var meaning = Expand(fields[1].TrimEnd('.'), vocabularies);
        var unit = fields.Length > 2 && fields[2].Length > 0 ? fields[2] : null;
        var example = fields.Length > 3 && fields[3].Length > 0 ? fields[3] : null;
        if (meaning.Length == 0) throw new DictionarySourceException(file, line, "thiếu ý nghĩa.");
        if (meaning.Contains('{'))
            throw new DictionarySourceException(file, line, $"không có danh mục nào tên '{meaning[meaning.IndexOf('{')..]}'.");
        foreach (var marker in new[] { DescriptionText.UnitMarker, DescriptionText.ExampleMarker })
            if (meaning.Contains(marker, StringComparison.Ordinal) || (unit?.Contains(marker, StringComparison.Ordinal) ?? false))
                throw new DictionarySourceException(file, line, $"ý nghĩa và đơn vị không được chứa '{marker.Trim('.', ' ')}'.");
        var text = new DescriptionText(meaning, unit, example);
        if (text.ToComment().Length > MaxCommentLength)
            throw new DictionarySourceException(file, line, $"mô tả dài hơn {MaxCommentLength} ký tự (giới hạn của SQL Server).");
        return text;
    }

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex Separator();

    private static string Expand(string meaning, IReadOnlyList<DictionaryVocabulary> vocabularies) =>
        vocabularies.Aggregate(meaning, (text, vocabulary) => text.Replace(vocabulary.Placeholder, vocabulary.Inline(), StringComparison.Ordinal));
}
