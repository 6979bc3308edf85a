using Quartz;

namespace Bhyt.Etl.Scheduling;

/// <summary>A job's schedule from a Quartz cron setting: the configured expression when Quartz can read it, else the default.</summary>
public static class CronSetting
{
    /// <exception cref="ArgumentException">The setting holds something that is not a Quartz cron expression (named in the message).</exception>
    public static string Resolve(string setting, string? configured, string defaultCron, string defaultMeaning)
    {
        if (string.IsNullOrWhiteSpace(configured)) return defaultCron;
        try
        {
            _ = new CronExpression(configured);
            return configured;
        }
        catch (FormatException e)
        {
            throw new ArgumentException($"{setting} '{configured}': không phải biểu thức cron của Quartz (ví dụ '{defaultCron}' = {defaultMeaning}). {e.Message}");
        }
    }
}
