using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace ChatEscalation.Bot.Slack.Protocol;

/// <summary>
/// Verifies <c>X-Slack-Signature</c> on HTTP callbacks: <c>v0=</c> + lowercase hex of
/// HMAC-SHA256(signing secret, <c>v0:{timestamp}:{raw body bytes}</c>), compared in constant time.
/// </summary>
/// <remarks>
/// The timestamp must be within <see cref="AcceptWithin"/> of the injected clock on either side (the project
/// chose the two-sided check; Bolt-js checks only staleness). Missing or non-numeric headers are refused.
/// The signature covers only timestamp and body; it does not prevent a replay inside the window, which is why
/// the inbound handler de-duplicates on <c>event_id</c>.
/// </remarks>
public sealed class SlackSignatureVerifier(IOptionsMonitor<SlackOptions> options, TimeProvider time)
{
    /// <summary>Header carrying the signature.</summary>
    public const string SignatureHeader = "X-Slack-Signature";

    /// <summary>Header carrying the request's Unix time in seconds.</summary>
    public const string TimestampHeader = "X-Slack-Request-Timestamp";

    /// <summary>The only signature version Slack uses.</summary>
    public const string VersionPrefix = "v0=";

    /// <summary>Largest accepted distance between the request timestamp and now, either way: 300 s.</summary>
    public static readonly TimeSpan AcceptWithin = TimeSpan.FromSeconds(300);

    /// <summary>Checks the two header values against the raw body.</summary>
    public SlackSignatureResult Verify(string? timestamp, string? signature, ReadOnlySpan<byte> body)
    {
        var secret = options.CurrentValue.SigningSecret;
        if (string.IsNullOrEmpty(secret)) return SlackSignatureResult.NotConfigured;
        if (string.IsNullOrWhiteSpace(timestamp)) return SlackSignatureResult.MissingTimestamp;
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return SlackSignatureResult.MalformedTimestamp;
        }

        var skew = DateTimeOffset.FromUnixTimeSeconds(seconds) - time.GetUtcNow();
        if (skew < -AcceptWithin) return SlackSignatureResult.StaleTimestamp;
        if (skew > AcceptWithin) return SlackSignatureResult.FutureTimestamp;

        if (string.IsNullOrEmpty(signature)) return SlackSignatureResult.MissingSignature;
        if (!signature.StartsWith(VersionPrefix, StringComparison.Ordinal)) return SlackSignatureResult.UnsupportedVersion;
        var presented = ParseHex(signature.AsSpan(VersionPrefix.Length));
        if (presented is null) return SlackSignatureResult.MalformedSignature;

        var expected = ComputeHmac(secret, timestamp, body);
        return CryptographicOperations.FixedTimeEquals(expected, presented)
            ? SlackSignatureResult.Valid
            : SlackSignatureResult.Mismatch;
    }

    /// <summary>The full header value (<c>v0=…</c>) Slack would send for this secret, timestamp and body.</summary>
    public static string ComputeSignature(string signingSecret, string timestamp, ReadOnlySpan<byte> body) =>
        VersionPrefix + Convert.ToHexStringLower(ComputeHmac(signingSecret, timestamp, body));

    private static byte[] ComputeHmac(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"v0:{timestamp}:");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message);
    }

    private static byte[]? ParseHex(ReadOnlySpan<char> hex)
    {
        if (hex.Length != 64) return null;
        foreach (var c in hex)
        {
            if (!char.IsAsciiHexDigit(c)) return null;
        }

        return Convert.FromHexString(hex);
    }
}
