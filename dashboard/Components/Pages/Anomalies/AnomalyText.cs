using Bhyt.Etl.Detection;

namespace Bhyt.Dashboard.Components.Pages.Anomalies;

/// <summary>The Vietnamese names the page gives anomaly kinds (from <see cref="AnomalyKinds.Descriptions"/>, the one vocabulary).</summary>
public static class AnomalyText
{
    public static string Kind(string kind) => AnomalyKinds.Descriptions.TryGetValue(kind, out var text) ? text : kind;
}
