using System.Runtime.CompilerServices;
using System.Text;

namespace Mcs.Tests.Support;

/// <summary>
/// The test process uses MimeKit (TestDovecot) before it loads Mcs.EmailListener, whose module initializer registers
/// the code pages; MimeKit caches its charset table on first use, so register here too, as the listener does at start.
/// </summary>
internal static class CodePagesSetup
{
    [ModuleInitializer]
    internal static void Register() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
}
