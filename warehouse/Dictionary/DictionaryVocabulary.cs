namespace Bhyt.Warehouse.Dictionary;

/// <summary>
/// A code list that lives in code rather than in the dictionary's text (e.g. the anomaly kinds of
/// <c>etl/Detection/AnomalyKinds.cs</c>): a description names it as <c>{name}</c> and reads the codes with their meanings
/// in its place, so the list is written once.
/// </summary>
public sealed record DictionaryVocabulary(string Name, string Title, IReadOnlyList<KeyValuePair<string, string>> Terms)
{
    public string Placeholder => "{" + Name + "}";

    /// <summary>The terms as one phrase: <c>code (meaning); code (meaning)</c>.</summary>
    public string Inline() => string.Join("; ", Terms.Select(t => $"{t.Key} ({t.Value})"));
}
