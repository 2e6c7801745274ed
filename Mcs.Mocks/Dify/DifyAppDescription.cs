using System.Text.Json.Nodes;

namespace Mcs.Mocks.Dify;

/// <summary>The bodies of <c>GET /v1/parameters</c> (§5.3) and <c>GET /v1/info</c> (§5.4) for one app.</summary>
public static class DifyAppDescription
{
    public static JsonObject Parameters(DifyApp app)
    {
        var form = new JsonArray();
        foreach (var variable in app.Variables)
        {
            var definition = new JsonObject
            {
                ["variable"] = variable.Name,
                ["label"] = variable.Label,
                ["type"] = variable.Type,
                ["required"] = variable.Required,
            };
            if (variable.Type == DifyVariable.File)
            {
                definition["allowed_file_types"] = new JsonArray("document");
                definition["allowed_file_extensions"] = new JsonArray(".pdf");
                definition["allowed_file_upload_methods"] = new JsonArray("local_file", "remote_url");
            }
            else
            {
                definition["max_length"] = variable.MaxLength;
                definition["default"] = "";
            }
            form.Add(new JsonObject { [variable.Type] = definition });
        }
        return new JsonObject
        {
            ["opening_statement"] = null,
            ["suggested_questions"] = new JsonArray(),
            ["suggested_questions_after_answer"] = Disabled(),
            ["speech_to_text"] = Disabled(),
            ["text_to_speech"] = Disabled(),
            ["retriever_resource"] = Disabled(),
            ["annotation_reply"] = Disabled(),
            ["more_like_this"] = Disabled(),
            ["user_input_form"] = form,
            ["sensitive_word_avoidance"] = new JsonObject { ["enabled"] = false, ["type"] = "", ["configs"] = new JsonArray() },
            ["file_upload"] = new JsonObject
            {
                ["image"] = new JsonObject
                {
                    ["enabled"] = false,
                    ["number_limits"] = 3,
                    ["detail"] = "high",
                    ["transfer_methods"] = new JsonArray("remote_url", "local_file"),
                },
            },
            ["system_parameters"] = new JsonObject
            {
                ["image_file_size_limit"] = 10,
                ["video_file_size_limit"] = 100,
                ["audio_file_size_limit"] = 50,
                ["file_size_limit"] = 15,
                ["workflow_file_upload_limit"] = 10,
            },
        };
    }

    public static JsonObject Info(DifyApp app) => new()
    {
        ["name"] = app.Name,
        ["description"] = app.Description,
        ["tags"] = new JsonArray("mcs"),
        ["mode"] = "workflow",
        ["author_name"] = "MCS",
    };

    private static JsonObject Disabled() => new() { ["enabled"] = false };
}
