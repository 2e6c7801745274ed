namespace Mcs.Mocks.Dify.Scripting;

/// <summary>
/// Scripts by workflow and match. The most recently put matching script answers; its responses are taken in order,
/// and once used up the last one repeats (<c>repeat_last</c>) or the script stops matching and the app answers
/// unscripted again.
/// </summary>
public sealed class DifyScriptStore
{
    private readonly Lock _gate = new();
    private readonly List<ScriptState> _scripts = [];

    /// <returns>True when the script replaced one with the same workflow and match.</returns>
    public bool Put(DifyScript script)
    {
        lock (_gate)
        {
            var removed = _scripts.RemoveAll(s => s.Script.Workflow == script.Workflow && s.Script.Match.SameAs(script.Match));
            _scripts.Add(new ScriptState(script));
            return removed > 0;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _scripts.Clear();
        }
    }

    public DifyScriptResponse? Next(string workflow, string? fileSha256, string inputsText)
    {
        lock (_gate)
        {
            for (var i = _scripts.Count - 1; i >= 0; i--)
            {
                var state = _scripts[i];
                if (state.Script.Workflow != workflow || !state.Script.Match.Matches(fileSha256, inputsText))
                {
                    continue;
                }
                var responses = state.Script.Responses;
                if (state.Used < responses.Count)
                {
                    return responses[state.Used++];
                }
                if (state.Script.RepeatLast && responses.Count > 0)
                {
                    return responses[^1];
                }
            }
            return null;
        }
    }

    private sealed class ScriptState(DifyScript script)
    {
        public DifyScript Script { get; } = script;
        public int Used { get; set; }
    }
}
