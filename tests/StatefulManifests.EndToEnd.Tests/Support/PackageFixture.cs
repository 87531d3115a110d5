using System.Globalization;
using StatefulManifests.Tests.Support;

namespace StatefulManifests.EndToEnd.Tests.Support;

/// <summary>
/// Packs the StatefulManifests package once per test class into a temporary folder source, with a version no
/// other run uses (so no NuGet cache can hand back an older build). Deleted afterwards.
/// </summary>
public sealed class PackageFixture : IDisposable
{
    /// <summary>Packs the package.</summary>
    public PackageFixture()
    {
        Root = Directory.CreateTempSubdirectory("statefulmanifests-e2e-").FullName;
        Feed = Path.Combine(Root, "feed");
        Version = "0.0.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
        var project = Path.Combine(SharedFiles.RepositoryRoot, "src", "Package", "StatefulManifests.Package.csproj");
        PackOutput = DotNet.Run(SharedFiles.RepositoryRoot, "pack", project, "-c", "Release", "-o", Feed, "-p:Version=" + Version, "--disable-build-servers").Output;
        Package = Path.Combine(Feed, "StatefulManifests." + Version + ".nupkg");
    }

    /// <summary>A temporary folder for everything the tests create.</summary>
    public string Root { get; }

    /// <summary>The local folder package source.</summary>
    public string Feed { get; }

    /// <summary>The package version.</summary>
    public string Version { get; }

    /// <summary>The .nupkg path.</summary>
    public string Package { get; }

    /// <summary>What <c>dotnet pack</c> printed.</summary>
    public string PackOutput { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
