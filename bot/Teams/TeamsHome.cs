using System.Text.Json;
using System.Text.Json.Nodes;
using ChatEscalation.Bot.Conversations;
using ChatEscalation.Bot.Home;
using ChatEscalation.Bot.Teams.Cards;
using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Bot.Teams;

/// <summary>
/// The Teams personal <c>home</c>: the command typed in the 1:1 chat with the bot is answered with one Adaptive Card of the person's home
/// (<see cref="TeamsHomeCard"/>), built when the answer is delivered; its Refresh and Accept buttons answer the invoke with the home
/// rebuilt, so the same card is updated in place rather than a new one posted; a ticket change that concerns the person updates it too
/// (<see cref="TeamsHomeRefresher"/>).
/// </summary>
public sealed class TeamsHome(HomeBuilder builder, PersonZones zones)
{
    /// <summary>The personal-scope command (manifest <c>commandLists</c>).</summary>
    public const string Command = "home";

    /// <summary>True for the text of the <c>home</c> command (any case, surrounding spaces ignored).</summary>
    public static bool IsCommand(string? text) => string.Equals(text?.Trim(), Command, StringComparison.OrdinalIgnoreCase);

    /// <summary>True when a card action's <c>data</c> comes from the home card (<c>"home": true</c>).</summary>
    public static bool IsHomeAction(JsonElement data) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(TeamsHomeCard.HomeDataKey, out var home) && home.ValueKind == JsonValueKind.True;

    /// <summary>The person's home card now, times in the zone Teams last told for <paramref name="teamsUserId"/>.</summary>
    public async Task<JsonObject> CardAsync(UserRef person, string? teamsUserId, CancellationToken ct) =>
        TeamsHomeCard.Render(await builder.BuildAsync(person, zones.Find(TeamsActivityHandler.Platform, teamsUserId), ct), teamsUserId);
}
