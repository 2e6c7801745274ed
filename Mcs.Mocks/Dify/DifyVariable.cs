namespace Mcs.Mocks.Dify;

/// <summary>A Start-node variable as Dify publishes it (<c>user_input_form</c>); <see cref="Type"/> is Dify's type name.</summary>
public sealed record DifyVariable(string Name, string Label, string Type, bool Required, int? MaxLength = null)
{
    public const string Paragraph = "paragraph";
    public const string TextInput = "text-input";
    public const string File = "file";
}
