using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace ChatEscalation.Bot.Tests.Slack;

/// <summary>The server side of one Socket Mode connection, driven by the test.</summary>
public sealed class FakeSocketSession(WebSocket socket, HttpContext http)
{
    private readonly TaskCompletionSource done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the test ends the session (the server request then finishes).</summary>
    public Task Done => done.Task;

    /// <summary>The close status the client sent, once it closed.</summary>
    public WebSocketCloseStatus? CloseStatus => socket.CloseStatus;

    public Task SendAsync(string json) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>The next text message from the client, or null when it closed (the close is answered; 10 s timeout).</summary>
    public async Task<string?> ReceiveAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                // Complete the close handshake, as Slack does.
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
                return null;
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage) return Encoding.UTF8.GetString(message.ToArray());
        }
    }

    /// <summary>Kills the TCP connection without a close handshake (a network drop).</summary>
    public void Drop()
    {
        http.Abort();
        done.TrySetResult();
    }

    /// <summary>Ends the session after a normal close.</summary>
    public async Task CloseAsync()
    {
        try
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
        }
        finally
        {
            done.TrySetResult();
        }
    }

    internal void End() => done.TrySetResult();
}
