using StatefulManifests.Generators.Helpers;

namespace StatefulManifests.Generators.Models;

/// <summary>A type enclosing a workload declaration, as the generated partial declaration must repeat it.</summary>
/// <param name="Keyword">The declaration keyword(s): <c>class</c>, <c>struct</c>, <c>record</c>, <c>record struct</c>, <c>interface</c>.</param>
/// <param name="Name">The name with type parameters (<c>Outer&lt;T&gt;</c>).</param>
/// <param name="IsPartial">Whether the user declared it partial (required for the generated members to join it).</param>
internal sealed record ContainingTypeInfo(string Keyword, string Name, bool IsPartial);

/// <summary>Where a workload is declared and what the generated code is called: everything except its value.</summary>
/// <param name="Namespace">The namespace, or null for the global namespace.</param>
/// <param name="ContainingTypes">The enclosing types, outermost first.</param>
/// <param name="MemberName">The attributed property or method.</param>
/// <param name="IsMethod">True for a method (referenced as <c>Web()</c>), false for a property.</param>
/// <param name="Accessibility">The member's C# accessibility keywords, reused by the generated class.</param>
/// <param name="ReachableFromAssembly">Whether the generated class can be named from an assembly attribute.</param>
/// <param name="FileNameOverride">The attribute's <c>FileName</c>, or null for the StatefulSet's name.</param>
/// <param name="TypeMetadataName">The declaring type's metadata name (<c>Demo.Outer+Inner</c>), as reflection finds it at build time.</param>
internal sealed record DeclarationInfo(
    string? Namespace,
    EquatableArray<ContainingTypeInfo> ContainingTypes,
    string MemberName,
    bool IsMethod,
    string Accessibility,
    bool ReachableFromAssembly,
    string? FileNameOverride,
    string TypeMetadataName)
{
    /// <summary>The generated class's name (<c>WebManifest</c>).</summary>
    public string ClassName => MemberName + "Manifest";

    /// <summary>True when every enclosing type is partial, so the generated class can be nested in them.</summary>
    public bool CanEmit => ContainingTypes.Count > 0 && ContainingTypes.All(t => t.IsPartial);

    /// <summary>The member as C# source refers to it within its type (<c>Web</c> or <c>Web()</c>).</summary>
    public string MemberReference => MemberName + (IsMethod ? "()" : string.Empty);

    /// <summary>The member as the generated class calls it for an environment (<c>Web("prod")</c>, <c>Web(Env.Prod)</c>).</summary>
    public string CallFor(string? argument) => argument is null ? MemberReference : MemberName + "(" + argument + ")";

    /// <summary>The dotted path of the member for messages and comments (<c>Demo.Manifests.Web</c>).</summary>
    public string DisplayName =>
        string.Join(".", new[] { Namespace }.Concat(ContainingTypes.Select(t => t.Name)).Concat([MemberName]).Where(s => !string.IsNullOrEmpty(s)));

    /// <summary>A file name unique per member and stable across runs (<c>Demo.Manifests.Web.StatefulWorkload.g.cs</c>).</summary>
    public string HintName => SafeName + ".StatefulWorkload.g.cs";

    /// <summary>The file of the member's rollout plans against the baseline (<c>Demo.Manifests.Web.RolloutPlan.g.cs</c>).</summary>
    public string PlanHintName => SafeName + ".RolloutPlan.g.cs";

    private string SafeName
    {
        get
        {
            var raw = string.Join(".", new[] { Namespace }.Concat(ContainingTypes.Select(t => t.Name)).Concat([MemberName]).Where(s => !string.IsNullOrEmpty(s)));
            return new string(raw.Select(c => char.IsLetterOrDigit(c) || c is '.' or '_' ? c : '_').ToArray());
        }
    }
}
