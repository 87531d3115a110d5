namespace StatefulManifests.Generators.Planning.Plan;

/// <summary>
/// An operator as the compiler bound it: the operation, the type its operands were converted to, checked or not,
/// lifted over nullables or not, and — for a user-defined operator — the method that implements it.
/// </summary>
/// <param name="Operation">What the operator does.</param>
/// <param name="Operands">The operand type of a built-in operator (after C#'s implicit conversions).</param>
/// <param name="Checked">True in a <c>checked</c> context: integral overflow stops evaluation, as it throws at run time.</param>
/// <param name="Lifted">True for the lifted form over nullable operands (null in, null out; false for comparisons).</param>
/// <param name="Method">A user-defined operator of a DSL or framework type (<c>TimeSpan + TimeSpan</c>).</param>
/// <param name="UserFunction">A user-defined operator of a user type (function key).</param>
internal sealed record OperatorPlan(OperatorKind Operation, OperandKind Operands, bool Checked, bool Lifted, MethodRef? Method, string? UserFunction);

/// <summary>The operations of C#'s unary and binary operators.</summary>
internal enum OperatorKind
{
    /// <summary><c>+</c> (binary).</summary>
    Add,

    /// <summary><c>-</c> (binary).</summary>
    Subtract,

    /// <summary><c>*</c>.</summary>
    Multiply,

    /// <summary><c>/</c>.</summary>
    Divide,

    /// <summary><c>%</c>.</summary>
    Remainder,

    /// <summary><c>&lt;&lt;</c>.</summary>
    LeftShift,

    /// <summary><c>&gt;&gt;</c>.</summary>
    RightShift,

    /// <summary><c>&gt;&gt;&gt;</c>.</summary>
    UnsignedRightShift,

    /// <summary><c>&amp;</c> (logical on bool, bitwise otherwise).</summary>
    And,

    /// <summary><c>|</c>.</summary>
    Or,

    /// <summary><c>^</c>.</summary>
    ExclusiveOr,

    /// <summary><c>&amp;&amp;</c>.</summary>
    ConditionalAnd,

    /// <summary><c>||</c>.</summary>
    ConditionalOr,

    /// <summary><c>==</c>.</summary>
    Equals,

    /// <summary><c>!=</c>.</summary>
    NotEquals,

    /// <summary><c>&lt;</c>.</summary>
    LessThan,

    /// <summary><c>&lt;=</c>.</summary>
    LessThanOrEqual,

    /// <summary><c>&gt;</c>.</summary>
    GreaterThan,

    /// <summary><c>&gt;=</c>.</summary>
    GreaterThanOrEqual,

    /// <summary>Unary <c>+</c>.</summary>
    Plus,

    /// <summary>Unary <c>-</c>.</summary>
    Minus,

    /// <summary><c>!</c>.</summary>
    Not,

    /// <summary><c>~</c>.</summary>
    BitwiseNegation,

    /// <summary><c>++</c> (on the operand's type).</summary>
    Increment,

    /// <summary><c>--</c>.</summary>
    Decrement,
}

/// <summary>The operand type of a built-in operator.</summary>
internal enum OperandKind
{
    /// <summary><c>int</c> (and the smaller integral types, which C# promotes to it).</summary>
    Int32,

    /// <summary><c>uint</c>.</summary>
    UInt32,

    /// <summary><c>long</c>.</summary>
    Int64,

    /// <summary><c>ulong</c>.</summary>
    UInt64,

    /// <summary><c>float</c>.</summary>
    Single,

    /// <summary><c>double</c>.</summary>
    Double,

    /// <summary><c>decimal</c>.</summary>
    Decimal,

    /// <summary><c>bool</c>.</summary>
    Boolean,

    /// <summary><c>string</c> (concatenation and equality).</summary>
    String,

    /// <summary><c>char</c> (increment and decrement only; arithmetic promotes to int).</summary>
    Char,

    /// <summary>An enum (DSL, framework or user): operations on the underlying value.</summary>
    Enum,

    /// <summary>Reference equality of objects, delegates and null; value equality of user records.</summary>
    Object,

    /// <summary>A user-defined operator: see <see cref="OperatorPlan.Method"/> or <see cref="OperatorPlan.UserFunction"/>.</summary>
    UserDefined,
}
