using ChatEscalation.Bot.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace ChatEscalation.Bot.Tests.Hosting;

public class DefaultListenAddressTests
{
    private static string? Applied(params (string Key, string Value)[] settings)
    {
        var builder = WebApplication.CreateEmptyBuilder(new()); // no environment variables: only what the test sets
        builder.Configuration.AddInMemoryCollection(settings.ToDictionary(s => s.Key, s => (string?)s.Value));
        DefaultListenAddress.Apply(builder);
        return builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey);
    }

    [Fact]
    public void Nothing_Configured_LoopbackDefault() =>
        Applied().ShouldBe(DefaultListenAddress.Url);

    [Theory]
    [InlineData("urls", "http://0.0.0.0:8080")]
    [InlineData("http_ports", "8080")]
    [InlineData("https_ports", "8443")]
    public void Address_ConfiguredAnyWay_LeftAlone(string key, string value) =>
        Applied((key, value)).ShouldNotBe(DefaultListenAddress.Url);

    [Fact]
    public void RootAppSettings_SayNothingAboutUrls_SoEnvironmentVariablesWin()
    {
        var root = new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json")).Build();

        root["Urls"].ShouldBeNull();
    }
}
