using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Policy;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Persistence.Rows;
using ChatEscalation.Persistence.Storage;
using ChatEscalation.Persistence.Workflows;
using Microsoft.EntityFrameworkCore;

namespace ChatEscalation.Persistence.Outbox;

/// <summary>
/// A page that reached its person on no platform is reported to the managers, never dropped in silence. The engine cannot know who
/// is reachable where, so the shell decides it: when the last platform's copy of a page (a direct message with the acknowledge
/// button) was skipped or parked and none was delivered, an alert goes to the manager channel through the outbox.
/// </summary>
/// <remarks>
/// Checked by the dispatcher after each skipped or parked message; only the check that sees every platform's copy finished writes
/// the alert, once per page (its idempotency key is the page's ticket version and person, so two dispatchers racing write it once).
/// </remarks>
/// <param name="writer">Which platforms a manager-channel message is written for (<see cref="OutboxWriter.PlatformsFor(ChannelAddress)"/>); without
/// one, every platform whose manager channel is set.</param>
public sealed class UnreachedPages(EscalationDbContext db, IPolicyProvider policies, IOutboxWakeup wakeup, OutboxWriter? writer = null)
{
    /// <summary>True when <paramref name="message"/> is a page to a person (urgent, with the acknowledge button).</summary>
    public static bool IsPage(OutboxMessage message) =>
        message is { Kind: NotificationKind.Direct, Urgent: true } && message.ActionsOf().Contains(TicketActions.AckPage);

    /// <summary>
    /// After <paramref name="finished"/> was skipped or parked: when it is a page and no platform delivered it, writes the managers'
    /// alert; true when it did.
    /// </summary>
    public async Task<bool> ReportIfUnreachedAsync(OutboxMessage finished, DateTimeOffset now, CancellationToken ct = default)
    {
        if (!IsPage(finished)) return false;
        var copies = await db.OutboxMessages.AsNoTracking()
            .Where(o => o.TicketNumber == finished.TicketNumber && o.TicketVersion == finished.TicketVersion && o.Kind == NotificationKind.Direct
                && o.Urgent && o.Audience == finished.Audience)
            .Select(o => new { o.Platform, o.State, o.LastError })
            .ToListAsync(ct);
        if (copies.Any(c => c.State is not (OutboxState.Skipped or OutboxState.Parked))) return false;

        var policy = policies.Current;
        var person = finished.AudienceOf().Person;
        var name = person is null ? "the person on call" : policy.Named(person).Name;
        var reasons = copies.Select(c => c.LastError).OfType<string>().Where(e => !e.Contains("is not enabled", StringComparison.Ordinal)).Distinct().ToList();
        var text = $"{TicketKey.Format(finished.TicketNumber)}: the page to {name} reached nobody ({(reasons.Count == 0 ? "no chat platform knows them" : string.Join("; ", reasons))}). " +
            "Reach them another way, or acknowledge or take over here.";
        var alert = Notification.Alert(Audience.Managers, text, urgent: true, TicketActions.AckPage, TicketActions.TakeOver);
        var rows = (writer ?? new OutboxWriter(Platforms.All)).PlatformsFor(policy.ManagerChannel)
            .Select(platform => OutboxWriter.Notify(finished.TicketNumber, finished.TicketVersion, platform, alert, now,
                $"{finished.TicketNumber}/{finished.TicketVersion}/unreached/{finished.Audience}/{platform}"))
            .ToList();
        if (rows.Count == 0) return false;

        db.ChangeTracker.Clear();
        db.OutboxMessages.AddRange(rows);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            return false; // another dispatcher reported it
        }
        finally
        {
            db.ChangeTracker.Clear();
        }

        wakeup.Wake();
        return true;
    }
}
