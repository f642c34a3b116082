namespace ChatEscalation.Core.OnCall;

/// <summary>How long one participant's turn in a <see cref="RotationLayer"/> lasts, counted in local calendar days of the rotation's zone.</summary>
/// <remarks>A daily turn that spans a DST change is 23 or 25 hours long; the hand-off stays at the local hand-off time.</remarks>
public enum TurnLength
{
    /// <summary>One local calendar day per turn.</summary>
    Daily,

    /// <summary>Seven local calendar days per turn.</summary>
    Weekly,
}
