using Bhyt.Etl.Detection;
using Bhyt.Warehouse.Dictionary;

namespace Bhyt.Etl.Dictionary;

/// <summary>
/// The code lists the data dictionary takes from code rather than repeating them: a description names one as
/// <c>{name}</c> (e.g. <c>rpt.anomalies.kind</c> reads <c>{anomaly_kinds}</c>), and <c>docs/DICTIONARY.md</c> lists each.
/// </summary>
public static class DictionaryVocabularies
{
    public static IReadOnlyList<DictionaryVocabulary> All { get; } =
    [
        new("anomaly_kinds", "Loại bất thường (rpt.anomalies.kind)", [.. AnomalyKinds.Descriptions]),
    ];
}
