using System.Text;

namespace StatefulManifests.Generators.Shared;

/// <summary>What kind of line a <see cref="FallbackRecord"/> is.</summary>
internal enum FallbackRecordKind
{
    /// <summary>The host starts running a declaration (a crash before its <see cref="End"/> is that declaration's).</summary>
    Begin,

    /// <summary>A manifest the host wrote: <see cref="FallbackRecord.RelativePath"/> and the file holding it.</summary>
    Manifest,

    /// <summary>A workload that is invalid: no manifest for <see cref="FallbackRecord.RelativePath"/>.</summary>
    Invalid,

    /// <summary>An error at a source location (a validation error, or the declaration threw).</summary>
    Error,

    /// <summary>The host finished a declaration.</summary>
    End,
}

/// <summary>
/// One line of the results file the host writes and the build task reads: tab-separated fields, each escaped so a
/// message with tabs or line breaks stays on its line. The host appends and flushes a line at a time, so when it
/// crashes (a declaration that recurses forever) the task still has everything up to the crash. One source file,
/// compiled into the task and the host.
/// </summary>
/// <param name="Kind">The record's kind.</param>
/// <param name="Declaration">The declaration it belongs to (<c>Demo.Manifests.Web</c>).</param>
/// <param name="RelativePath">For a manifest or an invalid workload: its path under the output folder.</param>
/// <param name="File">For a manifest: the file holding the YAML; for an error: the source file, or empty.</param>
/// <param name="Line">For an error: the source line (0 when unknown).</param>
/// <param name="Code">For an error: its ID (<c>SM1002</c>).</param>
/// <param name="Message">For an error: one line saying what is wrong.</param>
internal sealed record FallbackRecord(FallbackRecordKind Kind, string Declaration, string RelativePath = "", string File = "", int Line = 0, string Code = "", string Message = "")
{
    /// <summary>The record as one line (without the line break).</summary>
    public string Serialize() =>
        string.Join("\t", new[] { Kind.ToString(), Declaration, RelativePath, File, Line.ToString(System.Globalization.CultureInfo.InvariantCulture), Code, Message }.Select(Escape));

    /// <summary>Reads a line written by <see cref="Serialize"/>; null for anything else (a truncated last line).</summary>
    public static FallbackRecord? Parse(string line)
    {
        var fields = line.Split('\t');
        if (fields.Length != 7
            || !Enum.TryParse<FallbackRecordKind>(Unescape(fields[0]), out var kind)
            || !int.TryParse(Unescape(fields[4]), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        return new FallbackRecord(kind, Unescape(fields[1]), Unescape(fields[2]), Unescape(fields[3]), number, Unescape(fields[5]), Unescape(fields[6]));
    }

    private static string Escape(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            sb.Append(c switch
            {
                '\\' => "\\\\",
                '\t' => "\\t",
                '\n' => "\\n",
                '\r' => "\\r",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }

    private static string Unescape(string value)
    {
        var sb = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] != '\\' || i + 1 == value.Length)
            {
                sb.Append(value[i]);
                continue;
            }

            i++;
            sb.Append(value[i] switch
            {
                't' => '\t',
                'n' => '\n',
                'r' => '\r',
                _ => value[i],
            });
        }

        return sb.ToString();
    }
}
