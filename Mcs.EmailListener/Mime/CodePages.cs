using System.Runtime.CompilerServices;
using System.Text;

namespace Mcs.EmailListener.Mime;

/// <summary>
/// GBK, GB2312, Big5, EUC-KR and friends live in the code-pages provider on .NET. MimeKit builds its charset table
/// once, on first use, so the provider must be registered before anything (MailKit included) touches MimeKit:
/// a module initializer runs as soon as this assembly loads.
/// </summary>
internal static class CodePages
{
    [ModuleInitializer]
    internal static void Register() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
}
