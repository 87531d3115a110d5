using StatefulManifests.Generators.Helpers;

namespace StatefulManifests.Generators.Planning.Plan;

/// <summary>
/// One function of the user's code, lowered: a method (static, extension, instance, local), a property accessor, a
/// constructor, a lambda, or the initializer of a <c>static readonly</c> member. Lowered once per version of its
/// source and shared by every workload that uses it (see <see cref="Caching.PlanCache"/>).
/// </summary>
/// <param name="Key">A stable identity: the member's documentation ID, with a suffix for lambdas and local functions.</param>
/// <param name="DisplayName">How messages name it (<c>Helpers.Postgres(string, int)</c>).</param>
/// <param name="ParameterCount">Parameters, in slots 0..n-1 of its frame.</param>
/// <param name="FrameSize">Slots of its frame: parameters, locals and temporaries.</param>
/// <param name="IsIterator">True for a <c>yield</c> method: it returns the items it yields, in order.</param>
/// <param name="Body">The body; an expression body is a block with one return.</param>
internal sealed record FunctionPlan(string Key, string DisplayName, int ParameterCount, int FrameSize, bool IsIterator, BlockNode Body);

/// <summary>The kinds of user types the evaluator interprets.</summary>
internal enum UserTypeKind
{
    /// <summary>A class: reference equality.</summary>
    Class,

    /// <summary>A struct: copied on assignment, field-wise equality.</summary>
    Struct,

    /// <summary>A record class: value equality, <c>with</c>, positional deconstruction, printed members.</summary>
    Record,

    /// <summary>A record struct.</summary>
    RecordStruct,

    /// <summary>An enum: named constants of an integral type.</summary>
    Enum,
}

/// <summary>A member of a user enum.</summary>
/// <param name="Name">The member's name.</param>
/// <param name="Value">Its value, widened to long.</param>
internal sealed record EnumMemberPlan(string Name, long Value);

/// <summary>A virtual or interface slot a user type implements: what a call through <paramref name="DispatchKey"/> runs.</summary>
/// <param name="DispatchKey">The slot: the documentation ID of the overridden root method or of the interface member.</param>
/// <param name="Function">The implementing function.</param>
internal sealed record DispatchEntry(string DispatchKey, string Function);

/// <summary>
/// A type of the user's compilation as the evaluator needs it: its instances' fields (so objects can be created,
/// copied and compared), its base type and the virtual slots it implements. User types are never loaded; their
/// values are interpreted objects.
/// </summary>
/// <param name="Key">The metadata name.</param>
/// <param name="DisplayName">The C# name for messages and <c>ToString()</c>.</param>
/// <param name="Kind">Class, struct, record, enum.</param>
/// <param name="BaseType">The user base type's key, or null.</param>
/// <param name="Supertypes">Every base type and interface (user and framework), by metadata name, for type tests.</param>
/// <param name="Fields">Instance storage: fields, auto-property storage and captured primary constructor parameters.</param>
/// <param name="FieldTypes">Each field's type (value-type fields start at their default).</param>
/// <param name="Printed">The public properties a record's <c>ToString()</c> prints, with their storage field.</param>
/// <param name="Positional">A record's positional properties' storage, in order (its <c>Deconstruct</c>).</param>
/// <param name="Dispatch">The virtual and interface slots this type implements itself.</param>
/// <param name="EnumMembers">An enum's members.</param>
/// <param name="IsFlags">An enum with <c>[Flags]</c>.</param>
internal sealed record UserTypePlan(
    string Key,
    string DisplayName,
    UserTypeKind Kind,
    string? BaseType,
    EquatableArray<string> Supertypes,
    EquatableArray<string> Fields,
    EquatableArray<TypeRef> FieldTypes,
    EquatableArray<PrintedMember> Printed,
    EquatableArray<string> Positional,
    EquatableArray<DispatchEntry> Dispatch,
    EquatableArray<EnumMemberPlan> EnumMembers,
    bool IsFlags);

/// <summary>A property a record prints in <c>ToString()</c>: its name and where its value is.</summary>
/// <param name="Name">The property's name.</param>
/// <param name="Field">The storage field, or null when computed (<paramref name="Getter"/>).</param>
/// <param name="Getter">The getter function for a computed property.</param>
internal sealed record PrintedMember(string Name, string? Field, string? Getter);

/// <summary>What a <c>[StatefulWorkload]</c> declaration returns.</summary>
internal enum DeclarationResult
{
    /// <summary>One <c>StatefulSetBuilder</c>.</summary>
    Single,

    /// <summary>A sequence of builders (shards, tenants): one workload each.</summary>
    Sequence,
}

/// <summary>How a declaration takes the environment it is evaluated for.</summary>
internal enum EnvironmentParameter
{
    /// <summary>It takes none: the same workload in every environment.</summary>
    None,

    /// <summary>A <c>string</c> parameter: the environment's name as listed in the project.</summary>
    String,

    /// <summary>A parameter of a user enum: the member whose name matches the environment's (case and <c>-</c>/<c>_</c> ignored).</summary>
    Enum,
}

/// <summary>
/// The plan of one <c>[StatefulWorkload]</c> declaration: its entry function and every function and user type it can
/// reach. Self-contained and equatable: equal plans evaluate to equal workloads, so the generator evaluates again
/// only when a plan changed — an edit inside a helper changes exactly the plans of the workloads that use it.
/// </summary>
/// <param name="Entry">The declaration's own function (its getter or method).</param>
/// <param name="Result">One builder or a sequence.</param>
/// <param name="Environment">How the declaration takes an environment.</param>
/// <param name="EnvironmentType">The user enum's key for <see cref="EnvironmentParameter.Enum"/>.</param>
/// <param name="Functions">Every function reachable from the entry, the entry first.</param>
/// <param name="Types">Every user type whose values the plan can create.</param>
internal sealed record WorkloadPlan(
    string Entry,
    DeclarationResult Result,
    EnvironmentParameter Environment,
    string? EnvironmentType,
    EquatableArray<FunctionPlan> Functions,
    EquatableArray<UserTypePlan> Types);
