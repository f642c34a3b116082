namespace ChatEscalation.Bot.Tests.Cards;

/// <summary>
/// Locates files of the checkout at run time, so tests need no copies in their output folder.
/// </summary>
/// <remarks>
/// The repository root is the nearest folder at or above <see cref="AppContext.BaseDirectory"/> that
/// contains <c>ChatEscalation.sln</c>. Everything a test reads is inside the checkout (a fresh clone with nothing
/// beside it passes its tests; <c>.ci/run</c> proves it by running the suite from a copy in a temporary folder).
/// </remarks>
public static class RepoPaths
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>Absolute path of the repository root (the folder holding ChatEscalation.sln).</summary>
    public static string RepoRoot => Root.Value;

    /// <summary>Absolute path of <c>tests/js</c>, the Node.js validation tooling.</summary>
    public static string JsDirectory => Path.Combine(RepoRoot, "tests", "js");

    /// <summary>Absolute path of <c>manifests/</c>.</summary>
    public static string ManifestsDirectory => Path.Combine(RepoRoot, "manifests");

    /// <summary>Absolute path of the pinned Adaptive Cards 1.5 schema, <c>tests/schemas/adaptive-cards/</c> (MIT, source in its README).</summary>
    public static string AdaptiveCardSchemaFile =>
        Path.Combine(RepoRoot, "tests", "schemas", "adaptive-cards", "adaptive-card-1.5.json");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ChatEscalation.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No ChatEscalation.sln at or above {AppContext.BaseDirectory}.");
    }
}
