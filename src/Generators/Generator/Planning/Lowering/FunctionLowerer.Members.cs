using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using StatefulManifests.Generators.Helpers;
using StatefulManifests.Generators.Planning.Plan;

namespace StatefulManifests.Generators.Planning.Lowering;

/// <summary>
/// Member bodies: methods (static, extension, instance, operators), property accessors (explicit and auto),
/// constructors (with field initializers, primary constructors and base calls), and the initializers of
/// <c>static readonly</c> fields and static get-only properties.
/// </summary>
internal sealed partial class FunctionLowerer
{
    private void LowerMember(ISymbol member, string key)
    {
        switch (member)
        {
            case IMethodSymbol { MethodKind: MethodKind.Constructor, IsStatic: false } constructor:
                LowerConstructor(constructor, key);
                break;
            case IMethodSymbol { MethodKind: MethodKind.StaticConstructor }:
                LowerUnsupportedMember(member, key, "static constructors are not evaluated; give the static readonly members initializers instead");
                break;
            case IMethodSymbol method:
                LowerMethod(method, key);
                break;
            case IFieldSymbol or IPropertySymbol:
                LowerStaticInitializer(member, key);
                break;
            default:
                LowerUnsupportedMember(member, key, "'" + member.Name + "' is not a method, property or field");
                break;
        }
    }

