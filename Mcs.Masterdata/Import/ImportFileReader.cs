using System.Globalization;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace Mcs.Masterdata.Import;

/// <summary>
/// Turns uploaded files into rows per entity: <c>customers.csv</c>, <c>customers.xlsx</c> (first sheet), or one
/// workbook whose sheets are named after the entities. Header names are mapped to canonical columns; a missing
/// required column or an unknown one is an error, so a typo never drops a column silently.
/// </summary>
public static class ImportFileReader
{
    public static void Read(string fileName, byte[] content, Dictionary<string, List<TableRow>> tables, List<ImportError> errors)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var stem = Path.GetFileNameWithoutExtension(fileName);
        switch (extension)
        {
            case ".csv":
                if (!ImportColumns.EntityNames.TryGetValue(stem, out var entity))
                {
                    errors.Add(new ImportError(fileName, 0, "file", $"unknown file name; expected one of {string.Join(", ", ImportColumns.Entities)} (.csv or .xlsx)"));
                    return;
                }
                AddTable(fileName, entity, CsvReader.Read(content), tables, errors);
                break;
            case ".xlsx":
                ReadWorkbook(fileName, stem, content, tables, errors);
                break;
            default:
                errors.Add(new ImportError(fileName, 0, "file", "unsupported file type; use .csv (UTF-8 or GB18030) or .xlsx"));
                break;
        }
    }

    private static void ReadWorkbook(string fileName, string stem, byte[] content, Dictionary<string, List<TableRow>> tables, List<ImportError> errors)
    {
        List<string> sheets;
        try
        {
            using var probe = new MemoryStream(content);
            sheets = MiniExcel.GetSheetNames(probe);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or InvalidOperationException or System.Xml.XmlException)
        {
            errors.Add(new ImportError(fileName, 0, "file", $"not a readable .xlsx workbook ({e.Message})"));
            return;
        }
        // customers.xlsx → its first sheet; any other workbook → every sheet named after an entity.
        var wanted = ImportColumns.EntityNames.TryGetValue(stem, out var fileEntity)
            ? sheets.Take(1).Select(sheet => (sheet, fileEntity)).ToList()
            : [.. sheets.Where(ImportColumns.EntityNames.ContainsKey).Select(sheet => (sheet, ImportColumns.EntityNames[sheet]))];
        if (wanted.Count == 0)
        {
            errors.Add(new ImportError(fileName, 0, "file", $"no sheet named after an entity ({string.Join(", ", ImportColumns.Entities)})"));
        }
        foreach (var (sheet, entity) in wanted)
        {
            using var stream = new MemoryStream(content);
            var grid = MiniExcel.Query(stream, useHeaderRow: false, sheetName: sheet)
                .Cast<IDictionary<string, object?>>()
                .Select(row => row.Values.Select(Cell).ToArray())
                .ToList();
            AddTable(wanted.Count == 1 && fileEntity is not null ? fileName : $"{fileName}[{sheet}]", entity, grid, tables, errors);
        }
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        double number => number.ToString("0.############", CultureInfo.InvariantCulture),
        DateTime date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static void AddTable(string file, string entity, List<string[]> grid, Dictionary<string, List<TableRow>> tables, List<ImportError> errors)
    {
        if (grid.Count == 0)
        {
            errors.Add(new ImportError(file, 1, "header", "the file is empty; the first row must name the columns"));
            return;
        }
        var columns = ImportColumns.ByEntity[entity];
        var header = grid[0];
        var mapping = new string?[header.Length];
        for (var i = 0; i < header.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(header[i]))
            {
                continue;
            }
            mapping[i] = columns.FirstOrDefault(c => c.Matches(header[i]))?.Name;
            if (mapping[i] is null)
            {
                errors.Add(new ImportError(file, 1, header[i], $"unknown column; expected {string.Join(", ", columns.Select(c => c.Name))}"));
            }
        }
        foreach (var missing in columns.Where(c => c.Required && !mapping.Contains(c.Name)))
        {
            errors.Add(new ImportError(file, 1, missing.Name, $"required column missing (also accepted: {string.Join(", ", missing.Synonyms)})"));
        }
        var rows = tables.TryGetValue(entity, out var existing) ? existing : tables[entity] = [];
        for (var r = 1; r < grid.Count; r++)
        {
            if (grid[r].All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            var cells = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < Math.Min(mapping.Length, grid[r].Length); i++)
            {
                if (mapping[i] is { } name)
                {
                    cells[name] = grid[r][i].Trim();
                }
            }
            rows.Add(new TableRow(file, r + 1, cells));
        }
    }
}
