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

    [Fact]
    public void A_file_it_did_not_write_is_never_overwritten_and_the_others_are_still_written()
    {
        Directory.CreateDirectory(Output);
        File.WriteAllText(Path.Combine(Output, "web.yaml"), "mine: true\n");
        File.WriteAllText(Path.Combine(Output, "kustomization.yaml"), "resources: [mine.yaml]\n");
        var result = ManifestWriter.Write([new("web.yaml", "a: 1\n"), new("db.yaml", "b: 1\n")], Output, State);
        Assert.Equal(2, result.Problems.Count(p => p.IsError && p.Code == "SMB0004"));
        Assert.Contains(result.Problems, p => p.Path == Path.Combine(Output, "kustomization.yaml") && p.Message.Contains("another project", StringComparison.Ordinal));
        Assert.Equal("mine: true\n", File.ReadAllText(Path.Combine(Output, "web.yaml")));
        Assert.Equal("resources: [mine.yaml]\n", File.ReadAllText(Path.Combine(Output, "kustomization.yaml")));
        Assert.Equal("b: 1\n", File.ReadAllText(Path.Combine(Output, "db.yaml")));

        // Its own file changed by hand is not the build's any more either: it is left, with an error.
        var edited = Path.Combine(Output, "db.yaml");
        File.WriteAllText(edited, "edited: yes\n");
        var second = ManifestWriter.Write([new("db.yaml", "b: 2\n")], Output, State);
        Assert.Contains(second.Problems, p => p.Code == "SMB0004" && p.Path == edited);
        Assert.Equal("edited: yes\n", File.ReadAllText(edited));
    }

    [Fact]
    public void A_file_already_holding_the_bytes_is_adopted_without_a_write()
    {
        Directory.CreateDirectory(Output);
        File.WriteAllText(Path.Combine(Output, "web.yaml"), "a: 1\n");
        var result = ManifestWriter.Write([new("web.yaml", "a: 1\n")], Output, State);
        Assert.Empty(result.Problems);
        Assert.DoesNotContain(Path.Combine(Output, "web.yaml"), result.Written);
        Assert.Contains(Path.Combine(Output, "web.yaml"), result.Owned);
    }

    [Fact]
    public void The_state_file_holds_relative_paths_so_a_copied_project_never_touches_the_original()
    {
        ManifestWriter.Write([new("web.yaml", "a: 1\n"), new("prod/db.yaml", "b: 1\n")], Output, State);
        Assert.DoesNotContain(root, File.ReadAllText(State), StringComparison.Ordinal);

        var copy = Path.Combine(root, "copy");
        CopyTree(Path.Combine(root, "bin"), Path.Combine(copy, "bin"));
        CopyTree(Path.Combine(root, "obj"), Path.Combine(copy, "obj"));
        var copiedOutput = Path.Combine(copy, "bin", "manifests");
        var result = ManifestWriter.Write([], copiedOutput, Path.Combine(copy, "obj", "StatefulManifests.written.txt"));
        Assert.Equal(4, result.Removed.Count);
        Assert.All(result.Removed, p => Assert.StartsWith(copiedOutput, p, StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(Output, "web.yaml")));
        Assert.True(File.Exists(Path.Combine(Output, "prod", "db.yaml")));
    }

    [Fact]
    public void Unsafe_lines_in_the_state_file_are_ignored_with_a_warning_and_nothing_outside_is_deleted()
    {
        ManifestWriter.Write([new("web.yaml", "a: 1\n")], Output, State);
        var outside = Path.Combine(root, "precious.txt");
        File.WriteAllText(outside, "keep me");
        var hash = WrittenFilesState.Hash(File.ReadAllBytes(outside));
        File.AppendAllText(State, hash + " " + outside + "\n" + hash + " ../precious.txt\n" + "garbage\n");
        var result = ManifestWriter.Write([], Output, State);
        Assert.Equal(3, result.Problems.Count(p => p.Code == "SMB0010" && !p.IsError));
        Assert.True(File.Exists(outside));
        Assert.False(File.Exists(Path.Combine(Output, "web.yaml")));
    }

    [Fact]
    public void The_first_state_format_with_absolute_paths_is_still_read_inside_the_folder()
    {
        ManifestWriter.Write([new("web.yaml", "a: 1\n")], Output, State);
        var lines = File.ReadAllLines(State).Where(l => !l.StartsWith('#'));
        File.WriteAllLines(State, lines.Select(l => l.Substring(0, 65) + Path.Combine(Output, l.Substring(65))));
        var result = ManifestWriter.Write([], Output, State);
        Assert.Equal([Path.Combine(Output, "kustomization.yaml"), Path.Combine(Output, "web.yaml")], result.Removed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_build_never_writes_through_a_link()
    {
        Directory.CreateDirectory(Output);
        var outside = Path.Combine(root, "outside.yaml");
        File.WriteAllText(outside, "outside: true\n");
        File.CreateSymbolicLink(Path.Combine(Output, "web.yaml"), outside);
        var outsideFolder = Directory.CreateDirectory(Path.Combine(root, "elsewhere")).FullName;
        Directory.CreateSymbolicLink(Path.Combine(Output, "prod"), outsideFolder);
        var result = ManifestWriter.Write([new("web.yaml", "a: 1\n"), new("prod/db.yaml", "b: 1\n")], Output, State);
        Assert.Equal(3, result.Problems.Count(p => p.Code == "SMB0005"));
        Assert.Equal("outside: true\n", File.ReadAllText(outside));
        Assert.Empty(Directory.GetFiles(outsideFolder));
    }

    [Fact]
    public void An_output_path_that_is_a_file_is_an_error()
    {
        Directory.CreateDirectory(Path.Combine(root, "bin"));
        File.WriteAllText(Output, "a file");
        var result = ManifestWriter.Write([new("web.yaml", "a: 1\n")], Output, State);
        Assert.Equal("SMB0007", Assert.Single(result.Problems).Code);
        Assert.Equal("a file", File.ReadAllText(Output));
    }

    [Fact]
    public void An_io_failure_is_an_error_with_the_path_not_an_exception()
    {
        var name = new string('a', 300) + ".yaml";
        var result = ManifestWriter.Write([new(name, "a: 1\n"), new("web.yaml", "a: 1\n")], Output, State);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("SMB0006", problem.Code);
        Assert.Contains(name, problem.Path, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Output, "web.yaml")));
    }

    [Fact]
    public void Names_differing_only_in_case_are_one_file()
    {
        var result = ManifestWriter.Write([new("web.yaml", "a: 1\n"), new("Web.yaml", "a: 2\n")], Output, State);
        Assert.Equal("SMB0002", Assert.Single(result.Problems).Code);
    }

    [Fact]
    public void Clean_removes_what_the_build_owns_and_hands_back_what_was_edited()
    {
        ManifestWriter.Write([new("web.yaml", "a: 1\n"), new("prod/db.yaml", "b: 1\n")], Output, State);
        File.WriteAllText(Path.Combine(Output, "web.yaml"), "edited\n");
        var result = ManifestWriter.Clean(Output, State);
        Assert.Contains(result.Problems, p => p.Code == "SMB0003" && p.Path == Path.Combine(Output, "web.yaml"));
        Assert.Equal("edited\n", File.ReadAllText(Path.Combine(Output, "web.yaml")));
        Assert.False(Directory.Exists(Path.Combine(Output, "prod")));
        Assert.False(File.Exists(Path.Combine(Output, "kustomization.yaml")));
        Assert.False(File.Exists(State));
    }

    [Fact]
    public void Other_files_are_written_beside_the_manifests_owned_like_them_and_in_no_kustomization()
    {
        var result = ManifestWriter.Write([new("web.yaml", "a: 1\n"), new("prod/web.yaml", "a: 2\n")], Output, State, otherFiles: [new("web.plan.md", "# plan\n"), new("prod/web.plan.md", "# prod plan\n")]);

        Assert.Empty(result.Problems);
        Assert.Equal("# plan\n", File.ReadAllText(Path.Combine(Output, "web.plan.md")));
        Assert.Equal("# prod plan\n", File.ReadAllText(Path.Combine(Output, "prod", "web.plan.md")));
        Assert.EndsWith("resources:\n- web.yaml\n", File.ReadAllText(Path.Combine(Output, "kustomization.yaml")), StringComparison.Ordinal);
        Assert.EndsWith("resources:\n- web.yaml\n", File.ReadAllText(Path.Combine(Output, "prod", "kustomization.yaml")), StringComparison.Ordinal);
        Assert.Contains(Path.Combine(Output, "prod", "web.plan.md"), result.Owned);
        Assert.Contains(" prod/web.plan.md\n", File.ReadAllText(State), StringComparison.Ordinal);

        // Unchanged: not rewritten.
        Assert.Empty(ManifestWriter.Write([new("web.yaml", "a: 1\n"), new("prod/web.yaml", "a: 2\n")], Output, State, otherFiles: [new("web.plan.md", "# plan\n"), new("prod/web.plan.md", "# prod plan\n")]).Written);
    }

    [Fact]
    public void A_file_of_a_plans_name_the_build_did_not_write_is_never_overwritten()
    {
        Directory.CreateDirectory(Output);
        File.WriteAllText(Path.Combine(Output, "web.plan.md"), "my notes\n");

        var result = ManifestWriter.Write([new("web.yaml", "a: 1\n")], Output, State, otherFiles: [new("web.plan.md", "# plan\n")]);

        var problem = Assert.Single(result.Problems);
        Assert.True(problem.IsError);
        Assert.Equal("SMB0004", problem.Code);
        Assert.Equal(Path.Combine(Output, "web.plan.md"), problem.Path);
        Assert.Equal("my notes\n", File.ReadAllText(Path.Combine(Output, "web.plan.md")));
        Assert.Equal("a: 1\n", File.ReadAllText(Path.Combine(Output, "web.yaml")));

        // Still not the build's when it stops producing the plan: left in place, nothing said (it never owned it).
        var later = ManifestWriter.Write([new("web.yaml", "a: 1\n")], Output, State);
        Assert.Empty(later.Problems);
        Assert.Equal("my notes\n", File.ReadAllText(Path.Combine(Output, "web.plan.md")));
    }

    [Fact]
    public void A_stale_plan_it_wrote_is_removed_and_an_edited_one_handed_back()
    {
        ManifestWriter.Write([new("web.yaml", "a: 1\n"), new("db.yaml", "b: 1\n")], Output, State, otherFiles: [new("web.plan.md", "# web\n"), new("db.plan.md", "# db\n")]);
        File.WriteAllText(Path.Combine(Output, "db.plan.md"), "# db, reviewed\n");

        var result = ManifestWriter.Write([new("web.yaml", "a: 1\n"), new("db.yaml", "b: 1\n")], Output, State);

        Assert.Equal([Path.Combine(Output, "web.plan.md")], result.Removed);
        Assert.Contains(result.Problems, p => p.Code == "SMB0003" && p.Path == Path.Combine(Output, "db.plan.md"));
        Assert.Equal("# db, reviewed\n", File.ReadAllText(Path.Combine(Output, "db.plan.md")));
        Assert.True(File.Exists(Path.Combine(Output, "web.yaml")));
    }

    [Theory]
    [InlineData("web.yaml")]
    [InlineData("web.plan.yml")]
    [InlineData("web.JSON")]
    [InlineData("kustomization")]
    [InlineData("../web.plan.md")]
    [InlineData("a/b/web.plan.md")]
    [InlineData(".plan.md")]
    public void Unsafe_or_manifest_like_other_file_names_are_errors_and_nothing_is_written(string name)
    {
        var result = ManifestWriter.Write([new("web.yaml", "a: 1\n")], Output, State, otherFiles: [new(name, "# plan\n")]);

        Assert.Equal("SMB0002", Assert.Single(result.Problems).Code);
        Assert.False(Directory.Exists(Output));
    }

    [Fact]
    public void Clean_removes_the_plans_it_wrote()
    {
        ManifestWriter.Write([new("prod/web.yaml", "a: 1\n")], Output, State, otherFiles: [new("prod/web.plan.md", "# plan\n")]);

        var result = ManifestWriter.Clean(Output, State);

        Assert.Empty(result.Problems);
        Assert.Contains(Path.Combine(Output, "prod", "web.plan.md"), result.Removed);
        Assert.False(Directory.Exists(Path.Combine(Output, "prod")));
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose() => Directory.Delete(root, recursive: true);
}
