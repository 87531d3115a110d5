using StatefulManifests.Generators.Planning.Plan;

namespace StatefulManifests.Generators.Evaluation.Interpretation;

/// <summary>
/// A user type as one evaluation uses it: its plan, every field of its hierarchy (base types' first) by index, every
/// virtual slot it or a base type implements, and its supertypes for type tests.
/// </summary>
internal sealed class UserType
{
    private readonly Dictionary<string, int> fieldIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> dispatch = new(StringComparer.Ordinal);
    private readonly HashSet<string> supertypes = new(StringComparer.Ordinal);

    /// <summary>Creates the runtime view of <paramref name="plan"/> over its base type's.</summary>
    public UserType(UserTypePlan plan, UserType? baseType)
    {
        Plan = plan;
        Base = baseType;
        var fields = new List<string>(baseType?.Fields ?? []);
        var types = new List<TypeRef>(baseType?.FieldTypes ?? []);
        for (var i = 0; i < plan.Fields.Count; i++)
        {
            fields.Add(plan.Fields[i]);
            types.Add(plan.FieldTypes[i]);
        }

        Fields = fields;
        FieldTypes = types;
        for (var i = 0; i < fields.Count; i++)
        {
            // A derived type's field hides a base field of the same name: the last wins for reads by name.
            fieldIndex[fields[i]] = i;
        }

        if (baseType is not null)
        {
            foreach (var entry in baseType.dispatch)
            {
                dispatch[entry.Key] = entry.Value;
            }
        }

        foreach (var entry in plan.Dispatch)
        {
            dispatch[entry.DispatchKey] = entry.Function;
        }

        supertypes.Add(plan.Key);
        foreach (var supertype in plan.Supertypes)
        {
            supertypes.Add(supertype);
        }
    }

    /// <summary>The plan.</summary>
    public UserTypePlan Plan { get; }

    /// <summary>The base type, when a user type.</summary>
    public UserType? Base { get; }

    /// <summary>Every field, base types' first.</summary>
    public IReadOnlyList<string> Fields { get; }

    /// <summary>Each field's type.</summary>
    public IReadOnlyList<TypeRef> FieldTypes { get; }

    /// <summary>The C# name.</summary>
    public string DisplayName => Plan.DisplayName;

    /// <summary>True for records and record structs (value equality, printed members) and anonymous types.</summary>
    public bool HasValueEquality => Plan.Kind is UserTypeKind.Record or UserTypeKind.RecordStruct or UserTypeKind.Struct;

    /// <summary>True for structs and record structs: copied on assignment.</summary>
    public bool IsValueType => Plan.Kind is UserTypeKind.Struct or UserTypeKind.RecordStruct;

    /// <summary>The index of a field.</summary>
    public int IndexOf(string field) =>
        fieldIndex.TryGetValue(field, out var index) ? index : throw new InvalidOperationException("'" + DisplayName + "' has no field '" + field + "'");

    /// <summary>The function implementing a virtual slot, or null when neither this type nor a base type does.</summary>
    public string? Implementation(string dispatchKey) => dispatch.TryGetValue(dispatchKey, out var function) ? function : null;

    /// <summary>True when values of this type are of the type named <paramref name="metadataName"/>.</summary>
    public bool Is(string metadataName) => supertypes.Contains(metadataName);
}
