using System.Security.Cryptography;
using System.Text;

namespace ChatEscalation.Persistence.Storage;

/// <summary>
/// The identity of one platform request (a Slack <c>event_id</c>, a click's user + action + <c>action_ts</c>, a Teams activity id …).
/// The workflow records it in the same transaction as what the request did, so a redelivery after a crash does the work once.
/// </summary>
/// <param name="Platform"><c>slack</c>, <c>teams</c>.</param>
/// <param name="Key">The request's identity on that platform, at most 200 characters (longer keys are hashed).</param>
public sealed record InboundReceipt(string Platform, string Key)
{
    /// <summary>Longest key stored as is.</summary>
    public const int MaxKeyLength = 200;

    /// <summary>The key as stored: itself when short enough, else <c>sha256:</c> and its hash.</summary>
    public string StoredKey => Key.Length <= MaxKeyLength ? Key : "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Key)));

    /// <summary>A short, fixed-length form of the key (for the reply's idempotency key).</summary>
    public string Hash => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Key)))[..32];
}
