using System.Text;
using StatefulManifests.Generators.Shared;

namespace StatefulManifests.Host;

/// <summary>
/// The results file: one record per line, flushed as it is written, so whatever the host did before a crash
/// reaches the build task.
/// </summary>
internal sealed class ResultsFile : IDisposable
{
    private readonly StreamWriter writer;

    /// <summary>Creates (or truncates) the file.</summary>
    public ResultsFile(string path)
    {
        writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { NewLine = "\n", AutoFlush = true };
    }

    /// <summary>Appends a record.</summary>
    public void Write(FallbackRecord record) => writer.WriteLine(record.Serialize());

    /// <inheritdoc />
    public void Dispose() => writer.Dispose();
}
