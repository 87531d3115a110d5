using Microsoft.CodeAnalysis;
using StatefulManifests.Generators.Helpers;
using StatefulManifests.Generators.Planning.Plan;

namespace StatefulManifests.Generators.Planning.Lowering;

/// <summary>
/// What the evaluator needs to know about a type of the user's code: its instance storage (fields, auto-property
/// storage, captured primary constructor parameters), its supertypes, its virtual and interface slots, and for enums
/// their members. Built from symbols into an equatable <see cref="UserTypePlan"/>.
/// </summary>
internal static class UserTypes
{
    /// <summary>The storage name of a class's primary constructor parameter captured for its members.</summary>
    public static string PrimaryParameterField(string parameter) => "<>p:" + parameter;

    /// <summary>True for a property whose value is compiler-generated storage (<c>{ get; set; }</c>, positional record properties).</summary>
    public static bool IsAutoProperty(IPropertySymbol property) =>
        property.ContainingType.GetMembers().OfType<IFieldSymbol>().Any(f => SymbolEqualityComparer.Default.Equals(f.AssociatedSymbol, property));

    /// <summary>A record's positional property for a primary constructor parameter, if any.</summary>
    public static IPropertySymbol? PositionalProperty(INamedTypeSymbol type, string name) =>
        type.GetMembers(name).OfType<IPropertySymbol>().FirstOrDefault(p => !p.IsStatic && IsAutoProperty(p));

    /// <summary>The instance fields and auto-properties of a type itself (not its bases), in declaration order.</summary>
    public static IEnumerable<ISymbol> StorageMembers(INamedTypeSymbol type)
    {
        foreach (var member in type.GetMembers())
        {
            switch (member)
            {
                case IFieldSymbol { IsStatic: false, IsConst: false, AssociatedSymbol: null, IsImplicitlyDeclared: false } field:
                    yield return field;
                    break;
                case IPropertySymbol { IsStatic: false, IsIndexer: false } property when IsAutoProperty(property) && property.Name != "EqualityContract":
                    yield return property;
                    break;
            }
        }
    }

    /// <summary>
    /// The slot a virtual or interface call dispatches on: the documentation ID of the root of an override chain, or of
    /// the interface member itself. An override and the method it overrides share a key.
    /// </summary>
    public static string DispatchKey(IMethodSymbol method)
    {
        var root = method.OriginalDefinition;
        while (root.OverriddenMethod is { } overridden)
        {
            root = overridden.OriginalDefinition;
        }

        return FunctionKeys.Of(root);
    }

    /// <summary>The plan of a user type.</summary>
    public static UserTypePlan Plan(INamedTypeSymbol type)
    {
        var definition = type.OriginalDefinition;
        var key = TypeRefs.UserKey(definition);
        var display = definition.ToDisplayString();
        if (definition.TypeKind == TypeKind.Enum)
        {
            var members = definition.GetMembers().OfType<IFieldSymbol>()
                .Where(f => f.IsConst && f.HasConstantValue)
                .Select(f => new EnumMemberPlan(f.Name, System.Convert.ToInt64(f.ConstantValue, System.Globalization.CultureInfo.InvariantCulture)))
                .ToEquatableArray();
            var flags = definition.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "System.FlagsAttribute");
            return new UserTypePlan(key, display, UserTypeKind.Enum, null, EquatableArray<string>.Empty, EquatableArray<string>.Empty, EquatableArray<TypeRef>.Empty,
                EquatableArray<PrintedMember>.Empty, EquatableArray<string>.Empty, EquatableArray<DispatchEntry>.Empty, members, flags);
        }

        var kind = (definition.IsRecord, definition.IsValueType) switch
        {
            (true, true) => UserTypeKind.RecordStruct,
            (true, false) => UserTypeKind.Record,
            (false, true) => UserTypeKind.Struct,
            _ => UserTypeKind.Class,
        };
        var storage = StorageMembers(definition).ToList();
        var fields = storage.Select(m => m.Name).ToList();
        var fieldTypes = storage.Select(m => TypeRefs.From(m is IFieldSymbol f ? f.Type : ((IPropertySymbol)m).Type) ?? TypeRef.Object).ToList();
        var primary = PrimaryConstructor(definition);
        if (primary is not null && !definition.IsRecord)
        {
            foreach (var parameter in primary.Parameters)
            {
                fields.Add(PrimaryParameterField(parameter.Name));
                fieldTypes.Add(TypeRefs.From(parameter.Type) ?? TypeRef.Object);
            }
        }

