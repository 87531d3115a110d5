using StatefulManifests.BuildTasks;

namespace StatefulManifests.EndToEnd.Tests;

/// <summary>The build task's file handling: only changed bytes are written, only its own stale files are removed.</summary>
public sealed class ManifestWriterTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("statefulmanifests-writer-").FullName;

    private string Output => Path.Combine(root, "bin", "manifests");

    private string State => Path.Combine(root, "obj", "StatefulManifests.written.txt");

    [Fact]
    public void Writes_manifests_and_kustomization_exactly()
    {
        var result = ManifestWriter.Write([new("web.yaml", "a: 1\n"), new("db.yaml", "ü: 2\n")], Output, State);
        Assert.Empty(result.Errors);
        Assert.Equal("a: 1\n"u8.ToArray(), File.ReadAllBytes(Path.Combine(Output, "web.yaml")));
        Assert.Equal("ü: 2\n"u8.ToArray(), File.ReadAllBytes(Path.Combine(Output, "db.yaml")));
        Assert.EndsWith("resources:\n- db.yaml\n- web.yaml\n", File.ReadAllText(Path.Combine(Output, "kustomization.yaml")), StringComparison.Ordinal);
        Assert.Equal(3, result.Written.Count);
    }

    [Fact]
    public void Unchanged_files_are_not_rewritten_and_changed_ones_are()
    {
        ManifestWriter.Write([new("web.yaml", "a: 1\n")], Output, State);
        var second = ManifestWriter.Write([new("web.yaml", "a: 1\n")], Output, State);
        Assert.Empty(second.Written);
        var third = ManifestWriter.Write([new("web.yaml", "a: 2\n")], Output, State);
        Assert.Equal([Path.Combine(Output, "web.yaml")], third.Written);
    }

    [Fact]
    public void Stale_files_it_wrote_are_removed_and_nothing_else()
    {
        Directory.CreateDirectory(Output);
        File.WriteAllText(Path.Combine(Output, "mine.yaml"), "user: file\n");
        ManifestWriter.Write([new("web.yaml", "a: 1\n"), new("db.yaml", "b: 1\n")], Output, State);

        var result = ManifestWriter.Write([new("web.yaml", "a: 1\n")], Output, State);
        Assert.Equal([Path.Combine(Output, "db.yaml")], result.Removed);
        Assert.True(File.Exists(Path.Combine(Output, "mine.yaml")));

        var none = ManifestWriter.Write([], Output, State);
        Assert.Equal(2, none.Removed.Count);
        Assert.Equal(["mine.yaml"], Directory.GetFiles(Output).Select(Path.GetFileName));
    }

    [Fact]
    public void A_stale_file_changed_since_it_was_written_is_left_with_a_warning()
    {
        ManifestWriter.Write([new("web.yaml", "a: 1\n"), new("db.yaml", "b: 1\n")], Output, State);
        File.WriteAllText(Path.Combine(Output, "db.yaml"), "edited: by hand\n");
        var result = ManifestWriter.Write([new("web.yaml", "a: 1\n")], Output, State);
        Assert.Empty(result.Removed);
        Assert.Contains(result.Warnings, w => w.Contains("db.yaml", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(Output, "db.yaml")));
    }

    [Theory]
    [InlineData("../escape.yaml")]
    [InlineData("sub/deeper/web.yaml")]
    [InlineData("../web.yaml")]
    [InlineData("./web.yaml")]
    [InlineData("/web.yaml")]
    [InlineData("prod/")]
    [InlineData("prod/kustomization.yaml")]
    [InlineData("pr od/web.yaml")]
    [InlineData("web.yml")]
    [InlineData("kustomization.yaml")]
    [InlineData(".yaml")]
    public void Unsafe_file_names_are_errors_and_nothing_is_written(string name)
    {
        var result = ManifestWriter.Write([new(name, "a: 1\n")], Output, State);
        Assert.Single(result.Errors);
        Assert.False(Directory.Exists(Output));
        Assert.False(File.Exists(Path.Combine(root, "bin", "escape.yaml")));
    }

    [Fact]
    public void Two_workloads_with_one_file_name_are_an_error()
    {
        var result = ManifestWriter.Write([new("web.yaml", "a: 1\n"), new("web.yaml", "a: 2\n")], Output, State);
        Assert.Contains("two workloads write 'web.yaml'", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Environments_get_a_folder_and_a_kustomization_each()
    {
        var result = ManifestWriter.Write([new("prod/web.yaml", "a: 3\n"), new("dev/web.yaml", "a: 1\n"), new("prod/db.yaml", "b: 1\n")], Output, State);
        Assert.Empty(result.Errors);
        Assert.Equal("a: 3\n", File.ReadAllText(Path.Combine(Output, "prod", "web.yaml")));
        Assert.Equal("a: 1\n", File.ReadAllText(Path.Combine(Output, "dev", "web.yaml")));
        Assert.EndsWith("resources:\n- db.yaml\n- web.yaml\n", File.ReadAllText(Path.Combine(Output, "prod", "kustomization.yaml")), StringComparison.Ordinal);
        Assert.EndsWith("resources:\n- web.yaml\n", File.ReadAllText(Path.Combine(Output, "dev", "kustomization.yaml")), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Output, "kustomization.yaml")));

        // An environment dropped from the project: its files (and only they) go.
        var second = ManifestWriter.Write([new("prod/web.yaml", "a: 3\n"), new("prod/db.yaml", "b: 1\n")], Output, State);
        Assert.Equal(2, second.Removed.Count);
        Assert.All(second.Removed, p => Assert.Contains(Path.DirectorySeparatorChar + "dev" + Path.DirectorySeparatorChar, p, StringComparison.Ordinal));
    }

    [Fact]
    public void An_invalid_workloads_earlier_file_is_kept_with_a_warning_not_removed()
    {
        ManifestWriter.Write([new("web.yaml", "a: 1\n"), new("db.yaml", "b: 1\n")], Output, State);
        var result = ManifestWriter.Write([new("web.yaml", "a: 1\n")], Output, State, invalid: ["db.yaml"]);
        Assert.Empty(result.Removed);
        Assert.Equal("b: 1\n", File.ReadAllText(Path.Combine(Output, "db.yaml")));
        Assert.Contains(result.Warnings, w => w.Contains("db.yaml", StringComparison.Ordinal) && w.Contains("invalid", StringComparison.Ordinal));

        // Still owned: when the workload is gone for good, its file goes.
        var gone = ManifestWriter.Write([new("web.yaml", "a: 1\n")], Output, State);
        Assert.Equal([Path.Combine(Output, "db.yaml")], gone.Removed);
    }

    public void Dispose() => Directory.Delete(root, recursive: true);
}
