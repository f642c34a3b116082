using System.Net;
using System.Net.Sockets;
using ChatEscalation.Bot.Hosting;

namespace ChatEscalation.Bot.Tests.Hosting;

public sealed class ListenAddressCheckTests
{
    [Fact]
    public void FirstInUse_PortHeldByAnotherListener_NamesThatUrl()
    {
        using var other = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        other.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        other.Listen();
        var port = ((IPEndPoint)other.LocalEndPoint!).Port;
        var url = $"http://127.0.0.1:{port}";

        ListenAddressCheck.FirstInUse($"http://127.0.0.1:{FreePort()};{url}").ShouldBe(url);
        ListenAddressCheck.Message(url).ShouldBe($"port {port} is in use ({url}): stop the other instance or pass --urls http://127.0.0.1:{port + 1}");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not a url;unix:/tmp/bot.sock")]
    public void FirstInUse_NothingToCheck_Null(string? urls) => ListenAddressCheck.FirstInUse(urls).ShouldBeNull();

    [Fact]
    public void FirstInUse_FreePortAndLocalhost_Null() => ListenAddressCheck.FirstInUse($"http://localhost:{FreePort()}").ShouldBeNull();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
