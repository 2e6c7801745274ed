namespace Mcs.Masterdata.Import;

/// <summary>One problem in an import file: which file, which row (1 = header), which column.</summary>
public sealed record ImportError(string File, int Row, string Column, string Message)
{
    public string Key => Row > 0 ? $"{File}:{Row}:{Column}" : $"{File}:{Column}";
}
