using System.Text;
using StatefulManifests.Generators.Evaluation.Runtime;

namespace StatefulManifests.Generators.Evaluation.Interpretation;

/// <summary>
/// An instance of a user class, struct or record (or an anonymous object), which the evaluator interprets instead of
/// loading. Its fields keep where each value was written, so a diagnostic about a value that travelled through a
/// record still lands where the user wrote it. Equality, hashing and <c>ToString()</c> follow C#: records and structs
/// compare by value (unless the user overrides Equals), classes by reference; a record prints its public members.
/// </summary>
internal sealed class UserObject
{
    private readonly Interpreter interpreter;

    /// <summary>Creates an object with every field at its default.</summary>
    public UserObject(UserType type, Interpreter interpreter)
    {
        Type = type;
        this.interpreter = interpreter;
        Values = new object?[type.Fields.Count];
        Origins = new SourceRef[type.Fields.Count];
        for (var i = 0; i < Values.Length; i++)
        {
            Values[i] = interpreter.DefaultOf(type.FieldTypes[i]);
        }
    }

    private UserObject(UserObject other)
    {
        Type = other.Type;
        interpreter = other.interpreter;
        Values = (object?[])other.Values.Clone();
        Origins = (SourceRef[])other.Origins.Clone();
    }

    /// <summary>The type.</summary>
    public UserType Type { get; }

    /// <summary>The fields' values, in <see cref="UserType.Fields"/> order.</summary>
    public object?[] Values { get; }

    /// <summary>Where each field's value was written.</summary>
    public SourceRef[] Origins { get; }

    /// <summary>A shallow copy (a struct assignment, a record's <c>with</c>).</summary>
    public UserObject Copy() => new(this);

    /// <summary>Reads a field.</summary>
    public object? Get(string field) => Values[Type.IndexOf(field)];

    /// <inheritdoc />
    public override string ToString() => interpreter.ToText(this);

    /// <inheritdoc />
    public override bool Equals(object? obj) => interpreter.AreEqual(this, obj);

    /// <inheritdoc />
    public override int GetHashCode() => interpreter.HashOf(this);

    /// <summary>C#'s record printing: <c>Tenant { Name = orders, Size = 3 }</c>.</summary>
    internal string Printed(Func<string, object?> readGetter)
    {
        var sb = new StringBuilder(Type.Plan.Key == Planning.Lowering.TypeRefs.AnonymousTypeKey ? string.Empty : ShortName() + " ");
        sb.Append('{');
        var members = Type.Plan.Key == Planning.Lowering.TypeRefs.AnonymousTypeKey
            ? Type.Fields.Select(f => (Name: f, Value: Get(f)))
            : Type.Plan.Printed.Select(p => (p.Name, Value: p.Field is not null ? Get(p.Field) : p.Getter is not null ? readGetter(p.Getter) : null));
        var first = true;
        foreach (var (name, value) in members)
        {
            sb.Append(first ? " " : ", ").Append(name).Append(" = ").Append(ValueConversion.Text(value));
            first = false;
        }

        return sb.Append(first ? "}" : " }").ToString();
    }

    private string ShortName()
    {
        var name = Type.DisplayName;
        var lt = name.IndexOf('<');
        var plain = lt < 0 ? name : name.Substring(0, lt);
        var dot = plain.LastIndexOf('.');
        return dot < 0 ? name : name.Substring(dot + 1);
    }
}
