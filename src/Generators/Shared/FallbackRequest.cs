using System.Text;

namespace StatefulManifests.Generators.Shared;

/// <summary>
/// What the build needs to evaluate a declaration the compiler could not: which member to run, how it is called per
/// environment, and where its manifests go. The generator writes it into the assembly's metadata
/// (<c>StatefulManifests.Fallback:&lt;declaration&gt;</c>); the build task reads it back and hands it to the host process,
/// which runs the user's own code. One source file, compiled into the generator, the build task and the host, so
/// the three always agree on the format: <c>name=value</c> lines, lists separated by <c>;</c>.
/// </summary>
internal sealed class FallbackRequest
{
    /// <summary>Creates a request.</summary>
    public FallbackRequest(string declaration, string typeName, string memberName, bool isMethod, bool isSequence, string? fileName, IReadOnlyList<FallbackRun> runs)
    {
        Declaration = declaration;
        TypeName = typeName;
        MemberName = memberName;
        IsMethod = isMethod;
        IsSequence = isSequence;
        FileName = fileName;
        Runs = runs;
    }

    /// <summary>The declaration as messages name it (<c>Demo.Manifests.Web</c>).</summary>
    public string Declaration { get; }

    /// <summary>The declaring type's metadata name (<c>Demo.Outer+Manifests</c>).</summary>
    public string TypeName { get; }

    /// <summary>The property or method.</summary>
    public string MemberName { get; }

    /// <summary>True for a method.</summary>
    public bool IsMethod { get; }

    /// <summary>True when it returns a sequence of builders.</summary>
    public bool IsSequence { get; }

    /// <summary>The attribute's <c>FileName</c>, or null.</summary>
    public string? FileName { get; }

    /// <summary>One evaluation per environment (or one without).</summary>
    public IReadOnlyList<FallbackRun> Runs { get; }

    /// <summary>The text stored in the metadata.</summary>
    public string Serialize()
    {
        var sb = new StringBuilder();
        sb.Append("declaration=").Append(Declaration).Append('\n');
        sb.Append("type=").Append(TypeName).Append('\n');
        sb.Append("member=").Append(MemberName).Append('\n');
        sb.Append("method=").Append(IsMethod ? "1" : "0").Append('\n');
        sb.Append("sequence=").Append(IsSequence ? "1" : "0").Append('\n');
        sb.Append("file=").Append(FileName ?? string.Empty).Append('\n');
        foreach (var run in Runs)
        {
            sb.Append("run=").Append(run.Environment ?? string.Empty).Append(';').Append(run.Argument ?? string.Empty).Append(';').Append(run.ArgumentIsEnum ? "enum" : "string").Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>Reads a request, or null when the text is not one.</summary>
    public static FallbackRequest? Parse(string text)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var runs = new List<FallbackRun>();
        foreach (var line in text.Split('\n'))
        {
            var equals = line.IndexOf('=');
            if (equals <= 0)
            {
                continue;
            }

            var name = line.Substring(0, equals);
            var value = line.Substring(equals + 1);
            if (name == "run")
            {
                var parts = value.Split(';');
                if (parts.Length == 3)
                {
                    runs.Add(new FallbackRun(parts[0].Length == 0 ? null : parts[0], parts[1].Length == 0 ? null : parts[1], parts[2] == "enum"));
                }
            }
            else
            {
                values[name] = value;
            }
        }

        if (!values.TryGetValue("type", out var type) || !values.TryGetValue("member", out var member) || runs.Count == 0)
        {
            return null;
        }

        values.TryGetValue("declaration", out var declaration);
        values.TryGetValue("file", out var file);
        return new FallbackRequest(declaration ?? type + "." + member, type, member, values.TryGetValue("method", out var m) && m == "1",
            values.TryGetValue("sequence", out var s) && s == "1", string.IsNullOrEmpty(file) ? null : file, runs);
    }
}

/// <summary>One evaluation of a fallback declaration.</summary>
/// <param name="Environment">The environment folder, or null.</param>
/// <param name="Argument">The argument: the environment's name, or the enum member's name; null for none.</param>
/// <param name="ArgumentIsEnum">True when <paramref name="Argument"/> names a member of the parameter's enum.</param>
internal sealed record FallbackRun(string? Environment, string? Argument, bool ArgumentIsEnum);
