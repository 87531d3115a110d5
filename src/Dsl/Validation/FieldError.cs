using System.Globalization;
using System.Text;

namespace StatefulManifests.Validation;

/// <summary>
/// One validation error: Kubernetes field path, error type, offending value and detail. <see cref="ToString"/>
/// prints it in the API server's own words, e.g.
/// <c>spec.replicas: Invalid value: -1: must be greater than or equal to 0</c>.
/// </summary>
public sealed record FieldError
{
    /// <summary>Creates an error.</summary>
    public FieldError(FieldErrorType type, FieldPath path, object? badValue, string detail)
    {
        Type = type;
        Path = path;
        BadValue = badValue;
        Detail = detail;
    }

    /// <summary>The error kind.</summary>
    public FieldErrorType Type { get; }

    /// <summary>Where the error is.</summary>
    public FieldPath Path { get; }

    /// <summary>The offending value (null when there is none, as for Required).</summary>
    public object? BadValue { get; }

    /// <summary>Why the value is wrong (may be empty).</summary>
    public string Detail { get; }

    /// <summary>Where in a source file the value came from, when known (YAML line/column, C# call site).</summary>
    public SourcePosition? Position { get; init; }

    /// <summary>
    /// The companion object the path is relative to, e.g. <c>Service "nginx"</c> or
    /// <c>PodDisruptionBudget "web"</c>; null when the path is relative to the StatefulSet itself. When set,
    /// <see cref="ToString"/> prints it before the path, the way <c>kubectl</c> names the object that is invalid.
    /// </summary>
    public string? Object { get; init; }

    /// <summary>A Required error.</summary>
    public static FieldError Required(FieldPath path, string detail = "") => new(FieldErrorType.Required, path, null, detail);

    /// <summary>An Invalid error.</summary>
    public static FieldError Invalid(FieldPath path, object? value, string detail) => new(FieldErrorType.Invalid, path, value, detail);

    /// <summary>A NotSupported error listing the supported values.</summary>
    public static FieldError NotSupported(FieldPath path, object? value, IEnumerable<string> supported) =>
        new(FieldErrorType.NotSupported, path, value, "supported values: " + string.Join(", ", supported.Select(s => "\"" + s + "\"")));

    /// <summary>A Duplicate error.</summary>
    public static FieldError Duplicate(FieldPath path, object? value) => new(FieldErrorType.Duplicate, path, value, string.Empty);

    /// <summary>A Forbidden error.</summary>
    public static FieldError Forbidden(FieldPath path, string detail) => new(FieldErrorType.Forbidden, path, null, detail);

    /// <summary>A TooLong error.</summary>
    public static FieldError TooLong(FieldPath path, object? value, int maxLength) =>
        new(FieldErrorType.TooLong, path, value, "may not be more than " + maxLength.ToString(CultureInfo.InvariantCulture) + " bytes");

    /// <summary>A NotFound error.</summary>
    public static FieldError NotFound(FieldPath path, object? value) => new(FieldErrorType.NotFound, path, value, string.Empty);

    /// <summary>The message without the field path, e.g. <c>Invalid value: -1: must be greater than or equal to 0</c>.</summary>
    public string Message
    {
        get
        {
            var sb = new StringBuilder();
            switch (Type)
            {
                case FieldErrorType.Required:
                    sb.Append("Required value");
                    break;
                case FieldErrorType.Forbidden:
                    sb.Append("Forbidden");
                    break;
                case FieldErrorType.TooLong:
                    sb.Append("Too long");
                    break;
                default:
                    sb.Append(Type switch
                    {
                        FieldErrorType.Invalid => "Invalid value",
                        FieldErrorType.NotSupported => "Unsupported value",
                        FieldErrorType.Duplicate => "Duplicate value",
                        _ => "Not found",
                    });
                    sb.Append(": ").Append(FormatValue(BadValue));
                    break;
            }

            if (Detail.Length > 0)
            {
                sb.Append(": ").Append(Detail);
            }

            return sb.ToString();
        }
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var where = Path.ToString();
        var prefix = Position is { } p ? p + ": " : string.Empty;
        if (Object is not null)
        {
            prefix += Object + ": ";
        }

        return prefix + (where.Length == 0 ? Message : where + ": " + Message);
    }

    /// <summary>
    /// Formats a value the way the API server prints a bad value: strings quoted as Go's <c>%q</c> does, numbers and
    /// booleans bare, and maps, lists and objects as JSON (Kubernetes marshals complex values to JSON).
    /// </summary>
    public static string FormatValue(object? value) => value switch
    {
        null => "null",
        string s => Quote(s),
        bool b => b ? "true" : "false",
        Model.IntOrString { IsString: true } ios => Quote(ios.StringValue!),
        Model.Quantity q => Quote(q.ToString()),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ when ValueJson.TryFormat(value, out var json) => json,
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>Quotes a string as Go's <c>strconv.Quote</c> does for the characters manifests contain; an unpaired surrogate is shown as <c>\uD800</c>.</summary>
    private static string Quote(string s)
    {
        var sb = new StringBuilder(s.Length + 2).Append('"');
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\a': sb.Append("\\a"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\v': sb.Append("\\v"); break;
                default:
                    if (c < ' ' || c == '\u007f')
                    {
                        sb.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    }
                    else if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                    {
                        sb.Append(c).Append(s[++i]);
                    }
                    else if (char.IsSurrogate(c))
                    {
                        // Unpaired: not text, so the message shows its code (as Go shows invalid UTF-8 bytes as \x..).
                        sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.Append('"').ToString();
    }
}

/// <summary>A position in a source file (1-based line and column).</summary>
public sealed record SourcePosition(string File, int Line, int Column)
{
    /// <inheritdoc />
    public override string ToString() => File + "(" + Line.ToString(CultureInfo.InvariantCulture) + "," + Column.ToString(CultureInfo.InvariantCulture) + ")";
}
