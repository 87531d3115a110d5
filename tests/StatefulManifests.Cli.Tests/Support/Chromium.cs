using System.Diagnostics;

namespace StatefulManifests.Cli.Tests.Support;

/// <summary>Debian's Chromium, headless: renders a file to a PNG screenshot exactly the given size.</summary>
public static class Chromium
{
    /// <summary>The browser executable, or null when none is installed (<c>.ci/run</c> installs Debian's).</summary>
    public static string? Executable { get; } = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }.FirstOrDefault(File.Exists);

    /// <summary>Renders <paramref name="file"/> at device scale 1 into <paramref name="png"/>; returns the browser's output.</summary>
    public static string Screenshot(string file, string png, int width, int height)
    {
        var start = new ProcessStartInfo(Executable!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var profile = Directory.CreateTempSubdirectory("statefulmanifests-chromium-").FullName;
        try
        {
            foreach (var argument in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars", "--force-device-scale-factor=1",
                "--user-data-dir=" + profile, "--window-size=" + width + "," + height, "--screenshot=" + png, new Uri(file).AbsoluteUri,
            })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            Assert.True(process.WaitForExit(120_000), "chromium did not finish");
            Assert.True(process.ExitCode == 0, "chromium failed: " + stderr.Result);
            return stdout.Result + stderr.Result;
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }
}
