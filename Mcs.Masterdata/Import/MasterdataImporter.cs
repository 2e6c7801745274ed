using System.Text.RegularExpressions;
using Mcs.Contracts.MasterData;
using Mcs.Masterdata.Data;
using Mcs.Masterdata.Writes;
using Mcs.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace Mcs.Masterdata.Import;

/// <summary>
/// Imports the files sales operations keep (natural keys: company code, customer_num, email, sku) as one bulk
/// change: all or nothing, and every error listed by file, row and column (422 <c>import_invalid</c>).
/// </summary>
public sealed partial class MasterdataImporter(MasterdataDbContext db, MasterdataStore store)
{
    public async Task<ImportReport> ImportAsync(IEnumerable<(string FileName, byte[] Content)> files, CancellationToken cancellationToken, long? onlyIfVersion = null)
    {
        var tables = new Dictionary<string, List<TableRow>>();
        var errors = new List<ImportError>();
        foreach (var (name, content) in files)
        {
            ImportFileReader.Read(name, content, tables, errors);
        }
        ThrowIfAny(errors);
        List<TableRow> Rows(string entity) => tables.TryGetValue(entity, out var rows) ? rows : [];

        var companyRows = Rows(ImportColumns.Companies);
        var customerRows = Rows(ImportColumns.Customers);
        var contactRows = Rows(ImportColumns.Contacts);
        var productRows = Rows(ImportColumns.Products);
        var numberRows = Rows(ImportColumns.PartNumbers);

        // Natural key → id: the file's id column, else the existing row's id, else a new one.
        var companyIds = await IdsAsync(companyRows, "code", keys => db.Companies.Where(c => keys.Contains(c.Code)).Select(c => new { c.Code, c.Id }).ToDictionaryAsync(c => c.Code, c => c.Id, cancellationToken));
        var customerIds = await IdsAsync(customerRows.Concat(contactRows).Concat(numberRows), "customer_num",
            keys => db.Customers.Where(c => keys.Contains(c.CustomerNum)).Select(c => new { c.CustomerNum, c.Id }).ToDictionaryAsync(c => c.CustomerNum, c => c.Id, cancellationToken),
            createFrom: customerRows);
        var contactIds = await IdsAsync(contactRows, "email", keys => db.Contacts.Where(c => keys.Contains(c.EmailKey)).Select(c => new { c.EmailKey, c.Id }).ToDictionaryAsync(c => c.EmailKey, c => c.Id, cancellationToken), lower: true);
        var productIds = await IdsAsync(productRows.Concat(numberRows), "sku",
            keys => db.Products.Where(p => keys.Contains(p.Sku)).Select(p => new { p.Sku, p.Id }).ToDictionaryAsync(p => p.Sku, p => p.Id, cancellationToken),
            createFrom: productRows);

        var partNumbers = new Dictionary<string, List<CustomerPartNumber>>(StringComparer.Ordinal);
        foreach (var row in numberRows)
        {
            var customer = Resolve(customerIds, row, "customer_num", "customer", errors);
            var product = Resolve(productIds, row, "sku", "product", errors);
            if (customer is not null && product is not null)
            {
                (partNumbers.TryGetValue(row.Get("sku"), out var list) ? list : partNumbers[row.Get("sku")] = []).Add(new CustomerPartNumber { CustomerId = customer, PartNo = row.Get("part_no") });
            }
        }
        var products = productRows.Select(r => ImportRowParser.Product(r, productIds[r.Get("sku")], partNumbers.GetValueOrDefault(r.Get("sku")) ?? [], errors)).ToList();
        // Part numbers for products already stored but not in this import: keep their data, add the numbers.
        var inFile = productRows.Select(r => r.Get("sku")).ToHashSet(StringComparer.Ordinal);
        var extraSkus = partNumbers.Keys.Where(sku => !inFile.Contains(sku)).ToList();
        var extraRows = new List<TableRow>();
        if (extraSkus.Count > 0)
        {
            var stored = await db.Products.AsNoTracking().Include(p => p.PartNumbers).Where(p => extraSkus.Contains(p.Sku)).ToListAsync(cancellationToken);
            foreach (var product in stored)
            {
                var merged = product.PartNumbers.Select(n => new CustomerPartNumber { CustomerId = n.CustomerId, PartNo = n.PartNo })
                    .Concat(partNumbers[product.Sku]).DistinctBy(n => (n.CustomerId, n.PartNo)).ToList();
                products.Add(product.ToContract(merged));
                extraRows.Add(numberRows.First(r => r.Get("sku") == product.Sku));
            }
        }
        var change = new BulkChange
        {
            Companies = [.. companyRows.Select(r => ImportRowParser.Company(r, companyIds[r.Get("code")]))],
            Customers = [.. customerRows.Select(r => ImportRowParser.Customer(r, customerIds[r.Get("customer_num")], errors))],
            Contacts = [.. contactRows.Select(r => (Row: r, Customer: Resolve(customerIds, r, "customer_num", "customer", errors)))
                .Where(x => x.Customer is not null)
                .Select(x => ImportRowParser.Contact(x.Row, contactIds[x.Row.Get("email").Trim().ToLowerInvariant()], x.Customer!))],
            Products = products,
        };
        ThrowIfAny(errors);
        var rowsByList = new Dictionary<string, List<TableRow>>
        {
            ["companies"] = companyRows, ["customers"] = customerRows, ["contacts"] = contactRows, ["products"] = [.. productRows, .. extraRows],
        };
        try
        {
            var outcome = await store.ApplyAsync(change, cancellationToken, onlyIfVersion);
            return new ImportReport(outcome.Version, companyRows.Count, customerRows.Count, contactRows.Count, productRows.Count, numberRows.Count);
        }
        catch (McsException e) when (e.Errors is not null && e.StatusCode != StatusCodes.Status409Conflict || e.Code == MasterdataErrorCodes.DuplicateNaturalKey)
        {
            // The store names list items (customers[3].email); the person fixing the file needs file, row and column.
            var translated = (e.Errors ?? new Dictionary<string, string[]>()).SelectMany(pair => pair.Value.Select(message => Translate(pair.Key, message, rowsByList))).ToList();
            ThrowIfAny(translated.Count > 0 ? translated : [new ImportError("import", 0, "rows", e.Message)]);
            throw;
        }
    }

