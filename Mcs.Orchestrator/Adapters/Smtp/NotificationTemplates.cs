using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Encodings.Web;
using Fluid;

namespace Mcs.Orchestrator.Adapters.Smtp;

/// <summary>
/// The Liquid templates embedded in this assembly (Adapters/Smtp/Templates): per kind and language a subject and a
/// text body, and one HTML layout that wraps the text. Parsed once, rendered per message.
/// </summary>
public sealed class NotificationTemplates
{
    private static readonly FluidParser Parser = new();
    private readonly ConcurrentDictionary<string, IFluidTemplate> _templates = new(StringComparer.Ordinal);
    private readonly TemplateOptions _options = new() { CultureInfo = CultureInfo.InvariantCulture };

    public async Task<RenderedNotification> RenderAsync(SalesNotification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var kind = notification.Kind switch
        {
            NotificationKind.OrderCreated => "order_created",
            NotificationKind.ReviewNeeded => "review_needed",
            _ => "failed",
        };
        var lang = notification.Language == NotificationLanguage.En ? "en" : "zh";
        var context = new TemplateContext(_options);
        context.SetValue("lang", lang);
        context.SetValue("run_id", notification.RunId);
        context.SetValue("email_subject", notification.EmailSubject);
        context.SetValue("customer_name", notification.CustomerName);
        context.SetValue("contract_no", notification.ContractNo);
        context.SetValue("order_no", notification.OrderNo);
        context.SetValue("total_amount", notification.TotalAmount?.ToString("N2", CultureInfo.InvariantCulture));
        context.SetValue("currency", notification.Currency);
        context.SetValue("reasons", notification.Reasons.ToArray());
        context.SetValue("error_code", notification.ErrorCode);
        context.SetValue("link", notification.Link?.AbsoluteUri);
        context.SetValue("link_label", lang == "en" ? "Open in MCS" : "在 MCS 中打开");

        var subject = (await Get($"{kind}.{lang}.subject").RenderAsync(context, NullEncoder.Default)).Trim();
        var text = await Get($"{kind}.{lang}.text").RenderAsync(context, NullEncoder.Default);
        context.SetValue("subject", subject);
        context.SetValue("text", text);
        var html = await Get("layout.html").RenderAsync(context, HtmlEncoder.Default);
        return new RenderedNotification(subject, text, html);
    }

    private IFluidTemplate Get(string name) => _templates.GetOrAdd(name, static key =>
    {
        var resource = typeof(NotificationTemplates).Assembly.GetManifestResourceNames()
            .SingleOrDefault(candidate => candidate.EndsWith("." + key + ".liquid", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"Template {key}.liquid is not embedded");
        using var stream = typeof(NotificationTemplates).Assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        var source = reader.ReadToEnd();
        return Parser.TryParse(source, out var template, out var error)
            ? template
            : throw new InvalidOperationException($"Template {key}.liquid does not parse: {error}");
    });
}
