using System.Text.Json.Nodes;
using ChatEscalation.Bot.Tests.Cards;

namespace ChatEscalation.Bot.Tests.Manifests;

public sealed class TeamsManifestTests
{
    private static string TeamsDir => Path.Combine(RepoPaths.ManifestsDirectory, "teams");

    private static string ManifestPath => Path.Combine(TeamsDir, "manifest.json");

    private static JsonNode Manifest() => JsonNode.Parse(File.ReadAllText(ManifestPath))!;

    private static string SchemaPath() =>
        NodeTools.RunScript("teams-schema-path.js", ["1.25"]).EnsureSuccess("teams-schema-path.js").StandardOutput.Trim();

    [Fact]
    public void SchemaPath_Version125_PointsAtSchemaFileInAppManifestPackage()
    {
        var path = SchemaPath();

        File.Exists(path).ShouldBeTrue(path);
        path.ShouldContain(Path.Combine("@microsoft", "app-manifest"));
        path.ShouldEndWith(Path.Combine("v1.25", "MicrosoftTeams.schema.json"));
    }

    [Fact]
    public void Manifest_AgainstV125SchemaWithJsonSchemaNet_HasNoErrors()
    {
        // The Teams schemas are draft-04, which JsonSchema.Net 8 does not implement; they use no draft-04-only
        // keyword form (no boolean exclusiveMinimum/Maximum, no "id"), so draft-07 reads them the same way.
        var schema = OfflineJsonSchema.Load(SchemaPath(), OfflineJsonSchema.Draft07);

        OfflineJsonSchema.Errors(schema, Manifest()).ShouldBeEmpty();
    }

    [Fact]
    public void Manifest_AgainstV125SchemaWithPackageValidator_HasNoErrors()
    {
        var output = NodeTools.RunScript("validate-teams-manifest.js", [ManifestPath, "1.25"])
            .EnsureSuccess("validate-teams-manifest.js").StandardOutput;

        JsonNode.Parse(output)!["errors"]!.AsArray().ShouldBeEmpty(output);
    }

    [Fact]
    public void BrokenManifest_AgainstV125Schema_IsRejectedByBothValidators()
    {
        var broken = Manifest();
        broken["accentColor"] = "blue";
        broken["bots"]![0]!["scopes"]!.AsArray().Add("everyone");
        var brokenPath = Path.Combine(Path.GetTempPath(), $"teams-manifest-{Guid.NewGuid():N}.json");
        File.WriteAllText(brokenPath, broken.ToJsonString());
        try
        {
            var schema = OfflineJsonSchema.Load(SchemaPath(), OfflineJsonSchema.Draft07);
            OfflineJsonSchema.Errors(schema, broken).ShouldNotBeEmpty();

            var output = NodeTools.RunScript("validate-teams-manifest.js", [brokenPath, "1.25"]).StandardOutput;
            var errors = JsonNode.Parse(output)!["errors"]!.AsArray().Select(e => e!.GetValue<string>()).ToList();
            errors.ShouldContain(e => e.Contains("accentColor"));
            errors.ShouldContain(e => e.Contains("scopes"));
        }
        finally
        {
            File.Delete(brokenPath);
        }
    }

    [Fact]
    public void Manifest_ManifestVersion_EqualsSchemaVersionInSchemaUrl()
    {
        var manifest = Manifest();

        manifest["manifestVersion"]!.GetValue<string>().ShouldBe("1.25");
        manifest["$schema"]!.GetValue<string>()
            .ShouldBe("https://developer.microsoft.com/json-schemas/teams/v1.25/MicrosoftTeams.schema.json");
    }

