using System.IO.Compression;
using System.Text.Json.Nodes;
using ChatEscalation.Bot.Tests.Cards;

namespace ChatEscalation.Bot.Tests.Manifests;

public sealed class TeamsPackageTests
{
    private const string BotAppId = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";

    private static string PackageScript => Path.Combine(RepoPaths.ManifestsDirectory, "teams", "package.sh");

    private static ProcessResult RunPackage(string output, IReadOnlyDictionary<string, string?> environment) =>
        ProcessRunner.Run("bash", [PackageScript, output], RepoPaths.RepoRoot, TimeSpan.FromSeconds(60), environment: environment);

    private static string TempZip() => Path.Combine(Path.GetTempPath(), $"chatescalation-{Guid.NewGuid():N}.zip");

    [Fact]
    public void PackageScript_WithTeamsAppId_ZipsExactlyManifestAndIconsAtRoot()
    {
        var zip = TempZip();
        try
        {
            RunPackage(zip, new Dictionary<string, string?> { ["TEAMS_APP_ID"] = BotAppId, ["Teams__AppId"] = null })
                .EnsureSuccess("package.sh");

            using var archive = ZipFile.OpenRead(zip);
            archive.Entries.Select(e => e.FullName).ShouldBe(["manifest.json", "color.png", "outline.png"], ignoreOrder: true);
        }
        finally
        {
            File.Delete(zip);
        }
    }

    [Fact]
    public void PackageScript_WithConfigStyleVariable_ReplacesOnlyTheBotId()
    {
        var zip = TempZip();
        try
        {
            RunPackage(zip, new Dictionary<string, string?> { ["TEAMS_APP_ID"] = null, ["Teams__AppId"] = BotAppId })
                .EnsureSuccess("package.sh");

            using var archive = ZipFile.OpenRead(zip);
            using var reader = new StreamReader(archive.GetEntry("manifest.json")!.Open());
            var packaged = JsonNode.Parse(reader.ReadToEnd())!;
            var source = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.ManifestsDirectory, "teams", "manifest.json")))!;
            packaged["bots"]![0]!["botId"]!.GetValue<string>().ShouldBe(BotAppId);

            source["bots"]![0]!["botId"] = BotAppId;
            source["composeExtensions"]![0]!["botId"] = BotAppId;
            JsonNode.DeepEquals(packaged, source).ShouldBeTrue("nothing but the botIds may change");
        }
        finally
        {
            File.Delete(zip);
        }
    }

    [Fact]
    public void PackageScript_WithoutAppId_FailsAndWritesNoZip()
    {
        var zip = TempZip();

        var result = RunPackage(zip, new Dictionary<string, string?> { ["TEAMS_APP_ID"] = null, ["Teams__AppId"] = null });

        result.ExitCode.ShouldNotBe(0);
        result.StandardError.ShouldContain("TEAMS_APP_ID");
        File.Exists(zip).ShouldBeFalse();
    }

    [Fact]
    public void PackageScript_WithNonGuidAppId_Fails()
    {
        var zip = TempZip();

        var result = RunPackage(zip, new Dictionary<string, string?> { ["TEAMS_APP_ID"] = "not-a-guid", ["Teams__AppId"] = null });

        result.ExitCode.ShouldNotBe(0);
        File.Exists(zip).ShouldBeFalse();
    }
}
