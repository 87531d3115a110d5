using System.Globalization;
using StatefulManifests.Validation;

namespace StatefulManifests.Rules;

/// <summary>
/// Everything a diagnostic needs to know about a rule: ID, title, message format, default severity, category,
/// help link and whether it also runs on plain YAML. The Roslyn analyzers build their
/// <c>DiagnosticDescriptor</c>s from these, so each rule is described once.
/// </summary>
public sealed record RuleDescriptor
{
    /// <summary>Creates a descriptor.</summary>
    /// <param name="id">The ID (<c>SM</c> + four digits; the first digit is the category).</param>
    /// <param name="title">A short title.</param>
    /// <param name="messageFormat">
    /// A composite format (<see cref="string.Format(IFormatProvider, string, object[])"/>); <c>{0}</c> is always the
    /// field path. The message names what is wrong and how to fix it.
    /// </param>
    /// <param name="defaultSeverity">The severity unless configured otherwise.</param>
    /// <param name="category">The category.</param>
    /// <param name="appliesToYaml">False for rules only the compiler can check (about C# declarations).</param>
    public RuleDescriptor(string id, string title, string messageFormat, FindingSeverity defaultSeverity, RuleCategory category, bool appliesToYaml = true)
    {
        Id = id;
        Title = title;
        MessageFormat = messageFormat;
        DefaultSeverity = defaultSeverity;
        Category = category;
        AppliesToYaml = appliesToYaml;
    }

    /// <summary>The ID, e.g. <c>SM2013</c>.</summary>
    public string Id { get; }

    /// <summary>A short title.</summary>
    public string Title { get; }

    /// <summary>The message format; <c>{0}</c> is the field path.</summary>
    public string MessageFormat { get; }

    /// <summary>The default severity.</summary>
    public FindingSeverity DefaultSeverity { get; }

    /// <summary>The category.</summary>
    public RuleCategory Category { get; }

    /// <summary>The category as Roslyn shows it, e.g. <c>StatefulManifests.Reliability</c>.</summary>
    public string CategoryName => "StatefulManifests." + Category.ToString();

    /// <summary>True when the YAML linter runs this rule too.</summary>
    public bool AppliesToYaml { get; }

    /// <summary>The documentation page: <see cref="RuleCatalog.HelpLinkBase"/> + ID + <c>.md</c>.</summary>
    public string HelpLink => RuleCatalog.HelpLinkBase + Id + ".md";

    /// <summary>
    /// When set, a finding of this rule replaces an API validation error of this type at exactly the same field
    /// path: the rule says the same thing in DSL terms, and the user should see it once.
    /// </summary>
    public FieldErrorType? Supersedes { get; init; }

    /// <summary>
    /// True when some findings of this rule carry a <see cref="Finding.Replacement"/>: a wrong flag or enum value whose
    /// fix is writing the safe one (so a code fix is offered for this ID).
    /// </summary>
    public bool OffersReplacement { get; init; }

    /// <summary>
    /// Creates a finding at <paramref name="path"/>; <paramref name="details"/> fill <c>{1}</c>, <c>{2}</c> …. The
    /// empty path (a whole document) is written as <c>document</c>.
    /// </summary>
    public Finding At(FieldPath path, params object?[] details) => At(FindingSubject.StatefulSet, path, details);

    /// <summary>
    /// Creates a finding in an object the workload owns, named by <paramref name="ownedObject"/>
    /// (<c>Kind "name"</c>): the message's path (<c>{0}</c>) starts with it, so it says which object it is about.
    /// </summary>
    public Finding InOwned(string ownedObject, FieldPath path, params object?[] details)
    {
        var finding = At(FindingSubject.OwnedObject, path, details);
        var arguments = finding.Arguments.ToArray();
        arguments[0] = ownedObject + " " + arguments[0];
        var message = string.Format(CultureInfo.InvariantCulture, MessageFormat, arguments);
        return finding with { Message = message, Arguments = Model.ValueList.Of(arguments), Object = ownedObject };
    }

    /// <summary>As <see cref="InOwned(string, FieldPath, object?[])"/>, for the object itself.</summary>
    public Finding InOwned(Model.IKubernetesObject ownedObject, FieldPath path, params object?[] details) =>
        InOwned(OwnedObjects.Subject(ownedObject), path, details);

    /// <summary>Creates a finding in another object of the workload (the Service, the PodDisruptionBudget).</summary>
    public Finding At(FindingSubject subject, FieldPath path, params object?[] details)
    {
        var arguments = new string[details.Length + 1];
        arguments[0] = path.ToString() is { Length: > 0 } text ? text : "document";
        for (var i = 0; i < details.Length; i++)
        {
            arguments[i + 1] = details[i] switch
            {
                null => string.Empty,
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                var other => other.ToString() ?? string.Empty,
            };
        }

        var message = string.Format(CultureInfo.InvariantCulture, MessageFormat, arguments);
        return new Finding(Id, path, message, DefaultSeverity) { Subject = subject, Arguments = Model.ValueList.Of(arguments) };
    }
}