        var baseType = definition.BaseType is { } b && b.Locations.Any(l => l.IsInSource) ? TypeRefs.UserKey(b.OriginalDefinition) : null;
        var supertypes = new List<string>();
        for (var t = definition.BaseType; t is not null; t = t.BaseType)
        {
            supertypes.Add(TypeRefs.From(t.OriginalDefinition)?.MetadataName ?? t.ToDisplayString());
        }

        supertypes.AddRange(definition.AllInterfaces.Select(i => TypeRefs.From(i.OriginalDefinition)?.MetadataName ?? i.ToDisplayString()));
        return new UserTypePlan(
            key,
            display,
            kind,
            baseType,
            supertypes.Distinct(StringComparer.Ordinal).ToEquatableArray(),
            fields.ToEquatableArray(),
            fieldTypes.ToEquatableArray(),
            definition.IsRecord ? Printed(definition).ToEquatableArray() : EquatableArray<PrintedMember>.Empty,
            definition.IsRecord && primary is not null
                ? primary.Parameters.Select(p => PositionalProperty(definition, p.Name)?.Name).Where(n => n is not null).Select(n => n!).ToEquatableArray()
                : EquatableArray<string>.Empty,
            Dispatch(definition).ToEquatableArray(),
            EquatableArray<EnumMemberPlan>.Empty,
            false);
    }

    /// <summary>The primary constructor of a record or class (the one declared by the type's parameter list).</summary>
    public static IMethodSymbol? PrimaryConstructor(INamedTypeSymbol type) =>
        type.InstanceConstructors.FirstOrDefault(c => c.DeclaringSyntaxReferences.Any(r =>
            r.GetSyntax() is Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax { ParameterList: not null }));

    /// <summary>The public instance properties a record prints, base record's first.</summary>
    private static IEnumerable<PrintedMember> Printed(INamedTypeSymbol record)
    {
        var chain = new List<INamedTypeSymbol>();
        for (var t = record; t is not null && t.IsRecord; t = t.BaseType)
        {
            chain.Insert(0, t);
        }

        foreach (var type in chain)
        {
            foreach (var member in type.GetMembers())
            {
                if (member is IPropertySymbol { IsStatic: false, IsIndexer: false, DeclaredAccessibility: Accessibility.Public } property && property.Name != "EqualityContract" && !property.IsOverride)
                {
                    yield return IsAutoProperty(property)
                        ? new PrintedMember(property.Name, property.Name, null)
                        : new PrintedMember(property.Name, null, property.GetMethod is { } getter ? FunctionKeys.Of(getter) : null);
                }
                else if (member is IFieldSymbol { IsStatic: false, IsConst: false, DeclaredAccessibility: Accessibility.Public, IsImplicitlyDeclared: false } field)
                {
                    yield return new PrintedMember(field.Name, field.Name, null);
                }
            }
        }
    }

    /// <summary>The virtual and interface slots this type's own methods (and accessors) implement.</summary>
    private static IEnumerable<DispatchEntry> Dispatch(INamedTypeSymbol type)
    {
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
        {
            if (method.IsStatic || method.MethodKind is MethodKind.Constructor || method.IsImplicitlyDeclared && method.AssociatedSymbol is null)
            {
                continue;
            }

            if (method.IsOverride || method.IsVirtual || method.IsAbstract)
            {
                entries[DispatchKey(method)] = FunctionKeys.Of(method);
            }
        }

        foreach (var @interface in type.AllInterfaces)
        {
            foreach (var member in @interface.GetMembers().OfType<IMethodSymbol>())
            {
                if (type.FindImplementationForInterfaceMember(member) is IMethodSymbol implementation
                    && SymbolEqualityComparer.Default.Equals(implementation.ContainingType.OriginalDefinition, type.OriginalDefinition))
                {
                    entries[FunctionKeys.Of(member)] = FunctionKeys.Of(implementation);
                }
            }
        }

        return entries.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => new DispatchEntry(e.Key, e.Value));
    }
}
