using System.Net.WebSockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ChatEscalation.Bot.Hosting;

namespace ChatEscalation.Bot.Slack.Protocol;

/// <summary>
/// Socket Mode: keeps a WebSocket to Slack open and feeds its envelopes to <see cref="SlackSocketModeDispatcher"/>.
/// Registered only when <see cref="SlackOptions.Mode"/> is Socket and an app token is set.
/// </summary>
/// <remarks>
/// Each connection starts with <c>apps.connections.open</c> (the URL is single-use; <c>ws://</c> is accepted only for
/// loopback hosts). <c>disconnect</c> from Slack → reconnect at once with a fresh URL. A dropped socket, a refused
/// URL or a failed <c>apps.connections.open</c> → reconnect after <see cref="SlackReconnectBackoff"/>, reset by the
/// next <c>hello</c>. Envelopes are handled concurrently; acks are sent one at a time. Stopping the host closes the
/// socket. The connection URL is never logged (it carries a ticket).
/// </remarks>
public sealed class SlackSocketModeClient(
    IServiceScopeFactory scopes,
    SlackSocketModeDispatcher dispatcher,
    IOptionsMonitor<SlackOptions> options,
    TimeProvider time,
    Jitter jitter,
    SlackSocketModeState state,
    ILogger<SlackSocketModeClient> logger) : BackgroundService
{
    private const int MaxFrameBytes = 4 * 1024 * 1024;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.CurrentValue;
        var backoff = new SlackReconnectBackoff(o.SocketReconnectBaseDelay, o.SocketReconnectMaxDelay, jitter.Next);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await ConnectOnceAsync(backoff, stoppingToken).ConfigureAwait(false)) continue;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Slack Socket Mode connection failed");
            }

            var delay = backoff.Next();
            logger.LogInformation("Slack Socket Mode reconnects in {Delay}", delay);
            try
            {
                await Task.Delay(delay, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One connection's life; true when Slack asked for a refresh (reconnect without delay).</summary>
    private async Task<bool> ConnectOnceAsync(SlackReconnectBackoff backoff, CancellationToken ct)
    {
        Uri url;
        await using (var scope = scopes.CreateAsyncScope())
        {
            url = await scope.ServiceProvider.GetRequiredService<ISlackApi>().OpenSocketConnectionAsync(ct).ConfigureAwait(false);
        }

        if (!SlackUrlRules.IsSecureOrLoopbackWebSocket(url))
        {
            throw new InvalidOperationException($"apps.connections.open returned a {url.Scheme} URL for {url.Host}; only wss (or ws on loopback) is used.");
        }

        using var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = options.CurrentValue.SocketKeepAliveInterval;
        socket.Options.KeepAliveTimeout = options.CurrentValue.SocketKeepAliveInterval;
        await socket.ConnectAsync(url, ct).ConfigureAwait(false);
        logger.LogInformation("Slack Socket Mode connected to {Host}", url.Host);
        try
        {
            return await PumpAsync(socket, backoff, ct).ConfigureAwait(false);
        }
        finally
        {
            state.MarkDisconnected();
            await CloseQuietlyAsync(socket).ConfigureAwait(false);
        }
    }

    private async Task<bool> PumpAsync(ClientWebSocket socket, SlackReconnectBackoff backoff, CancellationToken ct)
    {
        using var sendLock = new SemaphoreSlim(1, 1);
        // Cancelling a pending receive aborts a ClientWebSocket, so stopping closes politely first and aborts the
        // receive only if Slack does not complete the close in time.
        using var abortReceive = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
        using var onStop = ct.Register(() => _ = CloseForStopAsync(socket, sendLock, abortReceive));
        var inFlight = new List<Task>();
        try
        {
            while (true)
            {
                var frame = await ReceiveTextAsync(socket, abortReceive.Token).ConfigureAwait(false);
                if (frame is null)
                {
                    ct.ThrowIfCancellationRequested();
                    logger.LogWarning("Slack Socket Mode connection closed ({Status})", socket.CloseStatus);
                    return false;
                }

                var message = SlackSocketModeDispatcher.Classify(frame);
                switch (message.Kind)
                {
                    case SlackSocketMessageKind.Hello:
                        backoff.Reset();
                        state.MarkConnected();
                        logger.LogInformation("Slack Socket Mode ready");
                        break;
                    case SlackSocketMessageKind.Disconnect:
                        logger.LogInformation("Slack asked to reconnect ({Reason})", message.DisconnectReason);
                        return true;
                    case SlackSocketMessageKind.Envelope:
                        inFlight.RemoveAll(t => t.IsCompleted);
                        inFlight.Add(Task.Run(() => DispatchAndAckAsync(socket, sendLock, message, ct), CancellationToken.None));
                        break;
                    default:
                        logger.LogDebug("Ignored Socket Mode frame of type {Type}", message.Type);
                        break;
                }
            }
        }
        catch (OperationCanceledException) when (abortReceive.IsCancellationRequested)
        {
            ct.ThrowIfCancellationRequested();
            throw;
        }
        finally
        {
            await Task.WhenAll(inFlight).ConfigureAwait(false);
        }
    }

    private async Task CloseForStopAsync(ClientWebSocket socket, SemaphoreSlim sendLock, CancellationTokenSource abortReceive)
    {
        try
        {
            using var timeout = new CancellationTokenSource(options.CurrentValue.SocketCloseTimeout, time);
            await sendLock.WaitAsync(timeout.Token).ConfigureAwait(false);
            try
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "stopping", timeout.Token).ConfigureAwait(false);
            }
            finally
            {
                sendLock.Release();
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            // Already closed or closing; the receive abort below ends the pump anyway.
        }
        finally
        {
            try
            {
                abortReceive.CancelAfter(options.CurrentValue.SocketCloseTimeout);
            }
            catch (ObjectDisposedException)
            {
                // The pump already ended.
            }
        }
    }

    private async Task DispatchAndAckAsync(ClientWebSocket socket, SemaphoreSlim sendLock, SlackSocketMessage envelope, CancellationToken ct)
    {
        try
        {
            var ack = await dispatcher.DispatchAsync(envelope, ct).ConfigureAwait(false);
            if (ack is null) return;
            await sendLock.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                // Not the stopping token: cancelling a send in flight aborts a ClientWebSocket, so a stop that lands while an
                // ack is being written would drop the connection instead of closing it. The send gets the close budget instead.
                using var sendTimeout = new CancellationTokenSource(options.CurrentValue.SocketCloseTimeout, time);
                await socket.SendAsync(Encoding.UTF8.GetBytes(ack), WebSocketMessageType.Text, true, sendTimeout.Token).ConfigureAwait(false);
            }
            finally
            {
                sendLock.Release();
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Could not acknowledge Socket Mode envelope {EnvelopeId}; Slack will redeliver it", envelope.EnvelopeId);
        }
        catch (OperationCanceledException)
        {
            // Stopping: Slack redelivers unacknowledged envelopes on the next connection.
        }
    }

    /// <summary>Reads one whole text message; null when the socket closed.</summary>
    private static async Task<string?> ReceiveTextAsync(ClientWebSocket socket, CancellationToken ct)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            WebSocketReceiveResult result;
            try
            {
                result = await socket.ReceiveAsync(buffer, ct).ConfigureAwait(false);
            }
            catch (WebSocketException)
            {
                return null;
            }

            if (result.MessageType == WebSocketMessageType.Close) return null;
            message.Write(buffer, 0, result.Count);
            if (message.Length > MaxFrameBytes) throw new InvalidOperationException("Socket Mode frame larger than 4 MiB.");
            if (result.EndOfMessage) return Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
        }
    }

    private async Task CloseQuietlyAsync(ClientWebSocket socket)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived)) return;
        try
        {
            using var timeout = new CancellationTokenSource(options.CurrentValue.SocketCloseTimeout, time);
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "reconnecting", timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The connection is being replaced anyway.
        }
    }
}
