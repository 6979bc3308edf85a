using Bhyt.Tests.Support;
using Dapper;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Bhyt.Tests.Warehouse.Schema;

public class RptViewParityTests(InitialisedWarehouseFixture fixture) : IClassFixture<InitialisedWarehouseFixture>
{
    // The reporting views promised in spec/interfaces.md, with their columns in the promised order.
    public static TheoryData<string, string[]> PromisedViews() => new()
    {
        // Columns beyond the spec come last.
        { "indicators", ["code", "name_vi", "name_en", "unit", "measure", "annex", "topic", "sum_of", "ratio_numerator", "ratio_denominator", "ratio_scale"] },
        { "units", ["unit_code", "name", "level", "parent_code", "province_code", "valid_from", "valid_to", "boundary_set"] },
        {
            "indicator_values",
            ["unit_code", "unit_name", "unit_level", "period_label", "period_start", "period_end", "period_kind", "indicator_code", "value",
             "value_kind", "source", "source_ref", "submission_id", "boundary_set", "derived_from"]
        },
        {
            "submissions",
            ["submission_id", "file_name", "sha256", "kind", "unit_code", "received_at", "status", "rows_loaded", "rows_rejected", "warnings",
             "source_id", "boundary_set"]
        },
        {
            "validation_issues",
            ["submission_id", "file_name", "location", "rule", "severity", "message", "unit_code", "period_label", "indicator_code"]
        },
        {
            // The promised columns, then the categories only the detail tables give (issue 17 item 2) and how many claims came with them.
            "claims_monthly",
            ["month", "province_code", "facility_code", "facility_tier", "visit_type", "claims", "patients", "bed_days", "total_cost",
             "insurer_paid", "drug_cost", "supplies_cost", "services_cost", "examination_cost", "bed_day_cost", "claims_with_details"]
        },
        {
            // Not in the spec: the lines of the current claims' detail tables XML2/XML3 (issue 17 item 2); no card pseudonym.
            "claim_details",
            ["claim_id", "facility_code", "month", "submission_id", "file_name", "source_table", "line_no", "cost_group", "category", "item_code",
             "quantity", "unit_price", "amount", "insured_amount", "insurer_paid"]
        },
        {
            "anomalies",
            ["anomaly_id", "detected_at", "kind", "subject_kind", "subject_code", "unit_code", "facility_code", "claim_id", "period_label",
             "period_start", "period_end", "measure", "value", "expected", "score", "severity", "method", "explanation", "status",
             "reviewed_by", "reviewed_at", "review_note", "first_detected_at", "last_detected_at", "cleared_at"]
        },
        {
            // The promised columns first, then the lifecycle's details (sql/duckdb/0011_alerts.sql).
            "alerts",
            ["alert_id", "rule", "unit_code", "period_label", "severity", "message", "status", "created_at", "resolved_at", "condition",
             "acknowledged_by", "acknowledged_at", "last_fired_at", "last_evaluated_at", "last_notified_at", "notifications", "suppressed_by",
             "anomaly_id"]
        },
        {
            // Promised with the alerts: the deliveries (channel, attempts, delivered_at, last error) of the outbox.
            "alert_deliveries",
            ["delivery_id", "alert_id", "notice", "channel", "target", "status", "attempts", "created_at", "last_attempt_at", "delivered_at",
             "last_error", "subject"]
        },
        {
            // Not in the spec: the alert rules and silences that administrators edit on Cảnh báo.
            "alert_rules",
            ["rule_id", "code", "condition", "unit_code", "threshold", "min_severity", "period_kind", "emails", "webhooks", "repeat_minutes",
             "enabled", "name_vi", "updated_by", "updated_at"]
        },
        { "alert_silences", ["silence_id", "rule_code", "unit_code", "created_by", "reason", "starts_at", "ends_at", "created_at"] },
        {
            // Not in the spec: the history behind indicator_values (superseded values and their files).
            "indicator_history",
            ["unit_code", "unit_name", "unit_level", "period_label", "period_start", "period_end", "period_kind", "indicator_code", "value",
             "value_kind", "source", "source_ref", "submission_id", "boundary_set", "derived_from", "file_name", "source_location", "source_text",
             "is_current", "loaded_at"]
        },
        {
            // Not in the spec: every version of a resubmitted claim (issue 17 item 4), with its file; no card pseudonym.
            "claim_versions",
            ["claim_id", "facility_code", "submission_id", "file_name", "month", "visit_type", "total_cost", "insurer_paid", "is_current",
             "superseded_at", "superseded_by", "versions"]
        },
        // Not in the spec: where figures come from, and what each derivation means.
        { "sources", ["source_id", "kind", "title", "publisher", "url", "published", "unit_code", "note"] },
        { "derivations", ["derivation", "name_vi", "description"] },
        {
            // Promised by name (figures in prose as candidates, issue 15); columns are sql/duckdb/0008_figure_candidates.sql's.
            "figure_candidates",
            ["candidate_id", "submission_id", "file_name", "location", "unit_code", "period_label", "indicator_code", "indicator_name",
             "value_kind", "value", "value_unit", "value_text", "confidence", "sentence", "span_start", "span_length", "status", "created_at",
             "reviewed_by", "reviewed_at", "corrected_unit_code", "corrected_period_label", "corrected_indicator_code", "corrected_value_kind",
             "corrected_value", "accepted_submission_id"]
        },
    };

