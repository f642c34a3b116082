using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace ChatEscalation.Bench.FullPath;

/// <summary>
/// Teams activities as the Bot Framework sends them (a 1:1 <c>ticket &lt;text&gt;</c> message, an <c>adaptiveCard/action</c> Accept
/// invoke in the Tier 1 channel) and a Bot Service token for each: RS256 with the key of <c>bench/webhooks/local_issuer.js</c>
/// (<c>--key-out</c>), the claims the bot's <c>BotFrameworkTokenValidator</c> checks, and a unique <c>jti</c>, so no two requests
/// carry the same token.
/// </summary>
public sealed class TeamsBodies(string appId, string serviceUrl, RSA key)
{
    /// <summary>The issuer of Bot Service tokens and the key id local_issuer.js publishes.</summary>
    public const string Issuer = "https://api.botframework.com", KeyId = "bench-key-1";

    /// <summary>The team holding the tier channels, and the channel id of tier <c>n</c>.</summary>
    public const string TeamId = "19:team0bench@thread.tacv2";

    public static string TierChannel(int tier) => $"19:tier{tier}bench@thread.tacv2";

    public static string ManagerChannel => "19:managersbench@thread.tacv2";

    public static string OnCallChannel => "19:oncallbench@thread.tacv2";

    /// <summary>Reporter <paramref name="n"/>'s Teams id (<c>29:bench-user-007</c>); the stand-in gives it user007@bench.local.</summary>
    public static string ReporterId(long n) => $"29:bench-user-{n % SlackBodies.Reporters:D3}";

    /// <summary>A technician's Teams id (<c>29:bench-alice</c>); the stand-in gives it alice@demo.local, a Tier 1 technician of the policy.</summary>
    public static string TechnicianId(string name) => $"29:bench-{name}";

    /// <summary>A stable Entra object id per Teams user id (the directory caches people by it).</summary>
    public static string AadOf(string userId) =>
        new Guid(MD5.HashData(Encoding.UTF8.GetBytes(userId))).ToString();

    /// <summary>A 1:1 message <c>ticket &lt;three made-up words&gt;</c> (<see cref="SlackBodies.Text"/>: no similar open ticket, so the
    /// card goes to the queue instead of waiting for "Same problem?"), unique by <paramref name="n"/> (text and activity id).</summary>
    public string Raise(long n, string runId)
    {
        var user = ReporterId(n);
        return Activity("message", $"{runId}-{n}", user, new JsonObject
        {
            ["conversationType"] = "personal", ["tenantId"] = Tenant, ["id"] = $"a:1{user[3..]}",
        }, new JsonObject { ["tenant"] = new JsonObject { ["id"] = Tenant } }, activity =>
        {
            activity["text"] = $"ticket {SlackBodies.Text(n, runId)}";
            activity["textFormat"] = "plain";
        });
    }

    /// <summary>An Accept click (<c>Action.Execute</c>, verb <c>accept</c>) on ticket <paramref name="ticket"/>'s Tier 1 card.</summary>
    public string Accept(long ticket, long n, string runId, string technician)
    {
        var card = $"1{ticket:D12}";
        return Activity("invoke", $"{runId}-{n}", TechnicianId(technician), new JsonObject
        {
            ["isGroup"] = true, ["conversationType"] = "channel", ["tenantId"] = Tenant, ["id"] = $"{TierChannel(1)};messageid={card}",
        }, new JsonObject
        {
            ["channel"] = new JsonObject { ["id"] = TierChannel(1) }, ["team"] = new JsonObject { ["id"] = TeamId },
            ["tenant"] = new JsonObject { ["id"] = Tenant }, ["source"] = new JsonObject { ["name"] = "message" },
        }, activity =>
        {
            activity["name"] = "adaptiveCard/action";
            activity["replyToId"] = card;
            activity["value"] = new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["title"] = "Accept", ["verb"] = "accept", ["data"] = new JsonObject { ["ticket"] = ticket } },
                ["trigger"] = "manual",
            };
        });
    }

    /// <summary><c>Bearer &lt;token&gt;</c>: issued now, valid for <paramref name="valid"/>, for this bot and service URL, unique by <paramref name="id"/>.</summary>
    public string Authorization(string id, TimeSpan valid)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = new JsonObject { ["alg"] = "RS256", ["typ"] = "JWT", ["kid"] = KeyId };
        var payload = new JsonObject
        {
            ["iss"] = Issuer, ["aud"] = appId, ["appid"] = appId, ["ver"] = "1.0", ["serviceurl"] = serviceUrl, ["jti"] = id,
            ["nbf"] = now, ["iat"] = now, ["exp"] = now + (long)valid.TotalSeconds,
        };
        var input = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(header.ToJsonString())) + "." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.ToJsonString()));
        var signature = key.SignData(Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"Bearer {input}.{Base64Url.EncodeToString(signature)}";
    }

    private const string Tenant = "00000000-0000-0000-0000-0000000000f0";

    private string Activity(string type, string id, string from, JsonObject conversation, JsonObject channelData, Action<JsonObject> fill)
    {
        var activity = new JsonObject
        {
            ["type"] = type, ["id"] = id, ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"), ["channelId"] = "msteams", ["serviceUrl"] = serviceUrl,
            ["from"] = new JsonObject { ["id"] = from, ["name"] = from[3..], ["aadObjectId"] = AadOf(from) },
            ["conversation"] = conversation,
            ["recipient"] = new JsonObject { ["id"] = "28:" + appId, ["name"] = "ChatEscalation" },
            ["channelData"] = channelData,
            ["locale"] = "en-US",
        };
        fill(activity);
        return activity.ToJsonString();
    }
}
