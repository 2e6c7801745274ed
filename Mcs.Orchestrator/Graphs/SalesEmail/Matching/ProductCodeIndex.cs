using System.Runtime.CompilerServices;
using Mcs.Contracts.MasterData;

namespace Mcs.Orchestrator.Graphs.SalesEmail.Matching;

/// <summary>
/// A product list's codes, normalized once: sku, (customer, part number) and alias, each to the products answering to
/// it. Matching a line used to normalize every code of every product; with a catalogue of thousands that is per line,
/// twice per run. Built once per list instance, which is once per master-data snapshot (the reader keeps one).
/// </summary>
internal sealed class ProductCodeIndex
{
    private static readonly ConditionalWeakTable<IReadOnlyList<Product>, ProductCodeIndex> Built = new();

    private readonly Dictionary<string, List<Product>> _bySku = new(StringComparer.Ordinal);
    private readonly Dictionary<(string? CustomerId, string Code), List<Product>> _byCustomerPart = [];
    private readonly Dictionary<string, List<Product>> _byAlias = new(StringComparer.Ordinal);

    private ProductCodeIndex(IReadOnlyList<Product> products)
    {
        foreach (var product in products)
        {
            Add(_bySku, CodeNormalizer.Normalize(product.Sku), product);
            foreach (var part in product.CustomerPartNumbers)
            {
                Add(_byCustomerPart, (part.CustomerId, CodeNormalizer.Normalize(part.PartNo)), product);
            }
            foreach (var alias in product.Aliases)
            {
                Add(_byAlias, CodeNormalizer.Normalize(alias), product);
            }
        }
    }

    /// <summary>The index of <paramref name="products"/>; the list must not change afterwards (snapshots never do).</summary>
    public static ProductCodeIndex Of(IReadOnlyList<Product> products) => Built.GetValue(products, list => new ProductCodeIndex(list));

    public IReadOnlyList<Product> BySku(string key) => _bySku.GetValueOrDefault(key) ?? [];

    public IReadOnlyList<Product> ByCustomerPartNo(string customerId, string key) => _byCustomerPart.GetValueOrDefault((customerId, key)) ?? [];

    public IReadOnlyList<Product> ByAlias(string key) => _byAlias.GetValueOrDefault(key) ?? [];

    private static void Add<TKey>(Dictionary<TKey, List<Product>> map, TKey key, Product product)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var products))
        {
            map[key] = products = [];
        }
        // A product listing the same code twice (two aliases that normalize alike) is still one product.
        if (products.Count == 0 || !ReferenceEquals(products[^1], product))
        {
            products.Add(product);
        }
    }
}
