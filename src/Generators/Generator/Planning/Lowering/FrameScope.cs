using Microsoft.CodeAnalysis;

namespace StatefulManifests.Generators.Planning.Lowering;

/// <summary>
/// One frame of the interpreter as the lowerer sees it: a function (method, lambda, local function) or a block
/// whose captured locals need fresh storage on every entry. Variables get slots in the frame that declares them;
/// a reference from an inner frame is addressed by how many frames up it lives (its depth).
/// </summary>
internal sealed class FrameScope
{
    private readonly Dictionary<ISymbol, int> slots = new(SymbolEqualityComparer.Default);

    /// <summary>Creates a frame scope.</summary>
    /// <param name="parent">The enclosing frame, or null for a member's own frame.</param>
    /// <param name="isFunction">True for a function's frame (where <c>this</c> and returns belong).</param>
    /// <param name="hasThis">True when the function is an instance member of a user type.</param>
    public FrameScope(FrameScope? parent, bool isFunction, bool hasThis)
    {
        Parent = parent;
        IsFunction = isFunction;
        HasThis = hasThis;
    }

    /// <summary>The enclosing frame.</summary>
    public FrameScope? Parent { get; }

    /// <summary>True for a function's frame.</summary>
    public bool IsFunction { get; }

    /// <summary>True for an instance member's frame.</summary>
    public bool HasThis { get; }

    /// <summary>The number of slots allocated so far.</summary>
    public int Size { get; private set; }

    /// <summary>Gives <paramref name="variable"/> the next slot of this frame.</summary>
    public int Declare(ISymbol variable)
    {
        var slot = Size++;
        slots[variable] = slot;
        return slot;
    }

    /// <summary>A slot for a temporary value (a switch's input, an initializer's object).</summary>
    public int Temporary() => Size++;

    /// <summary>Finds a variable in this frame or an enclosing one: its depth and slot.</summary>
    public bool TryFind(ISymbol variable, out int depth, out int slot)
    {
        depth = 0;
        for (var scope = this; scope is not null; scope = scope.Parent, depth++)
        {
            if (scope.slots.TryGetValue(variable, out slot))
            {
                return true;
            }
        }

        slot = -1;
        return false;
    }

    /// <summary>How many frames up the nearest instance member's frame is, or -1 when there is none.</summary>
    public int ThisDepth()
    {
        var depth = 0;
        for (var scope = this; scope is not null; scope = scope.Parent, depth++)
        {
            if (scope.IsFunction && scope.HasThis)
            {
                return depth;
            }
        }

        return -1;
    }
}
