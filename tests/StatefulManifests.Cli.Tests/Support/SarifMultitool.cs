using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Runtime.InteropServices;

namespace StatefulManifests.Cli.Tests.Support;

/// <summary>
/// Microsoft's SARIF Multitool (the SARIF SDK's reference validator, MIT) and the SARIF 2.1.0 JSON schema it ships,
/// fetched once from the npm registry (<c>@microsoft/sarif-multitool-linux</c>, which CI reaches) into the test
/// output folder. Nothing of it is kept in the repository.
/// </summary>
public static class SarifMultitool
{
    /// <summary>The package version the tests pin.</summary>
    public const string Version = "5.7.0";

    private const string Package = "@microsoft/sarif-multitool-linux";

    private static readonly Lazy<(string? Folder, string? Unavailable)> Installed = new(Install);

    /// <summary>The folder holding <c>Sarif.Multitool</c> and <c>sarif-2.1.0.json</c>, or null (see <see cref="Unavailable"/>).</summary>
    public static string? Folder => Installed.Value.Folder;

    /// <summary>Why the tool is not there (no npm, not Linux x64), or null when it is.</summary>
    public static string? Unavailable => Installed.Value.Unavailable;

    /// <summary>The SARIF 2.1.0 schema file.</summary>
    public static string SchemaFile => Path.Combine(Folder!, "sarif-2.1.0.json");

    /// <summary>Runs <c>Sarif.Multitool validate</c> on <paramref name="sarifFile"/>; returns its exit code and output.</summary>
    public static (int ExitCode, string Output) Validate(string sarifFile)
    {
        var start = new ProcessStartInfo(Path.Combine(Folder!, "Sarif.Multitool"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "validate", sarifFile, "--log", "ForceOverwrite" })
        {
            start.ArgumentList.Add(argument);
        }

        // The single-file .NET app extracts itself; keep that inside the test output rather than in $HOME.
        start.Environment["DOTNET_BUNDLE_EXTRACT_BASE_DIR"] = Path.Combine(Folder!, ".extract");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return RunToEnd(start);
    }

    private static (string? Folder, string? Unavailable) Install()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.OSArchitecture != Architecture.X64)
        {
            return (null, "the SARIF Multitool npm package is built for Linux x64 only");
        }

        var folder = Path.Combine(AppContext.BaseDirectory, "sarif-multitool-" + Version);
        var tool = Path.Combine(folder, "Sarif.Multitool");
        if (File.Exists(tool))
        {
            return (folder, null);
        }

        if (!OnPath("npm"))
        {
            return (null, "npm is not on PATH, so " + Package + " cannot be fetched");
        }

        // Per process: two test runs of one build output may install at the same time.
        var download = Path.Combine(AppContext.BaseDirectory, "sarif-multitool-download-" + Environment.ProcessId);
        Directory.CreateDirectory(download);
        var pack = new ProcessStartInfo("npm") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = download };
        foreach (var argument in new[] { "pack", Package + "@" + Version, "--silent" })
        {
            pack.ArgumentList.Add(argument);
        }

        var (exitCode, output) = RunToEnd(pack);
        var tarball = Directory.GetFiles(download, "*.tgz").SingleOrDefault();
        if (exitCode != 0 || tarball is null)
        {
            // npm is there but the registry did not serve the package: that is a broken environment, not a skip.
            throw new InvalidOperationException("npm pack " + Package + "@" + Version + " failed (" + exitCode + "): " + output);
        }

        // Extract to a fresh folder, then rename, so a half-written tool is never mistaken for an installed one.
        var staging = folder + ".partial-" + Environment.ProcessId;
        using (var gzip = new GZipStream(File.OpenRead(tarball), CompressionMode.Decompress))
        using (var reader = new TarReader(gzip))
        {
            while (reader.GetNextEntry() is { } entry)
            {
                const string prefix = "package/";
                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || !entry.Name.StartsWith(prefix, StringComparison.Ordinal))
                {
                    continue;
                }

                var target = Path.GetFullPath(Path.Combine(staging, entry.Name[prefix.Length..]));
                Assert.StartsWith(staging + Path.DirectorySeparatorChar, target, StringComparison.Ordinal);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                entry.ExtractToFile(target, overwrite: true);
            }
        }

        File.SetUnixFileMode(Path.Combine(staging, "Sarif.Multitool"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        try
        {
            Directory.Move(staging, folder);
        }
        catch (IOException) when (File.Exists(tool))
        {
            // Another run finished installing first; its copy is the same package.
            Directory.Delete(staging, recursive: true);
        }
        finally
        {
            Directory.Delete(download, recursive: true);
        }

        return (folder, null);
    }

    private static (int ExitCode, string Output) RunToEnd(ProcessStartInfo start)
    {
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(300_000), start.FileName + " did not finish in 5 minutes");
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator).Any(d => File.Exists(Path.Combine(d, program)));
}