    private async Task<Dictionary<string, string>> IdsAsync(IEnumerable<TableRow> rows, string keyColumn,
        Func<List<string>, Task<Dictionary<string, string>>> existing, IEnumerable<TableRow>? createFrom = null, bool lower = false)
    {
        string Key(TableRow row) => lower ? row.Get(keyColumn).Trim().ToLowerInvariant() : row.Get(keyColumn).Trim();
        var keys = rows.Select(Key).Where(k => k.Length > 0).Distinct().ToList();
        var ids = await existing(keys);
        foreach (var row in createFrom ?? rows)
        {
            var key = Key(row);
            if (!ids.ContainsKey(key) || row.GetOptional("id") is not null)
            {
                ids[key] = row.GetOptional("id") ?? Guid.NewGuid().ToString();
            }
        }
        return ids;
    }

    private static string? Resolve(Dictionary<string, string> ids, TableRow row, string column, string what, List<ImportError> errors)
    {
        if (ids.TryGetValue(row.Get(column).Trim(), out var id))
        {
            return id;
        }
        errors.Add(new ImportError(row.File, row.Row, column, $"unknown {what} '{row.Get(column)}' (not in this import nor stored)"));
        return null;
    }

    private static ImportError Translate(string key, string message, Dictionary<string, List<TableRow>> rowsByList)
    {
        var match = StoreKey().Match(key);
        if (match.Success && rowsByList.TryGetValue(match.Groups["list"].Value, out var rows) && int.TryParse(match.Groups["index"].Value, out var index) && index < rows.Count)
        {
            var column = match.Groups["field"].Success ? match.Groups["field"].Value : "row";
            return new ImportError(rows[index].File, rows[index].Row, column, message);
        }
        return new ImportError("import", 0, key, message);
    }

    private static void ThrowIfAny(List<ImportError> errors)
    {
        if (errors.Count == 0)
        {
            return;
        }
        var first = errors[0];
        throw new McsException(MasterdataErrorCodes.ImportInvalid,
            $"{errors.Count} error(s); nothing was imported. First: {first.File} row {first.Row}, column {first.Column}: {first.Message}",
            StatusCodes.Status422UnprocessableEntity)
        {
            Errors = errors.GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
        };
    }

    [GeneratedRegex(@"^(?<list>[a-z_]+)\[(?<index>\d+)\](\.(?<field>[a-z_]+))?")]
    private static partial Regex StoreKey();
}
