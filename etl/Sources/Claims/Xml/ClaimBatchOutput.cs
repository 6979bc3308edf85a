namespace Bhyt.Etl.Sources.Claims.Xml;

/// <summary>
/// Where the XML reader writes claims: batches go to the loader as they fill, except while a unit (one file of a zip) is
/// open with <c>hold</c> — its batches wait until the unit is accepted, or are emptied when it is rejected, so a rejected
/// file of an archive leaves nothing. Memory held is the open unit's claims, bounded by the archive's entry size limit.
/// </summary>
internal sealed class ClaimBatchOutput(Func<ClaimBatch> rent)
{
    private readonly Queue<ClaimBatch> _ready = new();
    private readonly List<ClaimBatch> _held = [];
    private readonly Stack<ClaimBatch> _spare = new();
    private ClaimBatch _current = rent();
    private (int Count, int Text) _mark;
    private bool _holding;

    public ClaimBatch Current => _current;

    /// <summary>The slot of the next claim; <see cref="Added"/> keeps it, not calling it drops it.</summary>
    public ref ClaimRecord Next => ref _current.Rows[_current.Count];

    public void Added()
    {
        if (++_current.Count < ClaimBatch.Capacity) return;
        if (_holding) _held.Add(_current);
        else _ready.Enqueue(_current);
        _current = _spare.TryPop(out var spare) ? spare : rent();
    }

    /// <summary>Opens a unit whose claims are kept back until <see cref="Accept"/> or <see cref="Reject"/>.</summary>
    public void Open()
    {
        _holding = true;
        _mark = (_current.Count, _current.TextLength);
    }

    public void Accept()
    {
        foreach (var batch in _held) _ready.Enqueue(batch);
        _held.Clear();
        _holding = false;
    }

    public void Reject()
    {
        if (_held.Count > 0)
        {
            _current.Clear();
            _spare.Push(_current);
            for (var i = _held.Count - 1; i >= 1; i--)
            {
                _held[i].Clear();
                _spare.Push(_held[i]);
            }
            _current = _held[0];
            _held.Clear();
        }
        _current.Truncate(_mark.Count, _mark.Text);
        _holding = false;
    }

    /// <summary>Full batches the loader may take now.</summary>
    public IEnumerable<ClaimBatch> TakeReady()
    {
        while (_ready.TryDequeue(out var batch)) yield return batch;
    }

    /// <summary>The last, partly filled batch (null when empty), once every unit is closed.</summary>
    public ClaimBatch? Rest() => _current.Count > 0 ? _current : null;
}
