using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using StatefulManifests.BuildTasks;

namespace StatefulManifests.EndToEnd.Tests;

/// <summary>
/// The build task's reading of the build-output contract from a compiled assembly (no loading): manifests, other
/// files and the lines to print, each by its key prefix.
/// </summary>
public sealed class EmbeddedManifestsTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("statefulmanifests-metadata-").FullName;

    [Fact]
    public void Files_and_messages_are_read_by_their_prefix_and_messages_come_in_key_order()
    {
        var assembly = Compile("""
            [assembly: System.Reflection.AssemblyMetadata("StatefulManifests.Yaml:web.yaml", "a: 1\n")]
            [assembly: System.Reflection.AssemblyMetadata("StatefulManifests.Message:web.plan.md", "plan for web: 3 pod steps")]
            [assembly: System.Reflection.AssemblyMetadata("StatefulManifests.File:web.plan.md", "# Rollout plan: web\n")]
            [assembly: System.Reflection.AssemblyMetadata("StatefulManifests.Message:db.plan.md", "plan for db: no pod is restarted")]
            [assembly: System.Reflection.AssemblyMetadata("StatefulManifests.File:prod/db.plan.md", "# Rollout plan: db (prod)\n")]
            [assembly: System.Reflection.AssemblyMetadata("Unrelated", "value")]
            """);

        var metadata = EmbeddedManifests.ReadAll(assembly);

        Assert.Equal([new EmbeddedManifest("web.yaml", "a: 1\n")], metadata.Manifests);
        Assert.Equal([new EmbeddedFile("web.plan.md", "# Rollout plan: web\n"), new EmbeddedFile("prod/db.plan.md", "# Rollout plan: db (prod)\n")], metadata.Files);
        Assert.Equal([new BuildMessage("db.plan.md", "plan for db: no pod is restarted"), new BuildMessage("web.plan.md", "plan for web: 3 pod steps")], metadata.Messages);
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    private string Compile(string source)
    {
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var compilation = CSharpCompilation.Create(
            "Metadata",
            [CSharpSyntaxTree.ParseText(source)],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location), MetadataReference.CreateFromFile(Path.Combine(runtime, "System.Runtime.dll"))],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var path = Path.Combine(root, "Metadata.dll");
        var emitted = compilation.Emit(path);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        return path;
    }
}
