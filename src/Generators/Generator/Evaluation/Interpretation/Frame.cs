using StatefulManifests.Generators.Planning.Plan;

namespace StatefulManifests.Generators.Evaluation.Interpretation;

/// <summary>
/// The storage of one function invocation (or of one entry into a block whose locals a lambda captures): a slot per
/// parameter, local and temporary, with the place each value was written (for diagnostics), the enclosing frame a
/// closure captured, and the instance of an instance member.
/// </summary>
internal sealed class Frame
{
    /// <summary>Creates a frame.</summary>
    public Frame(FunctionPlan function, int size, Frame? parent, object? self)
    {
        Function = function;
        Values = size == 0 ? [] : new object?[size];
        Origins = size == 0 ? [] : new SourceRef[size];
        Parent = parent;
        This = self;
    }

    /// <summary>The function whose nodes run in this frame.</summary>
    public FunctionPlan Function { get; }

    /// <summary>The slots' values.</summary>
    public object?[] Values { get; }

    /// <summary>Where each slot's value was written.</summary>
    public SourceRef[] Origins { get; }

    /// <summary>The enclosing frame (what a lambda or local function captured), or null.</summary>
    public Frame? Parent { get; }

    /// <summary>The instance of an instance member, or null.</summary>
    public object? This { get; }

    /// <summary>The items an iterator yielded so far.</summary>
    public List<object?>? Yielded { get; set; }

    /// <summary>The frame <paramref name="depth"/> levels up.</summary>
    public Frame Up(int depth)
    {
        var frame = this;
        for (var i = 0; i < depth; i++)
        {
            frame = frame.Parent ?? throw new InvalidOperationException("a variable's frame is missing");
        }

        return frame;
    }
}
