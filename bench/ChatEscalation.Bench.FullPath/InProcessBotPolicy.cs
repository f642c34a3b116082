using ChatEscalation.Bot.Hosting;
using ChatEscalation.Core.Policy;

namespace ChatEscalation.Bench.FullPath;

/// <summary>The policy of the repository's appsettings.json (with the bench's Slack channel ids), as the bot loads it.</summary>
public static class InProcessBotPolicy
{
    public static EscalationPolicy Load()
    {
        var configuration = new ConfigurationManager();
        configuration.UseRootAppSettings();
        configuration.AddInMemoryCollection(InProcessBot.Settings("unused", "http://127.0.0.1:9/api/"));
        return PolicyLoader.Load(configuration);
    }
}