    /// <summary>A function that cannot run, so the failure is recorded at the member and the plan never executes it.</summary>
    private void LowerUnsupportedMember(ISymbol member, string key, string reason)
    {
        LowerFunction(key, FunctionKeys.Display(member), [], hasThis: false, isIterator: false, () =>
        {
            var at = member.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken);
            if (at is not null)
            {
                ModelFor(at.SyntaxTree);
                Record(at is MemberDeclarationSyntax declaration ? IdentifierOf(declaration) ?? at : at, reason);
            }

            return new BlockNode(Implicit(), EquatableArray<StatementNode>.Empty, 0);
        });
    }

    private static SyntaxNode? IdentifierOf(MemberDeclarationSyntax declaration) => declaration switch
    {
        MethodDeclarationSyntax m => m.ReturnType,
        PropertyDeclarationSyntax p => p.Type,
        _ => null,
    };

    private void LowerMethod(IMethodSymbol method, string key)
    {
        var syntax = method.DeclaringSyntaxReferences
            .Select(r => r.GetSyntax(cancellationToken))
            .OrderByDescending(HasBody)
            .FirstOrDefault();
        if (syntax is null)
        {
            LowerUnsupportedMember(method, key, "'" + method.Name + "' has no source in this project");
            return;
        }

        if (method.IsGenericMethod && method.TypeParameters.Any(t => t.HasConstructorConstraint))
        {
            LowerUnsupportedMember(method, key, "generic methods that create a T (new()) are not evaluated");
            return;
        }

        if (method.Parameters.Any(p => p.RefKind != RefKind.None && p.RefKind != RefKind.In))
        {
            LowerUnsupportedMember(method, key, "'" + method.Name + "' has ref or out parameters, which are not evaluated; return a tuple instead");
            return;
        }

        var hasThis = !method.IsStatic;
        var model = ModelFor(syntax.SyntaxTree);
        LowerFunction(key, FunctionKeys.Display(method), method.Parameters, hasThis, IsIterator(syntax), () =>
        {
            if (syntax is not AccessorDeclarationSyntax { Body: not null } and not AccessorDeclarationSyntax { ExpressionBody: not null } and not ArrowExpressionClauseSyntax
                && method.AssociatedSymbol is IPropertySymbol auto && UserTypes.IsAutoProperty(auto))
            {
                return AutoAccessor(method, auto, syntax);
            }

            var operation = model.GetOperation(syntax, cancellationToken);
            var body = operation switch
            {
                IMethodBodyOperation methodBody => methodBody.BlockBody ?? methodBody.ExpressionBody,
                IBlockOperation block => block,
                _ => null,
            };
            if (body is null)
            {
                Record(syntax, "'" + method.Name + "' has no body that compile-time evaluation can run");
                return new BlockNode(NewId(syntax), EquatableArray<StatementNode>.Empty, 0);
            }

            return LowerBlock(body, ownFrame: false);
        });
    }

    private static bool HasBody(SyntaxNode node) => node switch
    {
        BaseMethodDeclarationSyntax m => m.Body is not null || m.ExpressionBody is not null,
        AccessorDeclarationSyntax a => a.Body is not null || a.ExpressionBody is not null,
        _ => true,
    };

    private static bool IsIterator(SyntaxNode syntax)
    {
        var body = syntax switch
        {
            BaseMethodDeclarationSyntax m => (SyntaxNode?)m.Body,
            AccessorDeclarationSyntax a => a.Body,
            LocalFunctionStatementSyntax l => l.Body,
            _ => null,
        };
        return body is not null && body
            .DescendantNodes(n => n == body || n is not (LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax))
            .OfType<YieldStatementSyntax>()
            .Any();
    }

    /// <summary>An auto-property accessor: read or write the property's storage in the instance.</summary>
    private BlockNode AutoAccessor(IMethodSymbol accessor, IPropertySymbol property, SyntaxNode syntax)
    {
        var id = NewId(syntax);
        if (property.IsStatic)
        {
            Record(syntax, "'" + property.Name + "' is a static property with a setter, so its value can change at run time; make it get-only");
            return new BlockNode(id, EquatableArray<StatementNode>.Empty, 0);
        }

        var self = new ThisNode(Implicit(), 0);
        StatementNode statement = accessor.MethodKind == MethodKind.PropertyGet
            ? new ReturnNode(Implicit(), new FieldNode(Implicit(), self, property.Name))
            : new ExpressionStatementNode(Implicit(), new AssignNode(Implicit(), new FieldTarget(Implicit(), self, property.Name), new VariableNode(Implicit(), 0, 0)));
        return new BlockNode(id, new[] { statement }.ToEquatableArray(), 0);
    }

    /// <summary>The value of a <c>static readonly</c> field or a static get-only auto-property: its initializer.</summary>
    private void LowerStaticInitializer(ISymbol member, string key)
    {
        var (initializer, problem) = member switch
        {
            IFieldSymbol { IsStatic: false } => (null, "'" + member.Name + "' is an instance field"),
            IFieldSymbol { IsReadOnly: false, IsConst: false } => (null, "'" + member.Name + "' is a mutable static field, so its value can change at run time; make it static readonly"),
            IFieldSymbol => (InitializerOf(member), "'" + member.Name + "' has no initializer; static constructors are not evaluated"),
            IPropertySymbol { SetMethod: not null } => (null, "'" + member.Name + "' is a static property with a setter, so its value can change at run time; make it get-only"),
            IPropertySymbol => (InitializerOf(member), "'" + member.Name + "' has no initializer"),
            _ => ((EqualsValueClauseSyntax?)null, "not a field or property"),
        };

        if (initializer is null)
        {
            LowerUnsupportedMember(member, key, problem);
            return;
        }

        var model = ModelFor(initializer.SyntaxTree);
        LowerFunction(key, FunctionKeys.Display(member), [], hasThis: false, isIterator: false, () =>
        {
            var value = model.GetOperation(initializer, cancellationToken) switch
            {
                ISymbolInitializerOperation symbolInitializer => symbolInitializer.Value,
                _ => null,
            };
            var id = NewId(initializer.Value);
            var returned = value is null ? Fail(initializer.Value, "the initializer could not be bound") : Lower(value);
            return new BlockNode(id, new StatementNode[] { new ReturnNode(Implicit(), returned) }.ToEquatableArray(), 0);
        });
    }

    private EqualsValueClauseSyntax? InitializerOf(ISymbol member) =>
        member.DeclaringSyntaxReferences.Select(r => r.GetSyntax(cancellationToken)).Select(s => s switch
        {
            VariableDeclaratorSyntax v => v.Initializer,
            PropertyDeclarationSyntax p => p.Initializer,
            _ => null,
        }).FirstOrDefault(i => i is not null);

    /// <summary>
    /// A constructor: a <c>this(...)</c> call, or the instance field and property initializers, the storage of primary
    /// constructor parameters and the base constructor; then the body.
    /// </summary>
    private void LowerConstructor(IMethodSymbol constructor, string key)
    {
        var type = constructor.ContainingType;
        UseType(type);
        var declaration = constructor.DeclaringSyntaxReferences.Select(r => r.GetSyntax(cancellationToken)).FirstOrDefault();
        if (declaration is not null)
        {
            ModelFor(declaration.SyntaxTree);
        }

        LowerFunction(key, FunctionKeys.Display(constructor), constructor.Parameters, hasThis: true, isIterator: false, () =>
        {
            var id = declaration is null ? Implicit() : NewId(declaration);
            var statements = new List<StatementNode>();
            var body = declaration is ConstructorDeclarationSyntax explicitConstructor
                ? ModelFor(explicitConstructor.SyntaxTree).GetOperation(explicitConstructor, cancellationToken) as IConstructorBodyOperation
                : null;
            var chainsToThis = body?.Initializer is IExpressionStatementOperation { Operation: IInvocationOperation { TargetMethod: var target } }
                && SymbolEqualityComparer.Default.Equals(target.ContainingType, type);
            if (!chainsToThis)
            {
                statements.AddRange(InstanceInitializers(type));
                if (declaration is TypeDeclarationSyntax { ParameterList: not null })
                {
                    statements.AddRange(PrimaryConstructorStorage(constructor, type));
                }
            }

            if (body?.Initializer is { } initializer)
            {
                statements.Add(LowerStatement(initializer));
            }
            else if (declaration is TypeDeclarationSyntax { BaseList.Types: var baseTypes } && baseTypes.FirstOrDefault() is PrimaryConstructorBaseTypeSyntax primaryBase)
            {
                statements.Add(BaseConstructorCall(primaryBase));
            }
            else if (type.BaseType is { } baseType && IsUser(baseType))
            {
                var parameterless = baseType.InstanceConstructors.FirstOrDefault(c => c.Parameters.All(p => p.IsOptional));
                if (parameterless is not null)
                {
                    statements.Add(new ExpressionStatementNode(Implicit(), new UserCallNode(Implicit(), Call(parameterless), new ThisNode(Implicit(), 0), DefaultArguments(parameterless), null)));
                }
            }
            else if (type.BaseType is { SpecialType: not SpecialType.System_Object and not SpecialType.System_ValueType } frameworkBase && !type.IsRecord)
            {
                Record(declaration ?? type.DeclaringSyntaxReferences.First().GetSyntax(cancellationToken),
                    "'" + type.Name + "' derives from '" + frameworkBase.ToDisplayString() + "', whose state the evaluator cannot hold; derive from object or compose instead");
            }

            if ((body?.BlockBody ?? body?.ExpressionBody) is { } block)
            {
                statements.Add(LowerBlock(block, ownFrame: false));
            }

            return new BlockNode(id, statements.ToEquatableArray(), 0);
        });
    }

    /// <summary>The initializers of the type's instance fields and auto-properties, in declaration order.</summary>
    private IEnumerable<StatementNode> InstanceInitializers(INamedTypeSymbol type)
    {
        foreach (var member in UserTypes.StorageMembers(type))
        {
            if (InitializerOf(member) is not { } initializer)
            {
                continue;
            }

            var model = ModelFor(initializer.SyntaxTree);
            if (model.GetOperation(initializer, cancellationToken) is not ISymbolInitializerOperation { Value: { } value })
            {
                continue;
            }

            var self = new ThisNode(Implicit(), 0);
            yield return new ExpressionStatementNode(NewId(initializer), new AssignNode(Implicit(), new FieldTarget(Implicit(), self, member.Name), Lower(value)));
        }
    }

    /// <summary>Primary constructor parameters: a record's become its positional properties; a class's are kept for its members.</summary>
    private IEnumerable<StatementNode> PrimaryConstructorStorage(IMethodSymbol constructor, INamedTypeSymbol type)
    {
        foreach (var parameter in constructor.Parameters)
        {
            string? field = null;
            if (type.IsRecord && UserTypes.PositionalProperty(type, parameter.Name) is { } positional)
            {
                field = positional.Name;
            }
            else if (!type.IsRecord)
            {
                field = UserTypes.PrimaryParameterField(parameter.Name);
            }

            if (field is null)
            {
                continue;
            }

            state.Scope.TryFind(parameter, out var parameterDepth, out var slot);
            var self = new ThisNode(Implicit(), 0);
            yield return new ExpressionStatementNode(Implicit(), new AssignNode(Implicit(), new FieldTarget(Implicit(), self, field), new VariableNode(Implicit(), parameterDepth, slot)));
        }
    }

    private StatementNode BaseConstructorCall(PrimaryConstructorBaseTypeSyntax primaryBase)
    {
        var operation = ModelFor(primaryBase.SyntaxTree).GetOperation(primaryBase, cancellationToken);
        return operation is null
            ? FailStatement(primaryBase, "the base constructor call could not be bound")
            : LowerStatementOrExpression(operation);
    }

    /// <summary>Arguments of a call where every parameter takes its default (a base constructor called implicitly).</summary>
    private EquatableArray<ExpressionNode> DefaultArguments(IMethodSymbol method) =>
        method.Parameters.Select(p => (ExpressionNode)new ConstantNode(Implicit(), TypeOf(p.Type), p.HasExplicitDefaultValue ? p.ExplicitDefaultValue : null)).ToEquatableArray();
}
