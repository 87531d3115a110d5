using System.Runtime.CompilerServices;

namespace StatefulManifests;

/// <summary>Entry points of the fluent DSL.</summary>
public static class Workload
{
    /// <summary>
    /// Starts a StatefulSet named <paramref name="name"/> (<c>metadata.name</c>). The caller's file and line are
    /// recorded so that validation errors point at the declaration.
    /// </summary>
    /// <param name="name">The StatefulSet's name; pods are <c>&lt;name&gt;-0</c>, <c>&lt;name&gt;-1</c> ...</param>
    /// <param name="file">Filled in by the compiler.</param>
    /// <param name="line">Filled in by the compiler.</param>
    public static StatefulSetBuilder StatefulSet(string name, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        if (name is null)
        {
            throw new ArgumentNullException(nameof(name));
        }

        var declaration = string.IsNullOrEmpty(file) ? null : new DeclarationSite(file, line);
        var draft = new StatefulSetDraft(name, declaration);
        var origin = new FieldOrigin(Validation.FieldPath.Root("metadata").Child("name"), DslCallSite.Current);
        return new StatefulSetBuilder(draft with { Origins = draft.Origins.Add(origin) });
    }
}
