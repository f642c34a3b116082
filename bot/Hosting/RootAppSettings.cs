using Microsoft.Extensions.FileProviders;

namespace ChatEscalation.Bot.Hosting;

/// <summary>Loads the repository's root <c>appsettings.json</c> (copied next to the binaries) whatever the working folder.</summary>
public static class RootAppSettings
{
    /// <summary>Puts the root file first, so environment-specific files, user secrets, environment variables (<c>Policy__…</c>) and the command line still override it.</summary>
    public static void UseRootAppSettings(this ConfigurationManager configuration)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        if (!File.Exists(path))
            throw new InvalidOperationException($"appsettings.json was not found next to the binaries ({path}); the build copies it from the repository root.");
        configuration.AddJsonFile(new PhysicalFileProvider(AppContext.BaseDirectory), "appsettings.json", optional: false, reloadOnChange: false);
        var sources = (IList<IConfigurationSource>)configuration.Sources;
        var added = sources[^1];
        sources.RemoveAt(sources.Count - 1);
        sources.Insert(0, added);
    }
}
