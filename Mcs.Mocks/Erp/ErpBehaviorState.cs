namespace Mcs.Mocks.Erp;

/// <summary>The current <see cref="ErpBehavior"/>; <c>fail_next</c> counts down as failures are served.</summary>
public sealed class ErpBehaviorState
{
    private readonly Lock _gate = new();
    private ErpBehavior _current = new();

    public ErpBehavior Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
        set
        {
            lock (_gate)
            {
                _current = value;
            }
        }
    }

    /// <summary>The status to fail this call with, or null to serve it.</summary>
    public int? TakeFailure()
    {
        lock (_gate)
        {
            if (_current.FailNext <= 0)
            {
                return null;
            }
            _current = _current with { FailNext = _current.FailNext - 1 };
            return _current.FailStatus;
        }
    }
}
