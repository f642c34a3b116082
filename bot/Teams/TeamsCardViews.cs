using System.Text.Json.Nodes;
using ChatEscalation.Bot.Teams.Cards;
using ChatEscalation.Bot.Teams.Protocol;
using ChatEscalation.Core.Forms;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Core.Views;
using ChatEscalation.Persistence.Workflows;
using Microsoft.Extensions.Options;

namespace ChatEscalation.Bot.Teams;

/// <summary>The ticket card the bot answers an invoke with directly (not through the outbox): one viewer's own card.</summary>
public sealed class TeamsCardViews(IPolicyProvider policies, TimeProvider time, IOptions<TeamsOptions> options)
{
    /// <summary>The card as <paramref name="viewer"/> may use it (their buttons only), refreshed for <paramref name="viewerTeamsId"/>.</summary>
    public JsonObject ViewerCard(Ticket ticket, UserRef viewer, string? viewerTeamsId)
    {
        var policy = policies.Current;
        var view = TicketViews.Card(ticket, policy, time.GetUtcNow());
        var actions = TicketViews.ActionsFor(ticket, policy, viewer);
        return AdaptiveCardRenderer.TicketCard(view, actions, Options(view, actions, viewerTeamsId is null ? null : [viewerTeamsId]));
    }

    private TeamsCardOptions Options(TicketCardView view, IReadOnlyList<string> actions, IReadOnlyList<string>? refreshFor) =>
        new(options.Value.PublicBaseUrl, RefreshUserIds: refreshFor, Forms: TicketForms.ForAll(actions, policies.Current, view.Tier));
}
