using System.Diagnostics;
using Mcs.ServiceDefaults;
using Microsoft.Extensions.Configuration;
using OpenTelemetry.Trace;

namespace Mcs.Tests.Unit.ServiceDefaults;

public class TraceSamplingTests
{
    [Theory]
    [InlineData(null, 1.0)]
    [InlineData("", 1.0)]
    [InlineData("0.1", 0.1)]
    [InlineData("0", 0.0)]
    [InlineData("1", 1.0)]
    public void The_ratio_defaults_to_every_trace_and_reads_invariant_numbers(string? configured, double expected)
    {
        Assert.Equal(expected, TraceSampling.Ratio(configured));
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("-0.1")]
    [InlineData("0,1")]
    [InlineData("all")]
    [InlineData("NaN")]
    public void A_ratio_outside_0_to_1_stops_the_start_naming_the_setting(string configured)
    {
        var error = Assert.Throws<InvalidOperationException>(() => TraceSampling.Ratio(configured));
        Assert.Contains(TraceSampling.RatioKey, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ratio_0_drops_new_traces_but_keeps_a_trace_whose_caller_sampled_it()
    {
        var sampler = SamplerFor("0");

        Assert.Equal(SamplingDecision.Drop, sampler.ShouldSample(Root()).Decision);
        Assert.Equal(SamplingDecision.RecordAndSample, sampler.ShouldSample(ChildOf(ActivityTraceFlags.Recorded)).Decision);
        Assert.Equal(SamplingDecision.Drop, sampler.ShouldSample(ChildOf(ActivityTraceFlags.None)).Decision);
    }

    [Fact]
    public void Without_the_setting_every_new_trace_is_recorded()
    {
        Assert.Equal(SamplingDecision.RecordAndSample, SamplerFor(null).ShouldSample(Root()).Decision);
    }

    [Fact]
    public void A_ratio_keeps_about_that_share_of_new_traces()
    {
        var sampler = SamplerFor("0.1");

        var kept = Enumerable.Range(0, 10_000).Count(_ => sampler.ShouldSample(Root()).Decision == SamplingDecision.RecordAndSample);

        Assert.InRange(kept, 800, 1_200);
    }

    private static Sampler SamplerFor(string? ratio) =>
        TraceSampling.FromConfiguration(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [TraceSampling.RatioKey] = ratio })
            .Build());

    private static SamplingParameters Root() =>
        new(default, ActivityTraceId.CreateRandom(), "POST /v1/orchestrations/sales-email/run", ActivityKind.Server);

    private static SamplingParameters ChildOf(ActivityTraceFlags flags)
    {
        var parent = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), flags, isRemote: true);
        return new SamplingParameters(parent, parent.TraceId, "POST /v1/dify/workflows/run", ActivityKind.Server);
    }
}
