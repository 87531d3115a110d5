using StatefulManifests.Model;
using StatefulManifests.Rules.Support;
using StatefulManifests.Validation;

namespace StatefulManifests.Rules;

/// <summary>
/// One problem a rule found: the rule's ID, the Kubernetes field path of the offending value (in the object
/// named by <see cref="Subject"/>), the message (which names the path and the fix) and the severity.
/// The Roslyn analyzers map <see cref="Path"/> to the call that set it; the YAML linter maps it to a line.
/// </summary>
/// <param name="RuleId">The rule ID, e.g. <c>SM4001</c>.</param>
/// <param name="Path">The field path of the offending value, e.g. <c>spec.template.spec.containers[0].image</c>.</param>
/// <param name="Message">The formatted message.</param>
/// <param name="Severity">The rule's default severity.</param>
public sealed record Finding(string RuleId, FieldPath Path, string Message, FindingSeverity Severity)
{
    /// <summary>The object the path is in (the StatefulSet unless said otherwise).</summary>
    public FindingSubject Subject { get; init; } = FindingSubject.StatefulSet;

    /// <summary>
    /// The values substituted into the rule's message format, in order (the first is always the field path), so a
    /// Roslyn diagnostic can be created from the descriptor's format with the same arguments.
    /// </summary>
    public ValueList<string> Arguments { get; init; } = ValueList<string>.Empty;

    /// <summary>
    /// For a finding in an owned object (<see cref="FindingSubject.OwnedObject"/>), which one: <c>Kind "name"</c>
    /// (see <see cref="OwnedObjects.Subject(IKubernetesObject)"/>); null otherwise.
    /// </summary>
    public string? Object { get; init; }

    /// <summary>
    /// The offending value as the manifest writes it (<c>registry.example.com/web:latest</c>, <c>1000</c>,
    /// <c>true</c>) when the path names a scalar; null for a missing field, a list or a map.
    /// </summary>
    public string? Value { get; init; }

    /// <summary>
    /// The value that resolves the finding when written in place of <see cref="Value"/> (<c>false</c> for
    /// <c>allowPrivilegeEscalation: true</c>), as the manifest writes it; null when the fix is more than one value.
    /// The analyzer's code fix writes it over the argument that holds the value.
    /// </summary>
    public string? Replacement { get; init; }

    /// <summary>
    /// The field the mistake was written in, when that is not <see cref="Path"/>: SM2001 is at the template labels
    /// (where the API server reports it) but blames the selector requirement they fail. The analyzers and the YAML
    /// linter place the finding there; null means <see cref="Path"/>.
    /// </summary>
    public FieldPath? Cause { get; init; }

    /// <summary>Where the finding is placed: <see cref="Cause"/> when set, else <see cref="Path"/>.</summary>
    public FieldPath PlacedAt => Cause ?? Path;

    /// <summary>Where the offending value is in a source file, when known (set by the YAML linter).</summary>
    public SourcePosition? Position { get; init; }

    /// <summary>
    /// True when <paramref name="argument"/>, written into a manifest, is this finding's <see cref="Value"/>: how a DSL
    /// call's argument that set the offending value is told from its other arguments.
    /// </summary>
    public bool IsValue(object? argument) => Value is not null && argument is not null && ManifestScalar.Format(argument) == Value;

    /// <summary>The finding as a compiler-style line: <c>file(line,col): warning SM4001: message</c>.</summary>
    public override string ToString()
    {
        var severity = Severity switch
        {
            FindingSeverity.Error => "error",
            FindingSeverity.Warning => "warning",
            _ => "info",
        };
        var prefix = Position is { } p ? p + ": " : string.Empty;
        return prefix + severity + " " + RuleId + ": " + Message;
    }
}
