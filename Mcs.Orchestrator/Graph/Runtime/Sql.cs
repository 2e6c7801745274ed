using Npgsql;
using NpgsqlTypes;

namespace Mcs.Orchestrator.Graph.Runtime;

/// <summary>Small helpers for positional-parameter Npgsql commands.</summary>
internal static class Sql
{
    public static NpgsqlParameter P(object? value, NpgsqlDbType type) => new() { Value = value ?? DBNull.Value, NpgsqlDbType = type };

    public static NpgsqlCommand Command(NpgsqlConnection connection, string text, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlCommand(text, connection);
        command.Parameters.AddRange(parameters);
        return command;
    }

    public static string Lower(RunLifecycle status) => status switch
    {
        RunLifecycle.Pending => "pending",
        RunLifecycle.Running => "running",
        RunLifecycle.Interrupted => "interrupted",
        RunLifecycle.Blocked => "blocked",
        RunLifecycle.Succeeded => "succeeded",
        RunLifecycle.Failed => "failed",
        _ => "cancelled",
    };

    public static RunLifecycle Lifecycle(string status) => status switch
    {
        "pending" => RunLifecycle.Pending,
        "running" => RunLifecycle.Running,
        "interrupted" => RunLifecycle.Interrupted,
        "blocked" => RunLifecycle.Blocked,
        "succeeded" => RunLifecycle.Succeeded,
        "failed" => RunLifecycle.Failed,
        _ => RunLifecycle.Cancelled,
    };

    public static string? Lower(ReplayMode? mode) => mode switch
    {
        ReplayMode.Live => "live",
        ReplayMode.Recorded => "recorded",
        _ => null,
    };

    public static ReplayMode? Replay(string? mode) => mode switch
    {
        "live" => ReplayMode.Live,
        "recorded" => ReplayMode.Recorded,
        _ => null,
    };

    public static T? Nullable<T>(this NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? default : reader.GetFieldValue<T>(ordinal);
}
