using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using DuckDB.NET.Data;
using DuckDB.NET.Native;

namespace Bhyt.Warehouse.Engines;

/// <summary>
/// Appends typed rows to a DuckDB table by writing each value straight into the vectors of a data chunk, which goes to
/// <c>duckdb_append_data_chunk</c> every 2,048 rows. DuckDB.NET's row appender reaches each value through a generic
/// virtual call and converts each timestamp with a call into the engine; for the claims file (3 million rows of 22
/// columns) that was most of the appending thread's time. The values written are those DuckDB.NET writes: timestamps
/// as microseconds since 1970, decimals scaled and truncated as it scales them, text as UTF-8 (up to 12 bytes inline, as
/// DuckDB stores short strings; longer text copied by the engine). A value of a type the column does not take throws.
/// </summary>
internal sealed unsafe class DuckDbChunkAppender : IBulkRow, IDisposable
{
    private const int InlineBytes = 12;
    private static readonly long UnixEpochTicks = DateTime.UnixEpoch.Ticks;

    private readonly DuckDB.NET.Native.DuckDBAppender _appender;
    private readonly DuckDBDataChunk _chunk;
    private readonly DuckDBLogicalType[] _types;
    private readonly Column[] _columns;
    private readonly int _capacity;
    private readonly string _table;
    private int _row;
    private int _column;
    private bool _closed;

    private enum Kind { BigInt, Integer, SmallInt, Double, Boolean, Varchar, Timestamp, Date, DecimalInt16, DecimalInt32, DecimalInt64, DecimalInt128 }

    private struct Column
    {
        public Kind Kind;
        public decimal Scale;
        public IntPtr Vector;
        public void* Data;
        public ulong* Validity;
    }

    public DuckDbChunkAppender(DuckDBConnection connection, string? catalog, string schema, string table)
    {
        _table = $"{schema}.{table}";
        if (!NativeMethods.Appender.DuckDBAppenderCreateExt(connection.NativeConnection, catalog, schema, table, out _appender).IsSuccess())
            ThrowLastError();
        var count = (int)NativeMethods.Appender.DuckDBAppenderColumnCount(_appender);
        _types = new DuckDBLogicalType[count];
        _columns = new Column[count];
        var handles = new IntPtr[count];
        for (var i = 0; i < count; i++)
        {
            _types[i] = NativeMethods.Appender.DuckDBAppenderColumnType(_appender, (ulong)i);
            handles[i] = _types[i].DangerousGetHandle();
            _columns[i] = new Column { Kind = KindOf(_types[i], out var scale), Scale = scale };
        }
        _chunk = NativeMethods.DataChunks.DuckDBCreateDataChunk(handles, (ulong)count);
        _capacity = (int)NativeMethods.Helpers.DuckDBVectorSize();
        MapVectors();
    }

    /// <summary>Rows appended so far (flushed or waiting in the chunk).</summary>
    public long Written { get; private set; }

    public void EndRow()
    {
        if (_column != _columns.Length)
            throw new InvalidOperationException($"{_table}: a row had {_column} values for {_columns.Length} columns.");
        _column = 0;
        Written++;
        if (++_row == _capacity) Flush();
    }

    public void AddNull()
    {
        ref var c = ref Next();
        if (c.Validity == null)
        {
            NativeMethods.Vectors.DuckDBVectorEnsureValidityWritable(c.Vector);
            c.Validity = NativeMethods.Vectors.DuckDBVectorGetValidity(c.Vector);
        }
        c.Validity[_row >> 6] &= ~(1UL << (_row & 63));
    }

    public void Add(long value)
    {
        ref var c = ref Next();
        switch (c.Kind)
        {
            case Kind.BigInt: ((long*)c.Data)[_row] = value; break;
            case Kind.Integer: ((int*)c.Data)[_row] = checked((int)value); break;
            case Kind.Double: ((double*)c.Data)[_row] = value; break;
            default: WrongType(c.Kind, "long"); break;
        }
    }

    public void Add(int? value)
    {
        if (value is not { } v) { AddNull(); return; }
        ref var c = ref Next();
        switch (c.Kind)
        {
            case Kind.Integer: ((int*)c.Data)[_row] = v; break;
            case Kind.BigInt: ((long*)c.Data)[_row] = v; break;
            case Kind.SmallInt: ((short*)c.Data)[_row] = checked((short)v); break;
            case Kind.Double: ((double*)c.Data)[_row] = v; break;
            default: WrongType(c.Kind, "int"); break;
        }
    }

    public void Add(decimal? value)
    {
        if (value is not { } v) { AddNull(); return; }
        ref var c = ref Next();
        switch (c.Kind)
        {
            case Kind.DecimalInt64: ((long*)c.Data)[_row] = (long)decimal.Multiply(v, c.Scale); break;
            case Kind.DecimalInt32: ((int*)c.Data)[_row] = (int)decimal.Multiply(v, c.Scale); break;
            case Kind.DecimalInt16: ((short*)c.Data)[_row] = (short)decimal.Multiply(v, c.Scale); break;
            case Kind.DecimalInt128: ((Int128*)c.Data)[_row] = (Int128)decimal.Truncate(decimal.Multiply(v, c.Scale)); break;
            case Kind.Double: ((double*)c.Data)[_row] = (double)v; break;
            default: WrongType(c.Kind, "decimal"); break;
        }
    }

