using System.CommandLine;
using StatefulManifests.Model;
using StatefulManifests.Reconciliation;
using StatefulManifests.Yaml;

namespace StatefulManifests.Cli.Simulate;

/// <summary>The timeline formats of <c>simulate</c>.</summary>
public enum TimelineFormat
{
    /// <summary>A table, one row per controller pass.</summary>
    Text,

    /// <summary>A Mermaid Gantt chart (renders in GitHub and most Markdown viewers).</summary>
    Mermaid,

    /// <summary>An SVG picture (pods × passes, colour per revision, fill per readiness) for a browser.</summary>
    Svg,
}

/// <summary>
/// <c>stateful simulate FILE</c>: runs the StatefulSet controller model (Kubernetes v1.36 semantics, docs/reconciliation.md)
/// on the file's StatefulSet and its governing Service: creates it, then applies the events given (a new image, a
/// scale), each run until the cluster settles, and prints the rollout timeline and, when it did not converge, why.
/// </summary>
internal static class SimulateCommand
{
    /// <summary>The command and its options.</summary>
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "A YAML file with a StatefulSet (and its Service), or - for standard input" };
        var image = new Option<string?>("--set-image") { Description = "After creation, roll out this image to the first container" };
        var scale = new Option<int?>("--scale") { Description = "After creation (and the image change), scale to this many replicas" };
        var faults = new Option<string[]>("--fault") { Description = "A lasting pod fault from after creation: KIND[@PODS], KIND one of " + string.Join(", ", FaultOption.Kinds) + "; PODS new (the --set-image pods, the default with it), all, or ordinals 0,2. Repeatable", AllowMultipleArgumentsPerToken = false };
        faults.CompletionSources.Add(FaultOption.Kinds);
        var timeline = new Option<TimelineFormat>("--timeline") { Description = "Timeline format: text, mermaid or svg (chart formats write only the chart to standard output, the outcome to standard error)", DefaultValueFactory = _ => TimelineFormat.Text }.WithLowerCaseValues<Option<TimelineFormat>, TimelineFormat>();
        var command = new Command("simulate", "Run the StatefulSet controller model on a manifest and show the rollout.\n\nExamples:\n  stateful simulate web.yaml\n  stateful simulate web.yaml --set-image nginx:1.27 --timeline mermaid\n  stateful simulate web.yaml --set-image nginx:1.27 --timeline svg > rollout.svg\n  stateful simulate web.yaml --scale 5\n  stateful simulate web.yaml --set-image web:broken --fault never-ready\n\nExit codes: 0 converged, 1 did not converge (the explanation says why), 2 the file has no readable StatefulSet the API server would accept, or a bad option.")
        {
            file,
            image,
            scale,
            faults,
            timeline,
        };
        command.SetAction(parse => Run(parse.GetValue(file)!, parse.GetValue(image), parse.GetValue(scale), parse.GetValue(timeline), Console.In, Console.Out, Console.Error, parse.GetValue(faults) ?? []));
        return command;
    }

    /// <summary>Runs the simulation; returns the exit code.</summary>
    public static int Run(string path, string? image, int? scale, TimelineFormat format, TextReader stdin, TextWriter stdout, TextWriter stderr, IReadOnlyList<string>? faultOptions = null)
    {
        var faults = new List<FaultOption>();
        foreach (var text in faultOptions ?? [])
        {
            if (FaultOption.Parse(text, out var problem) is { } fault)
            {
                faults.Add(fault);
            }
            else
            {
                stderr.WriteLine("stateful: " + problem);
                return 2;
            }
        }

        string yaml;
        try
        {
            yaml = path == "-" ? stdin.ReadToEnd() : File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine("stateful: " + path + ": " + e.Message);
            return 2;
        }

        var read = ManifestYaml.Read(yaml, path == "-" ? "stdin" : path);
        var set = read.Documents.OfType<StatefulSet>().FirstOrDefault();
        if (set is null)
        {
            stderr.WriteLine("stateful: " + path + ": no StatefulSet" + (read.Errors.Count > 0 ? " (" + read.Errors[0].Message + ")" : string.Empty));
            return 2;
        }

        var service = read.Documents.OfType<Service>().FirstOrDefault(s => s.Metadata?.Name == set.Spec?.ServiceName);
        StatefulSetSimulation simulation;
        try
        {
            simulation = StatefulSetSimulation.Create(set, service);
        }
        catch (ArgumentException e)
        {
            stderr.WriteLine("stateful: " + path + ": " + e.Message);
            return 2;
        }
        catch (StatefulSetRejectedException e)
        {
            stderr.WriteLine("stateful: " + path + ": the API server would not accept it: " + e.Message);
            return 2;
        }

        var report = simulation.RunUntilStable();
        foreach (var fault in faults)
        {
            if (!fault.ApplyTo(simulation, image, out var problem))
            {
                stderr.WriteLine("stateful: " + problem);
                return 2;
            }
        }

        if (faults.Count > 0 && image is null && scale is null)
        {
            // Nothing changes after creation: the faults act on the running pods.
            report = simulation.RunUntilStable();
        }

        try
        {
            if (report.Converged && image is not null)
            {
                simulation.SetImage(image);
                report = simulation.RunUntilStable();
            }

            if (report.Converged && scale is { } replicas)
            {
                simulation.Scale(replicas);
                report = simulation.RunUntilStable();
            }
        }
        catch (Exception e) when (e is StatefulSetRejectedException or ArgumentException)
        {
            stderr.WriteLine("stateful: the change is not accepted: " + e.Message);
            return 2;
        }

        var outcome = report.Converged ? "converged in " + report.Steps + " steps" : "did not converge: " + report.Explanation;
        if (format == TimelineFormat.Text)
        {
            stdout.Write(simulation.Timeline.RenderText());
            stdout.WriteLine();
            stdout.WriteLine(outcome);
        }
        else
        {
            // A chart is a file people redirect into (rollout.svg, a Markdown block): nothing else goes to stdout.
            stdout.Write(format == TimelineFormat.Mermaid ? simulation.Timeline.RenderMermaid() : simulation.Timeline.RenderSvg());
            stderr.WriteLine(outcome);
        }
        return report.Converged ? 0 : 1;
    }
}
