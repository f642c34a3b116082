using System.Text.Json;
using System.Text.Json.Nodes;
using ChatEscalation.Bot.Slack;
using ChatEscalation.Bot.Slack.Protocol;
using ChatEscalation.Bot.Teams.Cards;
using ChatEscalation.Bot.Tests.Local;
using ChatEscalation.Bot.Tests.Teams;
using ChatEscalation.Bot.Web;
using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Forms;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Bot.Tests.Forms;

/// <summary>
/// One form, three channels: each channel's renderer draws the engine's form definition, a person fills in every field, the
/// channel's reader reads the submission back, and the engine's one form function must give the same command everywhere.
/// </summary>
public class SameFormEveryChannelTests
{
    private static readonly UserRef Maria = new("maria@demo.local", "Maria (IT manager)");

    public static TheoryData<string> Actions() => new(TicketActions.All.Concat(TicketForms.FormActions).Distinct());

    [Theory]
    [MemberData(nameof(Actions))]
    public void Submit_SameValuesThroughSlackTeamsAndEmulator_SameCommand(string action)
    {
        var form = TicketForms.For(action, LocalFixtures.Policy, currentTier: 1);
        var values = form?.Fields.ToDictionary(f => f.Name, Sample) ?? [];
        var expected = TicketForms.ToCommand(new TicketForm(action, values), Maria).Command.ShouldNotBeNull();

        Command(FromSlack(action, form, values)).ShouldBe(expected);
        Command(FromTeams(action, form, values)).ShouldBe(expected);
        Command(FromEmulator(action, form, values)).ShouldBe(expected);
    }

    private static TicketCommand? Command(TicketForm form) => TicketForms.ToCommand(form, Maria).Command;

    /// <summary>What a person enters: the last choice of a drop-down (a tier, a person, P4 …), a ticket number where one is asked, else some words naming the field.</summary>
    private static string Sample(FormField field) => field.Kind == FormFieldKind.Choice ? field.Choices![^1].Value
        : field.Name == FieldNames.Parent ? "INC-41"
        : $"words for {field.Name}";

    /// <summary>The modal as Slack gets it, its inputs filled in as Slack's <c>view.state.values</c> reports them; a plain button's action_id.</summary>
    private static TicketForm FromSlack(string action, FormDefinition? form, IReadOnlyDictionary<string, string> values)
    {
        if (form is null) return TicketForm.Of(action);
        var modal = SlackModals.For(form, 42);
        var state = new Dictionary<string, IReadOnlyDictionary<string, SlackViewStateValue>>();
        foreach (var block in modal["blocks"]!.AsArray())
        {
            var element = block!["element"]!;
            var value = values[block["block_id"]!.GetValue<string>()];
            var input = element["type"]!.GetValue<string>() == "static_select"
                ? new SlackViewStateValue { Type = "static_select", SelectedOption = new SlackSelectedOption { Value = value } }
                : new SlackViewStateValue { Type = "plain_text_input", Value = value };
            state[block["block_id"]!.GetValue<string>()] = new Dictionary<string, SlackViewStateValue> { [element["action_id"]!.GetValue<string>()] = input };
        }

        return SlackForms.Read(new SlackView { CallbackId = modal["callback_id"]!.GetValue<string>(), PrivateMetadata = "42", State = new SlackViewState { Values = state } });
    }

    /// <summary>The Teams card's button for <paramref name="action"/>: its inline form's inputs filled in and merged into the action's data, as Teams sends them.</summary>
    private static TicketForm FromTeams(string action, FormDefinition? form, IReadOnlyDictionary<string, string> values)
    {
        var options = TeamsCardFixtures.Options() with { Forms = form is null ? null : new Dictionary<string, FormDefinition> { [action] = form } };
        var card = AdaptiveCardRenderer.MessageCard("A manager alert", TeamsCardFixtures.Accepted(), [action], options);
        var button = card["actions"]!.AsArray().First(a => a!["type"]!.GetValue<string>() != "Action.OpenUrl")!;
        var execute = button["type"]!.GetValue<string>() == "Action.ShowCard" ? button["card"]!["actions"]![0]! : button;
        var data = execute["data"]!.DeepClone().AsObject();
        if (form is not null)
        {
            foreach (var input in button["card"]!["body"]!.AsArray())
            {
                var id = input!["id"]!.GetValue<string>();
                data[id] = values[id[(id.IndexOf('.', StringComparison.Ordinal) + 1)..]];
            }
        }

        using var json = JsonDocument.Parse(data.ToJsonString());
        TeamsForms.TicketNumber(json.RootElement).ShouldBe(42);
        return TeamsForms.Read(execute["verb"]!.GetValue<string>(), json.RootElement).ShouldNotBeNull();
    }

    /// <summary>The definition as <c>GET /local/forms/{action}</c> serves it to the page, filled in by field name as the page posts it.</summary>
    private static TicketForm FromEmulator(string action, FormDefinition? form, IReadOnlyDictionary<string, string> values)
    {
        var served = JsonNode.Parse(JsonSerializer.Serialize(new { form }, WebJson.Options))!["form"];
        var fields = served is null ? [] : served["fields"]!.AsArray().ToDictionary(f => f!["name"]!.GetValue<string>(), f => values[f!["name"]!.GetValue<string>()]);
        return new TicketForm(served?["action"]?.GetValue<string>() ?? action, fields);
    }
}
