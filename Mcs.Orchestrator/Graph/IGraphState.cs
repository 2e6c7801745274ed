namespace Mcs.Orchestrator.Graph;

/// <summary>
/// The state a graph carries from node to node: an immutable record, serialized to a checkpoint as JSON after every
/// node. Keep documents out of it (store a hash or id instead): checkpoints warn at 256 KB and fail at 2 MB.
/// </summary>
/// <remarks>
/// Bump <see cref="SchemaVersion"/> only when a field is renamed, removed or retyped, and register an upcaster for
/// the old version on the builder; additive nullable fields need no bump.
/// </remarks>
public interface IGraphState
{
    int SchemaVersion { get; }
}
