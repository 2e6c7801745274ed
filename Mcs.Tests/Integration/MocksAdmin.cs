using System.Net.Http.Json;
using Mcs.Contracts;
using Mcs.Mocks.Admin;
using Mcs.Mocks.Dify;
using Mcs.Mocks.Dify.Scripting;
using Mcs.Mocks.Erp;
using Mcs.Mocks.Smtp;

namespace Mcs.Tests.Integration;

/// <summary>
/// The stand-ins' read-back and scripting API (<c>/_mock/...</c> on the mocks resource): what reached the ERP, the
/// SMTP sink and Dify, as a user checking the demo would look at it.
/// </summary>
public sealed class MocksAdmin(HttpClient http) : IDisposable
{
    public async Task<IReadOnlyList<ErpOrder>> OrdersAsync() =>
        (await http.GetFromJsonAsync<ItemList<ErpOrder>>("/_mock/erp/orders", McsJson.Options))!.Items;

    public async Task<IReadOnlyList<ErpOrder>> OrdersForContractAsync(string contractNo) =>
        [.. (await OrdersAsync()).Where(o => o.Payload.ContractNo == contractNo)];

    public async Task<IReadOnlyList<SmtpSinkMessage>> MailsAsync() =>
        (await http.GetFromJsonAsync<ItemList<SmtpSinkMessage>>("/_mock/smtp/messages", McsJson.Options))!.Items;

    /// <summary>Mails to <paramref name="recipient"/> whose subject names <paramref name="subjectPart"/> (an order or contract number).</summary>
    public async Task<IReadOnlyList<SmtpSinkMessage>> MailsToAsync(string recipient, string subjectPart) =>
        [.. (await MailsAsync()).Where(m =>
            m.To.Contains(recipient, StringComparer.OrdinalIgnoreCase) && m.Subject.Contains(subjectPart, StringComparison.Ordinal))];

    public async Task<IReadOnlyList<DifyCall>> DifyCallsAsync() =>
        (await http.GetFromJsonAsync<ItemList<DifyCall>>("/_mock/dify/calls", McsJson.Options))!.Items;

    /// <summary>Run calls of one Dify app whose inputs mention <paramref name="inputPart"/> (a contract number in the subject).</summary>
    public async Task<IReadOnlyList<DifyCall>> DifyRunCallsAsync(string workflow, string inputPart) =>
        [.. (await DifyCallsAsync()).Where(c =>
            c.Endpoint == "workflows/run" && c.Workflow == workflow && c.Inputs is { } inputs
            && inputs.ToJsonString().Contains(inputPart, StringComparison.Ordinal))];

    public async Task ScriptDifyAsync(DifyScript script)
    {
        using var response = await http.PutAsJsonAsync("/_mock/dify/scripts", script, McsJson.Options);
        response.EnsureSuccessStatusCode();
    }

    public void Dispose() => http.Dispose();
}
