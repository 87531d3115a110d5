using System.CommandLine;
using StatefulManifests.BuildTasks;

namespace StatefulManifests.Cli.Render;

/// <summary>
/// <c>stateful render PROJECT_OR_ASSEMBLY --output DIR</c>: writes the manifests the generator embedded in a built assembly
/// (a project is built first and its assembly found, see <see cref="ProjectAssembly"/>)
/// the way the build step does — one file per workload, environments in their folders, a kustomization per folder,
/// only files it owns (its state file lives in the output folder's <c>.statefulmanifests</c> file) — without the
/// package's build step in the project. Declarations the compiler could not evaluate are run by the build step
/// only; they are reported here.
/// </summary>
internal static class RenderCommand
{
    /// <summary>The command and its options.</summary>
    public static Command Create()
    {
        var assembly = new Argument<string>("project-or-assembly") { Description = "A project (.csproj, or a folder with one), built first; or a built assembly (bin/<configuration>/<framework>/<project>.dll)" };
        var configuration = new Option<string>("--configuration", "-c") { Description = "The configuration a project is built in", DefaultValueFactory = _ => "Debug" };
        var framework = new Option<string?>("--framework") { Description = "The target framework of a multi-targeting project" };
        var noBuild = new Option<bool>("--no-build") { Description = "Do not build the project; read the assembly its last build wrote" };
        var outputPath = new Option<string>("--output", "-o") { Description = "Folder the manifests are written to", DefaultValueFactory = _ => "manifests" };
        var command = new Command("render", "Write the manifests of a built project's [StatefulWorkload] declarations.\n\nExamples:\n  stateful render . -o deploy/\n  stateful render src/Shop -c Release -o deploy/\n  stateful render bin/Release/net10.0/Shop.dll -o deploy/\n\nExit codes: 0 written, 1 a problem (a file not owned, a declaration only the build can evaluate), 2 the project could not be built or the assembly read.")
        {
            assembly,
            outputPath,
            configuration,
            framework,
            noBuild,
        };
        command.SetAction(parse =>
            ProjectAssembly.Resolve(parse.GetValue(assembly)!, parse.GetValue(configuration)!, parse.GetValue(framework), !parse.GetValue(noBuild), Console.Error) is { } resolved
                ? Run(resolved, parse.GetValue(outputPath)!, Console.Out, Console.Error)
                : 2);
        return command;
    }

    /// <summary>Renders; returns the exit code.</summary>
    public static int Run(string assembly, string output, TextWriter stdout, TextWriter stderr)
    {
        BuildMetadata metadata;
        try
        {
            metadata = EmbeddedManifests.ReadAll(assembly);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or BadImageFormatException or InvalidOperationException)
        {
            stderr.WriteLine("stateful: " + assembly + ": " + e.Message);
            return 2;
        }

        var result = ManifestWriter.Write(metadata.Manifests, output, Path.Combine(output, ".statefulmanifests"), metadata.Invalid, metadata.Files);
        foreach (var problem in result.Problems)
        {
            stderr.WriteLine((problem.IsError ? "error " : "warning ") + problem.Code + ": " + problem.Message);
        }

        foreach (var declaration in metadata.Fallbacks)
        {
            stderr.WriteLine("error SMB0033: " + declaration + " can only be evaluated by running it: build the project with the StatefulManifests package (dotnet build) to write its manifests");
        }

        foreach (var written in result.Written)
        {
            stdout.WriteLine("wrote " + written);
        }

        stdout.WriteLine(metadata.Manifests.Count + " manifest(s) in " + Path.GetFullPath(output));
        foreach (var message in metadata.Messages)
        {
            stdout.WriteLine(message.Line);
        }

        return result.Problems.Any(p => p.IsError) || metadata.Fallbacks.Count > 0 ? 1 : 0;
    }
}