    [Fact]
    public async Task RptViews_both_engines_declare_the_same_views()
    {
        var duckDb = await DuckDbViewColumnsAsync();
        var sqlServer = SqlServerViewColumns();

        Assert.NotEmpty(duckDb);
        Assert.Equal(duckDb.Keys.Order(StringComparer.Ordinal), sqlServer.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task RptViews_every_view_has_the_same_columns_in_the_same_order_on_both_engines()
    {
        var duckDb = await DuckDbViewColumnsAsync();
        var sqlServer = SqlServerViewColumns();

        foreach (var (view, columns) in duckDb)
        {
            Assert.True(sqlServer.ContainsKey(view), $"rpt.{view} is missing from the scripts of sql/sqlserver/");
            Assert.True(columns.SequenceEqual(sqlServer[view]),
                $"rpt.{view}: DuckDB ({string.Join(", ", columns)}) ≠ SQL Server ({string.Join(", ", sqlServer[view])})");
        }
    }

    [Theory]
    [MemberData(nameof(PromisedViews))]
    public async Task RptViews_promised_view_has_exactly_the_promised_columns_on_both_engines(string view, string[] columns)
    {
        var duckDb = await DuckDbViewColumnsAsync();
        var sqlServer = SqlServerViewColumns();

        Assert.True(duckDb.ContainsKey(view), $"DuckDB has no rpt.{view}");
        Assert.True(sqlServer.ContainsKey(view), $"SQL Server has no rpt.{view}");
        Assert.Equal(columns, duckDb[view]);
        Assert.Equal(columns, sqlServer[view]);
    }

    private async Task<Dictionary<string, List<string>>> DuckDbViewColumnsAsync()
    {
        await using var connection = await fixture.Warehouse.Engine.OpenAsync(CancellationToken.None);
        var rows = await connection.QueryAsync<(string View, string Column)>("""
            SELECT table_name, column_name FROM information_schema.columns
            WHERE table_schema = 'rpt' ORDER BY table_name, ordinal_position
            """);
        return rows.GroupBy(r => r.View).ToDictionary(g => g.Key, g => g.Select(r => r.Column).ToList());
    }

    /// <summary>The rpt views of the SQL Server scripts as ScriptDom reads them: view name → output column names.</summary>
    internal static Dictionary<string, List<string>> SqlServerViewColumns()
    {
        var parser = new TSql170Parser(initialQuotedIdentifiers: true);
        var statements = new List<TSqlStatement>();
        foreach (var file in Directory.GetFiles(RepositoryRoot.SqlFolder("sqlserver"), "*.sql").Order(StringComparer.Ordinal))
        {
            using var reader = new StreamReader(file);
            var script = (TSqlScript)parser.Parse(reader, out var errors);
            Assert.Empty(errors);
            statements.AddRange(script.Batches.SelectMany(b => b.Statements));
        }

        var views = new Dictionary<string, List<string>>();
        foreach (var view in statements.OfType<CreateOrAlterViewStatement>())
        {
            if (!string.Equals(view.SchemaObjectName.SchemaIdentifier?.Value, "rpt", StringComparison.OrdinalIgnoreCase)) continue;
            // A later script's CREATE OR ALTER redefines the view: the last definition is the view.
            views[view.SchemaObjectName.BaseIdentifier.Value] = (view.Columns.Count > 0
                ? view.Columns.Select(c => c.Value).ToList()
                : OutputColumns(view));
        }
        return views;
    }

    private static List<string> OutputColumns(CreateOrAlterViewStatement view)
    {
        var query = view.SelectStatement.QueryExpression;
        while (query is BinaryQueryExpression union) query = union.FirstQueryExpression;
        var select = Assert.IsType<QuerySpecification>(query);
        return select.SelectElements.Select(element => element switch
        {
            SelectScalarExpression { ColumnName: { } alias } => alias.Value,
            SelectScalarExpression { Expression: ColumnReferenceExpression column } => column.MultiPartIdentifier.Identifiers[^1].Value,
            _ => throw new InvalidOperationException(
                $"rpt.{view.SchemaObjectName.BaseIdentifier.Value}: select element '{element.GetType().Name}' has no name; give it an alias."),
        }).ToList();
    }
}
