using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace StatefulManifests.Generators.Tests.Support;

/// <summary>
/// Checked-in baselines of generated files (<c>Golden/&lt;name&gt;.g.cs.txt</c>), with the generator's version
/// scrubbed to <c>VERSION</c>. To accept a deliberate change, run the tests with
/// <c>STATEFULMANIFESTS_UPDATE_GOLDEN=1</c> (the baselines in the source tree are rewritten) and review the diff.
/// </summary>
public static partial class GoldenFiles
{
    private const string Placeholder = "\"StatefulManifests.Generators\", \"VERSION\"";

    private static readonly string Current = "\"StatefulManifests.Generators\", \"" + typeof(StatefulWorkloadGenerator).Assembly.GetName().Version + "\"";

    /// <summary>Whether this run rewrites the baselines instead of comparing with them.</summary>
    public static bool Updating => Environment.GetEnvironmentVariable("STATEFULMANIFESTS_UPDATE_GOLDEN") == "1";

    /// <summary>The baseline <paramref name="name"/> as the generator of this build writes it (its version put back).</summary>
    public static string Read(string name) => File.ReadAllText(PathOf(name)).Replace(Placeholder, Current, StringComparison.Ordinal);

    /// <summary>Rewrites the baseline <paramref name="name"/> in the source tree with <paramref name="generated"/>.</summary>
    public static void Write(string name, string generated)
    {
        var path = PathOf(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, Version().Replace(generated, Placeholder));
    }

    /// <summary>The copy beside the test assembly, or while updating, the one in the source tree.</summary>
    private static string PathOf(string name) =>
        Path.Combine(Updating ? Path.Combine(SourceDirectory(), "..") : AppContext.BaseDirectory, "Golden", name + ".g.cs.txt");

    [GeneratedRegex("\"StatefulManifests\\.Generators\", \"[0-9.]+\"")]
    private static partial Regex Version();

    private static string SourceDirectory([CallerFilePath] string file = "") => Path.GetDirectoryName(file)!;
}
