namespace Bhyt.Warehouse.Dictionary;

/// <summary>A line of <c>sql/dictionary/*.txt</c> that cannot be read as a description.</summary>
public sealed class DictionarySourceException(string file, int line, string problem)
    : Exception($"{file}, dòng {line}: {problem} [dictionary.source]");
