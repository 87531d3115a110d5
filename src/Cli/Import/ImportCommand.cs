using System.CommandLine;
using StatefulManifests.Cli.Lint;
using StatefulManifests.Import;

namespace StatefulManifests.Cli.Import;

/// <summary>
/// <c>stateful import PATH...</c>: existing StatefulSet, Service and PodDisruptionBudget YAML → C# DSL source (one
/// <c>[StatefulWorkload]</c> method per StatefulSet, its governing Service and budget folded in), on standard output
/// or into <c>-o FILE_OR_DIR</c>. Inputs are resolved as <c>lint</c> resolves them; objects the DSL cannot own are listed
/// on standard error as skipped.
/// </summary>
internal static class ImportCommand
{
    /// <summary>The command and its options.</summary>
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Arity = ArgumentArity.OneOrMore, Description = "Files, folders, globs (dir/*.yaml), or - for standard input" };
        var output = new Option<string?>("--output", "-o") { Description = "Write the C# here: a file, or an existing folder (then <class>.cs inside it). Default: standard output" };
        var @namespace = new Option<string?>("--namespace") { Description = "The C# namespace of the generated class (default: none)" };
        var className = new Option<string>("--class") { Description = "The name of the generated static class", DefaultValueFactory = _ => new ImportOptions().ClassName };
        var force = new Option<bool>("--force") { Description = "Overwrite the output file if it exists" };
        var command = new Command("import", "Turn existing StatefulSet, Service and PodDisruptionBudget YAML into C# DSL source that renders back the same objects.\n\n"
            + "Each StatefulSet becomes a [StatefulWorkload] method; its governing Service (named by spec.serviceName) and the\n"
            + "PodDisruptionBudget selecting its pods are folded into the same declaration. DSL defaults are used where they give\n"
            + "the same value (each marked '// relies on the default: ...'); fields the DSL has no method for become commented\n"
            + "escape-hatch patches. Other objects (ConfigMaps, Deployments, unrelated Services) are listed on stderr as skipped.\n\n"
            + "Examples:\n"
            + "  stateful import web.yaml web-service.yaml\n"
            + "  stateful import manifests/ -o src/Workloads/ --namespace Contoso.Deploy --class Databases\n"
            + "  kubectl get sts web -o yaml | stateful import - > Web.cs\n\n"
            + "Exit codes: 0 imported, 2 an input could not be read or held no StatefulSet (nothing is written then).")
        {
            paths,
            output,
            @namespace,
            className,
            force,
        };
        @namespace.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } value && !IsValid(new ImportOptions { Namespace = value }))
            {
                result.AddError("--namespace: '" + value + "' is not a valid C# namespace");
            }
        });
        className.Validators.Add(result =>
        {
            if (!IsValid(new ImportOptions { ClassName = result.GetValueOrDefault<string>() ?? string.Empty }))
            {
                result.AddError("--class: '" + result.GetValueOrDefault<string>() + "' is not a valid C# class name");
            }
        });
        command.SetAction(parse => Run(
            parse.GetValue(paths) ?? [],
            parse.GetValue(output),
            new ImportOptions { Namespace = parse.GetValue(@namespace), ClassName = parse.GetValue(className)! },
            parse.GetValue(force),
            Console.In,
            Console.Out,
            Console.Error));
        return command;
    }

    /// <summary>Imports <paramref name="paths"/> and writes the source; returns the exit code.</summary>
    public static int Run(IReadOnlyList<string> paths, string? output, ImportOptions options, bool force, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var inputs = InputFiles.Resolve(paths, stdin);
        foreach (var problem in inputs.Problems)
        {
            stderr.WriteLine("stateful: " + problem);
        }

        var result = WorkloadImporter.Import(inputs.Sources, options);
        foreach (var error in result.Errors)
        {
            stderr.WriteLine(error + " (not imported)");
        }

        foreach (var skipped in result.Skipped)
        {
            stderr.WriteLine(skipped);
        }

        foreach (var note in result.Notes)
        {
            stderr.WriteLine(note);
        }

        if (result.WorkloadCount == 0)
        {
            stderr.WriteLine("stateful: no StatefulSet to import; nothing written");
            return ExitCodes.UnreadableInput;
        }

        if (output is null)
        {
            stdout.Write(result.Source);
        }
        else if (!Write(output, options.ClassName.TrimStart('@'), result.Source, force, stderr, out var written))
        {
            return ExitCodes.UnreadableInput;
        }
        else
        {
            stderr.WriteLine("stateful: wrote " + written);
        }

        stderr.WriteLine("stateful: imported " + result.WorkloadCount + " StatefulSet(s) from " + inputs.Sources.Count + " input(s), skipped " + result.Skipped.Count + " object(s)");
        return inputs.Problems.Count > 0 || result.Errors.Count > 0 ? ExitCodes.UnreadableInput : ExitCodes.Clean;
    }

    private static bool Write(string output, string className, string source, bool force, TextWriter stderr, out string path)
    {
        path = Directory.Exists(output) || output.EndsWith("/", StringComparison.Ordinal) || output.EndsWith("\\", StringComparison.Ordinal)
            ? Path.Combine(output, className + ".cs")
            : output;
        if (File.Exists(path) && !force)
        {
            stderr.WriteLine("stateful: " + path + " exists; not overwritten (use --force to replace it)");
            return false;
        }

        try
        {
            if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
            {
                Directory.CreateDirectory(folder);
            }

            File.WriteAllText(path, source);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine("stateful: " + path + ": " + e.Message);
            return false;
        }
    }

    private static bool IsValid(ImportOptions options)
    {
        try
        {
            WorkloadImporter.Import([], options);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
