using System.CommandLine;
using StatefulManifests.Cli.Reports;
using StatefulManifests.Rules;

namespace StatefulManifests.Cli.Lint;

/// <summary>How a lint run ends, as its process exit code.</summary>
internal static class ExitCodes
{
    /// <summary>No finding at or above the threshold.</summary>
    public const int Clean = 0;

    /// <summary>At least one finding at or above the threshold.</summary>
    public const int Findings = 1;

    /// <summary>An input could not be read (missing, a directory without manifests, unreadable).</summary>
    public const int UnreadableInput = 2;
}

/// <summary>
/// <c>stateful lint PATH...</c>: the whole rule set (API validation, reliability, security, best practice) over plain
/// YAML files, folders (every <c>.yaml</c> and <c>.yml</c> below), simple globs (<c>manifests/*.yaml</c>) or <c>-</c>
/// for standard input; all inputs are linted together, so a Service in one file governs a StatefulSet in another.
/// </summary>
internal static class LintCommand
{
    /// <summary>From this many inputs on, an interactive run says it is working before the lint starts.</summary>
    private const int ManyInputs = 100;

    /// <summary>The command and its options.</summary>
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Arity = ArgumentArity.OneOrMore, Description = "Files, folders, globs (dir/*.yaml), or - for standard input" };
        var format = new Option<ReportFormat>("--format", "-f") { Description = "Output: text (compiler style, grouped per file), json, or sarif (2.1.0)", DefaultValueFactory = _ => ReportFormat.Text }.WithLowerCaseValues<Option<ReportFormat>, ReportFormat>();
        var minSeverity = new Option<FindingSeverity?>("--min-severity") { Description = "Report only findings at or above: info, warning or error (also the exit code's threshold; default: the config's minSeverity, else info)" }.WithLowerCaseValues<Option<FindingSeverity?>, FindingSeverity>();
        var config = new Option<string?>("--config") { Description = "The settings file (default: " + LintConfig.FileName + " in the working directory or the nearest parent)" };
        var noConfig = new Option<bool>("--no-config") { Description = "Ignore any " + LintConfig.FileName };
        var timing = new Option<bool>("--timing") { Description = "Print how long reading and linting took, on standard error" };
        var command = new Command("lint", "Lint StatefulSet, Service and PodDisruptionBudget YAML.\n\nExamples:\n  stateful lint manifests/\n  stateful lint web.yaml service.yaml --min-severity warning\n  kubectl get sts web -o yaml | stateful lint - --format sarif > lint.sarif\n\nSettings: " + LintConfig.FileName + " (rules: {SM2003: off, SM4001: error}, minSeverity: warning); per object, the annotation statefulmanifests/ignore: SM3001,SM4001.\n\nExit codes: 0 clean, 1 findings at or above --min-severity, 2 an input could not be read.")
        {
            paths,
            format,
            minSeverity,
            config,
            noConfig,
            timing,
        };
        command.SetAction(parse =>
        {
            var settings = LoadConfig(parse.GetValue(config), parse.GetValue(noConfig), Console.Error);
            return settings is null
                ? ExitCodes.UnreadableInput
                : Run(parse.GetValue(paths) ?? [], parse.GetValue(format), parse.GetValue(minSeverity) ?? settings.MinSeverity ?? FindingSeverity.Info, Console.In, Console.Out, Console.Error, settings, parse.GetValue(timing));
        });
        return command;
    }

    /// <summary>Lints <paramref name="paths"/> and writes the report; returns the exit code.</summary>
    public static int Run(IReadOnlyList<string> paths, ReportFormat format, FindingSeverity minSeverity, TextReader stdin, TextWriter stdout, TextWriter stderr, LintConfig? config = null, bool timing = false)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var inputs = InputFiles.Resolve(paths, stdin);
        var read = clock.Elapsed;

        // Many inputs on an interactive terminal: say what is happening before the (whole-set) lint starts.
        if (inputs.Sources.Count >= ManyInputs && !Console.IsErrorRedirected)
        {
            stderr.WriteLine("stateful: linting " + inputs.Sources.Count + " inputs ...");
        }

        foreach (var problem in inputs.Problems)
        {
            stderr.WriteLine("stateful: " + problem);
        }

        var findings = (config ?? LintConfig.Defaults).Apply(ManifestLinter.LintSources(inputs.Sources))
            .Where(f => f.Severity >= minSeverity)
            .ToList();
        var linted = clock.Elapsed - read;
        if (timing)
        {
            var bytes = inputs.Sources.Sum(s => (long)s.Yaml.Length);
            stderr.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"stateful: read {inputs.Sources.Count} inputs ({bytes / 1024.0:0.0} KiB of text) in {read.TotalMilliseconds:0} ms, linted them in {linted.TotalMilliseconds:0} ms"));
        }

        var report = new LintReport(inputs.Sources.Select(s => s.Name).ToList(), findings);
        switch (format)
        {
            case ReportFormat.Json:
                JsonReport.Write(report, stdout);
                break;
            case ReportFormat.Sarif:
                SarifReport.Write(report, stdout);
                break;
            default:
                TextReport.Write(report, stdout);
                break;
        }

        return inputs.Problems.Count > 0 ? ExitCodes.UnreadableInput : findings.Count > 0 ? ExitCodes.Findings : ExitCodes.Clean;
    }

    /// <summary>The settings that apply: the file given, the one found, or the defaults; null (reported) when unreadable.</summary>
    private static LintConfig? LoadConfig(string? explicitPath, bool ignore, TextWriter stderr)
    {
        if (ignore)
        {
            return LintConfig.Defaults;
        }

        var path = explicitPath ?? LintConfigFile.Find(Environment.CurrentDirectory);
        if (path is null)
        {
            return LintConfig.Defaults;
        }

        var config = LintConfigFile.Read(path, out var problems);
        foreach (var problem in problems)
        {
            stderr.WriteLine("stateful: " + problem);
        }

        return config;
    }
}
