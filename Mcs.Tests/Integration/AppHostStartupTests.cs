using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mcs.Contracts;

namespace Mcs.Tests.Integration;

[Collection(AppHostCollection.Name)]
[Trait("Category", "Integration")]
public class AppHostStartupTests(AppHostFixture fixture)
{
    [Fact(Timeout = AppHostFixture.TestTimeoutMs)]
    public async Task Every_service_reports_healthy_components_with_a_key()
    {
        foreach (var service in AppHostFixture.Services)
        {
            using var client = fixture.CreateClient(service);
            using var response = await client.GetAsync("/v1/healthz");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{service} /v1/healthz answered {(int)response.StatusCode}");
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Contains(body.RootElement.GetProperty("status").GetString(), new[] { "healthy", "degraded" });
            Assert.True(body.RootElement.GetProperty("checks").EnumerateObject().Any(), $"{service} lists no checks");
        }
    }

    [Theory(Timeout = AppHostFixture.TestTimeoutMs)]
    [InlineData(ServiceNames.Masterdata, "/v1/masterdata/version")]
    [InlineData(ServiceNames.Orchestrator, "/v1/orchestrations/runs")]
    [InlineData(ServiceNames.EmailListener, "/v1/email/records")]
    public async Task A_protected_endpoint_refuses_a_caller_without_a_key(string service, string path)
    {
        using var anonymous = fixture.CreateClient(service, authenticated: false);
        using var response = await anonymous.GetAsync(path);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("unauthorized", problem.GetProperty("code").GetString());

        using var wrongKey = fixture.CreateClient(service, authenticated: false);
        wrongKey.DefaultRequestHeaders.Authorization = new("Bearer", "not-the-key-" + Guid.NewGuid());
        using var refused = await wrongKey.GetAsync(path);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact(Timeout = AppHostFixture.TestTimeoutMs)]
    public async Task Health_is_anonymous_everywhere()
    {
        foreach (var service in AppHostFixture.Services)
        {
            using var anonymous = fixture.CreateClient(service, authenticated: false);
            using var response = await anonymous.GetAsync("/health");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }
}