    public void Add(DateTime? value)
    {
        if (value is not { } v) { AddNull(); return; }
        ref var c = ref Next();
        var ticks = v.Ticks - UnixEpochTicks;
        switch (c.Kind)
        {
            case Kind.Timestamp: ((long*)c.Data)[_row] = FloorDiv(ticks, TimeSpan.TicksPerMicrosecond); break;
            case Kind.Date: ((int*)c.Data)[_row] = (int)FloorDiv(ticks, TimeSpan.TicksPerDay); break;
            default: WrongType(c.Kind, "DateTime"); break;
        }
    }

    public void Add(string? value)
    {
        if (value is null) { AddNull(); return; }
        var length = Encoding.UTF8.GetByteCount(value);
        byte[]? rented = null;
        var utf8 = length <= 256 ? stackalloc byte[length] : (rented = ArrayPool<byte>.Shared.Rent(length)).AsSpan(0, length);
        Encoding.UTF8.GetBytes(value, utf8);
        AddUtf8(utf8);
        if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
    }

    public void AddUtf8(ReadOnlySpan<byte> value)
    {
        ref var c = ref Next();
        if (c.Kind != Kind.Varchar) WrongType(c.Kind, "text");
        if (value.Length <= InlineBytes)
        {
            // duckdb_string_t inlined: the length, then the bytes, zero-padded to 16 bytes (compared as a whole).
            var slot = (byte*)c.Data + 16 * _row;
            *(ulong*)slot = 0;
            *(ulong*)(slot + 8) = 0;
            *(uint*)slot = (uint)value.Length;
            value.CopyTo(new Span<byte>(slot + 4, InlineBytes));
            return;
        }
        fixed (byte* bytes = value)
            NativeMethods.Vectors.DuckDBVectorAssignStringElementLength(c.Vector, (ulong)_row, bytes, value.Length);
    }

    /// <summary>Appends the rows still in the chunk and commits the appender's rows to the table (or the transaction).</summary>
    public void Close()
    {
        if (_closed) return;
        _closed = true;
        Flush();
        if (!NativeMethods.Appender.DuckDBAppenderClose(_appender).IsSuccess()) ThrowLastError();
    }

    public void Dispose()
    {
        _chunk.Dispose();
        foreach (var type in _types) type.Dispose();
        _appender.Close();
    }

    private static long FloorDiv(long value, long divisor)
    {
        var (quotient, remainder) = Math.DivRem(value, divisor);
        return remainder < 0 ? quotient - 1 : quotient;
    }

    private ref Column Next()
    {
        if (_column >= _columns.Length)
            throw new InvalidOperationException($"{_table}: more values in a row than its {_columns.Length} columns.");
        return ref _columns[_column++];
    }

    private void Flush()
    {
        if (_row == 0) return;
        NativeMethods.DataChunks.DuckDBDataChunkSetSize(_chunk, (ulong)_row);
        var state = NativeMethods.Appender.DuckDBAppendDataChunk(_appender, _chunk);
        NativeMethods.DataChunks.DuckDBDataChunkReset(_chunk);
        _row = 0;
        MapVectors();
        if (!state.IsSuccess()) ThrowLastError();
    }

    // After a reset a vector's buffers may be new, and its validity is all-valid and not yet writable.
    private void MapVectors()
    {
        for (var i = 0; i < _columns.Length; i++)
        {
            var vector = NativeMethods.DataChunks.DuckDBDataChunkGetVector(_chunk, i);
            _columns[i].Vector = vector;
            _columns[i].Data = NativeMethods.Vectors.DuckDBVectorGetData(vector);
            _columns[i].Validity = null;
        }
    }

    private static Kind KindOf(DuckDBLogicalType type, out decimal scale)
    {
        scale = 1;
        var id = NativeMethods.LogicalType.DuckDBGetTypeId(type);
        switch (id)
        {
            case DuckDBType.BigInt: return Kind.BigInt;
            case DuckDBType.Integer: return Kind.Integer;
            case DuckDBType.SmallInt: return Kind.SmallInt;
            case DuckDBType.Double: return Kind.Double;
            case DuckDBType.Boolean: return Kind.Boolean;
            case DuckDBType.Varchar: return Kind.Varchar;
            case DuckDBType.Timestamp: return Kind.Timestamp;
            case DuckDBType.Date: return Kind.Date;
            case DuckDBType.Decimal:
                for (var i = NativeMethods.LogicalType.DuckDBDecimalScale(type); i > 0; i--) scale *= 10;
                return NativeMethods.LogicalType.DuckDBDecimalInternalType(type) switch
                {
                    DuckDBType.SmallInt => Kind.DecimalInt16,
                    DuckDBType.Integer => Kind.DecimalInt32,
                    DuckDBType.BigInt => Kind.DecimalInt64,
                    _ => Kind.DecimalInt128,
                };
            default: throw new NotSupportedException($"A typed bulk load does not write DuckDB columns of type {id}.");
        }
    }

    private void WrongType(Kind column, string value) =>
        throw new InvalidOperationException($"{_table}: column {_column} ({column}) does not take a {value} value.");

    // DuckDB.NET's exception cannot be made outside it: the engine's message goes out as it is, naming the table.
    private void ThrowLastError()
    {
        using var error = NativeMethods.Appender.DuckDBAppenderErrorData(_appender);
        throw new InvalidOperationException($"{_table}: {NativeMethods.ErrorData.DuckDBErrorDataMessage(error)}");
    }
}
