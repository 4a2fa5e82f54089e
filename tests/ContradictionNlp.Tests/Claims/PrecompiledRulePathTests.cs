using System.Reflection;
using ContradictionNlp.Claims;

namespace ContradictionNlp.Tests.Claims;

/// <summary>
/// Round 20: crossgen2 never precompiles a method marked <see cref="System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization"/>,
/// so cnlp's ReadyToRun build JIT-compiled the marked rule-path methods in every run (~45 ms of the BBC run's extract stage).
/// These per-sentence/per-article methods must stay unmarked; the per-token loops keep the mark on purpose (their JIT
/// code is faster), which the last case checks so the flag test itself is known to see the attribute.
/// </summary>
public class PrecompiledRulePathTests
{
    private const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;

    private static bool Marked(MethodBase m) => (m.MethodImplementationFlags & MethodImplAttributes.AggressiveOptimization) != 0;

    private static IEnumerable<MethodBase> Named(Type type, string name) =>
        name == ".ctor" ? type.GetConstructors(All) : type.GetMethods(All).Where(m => m.Name == name);

    [Theory]
    [InlineData(typeof(SentenceRules), "Find")]
    [InlineData(typeof(SentenceRules), "TryVerb")]
    [InlineData(typeof(MentionParser), "Classify")]
    [InlineData(typeof(MentionParser), "NameRunEnd")]
    [InlineData(typeof(MentionResolver), ".ctor")]
    [InlineData(typeof(LearnedClaimExtractor), "Extract")]
    [InlineData(typeof(HybridClaimExtractor), "Extract")]
    [InlineData(typeof(AttributionTagger), "Label")]
    public void Rule_path_methods_are_left_to_the_precompiled_image(Type type, string name)
    {
        var methods = Named(type, name).ToList();
        Assert.NotEmpty(methods);
        Assert.All(methods, m => Assert.False(Marked(m), $"{type.Name}.{name} is AggressiveOptimization: every cnlp run would JIT-compile it"));
    }

    [Fact]
    public void The_per_token_unit_loop_keeps_the_JIT_mark()
    {
        var build = typeof(UnitView).GetMethod("BuildUnits", All);
        Assert.NotNull(build);
        Assert.True(Marked(build));
    }
}
