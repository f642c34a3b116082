using System.Text.Json.Nodes;
using ChatEscalation.Bot.Tests.Cards;

namespace ChatEscalation.Bot.Tests.Manifests;

public sealed class SlackManifestTests
{
    private static readonly string[] RequiredBotScopes =
    [
        "chat:write", "commands", "im:write", "im:history", "app_mentions:read", "users:read", "users:read.email",
        "channels:history", "groups:history", // an uncertain post is looked up in the channel history before it is sent again
    ];

    private static JsonNode Load(string fileName)
    {
        var path = Path.Combine(RepoPaths.ManifestsDirectory, "slack", fileName);
        var output = NodeTools.RunScript("yaml-to-json.js", [path]).EnsureSuccess("yaml-to-json.js " + fileName).StandardOutput;
        return JsonNode.Parse(output)!;
    }

    private static List<string> Strings(JsonNode? array) =>
        array!.AsArray().Select(n => n!.GetValue<string>()).ToList();

    [Theory]
    [InlineData("manifest.yaml")]
    [InlineData("manifest.socket.yaml")]
    public void Manifest_SlashCommands_AreTicketAndOncallWithDescriptionsAndHints(string fileName)
    {
        var commands = Load(fileName)["features"]!["slash_commands"]!.AsArray();

        commands.Select(c => c!["command"]!.GetValue<string>()).ShouldBe(["/ticket", "/oncall"], ignoreOrder: true);
        commands.ShouldAllBe(c => !string.IsNullOrWhiteSpace(c!["description"]!.GetValue<string>()));
        commands.ShouldAllBe(c => !string.IsNullOrWhiteSpace(c!["usage_hint"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("manifest.yaml")]
    [InlineData("manifest.socket.yaml")]
    public void Manifest_BotEventsAndScopes_CoverMentionsDirectMessagesAndCommands(string fileName)
    {
        var manifest = Load(fileName);

        Strings(manifest["settings"]!["event_subscriptions"]!["bot_events"]).ShouldBe(["app_home_opened", "app_mention", "message.channels", "message.groups", "message.im"], ignoreOrder: true);
        Strings(manifest["oauth_config"]!["scopes"]!["bot"]).ShouldBe(RequiredBotScopes, ignoreOrder: true);
        manifest["settings"]!["interactivity"]!["is_enabled"]!.GetValue<bool>().ShouldBeTrue();
        manifest["features"]!["bot_user"]!["display_name"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        manifest["features"]!["app_home"]!["messages_tab_enabled"]!.GetValue<bool>().ShouldBeTrue("message.im needs the Messages tab");
    }

    [Theory]
    [InlineData("manifest.yaml")]
    [InlineData("manifest.socket.yaml")]
    public void Manifest_EveryEventShortcutAndCommand_HasAHandler(string fileName)
    {
        var manifest = Load(fileName);
        var shortcuts = manifest["features"]!["shortcuts"]!.AsArray();

        Strings(manifest["settings"]!["event_subscriptions"]!["bot_events"]).ShouldAllBe(e => ChatEscalation.Bot.Slack.SlackInbound.BotEvents.Contains(e));
        ChatEscalation.Bot.Slack.SlackInbound.BotEvents.ShouldBe(Strings(manifest["settings"]!["event_subscriptions"]!["bot_events"]), ignoreOrder: true); // nothing handled goes unsubscribed
        shortcuts.Select(s => s!["callback_id"]!.GetValue<string>()).ShouldAllBe(id => ChatEscalation.Bot.Slack.SlackInbound.Shortcuts.Contains(id));
        shortcuts.ShouldContain(s => s!["type"]!.GetValue<string>() == "message" && s["callback_id"]!.GetValue<string>() == ChatEscalation.Bot.Slack.SlackInbound.RaiseShortcut);
        shortcuts.ShouldAllBe(s => s!["name"]!.GetValue<string>().Length <= 24 && s["description"]!.GetValue<string>().Length <= 150);
        manifest["features"]!["slash_commands"]!.AsArray().Select(c => c!["command"]!.GetValue<string>())
            .ShouldAllBe(c => ChatEscalation.Bot.Slack.SlackInbound.SlashCommands.Contains(c));
    }

    [Fact]
    public void HttpManifest_RequestUrls_PointAtBotEndpointsAndSocketModeIsOff()
    {
        var manifest = Load("manifest.yaml");
        var settings = manifest["settings"]!;

        settings["socket_mode_enabled"]!.GetValue<bool>().ShouldBeFalse();
        settings["event_subscriptions"]!["request_url"]!.GetValue<string>().ShouldBe("https://YOUR-HOST/slack/events");
        settings["interactivity"]!["request_url"]!.GetValue<string>().ShouldBe("https://YOUR-HOST/slack/interactions");
        manifest["features"]!["slash_commands"]!.AsArray()
            .ShouldAllBe(c => c!["url"]!.GetValue<string>() == "https://YOUR-HOST/slack/commands");
    }

    [Fact]
    public void SocketManifest_SocketModeOn_HasNoRequestUrls()
    {
        var manifest = Load("manifest.socket.yaml");
        var settings = manifest["settings"]!;

        settings["socket_mode_enabled"]!.GetValue<bool>().ShouldBeTrue();
        settings["event_subscriptions"]!["request_url"].ShouldBeNull();
        settings["interactivity"]!["request_url"].ShouldBeNull();
        manifest["features"]!["slash_commands"]!.AsArray().ShouldAllBe(c => c!["url"] == null);
    }

    [Fact]
    public void SocketManifest_WithoutUrls_EqualsHttpManifest()
    {
        var http = Load("manifest.yaml");
        http["settings"]!["event_subscriptions"]!.AsObject().Remove("request_url");
        http["settings"]!["interactivity"]!.AsObject().Remove("request_url");
        http["settings"]!["socket_mode_enabled"] = true;
        foreach (var command in http["features"]!["slash_commands"]!.AsArray())
        {
            command!.AsObject().Remove("url");
        }

        JsonNode.DeepEquals(http, Load("manifest.socket.yaml")).ShouldBeTrue("the two variants drifted apart");
    }

    [Theory]
    [InlineData("manifest.yaml")]
    [InlineData("manifest.socket.yaml")]
    public void Manifest_AppHome_HomeTabOnWithTheMessagesTabAndOnlyDocumentedFields(string fileName)
    {
        var home = Load(fileName)["features"]!["app_home"]!.AsObject();

        home["home_tab_enabled"]!.GetValue<bool>().ShouldBeTrue("app_home_opened and views.publish need the Home tab");
        home["messages_tab_enabled"]!.GetValue<bool>().ShouldBeTrue();
        home.Select(p => p.Key).ShouldAllBe(k => k == "home_tab_enabled" || k == "messages_tab_enabled" || k == "messages_tab_read_only_enabled");
        home.Select(p => p.Value).ShouldAllBe(v => v!.GetValueKind() == System.Text.Json.JsonValueKind.True || v.GetValueKind() == System.Text.Json.JsonValueKind.False);
    }

    [Fact]
    public void Manifest_DisplayInformation_FitsSlackLimits()
    {
        var info = Load("manifest.yaml")["display_information"]!;

        info["name"]!.GetValue<string>().Length.ShouldBeInRange(1, 35);
        info["description"]!.GetValue<string>().Length.ShouldBeInRange(1, 140);
        info["background_color"]!.GetValue<string>().ShouldMatch("^#[0-9a-fA-F]{6}$");
    }
}
