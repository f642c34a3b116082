using System.Text.Json.Nodes;

namespace ChatEscalation.Bot.Tests.Teams;

/// <summary>
/// Answers like the Teams Connector for a <see cref="LocalTeamsConnector.Responder"/>: member lookups from a table of
/// <see cref="TeamsTestUser"/> (404 <c>MemberNotFoundInConversation</c> otherwise), <c>POST /v3/conversations</c> into a channel
/// → <c>{id: "&lt;channel&gt;;messageid=N", activityId: N}</c>, into a 1:1 → <c>{id: "a:created-…"}</c>, activity posts and
/// PUTs → <c>{id}</c> (404 for an activity <see cref="Delete"/>d). Activity ids are increasing numbers from 1000. A team's roster (<c>pagedmembers</c>) is <see cref="Roster"/>, served
/// <c>pageSize</c> members at a time with an opaque continuation token as Teams does (a pageSize outside 1–500 or a token it never
/// gave is 400 <c>BadArgument</c>).
/// </summary>
public sealed class ConnectorSimulator(IEnumerable<TeamsTestUser> people)
{
    private readonly Dictionary<string, TeamsTestUser> members = people.ToDictionary(p => p.UserId, StringComparer.Ordinal);

    /// <summary>Who is in the team, in roster order (default: the people given, then <see cref="TeamsTestUser.RosterOnly"/>).</summary>
    public IReadOnlyList<TeamsTestUser> Roster { get; set; } = [.. people, .. TeamsTestUser.RosterOnly];

    /// <summary>Roster members that have a user principal name but no e-mail (their UPN is their e-mail).</summary>
    public ISet<string> WithoutEmail { get; } = new HashSet<string>(StringComparer.Ordinal);
    private readonly Dictionary<string, (string ConversationId, string ActivityId)> posts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> activities = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> created = new(StringComparer.Ordinal);
    private readonly HashSet<string> deleted = new(StringComparer.Ordinal);
    private int next = 1000;

    /// <summary>
    /// The thread conversation id and root activity id of the last post created in Teams channel <paramref name="channel"/>,
    /// as the Connector answered them (what a card action from that post carries as conversation id and replyToId).
    /// </summary>
    public (string ConversationId, string ActivityId) LastPostIn(string channel)
    {
        lock (posts) return posts[channel];
    }

    /// <summary>The id the Connector gave the last activity posted into conversation <paramref name="conversationId"/> (a 1:1 chat, a thread).</summary>
    public string LastActivityIn(string conversationId)
    {
        lock (posts) return activities[conversationId];
    }

    /// <summary>How many posts (new conversations) the Connector created in Teams channel <paramref name="channel"/>.</summary>
    public int CreatedIn(string channel)
    {
        lock (posts) return created.GetValueOrDefault(channel);
    }

    /// <summary>Activity <paramref name="activityId"/> of <paramref name="conversationId"/> is deleted (the person removed the chat, or an
    /// admin the message): a PUT to it answers 404 <c>ActivityNotFoundInConversation</c>, as the Connector does.</summary>
    public void Delete(string conversationId, string activityId)
    {
        lock (posts) deleted.Add($"{conversationId}/{activityId}");
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

        if (request.Method == "GET" && segments is ["v3", "conversations", _, "pagedmembers"]) return Page(request.RawTarget);

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

        if (request.Method == "PUT" && segments is ["v3", "conversations", var inConversation, "activities", var activityId])
        {
            bool gone;
            lock (posts) gone = deleted.Contains($"{inConversation}/{activityId}");
            return gone
                ? new ScriptedResponse(404, """{"error":{"code":"ActivityNotFoundInConversation","message":"The activity was not found."}}""")
                : Json(new JsonObject { ["id"] = activityId });
        }

        if (request.Method == "POST" && segments is ["v3", "conversations", var conversation, "activities", ..])
        {
            lock (posts) activities[conversation] = id;
        }

        return Json(new JsonObject { ["id"] = id });
    }

    private ScriptedResponse Page(string rawTarget)
    {
        var query = System.Web.HttpUtility.ParseQueryString(rawTarget.Contains('?', StringComparison.Ordinal) ? rawTarget[rawTarget.IndexOf('?', StringComparison.Ordinal)..] : "");
        if (!int.TryParse(query["pageSize"], out var size) || size is < 1 or > 500) return BadArgument("pageSize must be 1 to 500");
        var offset = 0;
        if (query["continuationToken"] is { } token && (!token.StartsWith("page-after-", StringComparison.Ordinal) || !int.TryParse(token[11..], out offset)))
        {
            return BadArgument("unknown continuationToken");
        }

        var roster = Roster;
        var page = new JsonArray(roster.Skip(offset).Take(size).Select(p => (JsonNode)new JsonObject
        {
            ["id"] = p.UserId, ["name"] = p.Name, ["aadObjectId"] = p.AadObjectId, ["email"] = WithoutEmail.Contains(p.Email) ? null : p.Email,
            ["userPrincipalName"] = p.Email, ["tenantId"] = "tenant-1", ["userRole"] = "user",
        }).ToArray());
        var body = new JsonObject { ["members"] = page };
        if (offset + size < roster.Count) body["continuationToken"] = $"page-after-{offset + size}";
        return Json(body);
    }

    private static ScriptedResponse BadArgument(string message) =>
        new(400, new JsonObject { ["error"] = new JsonObject { ["code"] = "BadArgument", ["message"] = message } }.ToJsonString());

    private static ScriptedResponse Json(JsonObject body) => new(200, body.ToJsonString());
}
