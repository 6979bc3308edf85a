using System.Reflection;
using Bhyt.Etl.Audit;
using Bhyt.Tests.Support;
using Bhyt.Warehouse;
using Bhyt.Warehouse.Engines;

namespace Bhyt.Tests.Etl.Audit;

/// <summary>The audit log's writer on real DuckDB warehouses: what it appends is what rpt.audit reads; it never throws.</summary>
public class AuditTrailTests
{
    [Fact]
    public async Task AppendAsync_event_is_read_back_through_rpt_audit_with_every_field()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        var trail = new AuditTrail(warehouse.Engine);
        var at = new DateTime(2026, 3, 14, 8, 5, 9, DateTimeKind.Utc);

        Assert.True(await trail.AppendAsync(new AuditEvent(AuditActions.ConsoleQuery, AuditOutcomes.Success, "phan.tich")
        {
            OccurredAt = at, UserRole = "analyst", Subject = null, Detail = "SELECT unit_code, value FROM rpt.indicator_values WHERE unit_code = '62'",
            ClientAddress = "10.62.0.15", RowCount = 1_234, DurationMs = 87,
        }));
        Assert.True(await trail.AppendAsync(new AuditEvent(AuditActions.Import, AuditOutcomes.Failure, "etl") { Channel = AuditChannels.Cli, Subject = "bao-cao.xlsx" }));

        var rows = await warehouse.Engine.QueryAsync<(long Id, DateTime At, string Channel, string User, string? Role, string Action, string Outcome,
            string? Subject, string? Detail, string? Address, long? Rows, long? Ms)>(
            "SELECT event_id, occurred_at, channel, user_name, user_role, action, outcome, subject, detail, client_address, row_count, duration_ms FROM rpt.audit ORDER BY event_id");
        Assert.Equal(2, rows.Count);
        Assert.True(rows[1].Id > rows[0].Id);
        Assert.Equal((at, "dashboard", "phan.tich", "analyst", "console_query", "success", (string?)null, "10.62.0.15", 1_234L, 87L),
            (rows[0].At, rows[0].Channel, rows[0].User, rows[0].Role, rows[0].Action, rows[0].Outcome, rows[0].Subject, rows[0].Address, rows[0].Rows!.Value, rows[0].Ms!.Value));
        Assert.StartsWith("SELECT unit_code", rows[0].Detail);
        Assert.Equal(("cli", "etl", "import", "failure", "bao-cao.xlsx", (string?)null, (long?)null), (rows[1].Channel, rows[1].User, rows[1].Action, rows[1].Outcome,
            rows[1].Subject, rows[1].Role, rows[1].Rows));
    }

    [Fact]
    public async Task AppendAsync_texts_longer_than_the_columns_are_cut_not_refused()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        var query = "SELECT 1 " + string.Concat(Enumerable.Repeat("UNION ALL SELECT 1 ", 2_000));

        Assert.True(await new AuditTrail(warehouse.Engine).AppendAsync(new AuditEvent(AuditActions.ConsoleQuery, AuditOutcomes.Success, new string('n', 300))
        {
            Detail = query, Subject = new string('s', 1_000),
        }));

        var row = (await warehouse.Engine.QueryAsync<(string User, string Subject, string Detail)>("SELECT user_name, subject, detail FROM rpt.audit")).Single();
        Assert.Equal((AuditTrail.UserNameLimit, AuditTrail.SubjectLimit, AuditTrail.DetailLimit), (row.User.Length, row.Subject.Length, row.Detail.Length));
        Assert.Equal(query[..100], row.Detail[..100]);
        Assert.EndsWith("…", row.Detail);
    }

    [Fact]
    public async Task AppendAsync_warehouse_that_cannot_take_the_event_returns_false_without_throwing()
    {
        // A warehouse whose schema predates the audit log: the act being recorded must go on.
        await using var warehouse = TempWarehouse.Empty();
        await using (var connection = await warehouse.Engine.OpenAsync(CancellationToken.None))
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "CREATE SCHEMA etl";
            await command.ExecuteNonQueryAsync();
        }

        var written = await new AuditTrail(warehouse.Engine).AppendAsync(new AuditEvent(AuditActions.SignIn, AuditOutcomes.Failure, "ai.do"));

        Assert.False(written);
    }

    [Fact]
    public void AuditTrail_offers_no_way_to_change_or_remove_an_event()
    {
        var methods = typeof(AuditTrail).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly);

        Assert.Equal([nameof(AuditTrail.AppendAsync)], methods.Select(m => m.Name));
    }

    [Fact]
    public async Task AuditRetention_is_the_only_code_that_deletes_audit_events()
    {
        var etl = Path.Combine(RepositoryRoot.Directory, "etl");
        var dashboard = Path.Combine(RepositoryRoot.Directory, "dashboard");
        var writers = new List<string>();
        foreach (var file in Directory.EnumerateFiles(etl, "*.cs", SearchOption.AllDirectories)
                     .Concat(Directory.EnumerateFiles(dashboard, "*.cs", SearchOption.AllDirectories))
                     .Concat(Directory.EnumerateFiles(dashboard, "*.razor", SearchOption.AllDirectories))
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")))
        {
            var text = await File.ReadAllTextAsync(file);
            if (System.Text.RegularExpressions.Regex.IsMatch(text, @"(UPDATE|DELETE\s+FROM)\s+etl\.audit_event", System.Text.RegularExpressions.RegexOptions.IgnoreCase))
                writers.Add(Path.GetFileName(file));
        }

        Assert.Equal(["AuditRetention.cs"], writers);
    }
}
