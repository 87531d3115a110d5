using Microsoft.CodeAnalysis;

namespace StatefulManifests.Analyzers;

/// <summary>
/// The diagnostic catalogue: every ID the analyzers report, in one place. IDs are <c>SM</c> + four digits and are
/// never reused. Messages carry the evaluator's or validator's own text.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "StatefulManifests";

    /// <summary>SM0001: part of a <c>[StatefulWorkload]</c> declaration cannot be evaluated at compile time.</summary>
    public static readonly DiagnosticDescriptor CannotEvaluate = new(
        "SM0001",
        "Workload declaration cannot be evaluated at compile time",
        "{0}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The generator evaluates [StatefulWorkload] declarations at compile time by running the DSL; the highlighted code uses a shape it does not evaluate, or the DSL call failed.");

    /// <summary>SM0002: the evaluated workload breaks a Kubernetes validation rule; reported on the call or argument that set the field.</summary>
    public static readonly DiagnosticDescriptor ValidationError = new(
        "SM0002",
        "Kubernetes would reject this workload",
        "{0}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The Kubernetes API server would reject the manifest: the message gives the field path and the rule, in the API server's own words.");

    /// <summary>SM0003: the typed class is not generated because an enclosing type is not partial.</summary>
    public static readonly DiagnosticDescriptor NotPartial = new(
        "SM0003",
        "Declare the enclosing type partial to get the generated class",
        "'{0}' is not partial, so the generator cannot add {1} (names, YAML constants, model) beside '{2}'; the YAML is still written at build",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);
}
