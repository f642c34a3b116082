namespace ChatEscalation.Bench;

/// <summary>Finds the repository (the folder holding ChatEscalation.sln) above the working directory or the binaries.</summary>
public static class RepositoryRoot
{
    public static string Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "ChatEscalation.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Run the benchmark from inside the repository (ChatEscalation.sln not found above it).");
    }
}
