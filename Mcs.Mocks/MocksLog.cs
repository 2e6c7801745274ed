namespace Mcs.Mocks;

/// <summary>Log messages of Mcs.Mocks.</summary>
public static partial class MocksLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "SMTP sink listening on 127.0.0.1:{Port}")]
    public static partial void SmtpListening(ILogger logger, int port);

}
