using StatefulManifests.Model;

namespace StatefulManifests.Tests.Owned;

/// <summary>
/// How a project file's path is spelled (one spelling for the run-time reader and the compiler's AdditionalFiles
/// index) and where the run-time reader finds it: the project directory, else the application's base directory.
/// </summary>
public sealed class ProjectFilesTests
{
    [Theory]
    [InlineData("config/postgresql.conf", "config/postgresql.conf")]
    [InlineData(@"config\postgresql.conf", "config/postgresql.conf")]
    [InlineData("./config//postgresql.conf", "config/postgresql.conf")]
    [InlineData("config/old/../postgresql.conf", "config/postgresql.conf")]
    [InlineData("postgresql.conf", "postgresql.conf")]
    [InlineData("../secret.conf", null)]
    [InlineData("config/../../secret.conf", null)]
    [InlineData("/etc/passwd", null)]
    [InlineData(@"C:\secret.conf", null)]
    [InlineData("", null)]
    [InlineData(".", null)]
    [InlineData("config/..", null)]
    public void A_path_has_one_spelling_inside_the_project_and_none_outside(string path, string? expected) =>
        Assert.Equal(expected, ProjectFiles.Normalize(path));

    [Fact]
    public void The_reader_is_asked_for_the_normalized_path_and_the_key_is_the_file_name()
    {
        var asked = new List<string>();
        using (ProjectFiles.Use(path => { asked.Add(path); return "x = 1"; }))
        {
            var workload = Workload.StatefulSet("db").Config("cfg", c => c.File(@".\config\db.conf")).Build();
            Assert.Equal("x = 1", workload.Owned.OfType<ConfigMap>().Single().Data!["db.conf"]);
        }

        Assert.Equal(["config/db.conf"], asked);
    }

    [Fact]
    public void A_missing_file_says_how_to_list_it_for_the_compiler()
    {
        using (ProjectFiles.Use(_ => null))
        {
            var errors = Workload.StatefulSet("db").Config("cfg", c => c.File("config/db.conf")).Build().Validate();
            var error = Assert.Single(errors, e => e.Object == "ConfigMap \"db-cfg\"");
            Assert.Equal("data[db.conf]", error.Path.ToString());
            Assert.Contains("<AdditionalFiles Include=\"config/db.conf\" />", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void At_run_time_a_file_not_in_the_project_directory_is_read_from_the_application_base_directory()
    {
        // What CopyToOutputDirectory does for a referenced project's files: they land beside the test assembly.
        var name = "projectfiles-" + Guid.NewGuid().ToString("N") + ".conf";
        var copied = Path.Combine(AppContext.BaseDirectory, name);
        File.WriteAllText(copied, "copied = true\n");
        try
        {
            var workload = Workload.StatefulSet("db").Config("cfg", c => c.File(name)).Build();
            Assert.Equal("copied = true\n", workload.Owned.OfType<ConfigMap>().Single().Data![name]);
        }
        finally
        {
            File.Delete(copied);
        }
    }
}
