using Microsoft.Extensions.FileProviders;

namespace ChatEscalation.Bot.Web;

/// <summary>Static files of the web pages (emulator, dashboard, shared libraries), served from folders next to the binaries.</summary>
public static class StaticFiles
{
    /// <summary>The shared browser libraries (<c>adaptivecards.js</c>, <c>chart.umd.js</c>), copied from <c>Web/npm</c> at build time.</summary>
    public static string LibraryRoot => Path.Combine(AppContext.BaseDirectory, "Web", "wwwroot", "lib");

    /// <summary>The pages' own shared files (<c>time.js</c>, the favicon): <c>Web/wwwroot/shared</c> next to the binaries.</summary>
    public static string SharedRoot => Path.Combine(AppContext.BaseDirectory, "Web", "wwwroot", "shared");

    /// <summary>Maps <c>GET /lib/{file}</c> (the shared browser libraries), <c>GET /web/{file}</c> (the pages' shared files) and the favicon.</summary>
    public static IEndpointRouteBuilder MapWebLibraries(this IEndpointRouteBuilder app)
    {
        app.MapGet("/lib/{**path}", (string path) => File(LibraryRoot, path));
        app.MapGet("/web/{**path}", (string path) => File(SharedRoot, path));
        app.MapGet("/favicon.ico", () => File(SharedRoot, "favicon.ico"));
        return app;
    }

    /// <summary>A file under <paramref name="root"/>, refusing anything that would leave it (404).</summary>
    public static IResult File(string root, string path)
    {
        var provider = new PhysicalFileProvider(root);
        var info = provider.GetFileInfo(path);
        if (!info.Exists || info.IsDirectory || info.PhysicalPath is null) return Results.NotFound();
        return Results.File(info.PhysicalPath, ContentType(path));
    }

    private static string ContentType(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".html" => "text/html; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        ".ico" => "image/x-icon",
        _ => "application/octet-stream",
    };
}
