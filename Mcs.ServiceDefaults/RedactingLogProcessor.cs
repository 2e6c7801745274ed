using OpenTelemetry;
using OpenTelemetry.Logs;

namespace Mcs.ServiceDefaults;

/// <summary>
/// Redacts email addresses and phone numbers in every log record before the OTLP exporter sends it to the
/// dashboard or a collector: the formatted message, the body and each string attribute.
/// </summary>
public sealed class RedactingLogProcessor : BaseProcessor<LogRecord>
{
    public override void OnEnd(LogRecord data)
    {
        if (data.FormattedMessage is not null)
        {
            data.FormattedMessage = PersonalDataRedactor.Redact(data.FormattedMessage);
        }
        if (data.Body is not null)
        {
            data.Body = PersonalDataRedactor.Redact(data.Body);
        }
        if (data.Attributes is { Count: > 0 } attributes)
        {
            var redacted = new List<KeyValuePair<string, object?>>(attributes.Count);
            foreach (var (key, value) in attributes)
            {
                redacted.Add(new(key, value is string text ? PersonalDataRedactor.Redact(text) : value));
            }
            data.Attributes = redacted;
        }
        base.OnEnd(data);
    }
}
