using DuckDB.NET.Data;

namespace Bhyt.Warehouse.Engines;

/// <summary>Appends a boxed CLR value to a DuckDB appender row with the matching typed overload.</summary>
internal static class DuckDbValues
{
    public static void Append(IDuckDBAppenderRow row, object? value)
    {
        switch (value)
        {
            case null or DBNull: row.AppendNullValue(); break;
            case string s: row.AppendValue(s); break;
            case int i: row.AppendValue((int?)i); break;
            case long l: row.AppendValue((long?)l); break;
            case short s: row.AppendValue((short?)s); break;
            case byte b: row.AppendValue((byte?)b); break;
            case decimal d: row.AppendValue((decimal?)d); break;
            case double d: row.AppendValue((double?)d); break;
            case float f: row.AppendValue((float?)f); break;
            case bool b: row.AppendValue((bool?)b); break;
            case DateTime t: row.AppendValue((DateTime?)t); break;
            case DateOnly d: row.AppendValue((DateOnly?)d); break;
            case byte[] bytes: row.AppendValue(bytes); break;
            default: throw new NotSupportedException($"Cannot append a value of type {value.GetType().Name}.");
        }
    }
}
