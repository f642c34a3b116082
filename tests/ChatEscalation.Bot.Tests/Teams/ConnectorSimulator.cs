using System.Text.Json.Nodes;

namespace ChatEscalation.Bot.Tests.Teams;

/// <summary>
/// Answers like the Teams Connector for a <see cref="LocalTeamsConnector.Responder"/>: member lookups from a table of
/// <see cref="TeamsTestUser"/> (404 <c>MemberNotFoundInConversation</c> otherwise), <c>POST /v3/conversations</c> into a channel
/// → <c>{id: "&lt;channel&gt;;messageid=N", activityId: N}</c>, into a 1:1 → <c>{id: "a:created-…"}</c>, activity posts and
/// PUTs → <c>{id}</c>. Activity ids are increasing numbers from 1000.
/// </summary>
public sealed class ConnectorSimulator(IEnumerable<TeamsTestUser> people)
{
    private readonly Dictionary<string, TeamsTestUser> members = people.ToDictionary(p => p.UserId, StringComparer.Ordinal);
    private readonly Dictionary<string, (string ConversationId, string ActivityId)> posts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> created = new(StringComparer.Ordinal);
    private int next = 1000;

    /// <summary>
    /// The thread conversation id and root activity id of the last post created in Teams channel <paramref name="channel"/>,
    /// as the Connector answered them (what a card action from that post carries as conversation id and replyToId).
    /// </summary>
    public (string ConversationId, string ActivityId) LastPostIn(string channel)
    {
        lock (posts) return posts[channel];
    }

    /// <summary>How many posts (new conversations) the Connector created in Teams channel <paramref name="channel"/>.</summary>
    public int CreatedIn(string channel)
    {
        lock (posts) return created.GetValueOrDefault(channel);
    }

    /// <summary>The responder to assign to <see cref="LocalTeamsConnector.Responder"/>.</summary>
    public ScriptedResponse Respond(RecordedRequest request)
    {
        var path = request.RawTarget.Split('?')[0];
        var segments = path.Trim('/').Split('/').Select(Uri.UnescapeDataString).ToArray();
        if (request.Method == "GET" && segments is ["v3", "conversations", _, "members", var memberId])
        {
            return members.TryGetValue(memberId, out var p)
                ? Json(new JsonObject
                {
                    ["id"] = p.UserId, ["name"] = p.Name, ["aadObjectId"] = p.AadObjectId, ["email"] = p.Email,
                    ["userPrincipalName"] = p.Email, ["tenantId"] = "tenant-1", ["userRole"] = "user",
                })
                : new ScriptedResponse(404, """{"error":{"code":"MemberNotFoundInConversation","message":"not found"}}""");
        }

        var id = Interlocked.Increment(ref next).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (request.Method == "POST" && segments is ["v3", "conversations"])
        {
            var body = JsonNode.Parse(request.Body);
            if (body?["channelData"]?["channel"]?["id"]?.GetValue<string>() is not { } channel)
            {
                return Json(new JsonObject { ["id"] = "a:created-" + body?["members"]?[0]?["id"]?.GetValue<string>() });
            }

            lock (posts)
            {
                posts[channel] = ($"{channel};messageid={id}", id);
                created[channel] = created.GetValueOrDefault(channel) + 1;
            }

            return Json(new JsonObject { ["id"] = $"{channel};messageid={id}", ["activityId"] = id });
        }

        if (request.Method == "PUT" && segments is ["v3", "conversations", _, "activities", var activityId])
        {
            return Json(new JsonObject { ["id"] = activityId });
        }

        return Json(new JsonObject { ["id"] = id });
    }

    private static ScriptedResponse Json(JsonObject body) => new(200, body.ToJsonString());
}
