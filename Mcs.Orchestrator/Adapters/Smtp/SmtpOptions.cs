using System.ComponentModel.DataAnnotations;

namespace Mcs.Orchestrator.Adapters.Smtp;

/// <summary>Configuration section "Smtp": the relay notifications go through.</summary>
public sealed class SmtpOptions
{
    public const string SectionName = "Smtp";

    [Required(AllowEmptyStrings = false)]
    public string Host { get; set; } = "";

    [Range(1, 65535)]
    public int Port { get; set; } = 25;

    /// <summary>None, SslOnConnect, StartTls or Auto (MailKit's SecureSocketOptions names).</summary>
    public string Security { get; set; } = "None";

    public string? Username { get; set; }
    public string? Password { get; set; }

    [Required(AllowEmptyStrings = false)]
    [EmailAddress]
    public string From { get; set; } = "mcs@localhost";

    public string FromName { get; set; } = "MCS";

    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