    [Fact]
    public void Manifest_Bot_HasPlaceholderIdAllScopesAndConversationalSettings()
    {
        var bot = Manifest()["bots"]!.AsArray().ShouldHaveSingleItem()!;

        bot["botId"]!.GetValue<string>().ShouldBe("00000000-0000-0000-0000-000000000000");
        bot["scopes"]!.AsArray().Select(s => s!.GetValue<string>()).ShouldBe(["personal", "team", "groupChat"], ignoreOrder: true);
        bot["supportsFiles"]!.GetValue<bool>().ShouldBeFalse();
        bot["isNotificationOnly"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public void Manifest_CommandList_EveryCommandUnderstoodWithADescription()
    {
        var lists = Manifest()["bots"]![0]!["commandLists"]!.AsArray();
        var commands = lists.SelectMany(list => list!["commands"]!.AsArray()).ToList();

        commands.Select(c => c!["title"]!.GetValue<string>()).Distinct()
            .ShouldBe(["home", "ticket", "status", "mine", "oncall", "whatif", "help"], ignoreOrder: true);
        commands.ShouldAllBe(c => !string.IsNullOrWhiteSpace(c!["description"]!.GetValue<string>()) && c["description"]!.GetValue<string>().Length <= 128);
        commands.Where(c => c!["title"]!.GetValue<string>() != ChatEscalation.Bot.Teams.TeamsHome.Command)
            .ShouldAllBe(c => ChatEscalation.Bot.Conversations.ChatIntentParser.Parse(c!["title"]!.GetValue<string>() + " x").Kind
                != ChatEscalation.Bot.Conversations.ChatIntentKind.Unknown);
        ChatEscalation.Bot.Teams.TeamsHome.IsCommand("home").ShouldBeTrue();
    }

    [Fact]
    public void Manifest_CommandLists_HomeInThePersonalScopeOnlyAndEachScopeListedOnce()
    {
        var lists = Manifest()["bots"]![0]!["commandLists"]!.AsArray();
        IEnumerable<string> Scopes(JsonNode? list) => list!["scopes"]!.AsArray().Select(s => s!.GetValue<string>());
        IEnumerable<string> Titles(JsonNode? list) => list!["commands"]!.AsArray().Select(c => c!["title"]!.GetValue<string>());

        lists.SelectMany(Scopes).ShouldBe(["personal", "team", "groupChat"], ignoreOrder: true); // each scope in one list
        Titles(lists.Single(l => Scopes(l).Contains("personal"))).ShouldContain("home");
        lists.Where(l => !Scopes(l).Contains("personal")).SelectMany(Titles).ShouldNotContain("home");
        lists.ShouldAllBe(l => l!["commands"]!.AsArray().Count <= 10);
    }

    [Fact]
    public void Manifest_MessageExtension_RaiseFromMessageActionWithFetchTaskOnTheBot()
    {
        var manifest = Manifest();
        var extension = manifest["composeExtensions"]!.AsArray().ShouldHaveSingleItem()!;
        var command = extension["commands"]!.AsArray().ShouldHaveSingleItem()!;

        extension["botId"]!.GetValue<string>().ShouldBe(manifest["bots"]![0]!["botId"]!.GetValue<string>());
        command["id"]!.GetValue<string>().ShouldBe(ChatEscalation.Bot.Teams.TeamsMessageExtensionHandler.RaiseCommand);
        command["type"]!.GetValue<string>().ShouldBe("action");
        command["context"]!.AsArray().Select(c => c!.GetValue<string>()).ShouldBe(["message"]);
        command["fetchTask"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public void Manifest_AppId_IsFixedGuidDistinctFromBotPlaceholder()
    {
        var id = Guid.Parse(Manifest()["id"]!.GetValue<string>());

        id.ShouldNotBe(Guid.Empty);
    }

    [Fact]
    public void ColorIcon_FileNamedInManifest_Is192By192Png()
    {
        var header = PngHeader.Read(Path.Combine(TeamsDir, Manifest()["icons"]!["color"]!.GetValue<string>()));

        (header.Width, header.Height).ShouldBe((192, 192));
    }

    [Fact]
    public void OutlineIcon_FileNamedInManifest_Is32By32WithAlphaChannel()
    {
        var header = PngHeader.Read(Path.Combine(TeamsDir, Manifest()["icons"]!["outline"]!.GetValue<string>()));

        (header.Width, header.Height).ShouldBe((32, 32));
        header.ColorType.ShouldBe((byte)6, "outline icon must be RGBA (white on transparent)");
    }
}
