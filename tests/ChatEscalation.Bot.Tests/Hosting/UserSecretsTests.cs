using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;

namespace ChatEscalation.Bot.Tests.Hosting;

/// <summary>User secrets (<c>dotnet user-secrets</c>, id <c>chatescalation-bot</c>) are read in Development only, as README says.</summary>
public sealed class UserSecretsTests
{
    [Theory]
    [InlineData("Development", true)]
    [InlineData("Production", false)]
    [InlineData("Staging", false)]
    public void CreateBuilder_Environment_UserSecretsSourceOnlyInDevelopment(string environment, bool expected)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = environment,
            ApplicationName = typeof(Program).Assembly.GetName().Name,
        });

        var secrets = ((IConfigurationRoot)builder.Configuration).Providers.OfType<JsonConfigurationProvider>()
            .Any(p => p.Source.Path == "secrets.json" && p.Source.FileProvider is not null);

        secrets.ShouldBe(expected);
    }
}
