using System.ComponentModel.DataAnnotations;

namespace Mcs.EmailListener.Outbox;

/// <summary>Section <c>Orchestrator</c>: where accepted mail goes (<c>http://orchestrator</c> through service discovery).</summary>
public sealed class OrchestratorOptions
{
    public const string SectionName = "Orchestrator";

    [Required, Url]
    public string BaseUrl { get; set; } = "";

    /// <summary>One POST may wait this long; the run endpoint answers 202 after its own bounded wait.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(100);
}
