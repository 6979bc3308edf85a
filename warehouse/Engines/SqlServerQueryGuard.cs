using Bhyt.Warehouse.Querying;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Bhyt.Warehouse.Engines;

/// <summary>
/// Decides with SQL Server's own grammar (ScriptDom) whether an analyst's text is exactly one SELECT
/// without INTO and without rowset functions that reach other servers or files.
/// </summary>
internal static class SqlServerQueryGuard
{
    public static void EnsureReadOnly(string sql, QueryReach reach = QueryReach.AllSchemas)
    {
        if (string.IsNullOrWhiteSpace(sql))
            throw new QueryRefusedException("sql.empty", "Câu truy vấn trống.");
        var parser = new TSql170Parser(initialQuotedIdentifiers: true);
        var fragment = parser.Parse(new StringReader(sql), out var errors);
        if (errors.Count > 0)
            throw new QueryRefusedException("sql.syntax",
                $"Câu truy vấn không hợp lệ (dòng {errors[0].Line}, cột {errors[0].Column}): {errors[0].Message}");

        var statements = ((TSqlScript)fragment).Batches.SelectMany(b => b.Statements).ToList();
        if (statements.Count != 1)
            throw new QueryRefusedException("sql.multiple_statements",
                $"Chỉ được chạy đúng một câu lệnh SELECT; văn bản có {statements.Count} câu lệnh.");
        if (statements[0] is not SelectStatement select || select is SelectStatementSnippet)
            throw new QueryRefusedException("sql.not_select",
                "Chỉ chấp nhận một câu lệnh SELECT (hoặc WITH … SELECT); câu lệnh ghi dữ liệu, EXEC, SET … bị từ chối.");
        if (select.Into is not null)
            throw new QueryRefusedException("sql.select_into", "SELECT … INTO tạo bảng mới và bị từ chối.");

        var visitor = new HostAccessVisitor();
        select.Accept(visitor);
        if (visitor.Refusal is not null) throw visitor.Refusal;
        if (reach == QueryReach.RptOnly)
        {
            var ctes = new CteNameVisitor();
            select.Accept(ctes);
            var names = new RptOnlyVisitor(ctes.Names);
            select.Accept(names);
            if (names.Refusal is not null) throw names.Refusal;
        }
    }

    /// <summary>Names outside the rpt views: another schema or database, a bare name that is no CTE of the query.</summary>
    private sealed class CteNameVisitor : TSqlFragmentVisitor
    {
        public HashSet<string> Names { get; } = new(StringComparer.OrdinalIgnoreCase);

        public override void Visit(CommonTableExpression node) => Names.Add(node.ExpressionName.Value);
    }

    private sealed class RptOnlyVisitor(HashSet<string> cteNames) : TSqlFragmentVisitor
    {
        public QueryRefusedException? Refusal { get; private set; }

        public override void Visit(NamedTableReference node) => Check(node.SchemaObject);

        public override void Visit(SchemaObjectFunctionTableReference node) => Check(node.SchemaObject);

        private void Check(SchemaObjectName name)
        {
            var schema = name.SchemaIdentifier?.Value;
            var named = string.Join('.', name.Identifiers.Select(i => i.Value));
            if (name.DatabaseIdentifier is not null || (schema is not null && !schema.Equals("rpt", StringComparison.OrdinalIgnoreCase)))
                Refuse($"'{named}' nằm ngoài lược đồ rpt");
            else if (schema is null && !cteNames.Contains(name.BaseIdentifier.Value))
                Refuse($"'{named}' không phải một view rpt (viết rpt.{named}) hay một bảng tạm WITH của câu truy vấn");
        }

        private void Refuse(string what) => Refusal ??= new QueryRefusedException("sql.rpt_only",
            $"Truy vấn phân tích chỉ được đọc các view của lược đồ rpt: {what}.");
    }

    private sealed class HostAccessVisitor : TSqlFragmentVisitor
    {
        public QueryRefusedException? Refusal { get; private set; }

        public override void Visit(OpenRowsetTableReference node) => Refuse("OPENROWSET");
        public override void Visit(BulkOpenRowset node) => Refuse("OPENROWSET(BULK)");
        public override void Visit(OpenQueryTableReference node) => Refuse("OPENQUERY");
        public override void Visit(AdHocTableReference node) => Refuse("OPENDATASOURCE");
        public override void Visit(OpenXmlTableReference node) => Refuse("OPENXML");
        public override void Visit(SelectStatement node)
        {
            if (node.Into is not null) Refuse("SELECT INTO");
        }
        public override void Visit(NamedTableReference node)
        {
            if (node.SchemaObject.ServerIdentifier is not null) Refuse("linked server " + node.SchemaObject.ServerIdentifier.Value);
        }
        // Sequence values are not transactional: the rollback after the query would not give them back.
        public override void Visit(NextValueForExpression node) => Refusal ??= new QueryRefusedException("sql.function",
            "'NEXT VALUE FOR' tăng giá trị của sequence và không được phép trong truy vấn phân tích.");

        private void Refuse(string what) => Refusal ??= new QueryRefusedException("sql.host_access",
            $"'{what}' truy cập máy chủ hoặc tệp bên ngoài và không được phép trong truy vấn phân tích.");
    }
}
