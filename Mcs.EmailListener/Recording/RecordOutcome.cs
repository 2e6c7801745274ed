namespace Mcs.EmailListener.Recording;

public enum RecordOutcome
{
    /// <summary>A new delivery, waiting in the outbox.</summary>
    Recorded,
    /// <summary>A new delivery recorded as rejected (with its reason); never handed over.</summary>
    Rejected,
    /// <summary>This UIDVALIDITY + UID was recorded before.</summary>
    AlreadyRecorded,
    /// <summary>The same raw message was recorded under an earlier UIDVALIDITY; its record now points here.</summary>
    CarriedOver,
}
