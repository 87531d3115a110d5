using System.Globalization;
using System.Xml.Linq;
using StatefulManifests.Cli.Tests.Support;
using StatefulManifests.Tests.Support;
using Xunit.Abstractions;

namespace StatefulManifests.Cli.Tests;

/// <summary><c>stateful simulate</c> run as a process.</summary>
public sealed class SimulateCommandTests(ITestOutputHelper output) : IDisposable
{
    private const string Web = """
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
          clusterIP: None
          selector:
            app: web
          ports:
          - name: http
            port: 80
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: web
        spec:
          serviceName: web
          replicas: 3
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
              - name: web
                image: nginx:1.26
        """;

    private readonly string folder = Directory.CreateTempSubdirectory("statefulmanifests-sim-").FullName;

    [Fact]
    public void A_rollout_runs_to_convergence_and_prints_the_timeline()
    {
        var (exit, stdout) = Run("simulate", Write(Web), "--set-image", "nginx:1.27");
        Assert.Equal(0, exit);
        Assert.Contains("(nginx:1.26)", stdout, StringComparison.Ordinal);
        Assert.Contains("(nginx:1.27)", stdout, StringComparison.Ordinal);
        Assert.Contains("every pod is on", stdout, StringComparison.Ordinal);
        Assert.Matches(@"converged in \d+ steps", stdout);
    }

    [Fact]
    public void The_timeline_can_be_a_mermaid_chart()
    {
        var (exit, stdout) = Run("simulate", Write(Web), "--scale", "5", "--timeline", "mermaid");
        Assert.Equal(0, exit);
        Assert.StartsWith("gantt\n", stdout.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("section pod 4", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_svg_timeline_is_only_the_picture_on_stdout_and_a_browser_draws_each_bar_where_and_how_it_says()
    {
        var run = Tool.Run(output, ["simulate", Write(Web), "--set-image", "nginx:1.27", "--timeline", "svg"]);
        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"converged in \d+ steps", run.Stderr);
        var svg = XDocument.Parse(run.Stdout); // nothing but the picture: it parses as one XML document
        if (SharedFiles.Missing(Chromium.Executable, output, "Chromium (apt-get install chromium)"))
        {
            return;
        }

        var file = Path.Combine(folder, "rollout.svg");
        File.WriteAllText(file, run.Stdout);
        int Attribute(XElement element, string name) => int.Parse(element.Attribute(name)!.Value, CultureInfo.InvariantCulture);
        var root = svg.Root!;
        var png = Path.Combine(folder, "rollout.png");
        output.WriteLine(Chromium.Screenshot(file, png, Attribute(root, "width"), Attribute(root, "height")));
        var image = PngImage.Read(png);

        Assert.Equal((Attribute(root, "width"), Attribute(root, "height")), (image.Width, image.Height));
        Assert.Equal("#ffffff", image.ColourAt(image.Width - 2, 2)); // the background, not a transparent or black page
        var bars = root.Descendants(root.Name.Namespace + "rect").Where(r => r.Attribute("data-state") is not null).ToList();
        var checkedBars = 0;
        foreach (var bar in bars)
        {
            var (x, y) = (Attribute(bar, "x") + (Attribute(bar, "width") / 2), Attribute(bar, "y") + (Attribute(bar, "height") / 2));
            var expected = bar.Attribute("data-state")!.Value switch
            {
                "Ready" => bar.Attribute("fill")!.Value.ToLowerInvariant(), // solid: exactly the revision's colour
                "Pending" => "#ffffff", // an outline only
                _ => null,
            };
            if (expected is not null)
            {
                Assert.True(expected == image.ColourAt(x, y), $"bar {bar.Attribute("data-ordinal")!.Value}/{bar.Attribute("data-revision")!.Value}/{bar.Attribute("data-state")!.Value} at ({x},{y}): expected {expected}, the browser drew {image.ColourAt(x, y)}");
                checkedBars++;
            }
        }

        Assert.True(checkedBars >= 9, "3 pods × (Pending, Ready) on two revisions, at least: checked " + checkedBars);
        var revisions = bars.Where(b => b.Attribute("data-state")!.Value == "Ready").Select(b => image.ColourAt(
            Attribute(b, "x") + (Attribute(b, "width") / 2), Attribute(b, "y") + (Attribute(b, "height") / 2))).Distinct().Count();
        Assert.Equal(2, revisions); // the old and the new revision are told apart by colour
    }

    [Fact]
    public void A_new_image_that_never_becomes_ready_sticks_the_rollout_and_says_how_to_recover()
    {
        var run = Tool.Run(output, ["simulate", Write(Web), "--set-image", "nginx:broken", "--fault", "never-ready"]);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("did not converge", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("web-2 is held back by NeverReady(image nginx:broken)", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("kubernetes#67250", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fault_on_named_ordinals_acts_on_the_running_pods()
    {
        var run = Tool.Run(output, ["simulate", Write(Web), "--fault", "crash-loop@1"]);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("web-1 is held back by CrashLoop(ordinals 1)", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bogus", "unknown fault 'bogus'")]
    [InlineData("never-ready@x", "'x' is not new, all or a list of ordinals")]
    [InlineData("never-ready@new", "needs --set-image")]
    public void A_bad_fault_is_exit_code_2_with_why(string fault, string message)
    {
        var run = Tool.Run(output, ["simulate", Write(Web), "--fault", fault]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_statefulset_the_api_server_rejects_is_exit_code_2_not_a_crash()
    {
        var run = Tool.Run(output, ["simulate", Write(Web.Replace("replicas: 3", "replicas: -1", StringComparison.Ordinal))]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("the API server would not accept it", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_without_a_statefulset_is_exit_code_2()
    {
        var (exit, _) = Run("simulate", Write("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n"));
        Assert.Equal(2, exit);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Write(string yaml)
    {
        var path = Path.Combine(folder, Guid.NewGuid().ToString("N") + ".yaml");
        File.WriteAllText(path, yaml.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
        return path;
    }

    private (int ExitCode, string Stdout) Run(params string[] arguments)
    {
        var run = Tool.Run(output, arguments);
        return (run.ExitCode, run.Stdout);
    }
}
