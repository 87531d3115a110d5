using System.Text;
using StatefulManifests.Generators.Helpers;

namespace StatefulManifests.Generators.Planning.Plan;

/// <summary>Which assembly a <see cref="TypeRef"/> is found in at evaluation time.</summary>
internal enum TypeHome
{
    /// <summary>The DSL assembly (StatefulManifests.dll), loaded beside the generator.</summary>
    Dsl,

    /// <summary>The base class library (string, Func, ValueTuple, List ...).</summary>
    Framework,

    /// <summary>
    /// A type declared in the user's compilation. It is never loaded: its values are interpreted
    /// (<see cref="UserTypePlan"/>), and where a real CLR type is needed (a <c>List&lt;Tenant&gt;</c>) it is erased to
    /// <see cref="object"/>.
    /// </summary>
    User,
}

/// <summary>
/// An equatable, symbol-free description of a type: a named type by metadata name
/// (<c>StatefulManifests.StatefulSetBuilder</c>, <c>System.Func`2</c>, <c>Demo.Tenant</c>) with type arguments, or a
/// one-dimensional array of an element type.
/// </summary>
/// <param name="Home">Where the type lives.</param>
/// <param name="MetadataName">Namespace-qualified metadata name (nested types joined with <c>+</c>); empty for arrays.</param>
/// <param name="TypeArguments">Type arguments of a constructed generic type.</param>
/// <param name="ElementType">The element type of an array, else null.</param>
internal sealed record TypeRef(TypeHome Home, string MetadataName, EquatableArray<TypeRef> TypeArguments, TypeRef? ElementType)
{
    /// <summary><see cref="object"/>, which user types erase to.</summary>
    public static readonly TypeRef Object = Named(TypeHome.Framework, "System.Object");

    /// <summary>A non-generic named type.</summary>
    public static TypeRef Named(TypeHome home, string metadataName) => new(home, metadataName, EquatableArray<TypeRef>.Empty, null);

    /// <summary>An array of <paramref name="element"/>.</summary>
    public static TypeRef ArrayOf(TypeRef element) => new(element.Home == TypeHome.User ? TypeHome.Framework : element.Home, string.Empty, EquatableArray<TypeRef>.Empty, element);

    /// <summary>True for a type of the user's compilation (not an array).</summary>
    public bool IsUser => Home == TypeHome.User && ElementType is null;

    /// <summary>The type as C#-like text, for messages.</summary>
    public override string ToString()
    {
        if (ElementType is not null)
        {
            return ElementType + "[]";
        }

        var name = MetadataName;
        var tick = name.IndexOf('`');
        if (tick >= 0)
        {
            name = name.Substring(0, tick);
        }

        var sb = new StringBuilder(name.Replace('+', '.'));
        if (TypeArguments.Count > 0)
        {
            sb.Append('<').Append(string.Join(", ", TypeArguments.Select(t => t.ToString()))).Append('>');
        }

        return sb.ToString();
    }
}

/// <summary>An equatable reference to a method (or property accessor, constructor or operator) of a DSL or framework type.</summary>
/// <param name="ContainingType">The (possibly constructed) declaring type.</param>
/// <param name="Name">The metadata name (<c>Replicas</c>, <c>get_Count</c>, <c>op_Implicit</c>, <c>.ctor</c>).</param>
/// <param name="TypeArguments">Type arguments of a generic method.</param>
/// <param name="ParameterTypes">Parameter types after substitution, used to pick the overload.</param>
/// <param name="ReturnType">The return type (distinguishes conversion operators).</param>
/// <param name="IsStatic">Static (including extension methods) or instance.</param>
/// <param name="ByRefParameters">Which parameters are <c>out</c>/<c>ref</c> (a <c>TryParse</c>'s result), by ordinal.</param>
internal sealed record MethodRef(
    TypeRef ContainingType,
    string Name,
    EquatableArray<TypeRef> TypeArguments,
    EquatableArray<TypeRef> ParameterTypes,
    TypeRef? ReturnType,
    bool IsStatic,
    EquatableArray<int> ByRefParameters)
{
    /// <summary>The method as C#-like text, for messages.</summary>
    public override string ToString() =>
        ContainingType + "." + Name + "(" + string.Join(", ", ParameterTypes.Select(p => p.ToString())) + ")";
}
