namespace Bhyt.Etl.Alerts;

/// <summary>The severities an anomaly and an alert share (low &lt; medium &lt; high) and their Vietnamese names.</summary>
public static class Severity
{
    public static int Rank(string severity) => severity switch
    {
        "high" => 3,
        "medium" => 2,
        "low" => 1,
        _ => 0,
    };

    public static bool AtLeast(string severity, string minimum) => Rank(severity) >= Rank(minimum);

    public static string Vietnamese(string severity) => severity switch
    {
        "high" => "Cao",
        "medium" => "Trung bình",
        "low" => "Thấp",
        _ => severity,
    };
}
