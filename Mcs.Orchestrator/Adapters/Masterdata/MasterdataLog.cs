namespace Mcs.Orchestrator.Adapters.Masterdata;

internal static partial class MasterdataLog
{
    [LoggerMessage(EventId = 4400, Level = LogLevel.Information, Message = "Masterdata snapshot version {Version} loaded")]
    public static partial void Loaded(ILogger logger, long version);

    [LoggerMessage(EventId = 4401, Level = LogLevel.Warning, Message = "Masterdata unreachable; serving version {Version} confirmed at {ConfirmedAt}: {Detail}")]
    public static partial void ServingStale(ILogger logger, long version, DateTimeOffset confirmedAt, string detail);

    [LoggerMessage(EventId = 4402, Level = LogLevel.Error, Message = "Masterdata unreachable and no snapshot loaded: {Detail}")]
    public static partial void NoSnapshot(ILogger logger, string detail);
}
