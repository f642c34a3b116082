using ChatEscalation.Bot.Home;
using ChatEscalation.Bot.Slack;
using ChatEscalation.Bot.Teams.Cards;
using ChatEscalation.Bot.Web;
using ChatEscalation.Core.Policy;

namespace ChatEscalation.Bot.Local;

/// <summary>
/// The emulator's Home (<c>GET /local/home?user=&lt;e-mail&gt;</c>): the person's <see cref="Core.Views.HomeView"/> as built for Slack and
/// Teams, with the Slack App Home blocks and the Teams home card the page draws side by side (<c>wwwroot/home.js</c>).
/// </summary>
public static class LocalHome
{
    public static async Task<IResult> GetAsync(string? user, EscalationPolicy policy, HomeBuilder homes, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(user)) return Results.BadRequest(new { error = "user is required: the e-mail of the person whose home to show" });
        var view = await homes.BuildAsync(policy.Person(user.Trim()), null, ct);
        return Results.Json(new { view, blockKit = SlackHomeRenderer.Render(view)["blocks"], adaptiveCard = TeamsHomeCard.Render(view) }, WebJson.Options);
    }
}
