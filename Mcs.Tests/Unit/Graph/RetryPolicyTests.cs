using System.Net;
using Mcs.Orchestrator.Graph;

namespace Mcs.Tests.Unit.Graph;

public sealed class RetryPolicyTests
{
    [Fact]
    public void Default_backoff_doubles_from_half_a_second_and_caps_at_128_seconds()
    {
        var policy = RetryPolicy.Default with { Jitter = false };

        Assert.Equal([0.5, 1, 2, 4], Enumerable.Range(1, 4).Select(a => policy.DelayAfter(a, 0.7).TotalSeconds));
        Assert.Equal(128, policy.DelayAfter(20, 0).TotalSeconds);
    }

    [Fact]
    public void Jitter_spreads_a_delay_between_half_and_all_of_it()
    {
        Assert.Equal(1, RetryPolicy.Default.DelayAfter(2, 0).TotalSeconds * 2);
        Assert.InRange(RetryPolicy.Default.DelayAfter(2, 0.999).TotalSeconds, 0.99, 1.0);
    }

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable, true)]
    [InlineData(HttpStatusCode.TooManyRequests, true)]
    [InlineData(HttpStatusCode.RequestTimeout, true)]
    [InlineData(HttpStatusCode.UnprocessableEntity, false)]
    [InlineData(HttpStatusCode.BadRequest, false)]
    public void Only_transient_http_failures_are_retried(HttpStatusCode status, bool retried) =>
        Assert.Equal(retried, RetryPolicy.Default.IsRetryable(new HttpRequestException("x", null, status)));

    [Fact]
    public void Timeouts_are_retried_and_validation_errors_are_not()
    {
        Assert.True(RetryPolicy.Default.IsRetryable(new TimeoutException()));
        Assert.False(RetryPolicy.Default.IsRetryable(new ArgumentException("bad")));
        Assert.False(RetryPolicy.Default.IsRetryable(new NodeFailedException("erp_rejected", "4xx", retryable: false)));
        Assert.True(new RetryPolicy(RetryOn: e => e is ArgumentException).IsRetryable(new ArgumentException("custom")));
    }
}
