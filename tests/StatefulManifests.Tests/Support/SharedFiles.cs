using Xunit.Abstractions;

namespace StatefulManifests.Tests.Support;

/// <summary>
/// Locates <c>../shared</c> (the corpus, the Kubernetes API documents and kubectl-validate), which lives beside
/// the repository and is never copied into it. Tests that need it skip with a printed reason when it is absent.
/// </summary>
public static class SharedFiles
{
    private static readonly Lazy<string?> Root = new(FindRoot);

    /// <summary>The repository root (the folder holding StatefulManifests.slnx).</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The shared folder, or null when it is not there.</summary>
    public static string? SharedRoot => Root.Value;

    /// <summary>The corpus folder, or null.</summary>
    public static string? CorpusDir => SharedRoot is { } r && Directory.Exists(Path.Combine(r, "corpus")) ? Path.Combine(r, "corpus") : null;

    /// <summary>kubectl-validate, or null when it, kubectl or python3 (its static API server) is missing.</summary>
    public static string? KubectlValidate
    {
        get
        {
            var tool = SharedRoot is { } r ? Path.Combine(r, "tools", "kubectl-validate") : null;
            if (tool is null || !File.Exists(tool))
            {
                return null;
            }

            var path = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator);
            bool OnPath(string program) => path.Any(d => File.Exists(Path.Combine(d, program)));
            return OnPath("kubectl") && OnPath("python3") ? tool : null;
        }
    }

    /// <summary>Reports a skip reason on the test output and returns true when <paramref name="value"/> is null.</summary>
    public static bool Missing(object? value, ITestOutputHelper output, string what)
    {
        if (value is not null)
        {
            return false;
        }

        output.WriteLine($"SKIPPED: {what} is not available (expected beside the repository in ../shared); nothing was checked.");
        Console.WriteLine($"SKIPPED: {what} is not available (expected beside the repository in ../shared).");
        return true;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "StatefulManifests.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
    }

    private static string? FindRoot()
    {
        var env = Environment.GetEnvironmentVariable("STATEFULMANIFESTS_SHARED");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env))
        {
            return env;
        }

        var candidate = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));
        return Directory.Exists(candidate) ? candidate : null;
    }
}
