using Mcs.ServiceDefaults;

namespace Mcs.Masterdata.Writes;

/// <summary>
/// Decides, for one list of a change, which rows are new and which update an existing row, by id and natural key:
/// an empty id means "match by natural key, else create"; a given id whose natural key already belongs to another
/// id is a conflict (409 <c>duplicate_natural_key</c>), never a silent merge of two records.
/// </summary>
public static class UpsertPlan
{
    public static (List<TEntity> Created, List<TEntity> Updated, List<string> FinalIds) Resolve<TItem, TEntity>(
        IReadOnlyList<TItem> items, string listName, string keyName,
        Func<TItem, string> itemId, Func<TItem, string> itemKey,
        IReadOnlyCollection<TEntity> existing, Func<TEntity, string> entityId, Func<TEntity, string> entityKey,
        Func<string, TEntity> create, Action<TEntity, TItem> copy)
        where TEntity : class
    {
        var byId = existing.ToDictionary(entityId, StringComparer.Ordinal);
        var byKey = existing.ToDictionary(entityKey, StringComparer.Ordinal);
        var created = new List<TEntity>();
        var updated = new List<TEntity>();
        var finalIds = new List<string>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var id = itemId(item);
            var key = itemKey(item);
            byKey.TryGetValue(key, out var keyOwner);
            TEntity target;
            if (id.Length == 0)
            {
                target = keyOwner ?? create(Guid.NewGuid().ToString());
            }
            else if (keyOwner is not null && entityId(keyOwner) != id)
            {
                throw new McsException(MasterdataErrorCodes.DuplicateNaturalKey,
                    $"{listName}[{i}]: {keyName} '{key}' already belongs to id '{entityId(keyOwner)}', not '{id}'.",
                    StatusCodes.Status409Conflict)
                {
                    Errors = new Dictionary<string, string[]> { [$"{listName}[{i}].{keyName}"] = [$"'{key}' already belongs to id '{entityId(keyOwner)}'"] },
                };
            }
            else
            {
                target = byId.TryGetValue(id, out var found) ? found : create(id);
            }
            var isNew = !byId.ContainsKey(entityId(target)) && keyOwner is null;
            copy(target, item);
            (isNew ? created : updated).Add(target);
            finalIds.Add(entityId(target));
        }
        return (created, updated, finalIds);
    }
}
