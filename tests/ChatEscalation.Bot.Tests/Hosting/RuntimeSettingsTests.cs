using System.Text.Json;

namespace ChatEscalation.Bot.Tests.Hosting;

/// <summary>
/// The bot's runtimeconfig (built from its project, copied beside these tests) carries the JIT settings the project documents: no dynamic
/// PGO, and hot methods counted towards their optimized recompile from their first call, so a freshly started bot under load is not
/// left running unoptimized code for seconds (bench/results/tier-up-2026-12-05.md).
/// </summary>
public sealed class RuntimeSettingsTests
{
    private static JsonElement ConfigProperties()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "ChatEscalation.Bot.runtimeconfig.json");
        File.Exists(path).ShouldBeTrue($"the bot's runtimeconfig is built beside the tests: {path}");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").Clone();
    }

    [Fact]
    public void BotRuntimeConfig_CountsCallsFromTheFirstCall()
    {
        var delay = ConfigProperties().GetProperty("System.Runtime.TieredCompilation.CallCountingDelayMs");

        delay.ValueKind.ShouldBe(JsonValueKind.Number);
        delay.GetInt32().ShouldBe(0);
    }

    [Fact]
    public void BotRuntimeConfig_DynamicPgoOff()
    {
        ConfigProperties().GetProperty("System.Runtime.TieredPGO").GetBoolean().ShouldBeFalse();
    }
}
