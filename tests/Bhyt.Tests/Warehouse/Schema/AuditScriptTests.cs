using Bhyt.Etl.Audit;
using Bhyt.Tests.Support;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Bhyt.Tests.Warehouse.Schema;

/// <summary>
/// SQL Server's audit table is append-only by trigger (SQL Server cannot run here: the script is read by ScriptDom): an
/// INSTEAD OF UPDATE, DELETE trigger that throws on any update and on a delete of an event younger than the minimum
/// retention the application also enforces.
/// </summary>
public class AuditScriptTests
{
    private static TSqlScript Parse()
    {
        using var reader = new StreamReader(Path.Combine(RepositoryRoot.SqlFolder("sqlserver"), "0022_audit.sql"));
        var script = (TSqlScript)new TSql170Parser(initialQuotedIdentifiers: true).Parse(reader, out var errors);
        Assert.Empty(errors);
        return script;
    }

    [Fact]
    public void Trigger_on_audit_event_is_instead_of_update_and_delete_and_throws()
    {
        var trigger = Parse().Batches.SelectMany(b => b.Statements).OfType<CreateOrAlterTriggerStatement>().Single();

        Assert.Equal(["etl", "audit_event"], trigger.TriggerObject.Name.Identifiers.Select(i => i.Value));
        Assert.Equal(TriggerType.InsteadOf, trigger.TriggerType);
        Assert.Equal(new[] { TriggerActionType.Update, TriggerActionType.Delete }.Order(), trigger.TriggerActions.Select(a => a.TriggerActionType).Order());
        var throws = new ThrowCollector();
        trigger.Accept(throws);
        Assert.Equal(2, throws.Count);
    }

    [Fact]
    public void Trigger_refuses_deleting_events_younger_than_the_applications_minimum_retention()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot.SqlFolder("sqlserver"), "0022_audit.sql"));

        Assert.Contains($"DATEADD(DAY, -{AuditRetention.MinimumDays}, SYSUTCDATETIME())", text);
    }

    [Fact]
    public void Script_denies_the_analysts_reader_role_the_audit_view_it_would_get_with_the_rpt_schema()
    {
        var denials = Parse().Batches.SelectMany(b => b.Statements).OfType<IfStatement>().Select(s => s.ThenStatement).OfType<DenyStatement>()
            .Where(d => d.SecurityTargetObject?.ObjectName?.MultiPartIdentifier.Identifiers.Select(i => i.Value).SequenceEqual(["rpt", "audit"]) == true)
            .SelectMany(d => d.Principals.Select(p => p.Identifier.Value)).ToList();

        Assert.Contains("bhyt_rpt_reader", denials);
        Assert.Contains("bhyt_console_user", denials);
    }

    private sealed class ThrowCollector : TSqlFragmentVisitor
    {
        public int Count { get; private set; }

        public override void Visit(ThrowStatement node) => Count++;
    }
}
