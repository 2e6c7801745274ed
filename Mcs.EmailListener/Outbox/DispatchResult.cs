namespace Mcs.EmailListener.Outbox;

public enum DispatchResult
{
    Accepted,
    Rejected,
    Retry,
}
