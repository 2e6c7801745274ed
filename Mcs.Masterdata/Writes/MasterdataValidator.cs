using System.Globalization;
using System.Text.RegularExpressions;
using Mcs.Contracts.MasterData;
using Mcs.ServiceDefaults;

namespace Mcs.Masterdata.Writes;

/// <summary>
/// Checks a change before any database work: every broken field is reported at once as
/// <c>customers[3].email</c> → messages, so a caller fixes a file in one round.
/// </summary>
public static partial class MasterdataValidator
{
    public const int MaxIdLength = 64;

    public static void ThrowIfInvalid(BulkChange change)
    {
        var errors = Validate(change);
        if (errors.Count > 0)
        {
            var first = errors.First();
            throw new McsException(ErrorCodes.ValidationFailed,
                $"{errors.Count} invalid field(s); first: {first.Key}: {first.Value[0]}", StatusCodes.Status422UnprocessableEntity)
            {
                Errors = errors.ToDictionary(e => e.Key, e => e.Value.ToArray()),
            };
        }
    }

    public static Dictionary<string, List<string>> Validate(BulkChange change)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list))
            {
                errors[field] = list = [];
            }
            list.Add(message);
        }

        var deletes = change.Delete;
        CheckList(change.Companies, "companies", c => c.CompanyId, c => c.Code, "code", deletes?.Companies, Add, (c, at) =>
        {
            Required(c.Name, at + ".name", Add);
            Domains(c.EmailDomains, at + ".email_domains", Add);
        });
        CheckList(change.Customers, "customers", c => c.CustomerId, c => c.CustomerNum, "customer_num", deletes?.Customers, Add, (c, at) =>
        {
            Required(c.Name, at + ".name", Add);
            Email(c.SalesOwnerEmail, at + ".sales_owner_email", Add);
            Currency(c.Currency, at + ".currency", Add);
            Domains(c.EmailDomains, at + ".email_domains", Add);
        });
        CheckList(change.Contacts, "contacts", c => c.ContactId, c => c.Email.Trim().ToLowerInvariant(), "email", deletes?.Contacts, Add, (c, at) =>
        {
            Required(c.Name, at + ".name", Add);
            Required(c.CustomerId, at + ".customer_id", Add);
            Email(c.Email, at + ".email", Add);
        });
        CheckList(change.Products, "products", p => p.ProductId, p => p.Sku, "sku", deletes?.Products, Add, (p, at) =>
        {
            Required(p.Name, at + ".name", Add);
            Required(p.Unit, at + ".unit", Add);
            Currency(p.Currency, at + ".currency", Add);
            if (p.UnitPrice < 0)
            {
                Add(at + ".unit_price", $"must not be negative (got {p.UnitPrice.ToString(CultureInfo.InvariantCulture)})");
            }
            else if (p.UnitPrice > 999_999_999_999m)
            {
                Add(at + ".unit_price", "is too large");
            }
            var seen = new HashSet<(string, string)>();
            for (var i = 0; i < p.CustomerPartNumbers.Count; i++)
            {
                var number = p.CustomerPartNumbers[i];
                var field = $"{at}.customer_part_numbers[{i}]";
                Required(number.CustomerId, field + ".customer_id", Add);
                Required(number.PartNo, field + ".part_no", Add);
                if (!seen.Add((number.CustomerId, number.PartNo)))
                {
                    Add(field, $"part number '{number.PartNo}' for customer '{number.CustomerId}' is listed twice");
                }
            }
        });
        return errors;
    }

    private static void CheckList<T>(IReadOnlyList<T>? items, string name, Func<T, string> id, Func<T, string> naturalKey, string keyField,
        IReadOnlyList<string>? deleted, Action<string, string> add, Action<T, string> checkItem)
    {
        if (items is null)
        {
            return;
        }
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        var deletedIds = deleted?.ToHashSet(StringComparer.Ordinal) ?? [];
        for (var i = 0; i < items.Count; i++)
        {
            var at = $"{name}[{i}]";
            var item = items[i];
            var itemId = id(item);
            if (itemId.Length > MaxIdLength)
            {
                add(at + ".id", $"is longer than {MaxIdLength} characters");
            }
            if (itemId.Length > 0 && !ids.TryAdd(itemId, i))
            {
                add(at + ".id", $"id '{itemId}' appears twice in this request (also {name}[{ids[itemId]}])");
            }
            if (itemId.Length > 0 && deletedIds.Contains(itemId))
            {
                add(at + ".id", $"id '{itemId}' is both upserted and deleted in this request");
            }
            var key = naturalKey(item);
            if (string.IsNullOrWhiteSpace(key))
            {
                add($"{at}.{keyField}", "is required");
            }
            else if (key.Length > MaxIdLength * 4)
            {
                add($"{at}.{keyField}", "is too long");
            }
            else if (!keys.TryAdd(key, i))
            {
                add($"{at}.{keyField}", $"'{key}' appears twice in this request (also {name}[{keys[key]}])");
            }
            checkItem(item, at);
        }
    }

    private static void Required(string? value, string field, Action<string, string> add)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            add(field, "is required");
        }
    }

    private static void Email(string? value, string field, Action<string, string> add)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            add(field, "is required");
        }
        else if (value.Length > 254 || !EmailPattern().IsMatch(value.Trim()))
        {
            add(field, $"'{value}' is not a valid email address");
        }
    }

    private static void Currency(string? value, string field, Action<string, string> add)
    {
        if (value is null || !CurrencyPattern().IsMatch(value))
        {
            add(field, $"'{value}' is not an ISO 4217 currency code (three capital letters, e.g. CNY)");
        }
    }

    private static void Domains(IReadOnlyList<string> domains, string field, Action<string, string> add)
    {
        for (var i = 0; i < domains.Count; i++)
        {
            if (!DomainPattern().IsMatch(domains[i]))
            {
                add($"{field}[{i}]", $"'{domains[i]}' is not a mail domain (e.g. example.com)");
            }
        }
    }

    [GeneratedRegex(@"^[^@\s]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^[A-Z]{3}$", RegexOptions.CultureInvariant)]
    private static partial Regex CurrencyPattern();

    [GeneratedRegex(@"^[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)+$", RegexOptions.CultureInvariant)]
    private static partial Regex DomainPattern();
}
