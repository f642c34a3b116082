using System.Diagnostics.CodeAnalysis;
using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Engine;

namespace ChatEscalation.Core.Forms;

/// <summary>What a form reads as: the engine command, or a refusal when the form itself cannot be read (unknown action, a value that is not one of the choices).</summary>
public sealed record FormCommand(TicketCommand? Command, Refusal? Refusal)
{
    [MemberNotNullWhen(true, nameof(Command))]
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool IsCommand => Command is not null;

    public static implicit operator FormCommand(TicketCommand command) => new(command, null);

    public static FormCommand Refuse(string reason, string? field = null) => new(null, new Refusal(RefusalCode.InvalidInput, reason, field));
}
